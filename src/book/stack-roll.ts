/**
 * Stack and roll (Hull, Options, Futures, and Other Derivatives, ch. 3, "Rolling the hedge forward"): exposure in a
 * month past the last listed contract is hedged in a listed contract (the "stack") and rolled forward — closed out
 * and reopened in a later contract — until the exposure month itself is listed.
 *
 * `stackAndRoll` works a given sequence of legs, as the textbook does: the gain per unit of leg k is
 *   short hedge  F_open,k − F_close,k        long hedge  F_close,k − F_open,k
 * and the effective price is the final spot S₂ plus (short) or minus (long) the summed gains.
 *
 * `rollSchedule` plans the legs for a delivery month M past the curve, and their P&L under a curve shift:
 *   - the stack is opened today in contract C₀ (the last listed, or a chosen one);
 *   - a leg in C is rolled on the last day of the month before C (before it goes into delivery), into the latest
 *     contract listed then: min(M, month(C) − 1 + W), W the number of months the curve lists ahead;
 *   - at a roll date the curve is today's curve by tenor (a constant-shape curve, months past the curve flat at its
 *     last price), scaled by (1 + shift) for the scenario: so a backwardated curve earns roll yield, a contango
 *     curve pays it, and a shift moves every leg;
 *   - each roll turns the leg's futures P&L into cash (it has been paid as variation margin along the way), while the
 *     hedged purchase's offsetting gain only arrives at delivery: the peak cumulative loss over the rolls is the
 *     funding need a losing roll demands (the lesson of Metallgesellschaft, Culp & Miller 1995).
 */
import { Dec, toCents } from "../money/decimal.js";
import type { CurvePoint } from "../curve/parse-curve.js";
import { addMonths, lastDayOfMonth, monthsBetween } from "../time/period.js";
import type { HedgeSide } from "./rebalance.js";

export interface RollLegPrices {
  contract: string;
  openDate: string;
  closeDate: string;
  openPrice: number;
  closePrice: number;
}

export interface StackAndRollInput {
  side: HedgeSide;
  legs: readonly RollLegPrices[];
  /** Units hedged (barrels, tokens, …), for the totals. */
  quantity: number;
  initialSpot: number;
  finalSpot: number;
}

export interface StackAndRollResult {
  legs: (RollLegPrices & { gainPerUnit: number; gain: number })[];
  gainPerUnit: number;
  totalGain: number;
  /** S₂ ± Σ gains per unit: received by a short hedger, paid by a long one. */
  effectivePrice: number;
  /** S₂ − S₁ per unit: what the price did. */
  spotChange: number;
}

export function stackAndRoll(i: StackAndRollInput): StackAndRollResult {
  const sign = i.side === "short" ? -1 : 1;
  let total = new Dec(0);
  const legs = i.legs.map((leg) => {
    const g = new Dec(leg.closePrice).minus(leg.openPrice).times(sign);
    total = total.plus(g);
    return { ...leg, gainPerUnit: g.toNumber(), gain: g.times(i.quantity).toNumber() };
  });
  const s2 = new Dec(i.finalSpot);
  return {
    legs,
    gainPerUnit: total.toNumber(),
    totalGain: total.times(i.quantity).toNumber(),
    effectivePrice: (i.side === "short" ? s2.plus(total) : s2.minus(total)).toNumber(),
    spotChange: s2.minus(i.initialSpot).toNumber(),
  };
}

export interface RollPlanInput {
  /** Today, YYYY-MM-DD. */
  asOf: string;
  curve: readonly CurvePoint[];
  /** The delivery month past the curve that is hedged. */
  month: string;
  /** Contracts, signed (long +, short −). */
  contracts: number;
  /** Contract the stack is opened in; default the last listed month. */
  stackMonth?: string;
  contractSize: number;
  divisor: number;
  /** Relative curve shifts to price the rolls under, e.g. [−0.5, −0.2, 0, 0.2]. */
  shifts: readonly number[];
}

export interface RollLeg {
  contract: string;
  /** Opened on the as-of date (first leg) or on the previous roll date. */
  openDate: string;
  /** The roll date, or null for the last leg, held into its delivery month. */
  closeDate: string | null;
}

export interface RollScenarioLeg {
  contract: string;
  openPrice: number;
  closePrice: number | null;
  pnl: number;
  cumulative: number;
}

export interface RollScenario {
  shift: number;
  legs: RollScenarioLeg[];
  rollPnl: number;
  /** Largest cumulative cash paid over the roll dates, as a positive amount. */
  fundingNeed: number;
}

export interface RollPlan {
  month: string;
  contracts: number;
  stackMonth: string;
  legs: RollLeg[];
  scenarios: RollScenario[];
}

export function rollSchedule(i: RollPlanInput): RollPlan {
  if (i.curve.length === 0) throw new RangeError("rollSchedule needs a curve");
  const asOfMonth = i.asOf.slice(0, 7);
  const last = i.curve[i.curve.length - 1]!.month;
  const stackMonth = i.stackMonth ?? last;
  const window = Math.max(1, monthsBetween(asOfMonth, last));
  const legs: RollLeg[] = [];
  let contract = stackMonth;
  let openDate = i.asOf;
  while (contract < i.month) {
    const rollDate = lastDayOfMonth(addMonths(contract, -1));
    const next = addMonths(contract, -1 + window) < i.month ? addMonths(contract, -1 + window) : i.month;
    legs.push({ contract, openDate, closeDate: rollDate });
    openDate = rollDate;
    contract = next;
  }
  legs.push({ contract, openDate, closeDate: null });

  // Today's price by tenor (months after the as-of month); past the curve, flat at its last price.
  const byTenor = new Map(i.curve.map((p) => [monthsBetween(asOfMonth, p.month), p.price]));
  const priceAt = (tenor: number): number => {
    if (byTenor.has(tenor)) return byTenor.get(tenor)!;
    const tenors = [...byTenor.keys()].sort((a, b) => a - b);
    const below = tenors.filter((t) => t <= tenor);
    return byTenor.get(below.length > 0 ? below[below.length - 1]! : tenors[0]!)!;
  };
  const scenarios = i.shifts.map((shift): RollScenario => {
    let cumulative = new Dec(0);
    let worst = new Dec(0);
    const out: RollScenarioLeg[] = [];
    let openPrice = priceAt(monthsBetween(asOfMonth, legs[0]!.contract));
    for (const leg of legs) {
      if (leg.closeDate === null) {
        out.push({ contract: leg.contract, openPrice, closePrice: null, pnl: 0, cumulative: cumulative.toNumber() });
        break;
      }
      const rollMonth = leg.closeDate.slice(0, 7);
      const scale = new Dec(1).plus(shift);
      const close = Number(new Dec(priceAt(monthsBetween(rollMonth, leg.contract))).times(scale).toFixed(6));
      const pnl = toCents(
        new Dec(i.contracts).times(i.contractSize).times(new Dec(close).minus(openPrice)).div(i.divisor),
      );
      cumulative = cumulative.plus(pnl);
      if (cumulative.negated().greaterThan(worst)) worst = cumulative.negated();
      out.push({ contract: leg.contract, openPrice, closePrice: close, pnl, cumulative: cumulative.toNumber() });
      const nextContract = legs[out.length]!.contract;
      openPrice = Number(new Dec(priceAt(monthsBetween(rollMonth, nextContract))).times(scale).toFixed(6));
    }
    return { shift, legs: out, rollPnl: cumulative.toNumber(), fundingNeed: worst.toNumber() };
  });
  return { month: i.month, contracts: i.contracts, stackMonth, legs, scenarios };
}
