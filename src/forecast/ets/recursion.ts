/**
 * One step of the ETS recursion in error-correction form, exactly as R's `src/etscalc.c` (docs/METHODOLOGY.md §2),
 * shared by the likelihood filter and the simulator so that both use the same arithmetic.
 *
 * State layout (§1.3): x = (ℓ, [b], s_0, s_{−1}, …, s_{−m+1}); the last seasonal slot is the one that applies to
 * the next observation. Guards: a quotient whose divisor is below 1e−10 in absolute value becomes 1e10 (as in R).
 */
import type { EtsParams, EtsSpec } from "./spec.js";
import { effectivePhi, seasonOffset } from "./spec.js";

const TOL = 1e-10;
const HUGE = 1e10;

/** Trend part τ_t of the one-step forecast (§1.2 table): ℓ, ℓ + φb, or ℓ·b^φ. */
export function trendPart(spec: EtsSpec, phi: number, state: Float64Array): number {
  const level = state[0] as number;
  if (spec.trend === "N") return level;
  const slope = state[1] as number;
  return spec.trend === "A" ? level + phi * slope : level * Math.pow(slope, phi);
}

/** One-step forecast μ_t from the state before observing y_t. */
export function oneStepMean(spec: EtsSpec, params: EtsParams, state: Float64Array): number {
  const q = trendPart(spec, effectivePhi(spec, params), state);
  if (spec.season === "N") return q;
  const s = state[seasonOffset(spec) + spec.m - 1] as number;
  return spec.season === "A" ? q + s : q * s;
}

/**
 * Update `state` in place with observation y (NaN = missing: the state is propagated without correction, §1.8).
 */
export function updateState(spec: EtsSpec, params: EtsParams, state: Float64Array, y: number): void {
  const phi = effectivePhi(spec, params);
  const { alpha, beta, gamma } = params;
  const oldLevel = state[0] as number;
  const oldSlope = spec.trend === "N" ? 0 : (state[1] as number);
  const off = seasonOffset(spec);
  const m = spec.m;
  const oldSeason = spec.season === "N" ? 0 : (state[off + m - 1] as number);
  const q = trendPart(spec, phi, state);
  const missing = Number.isNaN(y);

  // Level: ℓ_t = q + α(p − q), p the deseasonalised observation.
  let p: number;
  if (missing) p = q;
  else if (spec.season === "N") p = y;
  else if (spec.season === "A") p = y - oldSeason;
  else p = Math.abs(oldSeason) < TOL ? HUGE : y / oldSeason;
  const level = q + alpha * (p - q);
  state[0] = level;

  // Trend: b_t = g + (β/α)(growth − g), with g = φb (additive) or b^φ (multiplicative).
  if (spec.trend === "A") {
    const g = phi * oldSlope;
    state[1] = missing ? g : g + (beta / alpha) * (level - oldLevel - g);
  } else if (spec.trend === "M") {
    const g = Math.pow(oldSlope, phi);
    const ratio = Math.abs(oldLevel) < TOL ? HUGE : level / oldLevel;
    state[1] = missing ? g : g + (beta / alpha) * (ratio - g);
  }

  // Season: s_t = s_{t−m} + γ(w − s_{t−m}); the queue shifts one place and s_t enters at the front.
  if (spec.season !== "N") {
    let w: number;
    if (missing) w = oldSeason;
    else if (spec.season === "A") w = y - q;
    else w = Math.abs(q) < TOL ? HUGE : y / q;
    const season = oldSeason + gamma * (w - oldSeason);
    for (let i = m - 1; i > 0; i--) state[off + i] = state[off + i - 1] as number;
    state[off] = season;
  }
}
