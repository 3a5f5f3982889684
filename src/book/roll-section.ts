/**
 * Exposure past the last listed month, hedged by stack and roll (stack-roll.ts): the months of the forecast after
 * the curve are sized by the same policy and method as the plan, as if quoted flat at the stack contract's price,
 * and each is given its roll legs, their P&L under curve shifts and the funding a losing roll needs.
 */
import type { CurvePoint } from "../curve/parse-curve.js";
import type { ContractSpec } from "../curve/contract.js";
import { quoteDivisor } from "../curve/contract.js";
import { Dec } from "../money/decimal.js";
import { buildPlan, type PlanInput } from "../hedge/plan.js";
import type { HedgeSide } from "./rebalance.js";
import { rollSchedule, type RollPlan } from "./stack-roll.js";
import { addMonths, monthsBetween } from "../time/period.js";

export const DEFAULT_ROLL_SHIFTS: readonly number[] = [-0.5, -0.2, 0, 0.2];

export interface RollSectionInput extends PlanInput {
  asOf: string;
  side: HedgeSide;
  /** Contract to stack in; default the last listed month. */
  stackMonth?: string;
  shifts?: readonly number[];
}

export interface RollSection {
  stackMonth: string;
  stackPrice: number;
  shifts: readonly number[];
  months: (RollPlan & { forecastTokens: number; hedgeRatio: number })[];
  /** Per shift: Σ roll P&L and the largest funding need of the stacked months together. */
  scenarios: { shift: number; rollPnl: number; fundingNeed: number }[];
}

/** null when the forecast does not reach past the curve, or the policy hedges none of the months past it. */
export function rollSection(i: RollSectionInput): RollSection | null {
  const curve = i.curve;
  const last = curve[curve.length - 1];
  if (!last) return null;
  const beyond = i.forecast
    .filter((f) => f.month > last.month)
    .map((f) => f.month)
    .sort();
  if (beyond.length === 0) return null;
  const stackMonth = i.stackMonth ?? last.month;
  const stack = curve.find((p) => p.month === stackMonth);
  if (!stack) throw new RangeError(`stack month ${stackMonth} is not on the curve`);
  // Size past-the-curve months with their true tenors: the curve is extended flat at the stack price.
  const extended: CurvePoint[] = [...curve];
  for (let k = 1; k <= monthsBetween(last.month, beyond[beyond.length - 1]!); k++)
    extended.push({ month: addMonths(last.month, k), price: stack.price });
  const spec: ContractSpec = { ...i.spec, listedMonths: undefined };
  const plan = buildPlan({ ...i, curve: extended, spec });
  const shifts = i.shifts ?? DEFAULT_ROLL_SHIFTS;
  const d = i.side === "long" ? 1 : -1;
  const months = plan.months
    .filter((m) => m.month > last.month && m.contracts > 0)
    .map((m) => ({
      ...rollSchedule({
        asOf: i.asOf,
        curve,
        month: m.month,
        contracts: m.contracts * d,
        stackMonth,
        contractSize: i.spec.contractSize,
        divisor: quoteDivisor(i.spec),
        shifts,
      }),
      forecastTokens: m.forecastTokens,
      hedgeRatio: m.hedgeRatio,
    }));
  // Months the policy gives no ratio (past its ladder) are not hedged: nothing to stack.
  if (months.length === 0) return null;
  const scenarios = shifts.map((shift, k) => {
    // Cash of every stacked month's rolls, by roll date, for the joint funding need.
    const byDate = new Map<string, Dec>();
    let total = new Dec(0);
    for (const m of months) {
      m.scenarios[k]!.legs.forEach((leg, j) => {
        const date = m.legs[j]!.closeDate;
        if (date === null) return;
        byDate.set(date, (byDate.get(date) ?? new Dec(0)).plus(leg.pnl));
        total = total.plus(leg.pnl);
      });
    }
    let cum = new Dec(0);
    let need = new Dec(0);
    for (const date of [...byDate.keys()].sort()) {
      cum = cum.plus(byDate.get(date)!);
      if (cum.negated().greaterThan(need)) need = cum.negated();
    }
    return { shift, rollPnl: total.toNumber(), fundingNeed: need.toNumber() };
  });
  return { stackMonth, stackPrice: stack.price, shifts, months, scenarios };
}
