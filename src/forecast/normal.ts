/**
 * The standard normal distribution: quantile function Φ⁻¹ (here) and CDF Φ (re-exported from stats/normal.ts).
 *
 * Φ⁻¹: Wichura, M.J. (1988), "Algorithm AS 241: The percentage points of the normal distribution", Applied
 * Statistics 37(3), 477–484 (PPND16, rational approximations accurate to about 1e−16). The coefficients are the
 * published constants of that algorithm, written to double precision.
 *
 * Why Φ⁻¹ is not also taken from stats/normal.ts: the seeded sampler (random.ts) draws every normal variate by
 * inverse transform, so Φ⁻¹ runs millions of times per daily forecast. The stats version (Acklam's approximation
 * plus a Halley step against an erfc computed from the incomplete gamma function) agrees with AS 241 to 6.4e−15 on
 * p = k/200000 but measured 5–8× slower per call (about 0.7 µs against 0.1 µs), which would add seconds to a daily
 * forecast for no visible gain. Φ is not on that path, so the one implementation in stats/normal.ts serves both
 * (the two agreed to 3.2e−15 on x ∈ [−38, 38]).
 */
export { normalCdf } from "../stats/normal.js";

const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946,
  45921.95393154987, 67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597,
  39307.89580009271, 28729.085735721943, 5226.495278852546,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045,
  1.2704582524523684, 0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-09,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 2.7115555687434876e-05, 2.0103343992922881e-07,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-05, 1.421511758316446e-07, 2.0442631033899397e-15,
];

/** Horner evaluation of c[0] + c[1] r + … + c[7] r^7. */
function poly(c: number[], r: number): number {
  let v = 0;
  for (let i = c.length - 1; i >= 0; i--) v = v * r + (c[i] as number);
  return v;
}

/** Φ⁻¹(p) for 0 < p < 1 (AS 241). Returns ∓∞ at 0 and 1, NaN outside [0, 1]. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let v: number;
  if (r <= 5) {
    r -= 1.6;
    v = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    v = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -v : v;
}
