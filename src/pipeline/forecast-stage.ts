/**
 * The forecast stage: a loaded series (a usage export's tokens or a `period,value` series) → the forecast with
 * 80% / 95% intervals, by month or by day (a daily one also totalled by calendar month), and optionally the
 * backtest of the candidate models, as the view `forecast` prints. Pure: the shell reads the files and draws
 * the progress bar.
 */
import { HedgeError } from "../errors.js";
import {
  forecastSeries,
  forecastWithBacktest,
  monthlyFromForecast,
  type ForecastOptions,
  type ForecastProgress,
  type BacktestReport,
  type ForecastResult,
  type Granularity,
  type MonthlyForecast,
  type OutlierMode,
  type SelectionMethod,
  type TimeSeries,
} from "../forecast/index.js";
import { DEFAULT_HORIZON, MAX_HORIZON } from "../forecast/defaults.js";
import type { ForecastView } from "../report/views/forecast.js";
import type { UsageOverlap, UsageSource } from "../ingest/series/combine.js";
import { addDays, lastDayOfMonth, monthOfDay, monthsBetween } from "../time/period.js";

/** The series to forecast, whichever file it came from. */
export interface LoadedSeries {
  source: "usage" | "series";
  unit?: string;
  decimals: number;
  series: TimeSeries;
  /** Partial months left out of a monthly series. */
  excluded: string[];
  /** The daily series behind a monthly one, screened for outages and level shifts (reported only). */
  daily?: TimeSeries;
  /** Several usage files: each one's totals and their overlaps. */
  usage?: { sources: UsageSource[]; overlaps: UsageOverlap[] };
}

export interface ForecastSettings {
  /** The file the series came from: named in the view and in errors about the series. */
  file: string;
  horizon: number;
  seed: number;
  paths: number;
  select?: SelectionMethod;
  outliers?: OutlierMode;
  backtest?: boolean;
  events?: ForecastOptions["events"];
  volumePlan?: ForecastOptions["volumePlan"];
}

/** A progress display for one forecast: told how far it has got, then done (also when the forecast fails). */
export interface ForecastProgressDisplay {
  onProgress: (progress: ForecastProgress) => void;
  done: () => void;
}

/** --horizon, or the period's default; at most the period's maximum. */
export function forecastHorizon(period: Granularity, horizon: number | undefined): number {
  const h = horizon ?? DEFAULT_HORIZON[period];
  if (h > MAX_HORIZON[period]) {
    throw new HedgeError("USAGE", `--horizon must be at most ${MAX_HORIZON[period]} for --period ${period}, got ${h}`, {
      value: String(h),
      expected: `1 … ${MAX_HORIZON[period]}`,
    });
  }
  return h;
}

/** Calendar months a daily forecast of `horizon` days after `lastDay` reaches into (the current one if partial). */
function monthsReached(lastDay: string, horizon: number): number {
  const lastMonth = monthOfDay(lastDay);
  const firstMonth = lastDay === lastDayOfMonth(lastMonth) ? monthOfDay(addDays(lastDay, 1)) : lastMonth;
  return monthsBetween(firstMonth, monthOfDay(addDays(lastDay, horizon))) + 1;
}

/**
 * Core errors about the series know nothing of files: name the file so the message says where to look, and when a
 * monthly series is too short because partial months were left out, say so.
 */
function withFile<T>(file: string, loaded: LoadedSeries, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof HedgeError && err.exitCode === 3 && err.details.file === undefined) {
      const hint =
        err.code === "SERIES_TOO_SHORT" && loaded.excluded.length > 0 && err.details.hint === undefined
          ? {
              hint: `only complete months count (left out: ${loaded.excluded.join(", ")}); or forecast by day: --period day`,
            }
          : {};
      throw new HedgeError(err.code, err.message, { ...err.details, file, ...hint });
    }
    throw err;
  }
}

/**
 * The forecast view of `loaded`. `progress` is asked for a display once the work is known (`months`: the calendar
 * months a daily forecast is totalled into, undefined for a monthly one); undefined shows none.
 */
export function forecastStage(
  loaded: LoadedSeries,
  s: ForecastSettings,
  progress: (months: number | undefined) => ForecastProgressDisplay | undefined = () => undefined,
): ForecastView {
  const { file, horizon } = s;
  const options = {
    ...(s.events ? { events: s.events } : {}),
    ...(s.volumePlan ? { volumePlan: s.volumePlan } : {}),
    seed: s.seed,
    ...(s.select ? { select: s.select } : {}),
    paths: s.paths,
    ...(s.outliers ? { outliers: s.outliers } : {}),
  };
  return withFile(file, loaded, (): ForecastView => {
    const { series } = loaded;
    const months =
      series.granularity === "day"
        ? monthsReached(addDays(series.start, series.values.length - 1), horizon)
        : undefined;
    const display = progress(months);
    const onProgress = display?.onProgress;
    let result: ForecastResult;
    let monthly: MonthlyForecast | undefined;
    let report: BacktestReport | undefined;
    try {
      // The model is selected once, here; the monthly totals reuse its sample paths' model, and --backtest the
      // selection's own rolling-origin backtest when it ran the same one.
      const forecastOptions = {
        ...options,
        horizon,
        ...(loaded.daily ? { dailyHistory: loaded.daily } : {}),
        ...(onProgress ? { onProgress } : {}),
      };
      if (s.backtest) {
        const both = forecastWithBacktest(series, forecastOptions, {
          seed: s.seed,
          ...(s.outliers ? { outliers: s.outliers } : {}),
          ...(s.events ? { events: s.events } : {}),
          ...(loaded.daily ? { dailyHistory: loaded.daily } : {}),
        });
        result = both.result;
        report = both.backtest;
      } else {
        result = forecastSeries(series, forecastOptions);
      }
      monthly = months !== undefined ? monthlyFromForecast(series, result, months, s.paths, onProgress) : undefined;
    } finally {
      display?.done();
    }
    return {
      file,
      source: loaded.source,
      ...(loaded.unit ? { unit: loaded.unit } : {}),
      decimals: loaded.decimals,
      history: series,
      excluded: loaded.excluded,
      result,
      paths: s.paths,
      ...(monthly ? { monthly } : {}),
      ...(report ? { backtest: report } : {}),
    };
  });
}
