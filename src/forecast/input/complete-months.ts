/**
 * Daily series → totals of its complete calendar months. A month only partly covered at either end of the data
 * would look like a collapse in usage (10 days of usage against 31), so it is left out of a monthly fit and
 * reported, the same rule as monthlyIndexTokens in hedge/exposure.ts applies to usage files.
 */
import { HedgeError } from "../../errors.js";
import { addDays, lastDayOfMonth, monthOfDay } from "../../time/period.js";
import type { TimeSeries } from "../types.js";

export interface CompleteMonths {
  /** Monthly series of the complete months (consecutive, because the daily series has no gaps). */
  series: TimeSeries;
  /** Partly covered months at either end, left out. */
  excluded: string[];
}

export function completeMonthTotals(daily: TimeSeries, file?: string): CompleteMonths {
  if (daily.granularity !== "day") {
    throw new HedgeError("INPUT_INVALID", "monthly totals need a daily series", {
      value: daily.granularity,
      expected: "day",
    });
  }
  const totals = new Map<string, { total: number; days: number; complete: boolean }>();
  daily.values.forEach((v, i) => {
    const day = addDays(daily.start, i);
    const month = monthOfDay(day);
    const entry = totals.get(month) ?? { total: 0, days: 0, complete: false };
    entry.total += v;
    entry.days += 1;
    // Complete when its 1st is present and its last day is reached: with no gaps, every day between is present.
    if (day === lastDayOfMonth(month) && entry.days === Number(day.slice(8, 10))) entry.complete = true;
    totals.set(month, entry);
  });
  const months = [...totals.entries()];
  const complete = months.filter(([, e]) => e.complete);
  const excluded = months.filter(([, e]) => !e.complete).map(([m]) => m);
  if (complete.length === 0) {
    throw new HedgeError("SERIES_TOO_SHORT", "the daily series holds no complete calendar month", {
      ...(file !== undefined ? { file } : {}),
      expected: "daily values covering at least 4 complete months for a monthly forecast",
      hint: "forecast by day instead: --period day",
    });
  }
  return {
    series: { granularity: "month", start: complete[0]![0], values: complete.map(([, e]) => e.total) },
    excluded,
  };
}
