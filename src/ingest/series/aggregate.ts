/** Daily series → totals by period. Token sums are BigInt, so they are exact at any size. */
import { Dec } from "../../money/decimal.js";
import { monthOfDay, daysInMonth } from "../../time/period.js";
import type { UsageSeries } from "../types.js";

/** Keys sorted so that every rendering of a Map is deterministic. */
export function sortedEntries<V>(map: Map<string, V>): [string, V][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface PeriodTotal {
  period: string;
  tokens: bigint;
  cost: Dec | null;
  /** Days of the period covered by the data (a month at either end of the file may be partial). */
  daysCovered: number;
  daysInPeriod: number;
}

export function totalsByPeriod(series: UsageSeries, period: "day" | "month"): PeriodTotal[] {
  if (period === "day") {
    return series.days.map((d) => ({ period: d.day, tokens: d.tokens, cost: d.cost, daysCovered: 1, daysInPeriod: 1 }));
  }
  const out: PeriodTotal[] = [];
  for (const d of series.days) {
    const month = monthOfDay(d.day);
    let last = out[out.length - 1];
    if (!last || last.period !== month) {
      last = {
        period: month,
        tokens: 0n,
        cost: d.cost === null ? null : new Dec(0),
        daysCovered: 0,
        daysInPeriod: daysInMonth(month),
      };
      out.push(last);
    }
    last.tokens += d.tokens;
    if (last.cost && d.cost) last.cost = last.cost.plus(d.cost);
    last.daysCovered += 1;
  }
  return out;
}

/** Monthly totals of complete months only: a partial first or last month would look like a collapse in usage. */
export function completeMonths(series: UsageSeries): PeriodTotal[] {
  return totalsByPeriod(series, "month").filter((m) => m.daysCovered === m.daysInPeriod);
}
