/**
 * The book stage: what `--book`, `--side`, `--settlements` and a forecast past the curve add to a plan.
 *   - the book against the plan (src/book/section.ts): marked to market, realised on settled months, traded to target;
 *   - months of the forecast past the curve, stacked and rolled (src/book/roll-section.ts).
 * Called by buildPlanStage; pure.
 */
import type { CompletedCurve } from "../curve/complete-curve.js";
import type { ExposureForecast } from "../hedge/exposure.js";
import type { HedgePlan, PlanOptions } from "../hedge/plan.js";
import type { HedgePolicy } from "../hedge/policy.js";
import { HedgeError } from "../errors.js";
import { checkContract } from "../book/book.js";
import { bookSection, type BookSection } from "../book/section.js";
import { rollSection, type RollSection } from "../book/roll-section.js";
import type { HedgeSide, RebalanceRule } from "../book/rebalance.js";
import type { PipelineInputs } from "./inputs.js";

export interface BookStage {
  side: HedgeSide;
  rebalance: RebalanceRule;
  /** The book against the plan; null without --book. */
  book: BookSection | null;
  /** Forecast months past the curve, stacked and rolled; null when the forecast ends on the curve. */
  rolls: RollSection | null;
}

export interface BookStageInput {
  inputs: PipelineInputs;
  curve: CompletedCurve;
  policy: HedgePolicy;
  exposure: ExposureForecast;
  plan: HedgePlan;
  options: PlanOptions;
  /** Today, for the roll dates (default the forecast origin). */
  origin: string;
}

export function buildBookStage(i: BookStageInput): BookStage {
  const p = i.inputs.position;
  const side = p?.side ?? "long";
  if (side === "short" && i.inputs.company?.commitments) {
    throw new HedgeError(
      "USAGE",
      "--commitments are committed-use purchases, a buyer's; a short hedge (--side short) does not take them",
      {
        value: i.inputs.company.commitments.file,
        expected: "--side long with --commitments, or no --commitments",
        hint: "leave --commitments (or the config's commitments) out for a seller's hedge",
      },
    );
  }
  const rebalance = p?.rebalance ?? i.policy.rebalance ?? "both";
  let book: BookSection | null = null;
  if (p?.book) {
    checkContract(p.book, i.inputs.spec.name, p.contractFile ?? null);
    book = bookSection({
      plan: i.plan,
      spec: i.inputs.spec,
      book: p.book,
      settlements: p.settlements,
      settlementsFile: p.settlementsFile,
      curve: i.curve.points,
      side,
      rebalance,
      allowShort: p.allowShort,
    });
  }
  if (p?.stackMonth !== undefined && !i.curve.points.some((c) => c.month === p.stackMonth)) {
    throw new HedgeError("USAGE", `--stack-month ${p.stackMonth} is not a month of the curve`, {
      value: p.stackMonth,
      expected: `a delivery month from ${i.curve.points[0]!.month} to ${i.curve.points[i.curve.points.length - 1]!.month}`,
      hint: "leave --stack-month out to stack in the last listed month",
    });
  }
  const rolls = rollSection({
    forecast: i.exposure.months,
    curve: i.curve.points,
    spec: i.inputs.spec,
    policy: i.policy,
    options: i.options,
    asOf: p?.asOf ?? i.origin,
    side,
    ...(p?.stackMonth !== undefined ? { stackMonth: p.stackMonth } : {}),
  });
  return { side, rebalance, book, rolls };
}

/**
 * The budget a side takes: a buyer's cost budget (the flag's, else the config's). A seller's revenue target is not
 * built, so `--budget` with `--side short` is refused and a config budget is left out with a warning.
 */
export function budgetForSide<B>(
  side: HedgeSide,
  fromFlag: B | undefined,
  fromConfig: B | undefined,
): { budget: B | undefined; warnings: string[] } {
  if (side === "long") return { budget: fromFlag ?? fromConfig, warnings: [] };
  if (fromFlag !== undefined) {
    throw new HedgeError(
      "USAGE",
      "--budget is a buyer's cost budget; a seller's revenue target (--side short) is not built yet",
      {
        expected: "no --budget with --side short",
        hint: "leave --budget out, or use --side long",
      },
    );
  }
  return {
    budget: undefined,
    warnings:
      fromConfig !== undefined
        ? [
            "the config's budget is a buyer's cost budget: left out for --side short (a seller's revenue target is not built yet)",
          ]
        : [],
  };
}
