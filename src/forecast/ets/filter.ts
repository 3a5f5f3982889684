/**
 * Run the ETS recursion over a series and accumulate the concentrated likelihood (FORECASTING.md §1.8; R's
 * `etscalc`): L* = n·log(SSE) for additive errors, n·log(SSE) + 2·Σ log|μ_t| for multiplicative errors,
 * where n counts non-missing observations **[product]**.
 */
import { oneStepMean, updateState } from "./recursion.js";
import type { EtsParams, EtsSpec } from "./spec.js";

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
  const state = Float64Array.from(x0);
  const fitted = new Float64Array(n);
  const errors = new Float64Array(n);
  let sse = 0;
  let logMu = 0;
  let nObs = 0;
  for (let t = 0; t < n; t++) {
    const mu = oneStepMean(spec, params, state);
    fitted[t] = mu;
    if (Number.isNaN(mu)) {
      return { lik: Number.POSITIVE_INFINITY, sse: Number.NaN, nObs, fitted, errors, state };
    }
    const yt = y[t] as number;
    if (Number.isNaN(yt)) {
      errors[t] = Number.NaN;
    } else {
      const e = spec.error === "A" ? yt - mu : (yt - mu) / mu;
      errors[t] = e;
      sse += e * e;
      logMu += Math.log(Math.abs(mu));
      nObs++;
    }
    updateState(spec, params, state, yt);
  }
  let lik = nObs * Math.log(sse);
  if (spec.error === "M") lik += 2 * logMu;
  if (Number.isNaN(lik)) lik = Number.POSITIVE_INFINITY;
  if (lik < -1e10) lik = -1e10; // a perfect fit must not give −∞ (§1.8)
  return { lik, sse, nObs, fitted, errors, state };
}
