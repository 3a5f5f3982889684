/**
 * Turn a fitted model into per-period forecasts: analytic quantiles where the model has a closed form, otherwise
 * type-8 quantiles of seeded sample paths (docs/METHODOLOGY.md §2).
 *
 * Usage is never negative, so every reported value (mean, bounds, quantiles, path values) is clamped at 0.
 * For quantiles this is exact — the quantiles of max(Y, 0) are max(Q_Y, 0) — and for the mean it is a
 * conservative display rule when a linear model's mean drifts below zero.
 */
import type { FittedModel } from "./model.js";
import { quantileType8Sorted } from "../stats/quantile.js";
import { Rng } from "../stats/random.js";
import type { ForecastProgress, PeriodForecast } from "./types.js";
import { DEFAULT_PATHS } from "./defaults.js";

export { DEFAULT_PATHS };

function clamp0(x: number): number {
  return x > 0 ? x : 0;
}

/** Build a PeriodForecast from a mean and a quantile function q(p). */
export function periodForecast(period: string, mean: number, q: (p: number) => number): PeriodForecast {
  return {
    period,
    mean: clamp0(mean),
    lo80: clamp0(q(0.1)),
    hi80: clamp0(q(0.9)),
    lo95: clamp0(q(0.025)),
    hi95: clamp0(q(0.975)),
    quantiles: {
      p5: clamp0(q(0.05)),
      p10: clamp0(q(0.1)),
      p25: clamp0(q(0.25)),
      p50: clamp0(q(0.5)),
      p75: clamp0(q(0.75)),
      p90: clamp0(q(0.9)),
      p95: clamp0(q(0.95)),
    },
  };
}

/**
 * Stratum of path i: the golden-ratio (Weyl) sequence frac((i + 1)·φ⁻¹), spread evenly over [0, 1) for any
 * number of paths (its discrepancy is O(log N / N)), so a mixture's shares hold for the first N paths whatever N.
 */
export function pathStratum(i: number): number {
  const x = (i + 1) * 0.6180339887498949;
  return x - Math.floor(x);
}

/**
 * Simulate `count` paths of `model`, values clamped at 0. Path i has its own generator (seed, stream i + 1) and
 * stratum, so it does not depend on the horizon or on how many other paths are drawn: the same month gets the
 * same draws whichever command or horizon asks.
 */
export function simulatePaths(
  model: FittedModel,
  horizon: number,
  count: number,
  seed: number,
  onProgress?: ProgressSink,
): Float64Array[] {
  return Array.from({ length: count }, (_, i) => {
    const path = model.samplePath(horizon, new Rng(seed, i + 1), pathStratum(i));
    for (let h = 0; h < horizon; h++) if (!((path[h] as number) > 0)) path[h] = 0;
    if (onProgress && ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === count))
      onProgress({ stage: "paths", done: i + 1, total: count });
    return path;
  });
}

type ProgressSink = (progress: ForecastProgress) => void;
/** Paths between two progress reports. */
const PROGRESS_EVERY = 1024;

/**
 * Per-step forecasts from a set of paths: type-8 quantiles (§2.4) and the path mean, or `means` when the model knows
 * its mean exactly (FittedModel.exactMean).
 */
export function forecastsFromPaths(
  periods: readonly string[],
  paths: readonly Float64Array[],
  onProgress?: ProgressSink,
  means?: ArrayLike<number>,
): PeriodForecast[] {
  return periods.map((period, h) => {
    const column = Float64Array.from(paths, (p) => p[h] as number).sort();
    const mean = means ? (means[h] as number) : column.reduce((a, b) => a + b, 0) / column.length;
    onProgress?.({ stage: "quantiles", done: h + 1, total: periods.length });
    return periodForecast(period, mean, (p) => quantileType8Sorted(column, p));
  });
}

/**
 * Per-step forecasts of a model: analytic when available, else quantiles from `paths` seeded paths and the mean from
 * the model's exact mean if it has one, from the paths if not.
 */
export function modelForecasts(
  model: FittedModel,
  periods: readonly string[],
  seed: number,
  paths: number = DEFAULT_PATHS,
  onProgress?: ProgressSink,
): PeriodForecast[] {
  const horizon = periods.length;
  const analytic = model.analytic(horizon);
  if (analytic) {
    return periods.map((period, h) =>
      periodForecast(period, analytic.mean[h] as number, (p) => analytic.quantile(h, p)),
    );
  }
  return forecastsFromPaths(
    periods,
    simulatePaths(model, horizon, paths, seed, onProgress),
    onProgress,
    model.exactMean?.(horizon),
  );
}
