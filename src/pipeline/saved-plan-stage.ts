/**
 * `--plan FILE` in the plan stage: a saved plan (src/hedge/saved-plan.ts) instead of planning again. Its months,
 * contracts, ratios and forecast quantiles are the saved ones; they are priced on today's curve
 * (src/hedge/saved-plan-mark.ts). Still read from this run's inputs: the curve (today's prices), the contract
 * (checked against the saved one; margin and fees), the usage file (the company's own price, the months already
 * delivered, and the volume paths simulate draws), and the company, basis, book and simulation settings.
 */
import { HedgeError } from "../errors.js";
import type { CompletedCurve } from "../curve/complete-curve.js";
import type { ExposureForecast } from "../hedge/exposure.js";
import type { HedgePlan } from "../hedge/plan.js";
import { markSavedPlan, type MovedMonth } from "../hedge/saved-plan-mark.js";
import type { SavedPlan } from "../hedge/saved-plan.js";
import type { PipelineInputs } from "./inputs.js";

/** Where a run's plan came from, when it was read from a file (the `planSource` of the JSON and the header line). */
export interface PlanSource {
  file: string;
  command: "plan";
  schemaVersion: 1;
  /** The seed and forecast model recorded in the saved plan (null when it holds none). */
  seed: number | null;
  forecastModel: string | null;
  months: { first: string; last: string; count: number };
  contracts: number;
  /** The rule: the saved contracts are priced on today's curve, and scenarios shock around it. */
  pricedOn: "current-curve";
  curveFile: string;
  moved: MovedMonth[];
  dropped: { month: string; reason: string }[];
  notInPlan: string[];
  edited: string[];
  /** The largest difference between this run's forecast P50 and the saved one (simulate draws this run's volumes); null when none. */
  forecastDrift: { month: string; saved: number; current: number; change: number } | null;
}

/** Differences below this share of the saved P50 are not worth a warning. */
const DRIFT_TOLERANCE = 0.005;

export function savedPlanStage(
  inputs: PipelineInputs,
  saved: SavedPlan,
  curve: CompletedCurve,
  exposure: ExposureForecast,
): { plan: HedgePlan; source: PlanSource } {
  const side = inputs.position?.side ?? "long";
  if (side !== saved.side) {
    throw new HedgeError("INPUT_INVALID", `the saved plan is a ${saved.side} hedge; this run is ${side} (--side)`, {
      file: saved.file,
      path: "side",
      value: JSON.stringify(saved.side),
      expected: `"${side}", or --side ${saved.side}`,
      hint: "give the --side the plan was made with",
    });
  }
  const mark = markSavedPlan({
    saved,
    curve: curve.points,
    curveFile: inputs.curveFile,
    forecastMonths: exposure.months.map((m) => m.month),
    spec: inputs.spec,
    specFile: inputs.position?.contractFile ?? null,
  });
  const drift = forecastDrift(mark.plan, exposure);
  const warnings = [...mark.warnings];
  if (saved.seed !== null && saved.seed !== inputs.seed) {
    warnings.push(
      `saved plan ${saved.file} was made with seed ${saved.seed}; this run draws with seed ${inputs.seed} (give --seed ${saved.seed} for the same volume paths)`,
    );
  }
  if (drift) {
    warnings.push(
      `saved plan ${saved.file}: this run's forecast of the usage differs from the saved one (largest ${drift.month}: P50 ${fmtB(drift.saved)} → ${fmtB(drift.current)} B tokens, ${(drift.change * 100).toFixed(1)}%); ` +
        "the volume cases use the saved quantiles, simulate draws its volumes from this run's forecast",
    );
  }
  const months = mark.plan.months;
  return {
    plan: { ...mark.plan, warnings: [...warnings, ...mark.plan.warnings] },
    source: {
      file: saved.file,
      command: "plan",
      schemaVersion: saved.schemaVersion,
      seed: saved.seed,
      forecastModel: saved.forecastModel,
      months: { first: months[0]!.month, last: months[months.length - 1]!.month, count: months.length },
      contracts: mark.plan.totals.contracts,
      pricedOn: "current-curve",
      curveFile: inputs.curveFile,
      moved: mark.moved,
      dropped: mark.dropped,
      notInPlan: mark.notInPlan,
      edited: saved.edited,
      forecastDrift: drift,
    },
  };
}

function fmtB(tokens: number): string {
  return (tokens / 1e9).toFixed(2);
}

/** The month where this run's P50 differs most from the saved one, relatively; null below the tolerance. */
function forecastDrift(plan: HedgePlan, exposure: ExposureForecast): PlanSource["forecastDrift"] {
  const now = new Map(exposure.months.map((m) => [m.month, m]));
  let worst: PlanSource["forecastDrift"] = null;
  for (const m of plan.months) {
    const f = now.get(m.month);
    if (!f || m.forecastP50 <= 0) continue;
    const current = Math.round(f.p50);
    const change = (current - m.forecastP50) / m.forecastP50;
    if (Math.abs(change) > DRIFT_TOLERANCE && (!worst || Math.abs(change) > Math.abs(worst.change)))
      worst = { month: m.month, saved: m.forecastP50, current, change };
  }
  return worst;
}
