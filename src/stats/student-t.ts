/**
 * Student's t distribution with ν > 0 degrees of freedom (ν need not be an integer).
 *
 * CDF through the incomplete beta function (A&S 26.7.1 with 26.5.27): for t ≥ 0,
 *   P(T > t) = ½·I_x(ν/2, ½),  x = ν / (ν + t²),
 * and symmetry P(T ≤ −t) = P(T > t). 1 − x = t²/(ν + t²) is passed separately so small |t| keeps its accuracy.
 *
 * Quantile: Newton's method on the upper tail, started from the Cornish–Fisher expansion of A&S 26.7.5 around the
 * normal quantile. For t > 0 the tail P(T > t) is decreasing and convex (the density falls), so Newton steps from
 * below the root never overshoot it and a step that overshoots from above lands below it: the iteration converges
 * from any positive start. Closed forms are used for ν = 1 (Cauchy) and ν = 2 (A&S 26.7.3, 26.7.4 inverted).
 */
import { incompleteBetaTails, logGamma } from "./special-functions.js";
import { normalQuantile } from "./normal.js";

/** Density of the t distribution with ν degrees of freedom (A&S 26.7.1 integrand). */
export function studentTPdf(t: number, df: number): number {
  if (!(df > 0)) return Number.NaN;
  const logNormaliser = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logNormaliser - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** P(T > |t|), one tail, computed without cancellation. */
function upperTailOfAbs(t: number, df: number): number {
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  return 0.5 * incompleteBetaTails(x, df / 2, 0.5, y).lower;
}

/** P(T ≤ t) for T ~ t(ν). */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail = upperTailOfAbs(t, df);
  return t >= 0 ? 1 - tail : tail;
}

/** P(T > t) for T ~ t(ν), accurate for small upper tails. */
export function studentTSurvival(t: number, df: number): number {
  return studentTCdf(-t, df);
}

/** Two-sided p-value P(|T| > |t|). */
export function studentTTwoSidedPValue(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * upperTailOfAbs(t, df));
}

/** Cornish–Fisher start value for the upper-tail quantile: A&S 26.7.5 with z = Φ⁻¹(1 − q). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z2 * z + z) / 4;
  const g2 = ((5 * z2 + 16) * z2 * z + 3 * z) / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 * z - 15 * z) / 384;
  const g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 * z - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** The t > 0 with P(T > t) = q, for 0 < q < ½. */
function upperQuantile(q: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * q); // tan(π(½ − q)) = cot(πq), exact for tiny q
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  let t = cornishFisher(normalQuantile(1 - q), df);
  if (!(t > 0) || !Number.isFinite(t)) t = 1;
  for (let i = 0; i < 500; i++) {
    const f = upperTailOfAbs(t, df) - q;
    const slope = -studentTPdf(t, df);
    let next = t - f / slope;
    // A step from above can land at or below 0; the tail is convex only for t > 0, so restart from half-way.
    if (!(next > 0)) next = t / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.abs(next)) return next;
    t = next;
  }
  return t;
}

/** The p-quantile of t(ν): the t with P(T ≤ t) = p. ∓∞ at p = 0, 1; NaN outside [0, 1]. */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0) || !(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  return p > 0.5 ? upperQuantile(1 - p, df) : -upperQuantile(p, df);
}
