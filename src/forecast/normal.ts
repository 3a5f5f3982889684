/**
 * The standard normal distribution: quantile function Φ⁻¹ and CDF Φ.
 *
 * Φ⁻¹: Wichura, M.J. (1988), "Algorithm AS 241: The percentage points of the normal distribution", Applied
 * Statistics 37(3), 477–484 (PPND16, rational approximations accurate to about 1e−16). The coefficients are the
 * published constants of that algorithm, written to double precision.
 *
 * Φ: Φ(x) = ½·erfc(−x/√2), with erf by its Maclaurin series for small arguments (Abramowitz & Stegun 7.1.5) and
 * erfc by its continued fraction for large ones (A&S 7.1.14). Accuracy ~1e−14, ample for coverage figures.
 */

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

/** Φ(x), the standard normal CDF. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const z = Math.abs(x) / Math.SQRT2;
  // erfc(z) for z ≥ 0.
  let erfc: number;
  if (z < 2.5) {
    // Maclaurin series erf(z) = 2/√π Σ (−1)^k z^(2k+1) / (k! (2k+1))  (A&S 7.1.5)
    let term = z;
    let sum = z;
    const z2 = z * z;
    for (let k = 1; k < 200; k++) {
      term *= -z2 / k;
      const add = term / (2 * k + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    erfc = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // Continued fraction erfc(z) = e^{−z²}/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …))))  (A&S 7.1.14),
    // evaluated bottom-up with a fixed depth that converges for z ≥ 2.5.
    let f = z;
    for (let k = 60; k >= 1; k--) f = z + k / 2 / f;
    erfc = Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
  }
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
