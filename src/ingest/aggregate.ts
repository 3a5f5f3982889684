/** Usage records → a gap-free daily series and monthly totals. Token sums are BigInt, so they are exact at any size. */
import { Dec } from "../money/decimal.js";
import { addDays, monthOfDay, daysInMonth, dayToEpochDays } from "../time/period.js";
import type { ColumnMap, DayTotal, UsageRecord, UsageSeries } from "./types.js";

function addTo<K>(map: Map<K, bigint>, key: K, n: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + n);
}

/** Keys sorted so that every rendering of a Map is deterministic. */
export function sortedEntries<V>(map: Map<string, V>): [string, V][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function aggregateDaily(records: UsageRecord[], file: string, columns: ColumnMap): UsageSeries {
  const hasCost = columns.cost !== undefined;
  const byDay = new Map<string, DayTotal>();
  const byKind = new Map<string, bigint>();
  const byModel = new Map<string, bigint>();
  let totalTokens = 0n;
  let totalCost = new Dec(0);

  for (const r of records) {
    let d = byDay.get(r.day);
    if (!d) {
      d = { day: r.day, tokens: 0n, cost: hasCost ? new Dec(0) : null, byKind: new Map() };
      byDay.set(r.day, d);
    }
    d.tokens += r.tokens;
    addTo(d.byKind, r.kind, r.tokens);
    if (d.cost && r.cost) d.cost = d.cost.plus(r.cost);
    addTo(byKind, r.kind, r.tokens);
    addTo(byModel, r.model, r.tokens);
    totalTokens += r.tokens;
    if (r.cost) totalCost = totalCost.plus(r.cost);
  }

  const present = [...byDay.keys()].sort();
  const firstDay = present[0]!;
  const lastDay = present[present.length - 1]!;
  const days: DayTotal[] = [];
  const missingDays: string[] = [];
  const span = dayToEpochDays(lastDay) - dayToEpochDays(firstDay);
  for (let i = 0; i <= span; i++) {
    const day = addDays(firstDay, i);
    const d = byDay.get(day);
    if (d) days.push(d);
    else {
      missingDays.push(day);
      days.push({ day, tokens: 0n, cost: hasCost ? new Dec(0) : null, byKind: new Map() });
    }
  }

  return {
    file,
    columns,
    rowsRead: records.length,
    days,
    firstDay,
    lastDay,
    missingDays,
    totalTokens,
    totalCost: hasCost ? totalCost : null,
    byKind,
    byModel,
  };
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
      last = { period: month, tokens: 0n, cost: d.cost === null ? null : new Dec(0), daysCovered: 0, daysInPeriod: daysInMonth(month) };
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
