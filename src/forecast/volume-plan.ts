/**
 * A top-down volume plan or budget (`--volume-plan FILE`) blended with the statistical forecast
 * (docs/forecasting.md, "Volume plan"). For a plan month with weight w:
 *
 *   mean' = w · plan + (1 − w) · mean,      r = mean' / mean,
 *
 * and every sample path (and closed-form quantile) of that month is multiplied by r, so the month's distribution
 * keeps its shape relative to its mean and its mean is exactly the blend; w = 1 overrides the statistical mean.
 * Months the plan does not name keep the statistical forecast. The default weight 0.5 is the equal combination
 * of a judgmental and a statistical forecast (Blattberg & Hoch 1990, "Database models and managerial intuition:
 * 50% model + 50% manager", Management Science 36(8)).
 */
import { HedgeError } from "../errors.js";
import { monthsBetween } from "../time/period.js";
import { scaledModel } from "./events.js";
import type { FittedModel } from "./model.js";
import type { BlendMonth, VolumePlan } from "./types.js";

import { DEFAULT_PLAN_WEIGHT } from "./defaults.js";

export { DEFAULT_PLAN_WEIGHT };

export interface Blend {
  model: FittedModel;
  months: BlendMonth[];
  warnings: string[];
}

export function checkVolumePlan(plan: VolumePlan): void {
  const w = plan.weight;
  if (w !== undefined && !(Number.isFinite(w) && w >= 0 && w <= 1)) {
    throw new HedgeError("USAGE", `volume-plan weight must be between 0 and 1; got ${String(w)}`, {
      value: String(w),
      expected: "a number 0 … 1",
      hint: "--volume-plan-weight 0.5",
    });
  }
  for (const m of plan.months) {
    if (!(Number.isFinite(m.tokens) && m.tokens >= 0)) {
      throw new HedgeError("INPUT_INVALID", `volume plan ${m.month}: tokens ${String(m.tokens)} must be ≥ 0`, {
        value: String(m.tokens),
        expected: "a number ≥ 0",
      });
    }
    if (m.weight !== undefined && !(Number.isFinite(m.weight) && m.weight >= 0 && m.weight <= 1)) {
      throw new HedgeError(
        "INPUT_INVALID",
        `volume plan ${m.month}: weight ${String(m.weight)} must be between 0 and 1`,
        { value: String(m.weight), expected: "a number 0 … 1" },
      );
    }
  }
}

/**
 * Blend `model` (the statistical forecast, events applied) with the plan. `lastMonth` is the last observed month;
 * `means(H)` gives the statistical forecast's reported means for steps 1..H (closed-form or path means, exactly
 * as the forecast reports them, so that the blended means come out exactly).
 */
export function blendWithPlan(
  model: FittedModel,
  plan: VolumePlan,
  lastMonth: string,
  means: (horizon: number) => Float64Array,
): Blend {
  const warnings: string[] = [];
  const past = plan.months.filter((m) => monthsBetween(lastMonth, m.month) < 1).map((m) => m.month);
  if (past.length > 0)
    warnings.push(
      `volume plan: ${past.join(", ")} ${past.length === 1 ? "is" : "are"} not after the last month of data (${lastMonth}) and left out`,
    );
  const ahead = plan.months
    .filter((m) => monthsBetween(lastMonth, m.month) >= 1)
    .sort((a, b) => (a.month < b.month ? -1 : 1));
  if (ahead.length === 0) return { model, months: [], warnings };
  const horizon = monthsBetween(lastMonth, (ahead[ahead.length - 1] as (typeof ahead)[number]).month);
  const statistical = means(horizon);
  const factors = new Float64Array(horizon).fill(1);
  const months: BlendMonth[] = [];
  for (const m of ahead) {
    const step = monthsBetween(lastMonth, m.month);
    const weight = m.weight ?? plan.weight ?? DEFAULT_PLAN_WEIGHT;
    const stat = statistical[step - 1] as number;
    const mean = weight * m.tokens + (1 - weight) * stat;
    if (stat > 0) factors[step - 1] = mean / stat;
    else if (mean > 0)
      warnings.push(`volume plan ${m.month}: the statistical forecast is 0, so the plan cannot scale it; kept at 0`);
    months.push({ month: m.month, plan: m.tokens, statistical: stat, weight, mean: stat > 0 ? mean : 0 });
  }
  const factor = (step: number) => (step <= horizon ? (factors[step - 1] as number) : 1);
  return { model: scaledModel(model, factor), months, warnings };
}
