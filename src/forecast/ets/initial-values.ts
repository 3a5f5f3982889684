/**
 * Starting values for the ETS optimiser (docs/METHODOLOGY.md §2): R's `initparam` for the smoothing parameters
 * and the `initstate` heuristic of Hyndman, Koehler, Snyder & Grose (2002), IJF 18(3), §2.6, for the states.
 */
import { decompose } from "../decompose.js";
import { leastSquares, simpleRegression } from "../regression.js";
import type { ParamBounds } from "./constraints.js";
import type { EtsSpec } from "./spec.js";

export interface StartingParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** α₀ = lower + 0.2(upper − lower)/m' (m' = m for seasonal models, else 1), β₀, γ₀, φ₀ as §1.6. */
export function initialParams(spec: EtsSpec, bounds: ParamBounds): StartingParams {
  const mPrime = spec.season === "N" ? 1 : spec.m;
  const [la, lb, lg, lp] = bounds.lower;
  const [ua, ub, ug, up] = bounds.upper;
  let alpha = la + (0.2 * (ua - la)) / mPrime;
  if (alpha > 1 || alpha < 0) alpha = la + 2e-3;
  let beta = 0;
  if (spec.trend !== "N") {
    const upperBeta = Math.min(ub, alpha);
    beta = lb + 0.1 * (upperBeta - lb);
    if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
  }
  let gamma = 0;
  if (spec.season !== "N") {
    const upperGamma = Math.min(ug, 1 - alpha);
    gamma = lg + 0.05 * (upperGamma - lg);
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
  }
  let phi = 1;
  if (spec.damped) {
    phi = lp + 0.99 * (up - lp);
    if (phi < 0 || phi > 1) phi = up - 1e-3;
  }
  return { alpha, beta, gamma, phi };
}

export interface StartingState {
  level: number;
  /** 0 when the model has no trend. */
  slope: number;
  /** Free initial seasonal states (s_0, s_{−1}, …, s_{−m+2}); empty without season. */
  season: number[];
}

/**
 * Initial states by the 2002 heuristic. Seasonal: classical decomposition when n ≥ 3m, else regression on
 * (1, t, sin 2πt/m, cos 2πt/m); then level/trend from the first k = min(max(10, 2m'), n) seasonally adjusted values.
 */
export function initialState(y: ArrayLike<number>, spec: EtsSpec): StartingState {
  const n = y.length;
  let adjusted: Float64Array = Float64Array.from(y);
  let season: number[] = [];
  const m = spec.season === "N" ? 1 : spec.m;
  if (spec.season !== "N") {
    let c: Float64Array;
    if (n >= 3 * m) {
      c = decompose(y, m, spec.season === "A" ? "additive" : "multiplicative").seasonal;
    } else {
      const rows: number[][] = [];
      for (let t = 1; t <= n; t++) {
        rows.push([1, t, Math.sin((2 * Math.PI * t) / m), Math.cos((2 * Math.PI * t) / m)]);
      }
      const coef = leastSquares(rows, y);
      const a = coef[0] as number;
      const b = coef[1] as number;
      c = new Float64Array(n);
      for (let t = 1; t <= n; t++) {
        const yt = y[t - 1] as number;
        c[t - 1] = spec.season === "A" ? yt - a - b * t : yt / (a + b * t);
      }
    }
    // (s_0, s_{−1}, …, s_{−m+2}) = (c_m, c_{m−1}, …, c_2)
    for (let j = m; j >= 2; j--) season.push(c[j - 1] as number);
    if (spec.season === "A") {
      adjusted = Float64Array.from(y, (v, t) => v - (c[t] as number));
    } else {
      season = season.map((s) => Math.max(s, 0.01));
      const sum = season.reduce((s, v) => s + v, 0);
      if (sum > m) {
        const denom = season.reduce((s, v) => s + v + 0.01, 0);
        season = season.map((s) => s / denom);
      }
      adjusted = Float64Array.from(y, (v, t) => v / Math.max(c[t] as number, 0.01));
    }
  }
  const k = Math.min(Math.max(10, 2 * m), n);
  const head = adjusted.subarray(0, k);
  if (spec.trend === "N") {
    let sum = 0;
    let count = 0;
    for (const v of head) {
      if (Number.isNaN(v)) continue;
      sum += v;
      count++;
    }
    return { level: sum / count, slope: 0, season };
  }
  const t = Float64Array.from({ length: k }, (_, i) => i + 1);
  const { intercept: c0, slope: c1 } = simpleRegression(t, head);
  if (spec.trend === "A") {
    let level = c0;
    let slope = c1;
    if (Math.abs(level + slope) < 1e-8) {
      level *= 1 + 1e-3;
      slope *= 1 - 1e-3;
    }
    return { level, slope, season };
  }
  // Multiplicative trend.
  let lStar = c0 + c1;
  if (Math.abs(lStar) < 1e-8) lStar = 1e-7;
  let slope = (c0 + 2 * c1) / lStar;
  let level = lStar / slope;
  if (Math.abs(slope) > 1e10) slope = Math.sign(slope) * 1e10;
  if (level < 1e-8 || slope < 1e-8) {
    const a1 = adjusted[0] as number;
    const a2 = adjusted[1] as number;
    level = Math.max(a1, 1e-3);
    slope = Math.max(a2 / a1, 1e-3);
  }
  return { level, slope, season };
}
