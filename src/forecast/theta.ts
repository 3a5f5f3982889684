/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000, IJF 16(4)) in the form shown by Hyndman & Billah (2003),
 * IJF 19(2): simple exponential smoothing with a drift equal to half the slope of a linear trend, after classical
 * multiplicative seasonal adjustment when a lag-m autocorrelation test says so (docs/METHODOLOGY.md §2; R's `thetaf`).
 *
 * Our choice (not in the method's papers): intervals are computed on the seasonally adjusted scale and multiplied by the seasonal index, and with
 * `log: true` the adjusted series is modelled on the log scale (the drift becomes a growth rate).
 */
import { decompose } from "./decompose.js";
import { fitEts } from "./ets/fit.js";
import type { FittedModel } from "./model.js";
import { normalQuantileAS241 } from "../stats/normal.js";
import type { Rng } from "../stats/random.js";
import { simpleRegression } from "./regression.js";

const Z95_ONE_SIDED = 1.6448536269514722;

/** Sample autocorrelation r_k = Σ_{t≤n−k}(y_t − ȳ)(y_{t+k} − ȳ) / Σ(y_t − ȳ)². */
export function autocorrelation(y: ArrayLike<number>, k: number): number {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] as number;
  mean /= n;
  let den = 0;
  for (let i = 0; i < n; i++) den += ((y[i] as number) - mean) ** 2;
  let num = 0;
  for (let t = 0; t < n - k; t++) num += ((y[t] as number) - mean) * ((y[t + k] as number) - mean);
  return num / den;
}

/** |r_m| / √((1 + 2Σ_{k<m} r_k²)/n), compared with z_0.95 (a 90% two-sided test, Bartlett's standard error). */
export function seasonalityStatistic(y: ArrayLike<number>, m: number): number {
  let sum = 0;
  for (let k = 1; k < m; k++) sum += autocorrelation(y, k) ** 2;
  return Math.abs(autocorrelation(y, m)) / Math.sqrt((1 + 2 * sum) / y.length);
}

export function isSeasonalForTheta(y: ArrayLike<number>, m: number): boolean {
  const n = y.length;
  if (m <= 1 || n <= 2 * m) return false;
  let constant = true;
  for (let i = 1; i < n; i++) if (y[i] !== y[0]) constant = false;
  if (constant) return false;
  return seasonalityStatistic(y, m) > Z95_ONE_SIDED;
}

export interface ThetaFit {
  /** Seasonal figure aligned to the first observation, or undefined when not seasonal. */
  figure: Float64Array | undefined;
  alpha: number;
  initialLevel: number;
  finalLevel: number;
  /** Regression slope b of the adjusted (possibly logged) series on t = 0..n−1; the drift is b/2. */
  slope: number;
  sigma2: number;
  n: number;
  log: boolean;
}

export interface ThetaOptions {
  log?: boolean;
}

/** Fit Theta to y (no missing values; y > 0 when log). Undefined when SES cannot be fitted (n < 4). */
export function fitThetaParameters(y: ArrayLike<number>, m: number, options: ThetaOptions = {}): ThetaFit | undefined {
  const n = y.length;
  const log = options.log ?? false;
  let figure: Float64Array | undefined;
  if (isSeasonalForTheta(y, m)) {
    figure = decompose(y, m, "multiplicative").figure;
    if (figure.some((c) => Math.abs(c) < 1e-4)) figure = undefined;
  }
  const adjusted = Float64Array.from({ length: n }, (_, t) => {
    const v = (y[t] as number) / (figure ? (figure[t % m] as number) : 1);
    return log ? Math.log(v) : v;
  });
  const ses = fitEts(adjusted, { error: "A", trend: "N", damped: false, season: "N", m: 1 }, { criterion: "mse" });
  if (!ses) return undefined;
  const alpha = Math.max(ses.params.alpha, 1e-10);
  const t = Float64Array.from({ length: n }, (_, i) => i);
  const { slope } = simpleRegression(t, adjusted);
  return {
    figure,
    alpha,
    initialLevel: ses.initialState[0] as number,
    finalLevel: ses.state[0] as number,
    slope,
    sigma2: ses.sigma2,
    n,
    log,
  };
}

/** Adjusted-scale forecast f_h = ℓ_n + (b/2)[(h − 1) + (1 − (1 − α)^n)/α] (§3.2 step 4). */
export function thetaAdjustedForecast(fit: ThetaFit, horizon: number): Float64Array {
  const { alpha, n, finalLevel, slope } = fit;
  const start = (1 - Math.pow(1 - alpha, n)) / alpha;
  return Float64Array.from({ length: horizon }, (_, i) => finalLevel + (slope / 2) * (i + start));
}

/** se_h = σ√(1 + (h − 1)α²), the SES variance (§3.2 step 6). */
export function thetaAdjustedSd(fit: ThetaFit, horizon: number): Float64Array {
  const sigma = Math.sqrt(fit.sigma2);
  return Float64Array.from({ length: horizon }, (_, i) => sigma * Math.sqrt(1 + i * fit.alpha ** 2));
}

/** Seasonal index of forecast step h (1-based): c_{(n+h−1) mod m}. */
function seasonalIndex(fit: ThetaFit, m: number, h: number): number {
  return fit.figure ? (fit.figure[(fit.n + h - 1) % m] as number) : 1;
}

export function thetaModel(fit: ThetaFit, m: number): FittedModel {
  const back = (w: number) => (fit.log ? Math.exp(w) : w);
  const point = (horizon: number) => {
    const f = thetaAdjustedForecast(fit, horizon);
    const sd = thetaAdjustedSd(fit, horizon);
    return Float64Array.from(f, (v, i) => {
      const c = seasonalIndex(fit, m, i + 1);
      // On the log scale the mean is the lognormal mean exp(f + se²/2) (§4).
      return (fit.log ? Math.exp(v + (sd[i] as number) ** 2 / 2) : v) * c;
    });
  };
  return {
    name: fit.log ? "theta (log)" : "theta",
    nObs: fit.n,
    pointForecast: point,
    analytic: (horizon) => {
      const f = thetaAdjustedForecast(fit, horizon);
      const sd = thetaAdjustedSd(fit, horizon);
      return {
        mean: point(horizon),
        quantile: (step, p) =>
          back((f[step] as number) + normalQuantileAS241(p) * (sd[step] as number)) * seasonalIndex(fit, m, step + 1),
      };
    },
    samplePath: (horizon: number, rng: Rng) => {
      // SES path on the adjusted scale: w_h = L_{h−1} + drift_h + ε_h, L_h = L_{h−1} + αε_h, where drift_h is the
      // deterministic drift term of step 4; then re-seasonalise and back-transform.
      const sigma = Math.sqrt(fit.sigma2);
      const start = (1 - Math.pow(1 - fit.alpha, fit.n)) / fit.alpha;
      const path = new Float64Array(horizon);
      let level = fit.finalLevel;
      for (let h = 1; h <= horizon; h++) {
        const e = sigma * rng.normal();
        const w = level + (fit.slope / 2) * (h - 1 + start) + e;
        level += fit.alpha * e;
        path[h - 1] = back(w) * seasonalIndex(fit, m, h);
      }
      return path;
    },
  };
}

export function fitTheta(y: ArrayLike<number>, m: number, options: ThetaOptions = {}): FittedModel | undefined {
  const fit = fitThetaParameters(y, m, options);
  return fit ? thetaModel(fit, m) : undefined;
}
