/**
 * Standard normal distribution: density φ, CDF Φ and quantile Φ⁻¹.
 *
 * Φ(x) = ½·erfc(−x/√2) (A&S 26.2.29), with erfc from the incomplete gamma function (special-functions.ts), so
 * the lower tail keeps full relative accuracy far out (Φ(−10) ≈ 7.6e−24 is not lost to 1 − …).
 *
 * Φ⁻¹ comes in two named variants, because outputs depend on which one a computation uses:
 * - normalQuantile: Peter J. Acklam's rational approximation (2003, published on his web page "An algorithm for
 *   computing the inverse normal cumulative distribution function"; relative error below 1.15e−9), followed by one
 *   Halley refinement step against Φ, which brings it to near machine precision (the refinement Acklam himself
 *   suggests). For critical values: z of a confidence level (Cost-at-Risk, the volume basis, Student t's start).
 * - normalQuantileAS241: Wichura, M.J. (1988), "Algorithm AS 241: The percentage points of the normal
 *   distribution", Applied Statistics 37(3), 477–484 (PPND16, rational approximations accurate to about 1e−16; the
 *   coefficients are the published constants, written to double precision). For sampling: the seeded generator
 *   (random.ts) draws every normal of the forecast by inverse transform, so Φ⁻¹ runs millions of times per daily
 *   forecast; normalQuantile agrees with it to 6.4e−15 on p = k/200000 but measured 5–8× slower per call (about
 *   0.7 µs against 0.1 µs). The two differ in the last bits, so swapping one for the other changes outputs.
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

const AS241_A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087,
  33430.57558358813, 2509.0809287301227,
];
const AS241_B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943,
  5226.495278852546,
];
const AS241_C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506,
  0.022723844989269184, 0.0007745450142783414,
];
const AS241_D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const AS241_E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const AS241_F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 1.8463183175100548e-5,
  1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Horner evaluation of c[0] + c[1] r + … + c[7] r^7 (lowest power first, as AS 241 lists them). */
function poly(c: number[], r: number): number {
  let v = 0;
  for (let i = c.length - 1; i >= 0; i--) v = v * r + (c[i] as number);
  return v;
}

/** Φ⁻¹(p) for 0 < p < 1 by AS 241 (the fast variant, for sampling). Returns ∓∞ at 0 and 1, NaN outside [0, 1]. */
export function normalQuantileAS241(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(AS241_A, r)) / poly(AS241_B, r);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let v: number;
  if (r <= 5) {
    r -= 1.6;
    v = poly(AS241_C, r) / poly(AS241_D, r);
  } else {
    r -= 5;
    v = poly(AS241_E, r) / poly(AS241_F, r);
  }
  return q < 0 ? -v : v;
}
