/**
 * Standard normal distribution: density φ, CDF Φ and quantile Φ⁻¹.
 *
 * Φ(x) = ½·erfc(−x/√2) (A&S 26.2.29), with erfc from the incomplete gamma function (special-functions.ts), so
 * the lower tail keeps full relative accuracy far out (Φ(−10) ≈ 7.6e−24 is not lost to 1 − …).
 *
 * Φ⁻¹(p): Peter J. Acklam's rational approximation (2003, published on his web page "An algorithm for computing the
 * inverse normal cumulative distribution function"; relative error below 1.15e−9), followed by one Halley
 * refinement step against Φ, which brings it to near machine precision (the refinement Acklam himself suggests).
 */
import { erfc } from "./special-functions.js";

const INV_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

/** φ(x), the standard normal density. */
export function normalPdf(x: number): number {
  return INV_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
}

/** Φ(x) = P(Z ≤ x) for Z ~ N(0, 1). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** 1 − Φ(x) = P(Z > x), computed directly so that upper tails keep their relative accuracy. */
export function normalSurvival(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}

// Acklam's coefficients: central region numerator a, denominator b; tail region numerator c, denominator d.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155692189e1];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Horner evaluation of c[0]·rⁿ⁻¹ + … + c[n−1] (highest power first, as Acklam lists them). */
function horner(c: readonly number[], r: number): number {
  let v = 0;
  for (const coefficient of c) v = v * r + coefficient;
  return v;
}

/** Acklam's approximation alone (|relative error| < 1.15e−9). */
function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return horner(C, q) / (horner(D, q) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -horner(C, q) / (horner(D, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (horner(A, r) * q) / (horner(B, r) * r + 1);
}

/** Φ⁻¹(p) for 0 < p < 1; −∞ at 0, +∞ at 1, NaN outside [0, 1]. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const x = acklam(p);
  // One Halley step on Φ(x) − p. In the upper half use the survival function so that the error is measured
  // against 1 − p without cancellation.
  const error = p < 0.5 ? normalCdf(x) - p : 1 - p - normalSurvival(x);
  const u = error * SQRT_TWO_PI * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}
