/**
 * Forecasts from a fitted ETS model: point forecasts (docs/METHODOLOGY.md §2), analytic variances for class 1
 * (§2.1, HKOS ch. 6: v_h = σ²[1 + Σ c_j²], c_j = w'F^{j−1}g) and class 2 (§2.2, HKOS §6.3), and sample paths
 * (§2.3, R's `simulate.ets`).
 */
import type { Rng } from "../../stats/random.js";
import { oneStepMean, updateState } from "./recursion.js";
import { effectivePhi, seasonOffset, type EtsParams, type EtsSpec } from "./spec.js";

/** ŷ_{n+h|n}, h = 1..horizon, from the final state (§1.4). */
export function etsPointForecast(spec: EtsSpec, params: EtsParams, state: Float64Array, horizon: number): Float64Array {
  const phi = effectivePhi(spec, params);
  const level = state[0] as number;
  const slope = spec.trend === "N" ? 0 : (state[1] as number);
  const off = seasonOffset(spec);
  const out = new Float64Array(horizon);
  let phiSum = 0; // φ_h = φ + φ² + … + φ^h
  let phiPow = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPow *= phi;
    phiSum += phiPow;
    let trend: number;
    if (spec.trend === "N") trend = level;
    else if (spec.trend === "A") trend = level + phiSum * slope;
    else trend = level * Math.pow(slope, phiSum);
    if (spec.season === "N") {
      out[h - 1] = trend;
    } else {
      const j = spec.m - 1 - ((h - 1) % spec.m);
      const s = state[off + j] as number;
      out[h - 1] = spec.season === "A" ? trend + s : trend * s;
    }
  }
  return out;
}

/** c_1..c_{horizon−1} with c_j = w'F^{j−1}g for the linear (additive-component) form of the model (§2.1). */
export function etsPsiWeights(spec: EtsSpec, params: EtsParams, horizon: number): Float64Array {
  const phi = effectivePhi(spec, params);
  const m = spec.season === "N" ? 0 : spec.m;
  const hasTrend = spec.trend !== "N";
  // v = F^{j−1} g, tracked as (ℓ, b, seasonal queue).
  let vl = params.alpha;
  let vb = hasTrend ? params.beta : 0;
  const vs = new Float64Array(m);
  if (m > 0) vs[0] = params.gamma;
  const c = new Float64Array(Math.max(0, horizon - 1));
  for (let j = 1; j < horizon; j++) {
    c[j - 1] = vl + (hasTrend ? phi * vb : 0) + (m > 0 ? (vs[m - 1] as number) : 0);
    // v ← F v: ℓ' = ℓ + φb, b' = φb, seasonal queue rotates (last moves to the front).
    vl = vl + (hasTrend ? phi * vb : 0);
    vb = phi * vb;
    if (m > 0) {
      const last = vs[m - 1] as number;
      for (let i = m - 1; i > 0; i--) vs[i] = vs[i - 1] as number;
      vs[0] = last;
    }
  }
  return c;
}

/** Class 1 (additive error, trend N/A/Ad, season N/A): v_h = σ²[1 + Σ_{j<h} c_j²]. */
export function class1Variance(spec: EtsSpec, params: EtsParams, sigma2: number, horizon: number): Float64Array {
  const c = etsPsiWeights(spec, params, horizon);
  const v = new Float64Array(horizon);
  let acc = 1;
  for (let h = 1; h <= horizon; h++) {
    if (h > 1) acc += (c[h - 2] as number) ** 2;
    v[h - 1] = sigma2 * acc;
  }
  return v;
}

/**
 * Class 2 (multiplicative error, trend N/A/Ad, season N/A; HKOS §6.3, R's `class2`):
 * θ_1 = μ_1², θ_h = μ_h² + σ² Σ_{j=1}^{h−1} c_j² θ_{h−j}, v_h = (1 + σ²)θ_h − μ_h².
 */
export function class2Variance(mu: ArrayLike<number>, c: ArrayLike<number>, sigma2: number): Float64Array {
  const horizon = mu.length;
  const theta = new Float64Array(horizon);
  const v = new Float64Array(horizon);
  for (let h = 1; h <= horizon; h++) {
    const muH = mu[h - 1] as number;
    let sum = 0;
    for (let j = 1; j < h; j++) sum += (c[j - 1] as number) ** 2 * (theta[h - j - 1] as number);
    theta[h - 1] = muH * muH + sigma2 * sum;
    v[h - 1] = (1 + sigma2) * (theta[h - 1] as number) - muH * muH;
  }
  return v;
}

/** True for the models whose forecast distribution is exactly normal with the class-1 variance. */
export function isClass1(spec: EtsSpec): boolean {
  return spec.error === "A" && spec.trend !== "M" && spec.season !== "M";
}

/**
 * One sample path from the final state (§2.3): draw ε ~ N(0, σ²) (or resample `bootstrapErrors`), truncate
 * multiplicative errors at −1 so that y ≥ 0, and feed the simulated value back through the recursion.
 */
export function etsSamplePath(
  spec: EtsSpec,
  params: EtsParams,
  finalState: Float64Array,
  sigma: number,
  horizon: number,
  rng: Rng,
  bootstrapErrors?: Float64Array,
): Float64Array {
  const state = Float64Array.from(finalState);
  const path = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    const mu = oneStepMean(spec, params, state);
    let e = bootstrapErrors ? (bootstrapErrors[rng.int(bootstrapErrors.length)] as number) : sigma * rng.normal();
    let y: number;
    if (spec.error === "A") {
      y = mu + e;
    } else {
      e = Math.max(e, -1);
      y = mu * (1 + e);
    }
    path[h] = y;
    updateState(spec, params, state, y);
  }
  return path;
}
