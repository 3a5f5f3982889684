/**
 * Parameter space of ETS models (docs/METHODOLOGY.md §2): the "usual" bounds 0 < β ≤ α, 0 < γ ≤ 1 − α, φ in
 * [0.8, 0.98] and the admissible region of Hyndman, Akram & Archibald (2008), "The admissible parameter space for
 * exponential smoothing models", AISM 60(2) (R's `admissible()` in `R/ets.R`). R's default `bounds = "both"`
 * accepts a vector only when it passes both tests.
 */
import { maxRootModulusAtMost } from "./polynomial-roots.js";
import type { EtsParams, EtsSpec } from "./spec.js";

export interface ParamBounds {
  /** (α, β, γ, φ) lower bounds; R default (1e−4, 1e−4, 1e−4, 0.8). */
  lower: [number, number, number, number];
  /** R default (0.9999, 0.9999, 0.9999, 0.98). */
  upper: [number, number, number, number];
}

export const DEFAULT_BOUNDS: ParamBounds = {
  lower: [0.0001, 0.0001, 0.0001, 0.8],
  upper: [0.9999, 0.9999, 0.9999, 0.98],
};

/** Usual constraints for the parameters present in the model. */
export function withinUsualBounds(spec: EtsSpec, params: EtsParams, bounds: ParamBounds = DEFAULT_BOUNDS): boolean {
  const { alpha, beta, gamma, phi } = params;
  const [la, lb, lg, lp] = bounds.lower;
  const [ua, ub, ug, up] = bounds.upper;
  if (alpha < la || alpha > ua) return false;
  if (spec.trend !== "N" && (beta < lb || beta > alpha || beta > ub)) return false;
  if (spec.season !== "N" && (gamma < lg || gamma > 1 - alpha || gamma > ug)) return false;
  if (spec.damped && (phi < lp || phi > up)) return false;
  return true;
}

/** Admissible (forecastable) region, HKOS chapter 10 / Hyndman, Akram & Archibald (2008). */
export function isAdmissible(spec: EtsSpec, params: EtsParams): boolean {
  const phi = spec.damped ? params.phi : 1;
  const alpha = params.alpha;
  const beta = spec.trend === "N" ? 0 : params.beta;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (spec.season === "N" || spec.m <= 1) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (spec.trend !== "N" && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  const gamma = params.gamma;
  const m = spec.m;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  // Characteristic polynomial, highest power first: z^{m+1} + (α+β−φ) z^m + (α+β−αφ)(z^{m−1}+…+z^2)
  //   + (α+β−αφ+γ−1) z + φ(1−α−γ); all roots must lie in the closed unit disc.
  const coefficients = [1, alpha + beta - phi];
  for (let i = 0; i < m - 2; i++) coefficients.push(alpha + beta - alpha * phi);
  coefficients.push(alpha + beta - alpha * phi + gamma - 1, phi * (1 - alpha - gamma));
  return maxRootModulusAtMost(coefficients, 1 + 1e-10);
}
