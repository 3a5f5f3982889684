/**
 * Variation margin of the long futures position along a deterministic price path (docs/METHODOLOGY.md: daily or periodic
 * settlement of N · size · ΔF; the peak cumulative outflow is the liquidity the treasury must hold).
 *
 * Path assumption: each delivery month's futures price moves in a straight line, linear in calendar days, from
 * today's curve price F₀ on the as-of date to its scenario settlement price S_T on the last day of the delivery month,
 * and then stays there (the contract has settled). Margin is counted at every month end from the as-of date to the
 * last settlement. With straight paths the cumulative margin Σ N·size·(F(t) − F₀) is piecewise linear in time with
 * kinks only at settlement dates (month ends), so its extreme — the peak outflow — falls on a month end: daily
 * settlement along the same path would give the same peak.
 *
 * Sign: a positive flow is cash received (prices rose, the long futures gain); an outflow is negative.
 */
import { Dec, toCents } from "../money/decimal.js";
import { addMonths, dayToEpochDays, lastDayOfMonth, monthOfDay, monthsBetween } from "../time/period.js";

export interface MarginLeg {
  /** Delivery month YYYY-MM; settles on its last day. */
  month: string;
  contracts: number;
  futuresPrice: number;
  settlementPrice: number;
}

export interface MarginFlow {
  /** Month-end date YYYY-MM-DD. */
  date: string;
  /** Margin received (+) or paid (−) since the previous date, USD. */
  flow: number;
  /** Cumulative margin since the as-of date, USD. */
  cumulative: number;
}

export interface MarginPath {
  flows: MarginFlow[];
  /** Largest cumulative outflow, as a positive amount (0 when the cumulative never goes below 0). */
  peakOutflow: number;
  /** Date of the peak outflow; null when there is none. */
  peakDate: string | null;
}

export interface MarginInput {
  legs: readonly MarginLeg[];
  contractSize: number;
  /** Quote divisor: 1e6 for USD/Mtok, 1 for USD/GPU-hour. */
  divisor: number;
  asOf: string;
}

/** Month-end dates after the as-of date, through the month end of the last delivery month. */
export function marginDates(asOf: string, lastMonth: string): string[] {
  const first = monthOfDay(asOf);
  const dates: string[] = [];
  for (let k = 0; k <= monthsBetween(first, lastMonth); k++) {
    const d = lastDayOfMonth(addMonths(first, k));
    if (d > asOf) dates.push(d);
  }
  return dates;
}

export function variationMarginPath({ legs, contractSize, divisor, asOf }: MarginInput): MarginPath {
  if (legs.length === 0) return { flows: [], peakOutflow: 0, peakDate: null };
  const start = dayToEpochDays(asOf);
  const last = legs.reduce((m, l) => (l.month > m ? l.month : m), legs[0]!.month);
  const flows: MarginFlow[] = [];
  let previous = new Dec(0);
  let peak = new Dec(0);
  let peakDate: string | null = null;
  for (const date of marginDates(asOf, last)) {
    const t = dayToEpochDays(date) - start;
    let cumulative = new Dec(0);
    for (const leg of legs) {
      const span = dayToEpochDays(lastDayOfMonth(leg.month)) - start;
      // Fraction of the way along the straight path; a leg already past its settlement date sits at S_T.
      const fraction = span <= 0 || t >= span ? new Dec(1) : new Dec(t).div(span);
      const move = new Dec(leg.settlementPrice).minus(leg.futuresPrice).times(fraction);
      cumulative = cumulative.plus(toCents(new Dec(leg.contracts).times(contractSize).times(move).div(divisor)));
    }
    flows.push({ date, flow: cumulative.minus(previous).toNumber(), cumulative: cumulative.toNumber() });
    if (cumulative.negated().greaterThan(peak)) {
      peak = cumulative.negated();
      peakDate = date;
    }
    previous = cumulative;
  }
  return { flows, peakOutflow: peak.toNumber(), peakDate };
}
