/**
 * Period labels of a series: the label of observation i and of the forecast steps after the last observation.
 */
import { addDays, addMonths } from "../time/period.js";
import type { Granularity, TimeSeries } from "./types.js";

export function periodAt(granularity: Granularity, start: string, index: number): string {
  return granularity === "month" ? addMonths(start, index) : addDays(start, index);
}

/** Labels of the `horizon` periods following the last observation. */
export function futurePeriods(series: TimeSeries, horizon: number): string[] {
  const n = series.values.length;
  return Array.from({ length: horizon }, (_, h) => periodAt(series.granularity, series.start, n + h));
}

/** Seasonal period used for a granularity: 12 for months, 7 (weekly cycle) for days. */
export function seasonalPeriod(granularity: Granularity): number {
  return granularity === "month" ? 12 : 7;
}
