/** The budget init suggests: the forecast cost at the curve prices plus 10%, rounded up. */
import type { PlanStage } from "../../pipeline/index.js";

/** Round a budget up to two significant figures: 3,014,000 → 3,100,000. */
export function roundBudget(x: number): number {
  if (!(x > 0)) return 0;
  const scale = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.ceil(x / scale) * scale;
}

/** Expected cost of the forecast volume at the curve prices over the plan's months. */
export function expectedCost(inputs: PlanStage): number {
  const plan = inputs.plan;
  const divisor = plan.contract.underlying === "token-index" ? 1_000_000 : 1;
  const perUnit = plan.contract.tokensPerGpuHour ?? 1;
  return plan.months.reduce((s, m) => s + (m.forecastTokens / perUnit) * (m.futuresPrice / divisor), 0);
}
