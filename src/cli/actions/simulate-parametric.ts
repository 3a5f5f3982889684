/**
 * `simulate --method parametric` (docs/company-cost.md): the delta-normal Cost-at-Risk and its Euler parts without price paths,
 * on the inputs the Monte Carlo would use — the same plan, volume paths, price model and basis.
 */
import { forecastOrigin, parametricStage, type PlanStage, type PriceModelChoice } from "../../pipeline/index.js";
import { parametricCsv, parametricDocument, parametricHuman } from "../../report/views/simulate-parametric.js";
import type { SimulationProvenance } from "../../report/views/simulate.js";
import { pricingDocument } from "../../company/scenarios.js";
import type { Budget } from "../../scenarios/budget.js";
import type { Basis } from "../../scenarios/simulate.js";
import { HedgeError } from "../../errors.js";
import { DEFAULT_CONFIDENCE } from "../../defaults.js";
import { emit } from "../output.js";
import { parametricSentence } from "../../report/risk-sentences.js";
import { sellerParametricSentence } from "../../report/seller-sentences.js";
import type { PlanFlags } from "../plan-flags.js";
import type { SimulateFlags } from "../simulate-options.js";
import type { RunContext } from "../commands/shared.js";
import { PLAN_SOURCE_USE, planSourceDocument, planSourceHuman } from "../../report/views/plan-source.js";

/** The plan's flags of a simulate run: --method parametric sizes by --sizing (default the policy ladder). */
export function planFlagsOf(flags: SimulateFlags): PlanFlags {
  if (flags.method !== "parametric") {
    if (flags.sizing !== undefined) {
      throw new HedgeError("USAGE", "--sizing applies with --method parametric only", {
        value: `--sizing ${flags.sizing}`,
        expected: "--method parametric --sizing METHOD",
        hint: `or give --method ${flags.sizing}`,
      });
    }
    return flags as PlanFlags;
  }
  return { ...flags, method: flags.sizing ?? "policy" };
}

/** The Cost-at-Risk level: --confidence (or the config's simulation.confidence, which fills it), else 95%. */
export function confidenceOf(flags: SimulateFlags, stage: PlanStage): number {
  return flags.confidence ?? stage.inputs.configConfidence ?? DEFAULT_CONFIDENCE;
}

/** Where the simulation's inputs came from, for the reader and the JSON (both modes). */
export function simulationProvenance(
  stage: PlanStage,
  choice: PriceModelChoice,
  basis: Basis,
  paths: number,
  budget: Budget | undefined,
): SimulationProvenance {
  return {
    ...choice.provenance,
    ...(basis !== choice.basis && stage.company
      ? {
          basisSource: `S₀ from ${stage.company.sourceDetail}; basis ${stage.company.basis.method}`,
          company: pricingDocument(stage.company),
        }
      : {}),
    volumeSource: `${paths.toLocaleString("en-US")} sample paths of the ${stage.exposure.forecast.model} forecast`,
    ...(budget ? { budget } : {}),
  };
}

export function emitParametric(
  ctx: RunContext,
  flags: SimulateFlags,
  stage: PlanStage,
  s: { choice: PriceModelChoice; basis: Basis; budget?: Budget },
): void {
  const asOf = flags.asOf ?? forecastOrigin(stage);
  const settings = {
    model: s.choice.model,
    basis: s.basis,
    paths: flags.paths,
    corr: flags.corr ?? 0,
    seed: flags.seed,
    asOf,
    confidence: confidenceOf(flags, stage),
  };
  const run = { ...settings, result: parametricStage(stage, settings) };
  const provenance = simulationProvenance(stage, s.choice, s.basis, flags.paths, s.budget);
  emit(
    ctx,
    flags,
    {
      json: () => ({
        ...parametricDocument(stage.plan, run, provenance),
        ...(stage.source ? { planSource: planSourceDocument(stage.source) } : {}),
      }),
      csv: () => parametricCsv(run),
      human: () =>
        (stage.source ? planSourceHuman(stage.source, PLAN_SOURCE_USE.simulate) : "") +
        parametricHuman(stage.plan, run, provenance, ctx.colour, stage.position.side) +
        "\n" +
        (stage.position.side === "long"
          ? parametricSentence(run.result, s.budget)
          : sellerParametricSentence(run.result, stage.plan.totals.contracts)) +
        "\n",
    },
    stage.inputs.files,
  );
}
