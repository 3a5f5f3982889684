/**
 * Growth rates read off a series and off a forecast, on the seasonally adjusted scale, so that "growth per month"
 * means the trend and not the season: the series is divided by its classical multiplicative seasonal figure
 * (Kendall & Stuart; FPP3 §3.4) when the Theta seasonality test (Assimakopoulos & Nikolopoulos 2000; Hyndman &
 * Billah 2003) finds seasonality, and left as it is otherwise.
 *
 * - Growth of history over the last k periods: exp(slope) − 1, the slope of an OLS line through the log of the last
 *   k + 1 values (a line, not the two end points, so one noisy month does not set the rate), with the slope's
 *   standard error; for seasonal series the mean year-over-year rate of the last k periods (see recentGrowth).
 * - Long-run growth: the same slope over the whole series.
 * - Growth implied by a forecast at step h: the month-on-month change of the forecast's trend, read as the centred
 *   moving average of the history followed by the forecast means (see impliedGrowth).
 */
import { decompose } from "./decompose.js";
import { simpleRegression } from "./regression.js";
import { isSeasonalForTheta } from "./theta.js";

export interface SeasonalFigure {
  /** Multiplicative figure F_0..F_{m−1}, F_0 the figure of the first observation; undefined when not seasonal. */
  figure: Float64Array | undefined;
  m: number;
  n: number;
}

/** Periods over which "recent" growth is measured. */
export const RECENT_PERIODS = 6;

export function seasonalFigure(y: ArrayLike<number>, m: number): SeasonalFigure {
  let figure: Float64Array | undefined;
  let positive = true;
  for (let i = 0; i < y.length; i++) if (!((y[i] as number) > 0)) positive = false;
  if (positive && isSeasonalForTheta(y, m)) {
    figure = decompose(y, m, "multiplicative").figure;
    if (figure.some((c) => !(c > 1e-4))) figure = undefined;
  }
  return { figure, m, n: y.length };
}

/** Seasonal index of observation t (0-based; t ≥ n are forecast steps). */
export function seasonalIndex(s: SeasonalFigure, t: number): number {
  return s.figure ? (s.figure[t % s.m] as number) : 1;
}

export interface GrowthFit {
  /** Growth per period, exp(slope) − 1. */
  growth: number;
  /** Standard error of the log-scale slope (OLS), NaN with fewer than three points. */
  se: number;
}

/** OLS line through log(adjusted y) over observations from..n−1, or undefined when a value is not positive. */
function logTrend(y: ArrayLike<number>, s: SeasonalFigure, from: number): GrowthFit | undefined {
  const x: number[] = [];
  const w: number[] = [];
  for (let t = Math.max(0, from); t < y.length; t++) {
    const v = (y[t] as number) / seasonalIndex(s, t);
    if (!(v > 0)) return undefined;
    x.push(t);
    w.push(Math.log(v));
  }
  const k = x.length;
  if (k < 2) return undefined;
  const { intercept, slope } = simpleRegression(x, w);
  const mx = x.reduce((a, b) => a + b, 0) / k;
  let sxx = 0;
  let sse = 0;
  for (let i = 0; i < k; i++) {
    sxx += ((x[i] as number) - mx) ** 2;
    sse += ((w[i] as number) - intercept - slope * (x[i] as number)) ** 2;
  }
  return { growth: Math.expm1(slope), se: k > 2 ? Math.sqrt(sse / (k - 2) / sxx) : Number.NaN };
}

/**
 * Growth per period over the last `k` periods of history, e.g. 0.04 for 4% a month. Non-seasonal series: the OLS
 * line through the last k + 1 values. Seasonal series: the mean of the last k year-over-year log ratios
 * log(y_t / y_{t−m}) / m, and their standard error — a seasonal figure averaged over the whole history misreads
 * half a year when the pattern has changed (AirPassengers' summer peak sharpens over the years), a year-on-year
 * ratio does not.
 */
export function recentGrowth(y: ArrayLike<number>, s: SeasonalFigure, k = RECENT_PERIODS): GrowthFit | undefined {
  const n = y.length;
  if (!s.figure || n < k + s.m) return logTrend(y, s, n - 1 - k);
  const r: number[] = [];
  for (let t = n - k; t < n; t++) {
    const a = y[t] as number;
    const b = y[t - s.m] as number;
    if (!(a > 0) || !(b > 0)) return undefined;
    r.push(Math.log(a / b) / s.m);
  }
  const mean = r.reduce((u, v) => u + v, 0) / k;
  const sd = Math.sqrt(r.reduce((u, v) => u + (v - mean) ** 2, 0) / (k - 1));
  return { growth: Math.expm1(mean), se: sd / Math.sqrt(k) };
}

/** Growth per period fitted over the whole history. */
export function longRunGrowth(y: ArrayLike<number>, s: SeasonalFigure): GrowthFit | undefined {
  return logTrend(y, s, 0);
}

/** Steps of forecast means `impliedGrowth` needs beyond step h: half a season for the centred moving average. */
export function growthLead(m: number): number {
  return Math.floor(m / 2);
}

/**
 * Growth per period implied by a forecast at step h (1-based; h = 1 is "now", from the last observation to the
 * first forecast month): the ratio of the centred moving averages of order m (the trend of classical
 * decomposition) at steps h and h − 1, over history followed by the forecast means, so any stable seasonal pattern
 * cancels. `means` must hold steps 1..h + ⌊m/2⌋.
 */
export function impliedGrowth(
  y: ArrayLike<number>,
  means: ArrayLike<number>,
  h: number,
  m: number,
): number | undefined {
  const n = y.length;
  const half = growthLead(m);
  if (means.length < h + half || n + h - 1 - half < 0) return undefined;
  const at = (t: number) => (t < n ? (y[t] as number) : (means[t - n] as number));
  // Centred moving average at index t of the joined series (weights ½, 1, …, 1, ½ for even m).
  const cma = (t: number): number => {
    if (m <= 1) return at(t);
    let sum = 0;
    for (let k = -half; k <= half; k++) sum += (m % 2 === 0 && Math.abs(k) === half ? 0.5 : 1) * at(t + k);
    return sum / m;
  };
  const a = cma(n + h - 2);
  const b = cma(n + h - 1);
  if (!(a > 0) || !(b > 0)) return undefined;
  return b / a - 1;
}
