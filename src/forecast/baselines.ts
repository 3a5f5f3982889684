/**
 * Benchmark methods: naive, seasonal naive and random walk with drift (docs/METHODOLOGY.md §2; FPP3 §5.2 and §5.5;
 * R's `naive`, `snaive`, `rwf(drift = TRUE)`). σ̂ comes from the in-sample one-step residuals.
 */
import { logNormalForecast, normalForecast, type FittedModel } from "./model.js";
import type { Rng } from "../stats/random.js";

function finalValue(y: ArrayLike<number>): number {
  return y[y.length - 1] as number;
}

/** Naive: ŷ_{n+h} = y_n; σ̂² = mean of squared first differences; se_h = σ̂√h. */
export function fitNaive(y: ArrayLike<number>): FittedModel {
  const n = y.length;
  let ss = 0;
  for (let t = 1; t < n; t++) ss += ((y[t] as number) - (y[t - 1] as number)) ** 2;
  const sigma = Math.sqrt(ss / (n - 1));
  const last = finalValue(y);
  const point = (horizon: number) => new Float64Array(horizon).fill(last);
  return {
    name: "naive",
    nObs: n,
    pointForecast: point,
    analytic: (horizon) =>
      normalForecast(
        point(horizon),
        Float64Array.from({ length: horizon }, (_, i) => sigma * Math.sqrt(i + 1)),
      ),
    samplePath: (horizon: number, rng: Rng) => {
      const path = new Float64Array(horizon);
      let level = last;
      for (let h = 0; h < horizon; h++) {
        level += sigma * rng.normal();
        path[h] = level;
      }
      return path;
    },
  };
}

/**
 * Seasonal naive: ŷ_{n+h} = y_{n+h−m(k+1)}, k = ⌊(h−1)/m⌋; σ̂² = mean of (y_t − y_{t−m})²; se_h = σ̂√(k+1).
 * Requires n > m.
 */
export function fitSeasonalNaive(y: ArrayLike<number>, m: number): FittedModel {
  const n = y.length;
  let ss = 0;
  for (let t = m; t < n; t++) ss += ((y[t] as number) - (y[t - m] as number)) ** 2;
  const sigma = Math.sqrt(ss / (n - m));
  const point = (horizon: number) =>
    Float64Array.from({ length: horizon }, (_, i) => {
      const h = i + 1;
      const k = Math.floor((h - 1) / m);
      return y[n + h - m * (k + 1) - 1] as number;
    });
  return {
    name: "seasonal-naive",
    nObs: n,
    pointForecast: point,
    analytic: (horizon) =>
      normalForecast(
        point(horizon),
        Float64Array.from({ length: horizon }, (_, i) => sigma * Math.sqrt(Math.floor(i / m) + 1)),
      ),
    samplePath: (horizon: number, rng: Rng) => {
      // Each season position is its own random walk: y_{n+h} = y_{n+h−m} + ε.
      const history = Float64Array.from({ length: m }, (_, j) => y[n - m + j] as number);
      const path = new Float64Array(horizon);
      for (let h = 0; h < horizon; h++) {
        const v = (history[h % m] as number) + sigma * rng.normal();
        history[h % m] = v;
        path[h] = v;
      }
      return path;
    },
  };
}

interface DriftParameters {
  last: number;
  d: number;
  sigma: number;
  n: number;
}

function driftParameters(y: ArrayLike<number>): DriftParameters {
  const n = y.length;
  const last = finalValue(y);
  const d = (last - (y[0] as number)) / (n - 1);
  let ss = 0;
  for (let t = 1; t < n; t++) ss += ((y[t] as number) - (y[t - 1] as number) - d) ** 2;
  return { last, d, sigma: Math.sqrt(ss / (n - 2)), n };
}

function driftMeans({ last, d }: DriftParameters, horizon: number): Float64Array {
  return Float64Array.from({ length: horizon }, (_, i) => last + (i + 1) * d);
}

function driftSds({ sigma, n }: DriftParameters, horizon: number): Float64Array {
  return Float64Array.from({ length: horizon }, (_, i) => sigma * Math.sqrt(i + 1 + (i + 1) ** 2 / (n - 1)));
}

function driftPath({ last, d, sigma, n }: DriftParameters, horizon: number, rng: Rng): Float64Array {
  // One drift per path, d* ~ N(d, σ̂²/(n−1)), reproduces the estimation term of se_h (§5).
  const drift = d + (sigma / Math.sqrt(n - 1)) * rng.normal();
  const path = new Float64Array(horizon);
  let level = last;
  for (let h = 0; h < horizon; h++) {
    level += drift + sigma * rng.normal();
    path[h] = level;
  }
  return path;
}

/**
 * Random walk with drift: ŷ_{n+h} = y_n + h·d, d = (y_n − y_1)/(n − 1); σ̂² = Σ(Δy_t − d)²/(n − 2);
 * se_h = σ̂√(h + h²/(n − 1)), the second term being the estimation error of d (FPP3 §5.5). Requires n ≥ 3.
 */
export function fitDrift(y: ArrayLike<number>): FittedModel {
  const parameters = driftParameters(y);
  return {
    name: "drift",
    nObs: parameters.n,
    pointForecast: (horizon) => driftMeans(parameters, horizon),
    analytic: (horizon) => normalForecast(driftMeans(parameters, horizon), driftSds(parameters, horizon)),
    samplePath: (horizon: number, rng: Rng) => driftPath(parameters, horizon, rng),
  };
}

/**
 * Drift on log y (constant growth rate; "the most useful baseline for usage data", §5): intervals are the
 * exponentiated log-scale intervals, the mean the lognormal mean exp(μ + se²/2). Requires y > 0 and n ≥ 3.
 */
export function fitDriftLog(y: ArrayLike<number>): FittedModel {
  const parameters = driftParameters(Array.from({ length: y.length }, (_, i) => Math.log(y[i] as number)));
  const analytic = (horizon: number) =>
    logNormalForecast(driftMeans(parameters, horizon), driftSds(parameters, horizon));
  return {
    name: "drift-log",
    nObs: parameters.n,
    pointForecast: (horizon) => analytic(horizon).mean,
    analytic,
    samplePath: (horizon: number, rng: Rng) => driftPath(parameters, horizon, rng).map(Math.exp),
  };
}
