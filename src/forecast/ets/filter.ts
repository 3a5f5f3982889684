/**
 * Run the ETS recursion over a series and accumulate the concentrated likelihood (docs/METHODOLOGY.md §2; R's
 * `etscalc`): L* = n·log(SSE) for additive errors, n·log(SSE) + 2·Σ log|μ_t| for multiplicative errors,
 * where n counts non-missing observations (our choice for series with gaps).
 *
 * This is the optimiser's inner loop (thousands of runs per fit), so it inlines the equations of recursion.ts
 * and keeps the seasonal states in a ring buffer instead of shifting the queue; the test suite checks that both
 * give the same numbers.
 */
import type { EtsParams, EtsSpec } from "./spec.js";
import { seasonOffset } from "./spec.js";

const TOL = 1e-10;
const HUGE = 1e10;

export interface FilterResult {
  /** L* = −2 log-likelihood without constants; +∞ when the run breaks down (NaN forecast). */
  lik: number;
  /** Σ ε_t² (ε additive or relative, per the error type). */
  sse: number;
  /** Number of non-missing observations. */
  nObs: number;
  /** One-step forecasts μ_t, t = 1..n. */
  fitted: Float64Array;
  /** Innovations ε_t (NaN where y_t is missing). */
  errors: Float64Array;
  /** Final state x_n. */
  state: Float64Array;
}

export function etsFilter(y: ArrayLike<number>, spec: EtsSpec, params: EtsParams, x0: Float64Array): FilterResult {
  const n = y.length;
  const fitted = new Float64Array(n);
  const errors = new Float64Array(n);
  const trendA = spec.trend === "A";
  const trendM = spec.trend === "M";
  const seasonA = spec.season === "A";
  const seasonM = spec.season === "M";
  const hasSeason = seasonA || seasonM;
  const multError = spec.error === "M";
  const m = hasSeason ? spec.m : 1;
  const off = seasonOffset(spec);
  const phi = spec.damped ? params.phi : 1;
  const { alpha, beta, gamma } = params;
  const betaRatio = beta / alpha;
  let level = x0[0] as number;
  let slope = trendA || trendM ? (x0[1] as number) : 0;
  // ring[k] holds the seasonal states in chronological order, oldest at `head`: ring[k] = queue[m − 1 − k].
  const ring = new Float64Array(m);
  if (hasSeason) for (let k = 0; k < m; k++) ring[k] = x0[off + m - 1 - k] as number;
  let head = 0;
  let sse = 0;
  let logMu = 0;
  let nObs = 0;
  let broken = false;
  for (let t = 0; t < n; t++) {
    const oldSeason = hasSeason ? (ring[head] as number) : 0;
    const g = trendA ? phi * slope : trendM ? Math.pow(slope, phi) : 0;
    const q = trendA ? level + g : trendM ? level * g : level;
    const mu = seasonA ? q + oldSeason : seasonM ? q * oldSeason : q;
    fitted[t] = mu;
    if (Number.isNaN(mu)) {
      broken = true;
      break;
    }
    const yt = y[t] as number;
    const missing = Number.isNaN(yt);
    if (missing) {
      errors[t] = Number.NaN;
    } else {
      const e = multError ? (yt - mu) / mu : yt - mu;
      errors[t] = e;
      sse += e * e;
      logMu += Math.log(Math.abs(mu));
      nObs++;
    }
    const oldLevel = level;
    let p: number;
    if (missing) p = q;
    else if (seasonA) p = yt - oldSeason;
    else if (seasonM) p = Math.abs(oldSeason) < TOL ? HUGE : yt / oldSeason;
    else p = yt;
    level = q + alpha * (p - q);
    if (trendA) slope = missing ? g : g + betaRatio * (level - oldLevel - g);
    else if (trendM) slope = missing ? g : g + betaRatio * ((Math.abs(oldLevel) < TOL ? HUGE : level / oldLevel) - g);
    if (hasSeason) {
      let w: number;
      if (missing) w = oldSeason;
      else if (seasonA) w = yt - q;
      else w = Math.abs(q) < TOL ? HUGE : yt / q;
      ring[head] = oldSeason + gamma * (w - oldSeason);
      head = head + 1 === m ? 0 : head + 1;
    }
  }
  const state = new Float64Array(x0.length);
  state[0] = level;
  if (trendA || trendM) state[1] = slope;
  if (hasSeason) for (let j = 0; j < m; j++) state[off + j] = ring[(head + m - 1 - j) % m] as number;
  if (broken) return { lik: Number.POSITIVE_INFINITY, sse: Number.NaN, nObs, fitted, errors, state };
  let lik = nObs * Math.log(sse);
  if (multError) lik += 2 * logMu;
  if (Number.isNaN(lik)) lik = Number.POSITIVE_INFINITY;
  if (lik < -1e10) lik = -1e10; // a perfect fit must not give −∞ (§1.8)
  return { lik, sse, nObs, fitted, errors, state };
}
