/**
 * `backtest`: the rolling-origin evaluation of §7 as a report of its own, so that users see whether the models
 * beat the naive benchmarks (which are always included).
 */
import { HedgeError } from "../errors.js";
import {
  defaultRollingOrigin,
  rollingOrigins,
  runBacktest,
  type BacktestRun,
  type BacktestScore,
  type RollingOriginPlan,
} from "./backtest.js";
import { candidateByName, defaultCandidates, NAIVE, SEASONAL_NAIVE, type Candidate } from "./candidates.js";
import { DEFAULT_SEED } from "../defaults.js";
import { checkOptions } from "./forecast-series.js";
import { prepareSeries } from "./outliers.js";
import { periodAt, seasonalPeriod } from "./periods.js";
import { applyEvents, checkEvents } from "./events.js";
import type { Finding, ForecastEvent, OutlierMode, TimeSeries } from "./types.js";
import { validateSeries } from "./validate.js";

export interface BacktestOptions {
  /** Steps ahead scored at each origin (default 3 months / 28 days). */
  horizon?: number;
  /** Number of origins (default 6 monthly / 12 daily) and their spacing (default 1 month / 7 days). */
  origins?: number;
  step?: number;
  /** Minimum training length (default 12 months / 56 days). */
  minTrain?: number;
  models?: string[];
  seed?: number;
  outliers?: OutlierMode;
  /** Known events, applied to the history as the forecast applies them (events.ts), and the daily data behind a
   * monthly series (for outages). */
  events?: ForecastEvent[];
  dailyHistory?: TimeSeries;
}

export interface BacktestReport {
  horizon: number;
  /** Last training period at each origin. */
  origins: string[];
  /** One row per model: MAE, MASE, sMAPE, MAPE, coverage80, coverage95. */
  scores: BacktestScore[];
  findings: Finding[];
  warnings: string[];
}

export function backtest(input: TimeSeries, options: BacktestOptions = {}): BacktestReport {
  validateSeries(input);
  let series = input;
  const eventWarnings: string[] = [];
  if (options.events && options.events.length > 0) {
    checkEvents(options.events);
    const adjusted = applyEvents(input, options.events, options.dailyHistory);
    series = adjusted.series;
    eventWarnings.push(...adjusted.warnings);
    validateSeries(series);
  }
  const defaults = defaultRollingOrigin(series.granularity);
  const settings = {
    horizon: options.horizon ?? defaults.horizon,
    count: options.origins ?? defaults.count,
    step: options.step ?? defaults.step,
    minTrain: options.minTrain ?? defaults.minTrain,
  };
  checkOptions({ horizon: settings.horizon, seed: options.seed, models: options.models });
  for (const [key, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new HedgeError("USAGE", `backtest ${key} must be a whole number ≥ 1; got ${String(value)}`, {
        value: String(value),
      });
    }
  }
  const m = seasonalPeriod(series.granularity);
  const prepared = prepareSeries(series.values, {
    granularity: series.granularity,
    start: series.start,
    m,
    mode: options.outliers ?? (series.granularity === "day" ? "interpolate" : "keep"),
  });
  const y = prepared.values;
  const plan = rollingOrigins(y.length, settings);
  if (plan.origins.length === 0) {
    throw new HedgeError(
      "SERIES_TOO_SHORT",
      `a backtest needs more than ${settings.minTrain} periods of usage (minimum training length); got ${y.length}`,
      { expected: `> ${settings.minTrain} periods` },
    );
  }
  const list = backtestCandidates(y, m, options.models);
  const run = runBacktest(y, list, { m, cache: new Map() }, plan, options.seed ?? DEFAULT_SEED);
  return backtestReportOf(series, prepared.offset, plan, run, prepared.findings, eventWarnings);
}

/** The candidates a backtest scores: the models asked for (else the defaults), with the naive benchmark (§7). */
export function backtestCandidates(y: Float64Array, m: number, models?: readonly string[]): Candidate[] {
  let list: Candidate[] =
    models && models.length > 0 ? models.map((name) => candidateByName(name) as Candidate) : defaultCandidates(y, m);
  // Always show the naive benchmark (§7).
  const benchmark = y.length >= 2 * m ? SEASONAL_NAIVE : NAIVE;
  if (!list.some((c) => c.name === benchmark.name)) list = [benchmark, ...list];
  return list;
}

/** The report of a run on `series` (events applied) cleaned to start at `offset`. */
export function backtestReportOf(
  series: TimeSeries,
  offset: number,
  plan: RollingOriginPlan,
  run: BacktestRun,
  findings: Finding[],
  eventWarnings: readonly string[],
): BacktestReport {
  return {
    horizon: plan.horizon,
    origins: plan.origins.map((o) => periodAt(series.granularity, series.start, offset + o - 1)),
    scores: run.scores,
    findings,
    warnings: [
      ...eventWarnings,
      ...run.warnings,
      `rolling-origin figures from ${plan.origins.length} origin(s) are noisy: treat small differences between models as ties`,
    ],
  };
}
