/**
 * Complex roots of a real polynomial by the Aberth–Ehrlich simultaneous iteration (Aberth 1973, Math. Comp.
 * 27(122); Ehrlich 1967). Used only for the admissibility test of seasonal ETS models (docs/METHODOLOGY.md §2,
 * test 4), which compares the largest root modulus with 1 + 1e−10, so ~1e−12 accuracy is plenty.
 *
 * The optimiser asks this question thousands of times per fit, so the iteration works on typed arrays without
 * allocating, and starts from the roots found for the previous polynomial of the same degree (nearby parameter
 * vectors have nearby roots). The answer does not depend on the starting points, only the number of iterations.
 */

interface RootCache {
  re: Float64Array;
  im: Float64Array;
}

const lastRoots = new Map<number, RootCache>();

function circleStart(a: Float64Array, d: number, re: Float64Array, im: Float64Array): void {
  let radius = 0;
  for (let i = 1; i <= d; i++) radius = Math.max(radius, Math.abs(a[i] as number));
  radius = 0.5 * (1 + radius); // half the Cauchy bound, with an irrational angular offset
  for (let k = 0; k < d; k++) {
    const angle = (2 * Math.PI * k) / d + 0.4;
    re[k] = radius * Math.cos(angle);
    im[k] = radius * Math.sin(angle);
  }
}

/** Aberth–Ehrlich iterations on the monic polynomial a (a[0] = 1), in place; true when converged. */
function aberth(a: Float64Array, d: number, re: Float64Array, im: Float64Array, maxIterations: number): boolean {
  for (let iter = 0; iter < maxIterations; iter++) {
    let maxChange = 0;
    for (let k = 0; k < d; k++) {
      const xr = re[k] as number;
      const xi = im[k] as number;
      // Horner for p and p′ at x.
      let pr = 1;
      let pi = 0;
      let dr = 0;
      let di = 0;
      for (let i = 1; i <= d; i++) {
        const ndr = dr * xr - di * xi + pr;
        di = dr * xi + di * xr + pi;
        dr = ndr;
        const npr = pr * xr - pi * xi + (a[i] as number);
        pi = pr * xi + pi * xr;
        pr = npr;
      }
      if (pr === 0 && pi === 0) continue;
      // Newton ratio N = p/p′.
      const den = dr * dr + di * di;
      const nr = den === 0 ? 1e-8 : (pr * dr + pi * di) / den;
      const ni = den === 0 ? 1e-8 : (pi * dr - pr * di) / den;
      // S = Σ_{j≠k} 1/(x − z_j).
      let sr = 0;
      let si = 0;
      for (let j = 0; j < d; j++) {
        if (j === k) continue;
        const ur = xr - (re[j] as number);
        const ui = xi - (im[j] as number);
        const m2 = ur * ur + ui * ui;
        if (m2 === 0) continue;
        sr += ur / m2;
        si -= ui / m2;
      }
      // Correction w = N / (1 − N·S).
      const br = 1 - (nr * sr - ni * si);
      const bi = -(nr * si + ni * sr);
      const bd = br * br + bi * bi;
      const wr = bd === 0 ? nr : (nr * br + ni * bi) / bd;
      const wi = bd === 0 ? ni : (ni * br - nr * bi) / bd;
      const zr = xr - wr;
      const zi = xi - wi;
      re[k] = zr;
      im[k] = zi;
      const change = Math.sqrt(wr * wr + wi * wi) / Math.max(1, Math.sqrt(zr * zr + zi * zi));
      if (change > maxChange) maxChange = change;
    }
    if (maxChange < 1e-14) return true;
  }
  return false;
}

/** Moduli of the roots of c[0]·z^d + c[1]·z^{d−1} + … + c[d] (coefficients from the highest power down). */
export function polynomialRootModuli(coefficients: readonly number[]): number[] {
  let first = 0;
  while (first < coefficients.length && coefficients[first] === 0) first++;
  let last = coefficients.length - 1;
  const zeros: number[] = [];
  // Trailing zero coefficients are exact zero roots.
  while (last > first && coefficients[last] === 0) {
    zeros.push(0);
    last--;
  }
  const d = last - first;
  if (d < 1) return zeros;
  const lead = coefficients[first] as number;
  const a = new Float64Array(d + 1);
  for (let i = 0; i <= d; i++) a[i] = (coefficients[first + i] as number) / lead;
  const re = new Float64Array(d);
  const im = new Float64Array(d);
  const cached = lastRoots.get(d);
  let converged = false;
  if (cached) {
    re.set(cached.re);
    im.set(cached.im);
    converged = aberth(a, d, re, im, 50);
  }
  if (!converged) {
    // Warm starts can stall (e.g. real starting points for a complex pair): restart from the circle.
    circleStart(a, d, re, im);
    aberth(a, d, re, im, 500);
  }
  lastRoots.set(d, { re: Float64Array.from(re), im: Float64Array.from(im) });
  const moduli = zeros;
  for (let k = 0; k < d; k++) moduli.push(Math.hypot(re[k] as number, im[k] as number));
  return moduli;
}

/** max |root| ≤ bound for the polynomial c[0]·z^d + … + c[d]. */
export function maxRootModulusAtMost(coefficients: readonly number[], bound: number): boolean {
  return polynomialRootModuli(coefficients).every((r) => r <= bound);
}
