/**
 * Usage series → the monthly exposure to hedge: monthly index tokens of complete months, forecast
 * through the last delivery month of the curve.
 */
import { DEFAULT_SEED } from "../defaults.js";
import { HedgeError } from "../errors.js";
import {
  forecastSeries,
  type ForecastEvent,
  type ForecastResult,
  type SelectionMethod,
  type VolumePlan,
} from "../forecast/index.js";
import { dailyTokens } from "../forecast/input/usage-daily.js";
import { completeMonths, totalsByPeriod } from "../ingest/series/aggregate.js";
import type { UsageSeries } from "../ingest/types.js";
import { addMonths, monthsBetween } from "../time/period.js";
import type { VolumeForecastMonth } from "./plan.js";

export interface MonthlyUsage {
  start: string;
  months: string[];
  values: number[];
  /** Partial months at either end, left out of the fit. */
  excluded: string[];
}

/**
 * Index tokens per complete month (docs/METHODOLOGY.md): Σ weight(kind) · tokens(kind), every kind weighing 1
 * unless the contract says otherwise.
 */
export function monthlyIndexTokens(series: UsageSeries, weights?: Record<string, number>): MonthlyUsage {
  const complete = completeMonths(series);
  const all = totalsByPeriod(series, "month");
  const excluded = all.filter((m) => m.daysCovered !== m.daysInPeriod).map((m) => m.period);
  if (complete.length === 0) {
    throw new HedgeError("SERIES_TOO_SHORT", "the usage file holds no complete calendar month", {
      file: series.file,
      expected: "daily usage covering at least 4 complete months",
    });
  }
  const weighted = new Map<string, number>();
  for (const d of series.days) {
    const month = d.day.slice(0, 7);
    let v = 0;
    for (const [kind, tokens] of d.byKind)
      v += (weights ? (Object.hasOwn(weights, kind) ? weights[kind]! : 1) : 1) * Number(tokens);
    weighted.set(month, (weighted.get(month) ?? 0) + v);
  }
  const months = complete.map((m) => m.period);
  for (let i = 1; i < months.length; i++) {
    if (monthsBetween(months[i - 1]!, months[i]!) !== 1) {
      throw new HedgeError("INPUT_INVALID", `usage has a gap between ${months[i - 1]} and ${months[i]}`, {
        file: series.file,
        expected: "consecutive months",
      });
    }
  }
  return { start: months[0]!, months, values: months.map((m) => weighted.get(m) ?? 0), excluded };
}

export interface ExposureForecast {
  history: MonthlyUsage;
  forecast: ForecastResult;
  months: VolumeForecastMonth[];
}

export interface ExposureOptions {
  /** Forecast at least this many months. */
  horizon?: number;
  /** …and at least through this month (the curve's last delivery month). */
  through?: string;
  seed?: number;
  select?: SelectionMethod;
  weights?: Record<string, number>;
  /**
   * Seeded sample paths kept per month (sorted) for quantiles that are not reported and for the probability of
   * an over-hedge; default 2,000 (0 for none).
   */
  paths?: number;
  /** Known events and a top-down volume plan (src/forecast/events.ts, volume-plan.ts). */
  events?: ForecastEvent[];
  volumePlan?: VolumePlan;
}

export const DEFAULT_EXPOSURE_PATHS = 2000;

export function forecastExposure(series: UsageSeries, options: ExposureOptions): ExposureForecast {
  const history = monthlyIndexTokens(series, options.weights);
  const seed = options.seed ?? DEFAULT_SEED;
  const last = history.months[history.months.length - 1]!;
  const needed = options.through ? monthsBetween(last, options.through) : 0;
  const horizon = Math.max(options.horizon ?? 0, needed, 1);
  const forecast = forecastSeries(
    { granularity: "month", start: history.start, values: history.values },
    {
      horizon,
      seed,
      dailyHistory: dailyTokens(series),
      ...(options.select ? { select: options.select } : {}),
      ...(options.events ? { events: options.events } : {}),
      ...(options.volumePlan ? { volumePlan: options.volumePlan } : {}),
    },
  );
  const nPaths = options.paths ?? DEFAULT_EXPOSURE_PATHS;
  const paths = nPaths > 0 ? forecast.samplePaths(nPaths, seed) : [];
  const months: VolumeForecastMonth[] = forecast.points.map((p, i) => ({
    month: addMonths(last, i + 1),
    mean: p.mean,
    p10: p.quantiles.p10,
    p50: p.quantiles.p50,
    p90: p.quantiles.p90,
    quantiles: { ...p.quantiles },
    ...(paths.length > 0 ? { samples: Float64Array.from(paths, (path) => path[i] ?? 0).sort() } : {}),
    step: i + 1,
  }));
  return { history, forecast, months };
}
