/**
 * The budget init suggests: the forecast's cost plus 10%, rounded up — at the company's own price when the usage
 * file carries cost (what the company pays, and what check's budget test prices), else at the curve prices.
 */
import { companyCostMonths, type PlanStage } from "../../pipeline/index.js";
import { Dec } from "../../money/decimal.js";

/** Round a budget up to two significant figures: 3,014,000 → 3,100,000. */
export function roundBudget(x: number): number {
  if (!(x > 0)) return 0;
  const scale = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.ceil(x / scale) * scale;
}

export interface ExpectedCost {
  /** At the company's own price (`company.totals.companyCost` of plan); null when the usage has no cost. */
  company: number | null;
  /** At the curve prices (`company.totals.indexCost`). */
  index: number;
}

/**
 * Expected cost of the forecast volume over the plan's months, as `plan` reports it: each month to the cent and
 * summed exactly, so init and plan print the same figures.
 */
export function expectedCost(inputs: Pick<PlanStage, "plan" | "company">): ExpectedCost {
  const months = companyCostMonths({ plan: inputs.plan, company: inputs.company });
  const total = (pick: (m: (typeof months)[number]) => number) =>
    months.reduce((sum, m) => sum.plus(pick(m)), new Dec(0)).toNumber();
  return { company: inputs.company ? total((m) => m.companyCost) : null, index: total((m) => m.indexCost) };
}
