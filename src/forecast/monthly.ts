/**
 * Monthly totals from a daily model (docs/METHODOLOGY.md §2). Quantiles of a sum are not sums of quantiles, so the
 * monthly distribution is built path by path: for each simulated daily path i and calendar month M,
 *
 *   T_i(M) = Σ_{observed days d in M} y_d + Σ_{future days d in M} y_{i,d},
 *
 * and P5…P95 of T_1(M)…T_N(M) come from type-8 quantiles (§2.4). The mean of T(M) is the observed usage plus the sum
 * of the daily means: exact ones when the daily model knows them (as its daily points report), else the paths'.
 *
 * Partial months: the first forecast month is the month after the last *full* month of daily data. When the data
 * end before the last day of a month, that month is the first forecast month and its total is the observed usage
 * so far (actual values, even on days flagged as outages — they are what was consumed) plus the simulated
 * remaining days. When the data end on a month's last day, forecasting starts with the next month.
 */
import { HedgeError } from "../errors.js";
import { addDays, addMonths, daysInMonth, lastDayOfMonth, monthOfDay } from "../time/period.js";
import { DEFAULT_PATHS, forecastsFromPaths } from "./distribution.js";
import { forecastSeries } from "./forecast-series.js";
import type {
  Finding,
  ForecastOptions,
  ForecastProgress,
  ForecastResult,
  ModelScore,
  PeriodForecast,
  SelectionMethod,
  TimeSeries,
} from "./types.js";

export type MonthlyFromDailyOptions = Omit<ForecastOptions, "horizon"> & {
  /** Ignored: the daily horizon follows from `months`. Accepted so that ForecastOptions can be passed through. */
  horizon?: number;
  /** Number of simulated daily paths (default 5000). */
  paths?: number;
};

export interface PartialMonth {
  month: string;
  /** Days of the month already observed, and their total usage. */
  observedDays: number;
  observedTotal: number;
}

export interface MonthlyForecast {
  /** The daily model that generated the paths. */
  model: string;
  /** One entry per forecast month: mean, 80%/95% intervals and P5…P95 of the monthly total. */
  points: PeriodForecast[];
  /** Sample paths of monthly totals: `paths.length` = number of paths, each of length `months`. */
  paths: Float64Array[];
  /** Set when the first forecast month is partly observed. */
  partialMonth: PartialMonth | undefined;
  candidates: ModelScore[];
  findings: Finding[];
  warnings: string[];
  selection: SelectionMethod;
  seed: number;
}

/**
 * Aggregate daily paths into monthly totals. `dayMonths[d]` is the month index (0-based, into the output) of
 * future day d; `observed[k]` is the usage already observed in output month k.
 */
export function monthlyTotals(
  dailyPaths: readonly Float64Array[],
  dayMonths: readonly number[],
  months: number,
  observed: readonly number[] = [],
): Float64Array[] {
  return dailyPaths.map((path) => {
    const totals = Float64Array.from({ length: months }, (_, k) => observed[k] ?? 0);
    dayMonths.forEach((k, d) => {
      totals[k] = (totals[k] as number) + (path[d] as number);
    });
    return totals;
  });
}

export function forecastMonthlyFromDaily(
  daily: TimeSeries,
  months: number,
  options: MonthlyFromDailyOptions = {},
): MonthlyForecast {
  if (daily.granularity !== "day") {
    throw new HedgeError("INPUT_INVALID", "monthly totals from daily paths need a daily series", {
      value: daily.granularity,
      expected: "day",
    });
  }
  return monthlyFromForecast(
    daily,
    forecastSeries(daily, { ...options, horizon: 1 }),
    months,
    options.paths ?? DEFAULT_PATHS,
  );
}

/**
 * Monthly totals from a daily forecast already made (the model is chosen once: `forecast --period day` shows the
 * daily points and these totals from the same fit and the same seeded paths).
 */
export function monthlyFromForecast(
  daily: TimeSeries,
  forecast: ForecastResult,
  months: number,
  pathCount: number,
  onProgress?: (progress: ForecastProgress) => void,
): MonthlyForecast {
  if (!Number.isInteger(months) || months < 1) {
    throw new HedgeError("USAGE", `number of months must be a whole number ≥ 1; got ${String(months)}`, {
      value: String(months),
    });
  }
  const warnings = [...forecast.warnings];
  const n = daily.values.length;
  const lastDay = addDays(daily.start, n - 1);
  const lastMonth = monthOfDay(lastDay);
  const complete = lastDay === lastDayOfMonth(lastMonth);
  const firstMonth = complete ? addMonths(lastMonth, 1) : lastMonth;
  let partialMonth: PartialMonth | undefined;
  const observed: number[] = [];
  if (!complete) {
    const observedDays = Number(lastDay.slice(8, 10));
    const firstIndex = Math.max(0, n - observedDays);
    let total = 0;
    for (let i = firstIndex; i < n; i++) total += daily.values[i] as number;
    partialMonth = { month: lastMonth, observedDays: n - firstIndex, observedTotal: total };
    observed.push(total);
    if (n - firstIndex < observedDays) {
      warnings.push(
        `the data start inside ${lastMonth}: its total counts only the ${n - firstIndex} observed day(s) plus the forecast`,
      );
    }
  }
  const monthLabels = Array.from({ length: months }, (_, k) => addMonths(firstMonth, k));
  const dayMonths: number[] = [];
  monthLabels.forEach((month, k) => {
    const firstDay = k === 0 && !complete ? Number(lastDay.slice(8, 10)) + 1 : 1;
    for (let d = firstDay; d <= daysInMonth(month); d++) dayMonths.push(k);
  });
  const dailyPaths = forecast.simulate(dayMonths.length, pathCount, undefined, onProgress);
  const paths = monthlyTotals(dailyPaths, dayMonths, months, observed);
  // A model that knows its daily means exactly gives the months' means as their sums (the daily points' own means).
  const dailyMeans = forecast.exactMeans?.(dayMonths.length);
  let means: Float64Array | undefined;
  if (dailyMeans) {
    means = Float64Array.from({ length: months }, (_, k) => observed[k] ?? 0);
    dayMonths.forEach((k, d) => {
      (means as Float64Array)[k] = ((means as Float64Array)[k] as number) + Math.max(dailyMeans[d] as number, 0);
    });
  }
  return {
    model: forecast.model,
    points: forecastsFromPaths(monthLabels, paths, onProgress, means),
    paths,
    partialMonth,
    candidates: forecast.candidates,
    findings: forecast.findings,
    warnings,
    selection: forecast.selection,
    seed: forecast.seed,
  };
}
