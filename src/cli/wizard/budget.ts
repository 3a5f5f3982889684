/** The budget init suggests: the forecast cost at the curve prices plus 10%, rounded up. */
import { companyCostMonths, type PlanStage } from "../../pipeline/index.js";
import { Dec } from "../../money/decimal.js";

/** Round a budget up to two significant figures: 3,014,000 → 3,100,000. */
export function roundBudget(x: number): number {
  if (!(x > 0)) return 0;
  const scale = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.ceil(x / scale) * scale;
}

/**
 * Expected cost of the forecast volume at the curve prices over the plan's months: the index cost `plan` reports
 * (`company.totals.indexCost`), each month to the cent and summed exactly, so the two print the same figure.
 */
export function expectedCost(inputs: PlanStage): number {
  return companyCostMonths({ plan: inputs.plan, company: null })
    .reduce((sum, m) => sum.plus(m.indexCost), new Dec(0))
    .toNumber();
}
