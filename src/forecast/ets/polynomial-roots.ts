/**
 * Complex roots of a real polynomial by the Aberth–Ehrlich simultaneous iteration (Aberth 1973, Math. Comp.
 * 27(122); Ehrlich 1967). Used only for the admissibility test of seasonal ETS models (FORECASTING.md §1.5,
 * test 4), which compares the largest root modulus with 1 + 1e−10, so ~1e−12 accuracy is plenty.
 */

interface Complex {
  re: number;
  im: number;
}

/** Moduli of the roots of c[0]·z^d + c[1]·z^{d−1} + … + c[d] (coefficients from the highest power down). */
export function polynomialRootModuli(coefficients: readonly number[]): number[] {
  let coef = [...coefficients];
  while (coef.length > 0 && coef[0] === 0) coef = coef.slice(1);
  const degree = coef.length - 1;
  if (degree < 1) return [];
  const lead = coef[0] as number;
  const a = coef.map((c) => c / lead); // monic
  // Zero roots (trailing zero coefficients) are exact; strip them.
  const zeros: number[] = [];
  while (a.length > 1 && a[a.length - 1] === 0) {
    a.pop();
    zeros.push(0);
  }
  const d = a.length - 1;
  if (d === 0) return zeros;
  // Cauchy bound for the starting circle; initial points spread on it with an irrational offset angle.
  let radius = 0;
  for (let i = 1; i <= d; i++) radius = Math.max(radius, Math.abs(a[i] as number));
  radius = 1 + radius;
  const z: Complex[] = [];
  for (let k = 0; k < d; k++) {
    const angle = (2 * Math.PI * k) / d + 0.4;
    z.push({ re: radius * 0.5 * Math.cos(angle), im: radius * 0.5 * Math.sin(angle) });
  }
  const evalPoly = (x: Complex): { p: Complex; dp: Complex } => {
    let pr = 1;
    let pi = 0;
    let dr = 0;
    let di = 0;
    for (let i = 1; i <= d; i++) {
      // dp = dp·x + p ; p = p·x + a_i
      const ndr = dr * x.re - di * x.im + pr;
      const ndi = dr * x.im + di * x.re + pi;
      dr = ndr;
      di = ndi;
      const npr = pr * x.re - pi * x.im + (a[i] as number);
      const npi = pr * x.im + pi * x.re;
      pr = npr;
      pi = npi;
    }
    return { p: { re: pr, im: pi }, dp: { re: dr, im: di } };
  };
  for (let iter = 0; iter < 500; iter++) {
    let maxChange = 0;
    for (let k = 0; k < d; k++) {
      const zk = z[k] as Complex;
      const { p, dp } = evalPoly(zk);
      if (p.re === 0 && p.im === 0) continue;
      // Newton ratio N = p/p'
      const den = dp.re * dp.re + dp.im * dp.im;
      let nr: number;
      let ni: number;
      if (den === 0) {
        nr = 1e-8;
        ni = 1e-8;
      } else {
        nr = (p.re * dp.re + p.im * dp.im) / den;
        ni = (p.im * dp.re - p.re * dp.im) / den;
      }
      // Σ 1/(z_k − z_j)
      let sr = 0;
      let si = 0;
      for (let j = 0; j < d; j++) {
        if (j === k) continue;
        const zj = z[j] as Complex;
        const xr = zk.re - zj.re;
        const xi = zk.im - zj.im;
        const m2 = xr * xr + xi * xi;
        if (m2 === 0) continue;
        sr += xr / m2;
        si += -xi / m2;
      }
      // w = N / (1 − N·S)
      const br = 1 - (nr * sr - ni * si);
      const bi = -(nr * si + ni * sr);
      const bd = br * br + bi * bi;
      const wr = bd === 0 ? nr : (nr * br + ni * bi) / bd;
      const wi = bd === 0 ? ni : (ni * br - nr * bi) / bd;
      zk.re -= wr;
      zk.im -= wi;
      maxChange = Math.max(maxChange, Math.hypot(wr, wi) / Math.max(1, Math.hypot(zk.re, zk.im)));
    }
    if (maxChange < 1e-15) break;
  }
  return [...zeros, ...z.map((c) => Math.hypot(c.re, c.im))];
}
