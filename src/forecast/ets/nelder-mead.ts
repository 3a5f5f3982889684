/**
 * Nelder–Mead simplex minimiser in the variant of R's `optim(method = "Nelder-Mead")` (C routine `nmmin`), which
 * R's `ets` uses: reflection 1, contraction 0.5, expansion 2, convergence when the spread of the simplex values
 * falls below reltol·(|f(x0)| + reltol), shrink towards the best vertex when a contraction fails
 * (Nelder & Mead 1965, Computer Journal 7(4); docs/METHODOLOGY.md §2 lists the exact steps reproduced here).
 */

export interface NelderMeadOptions {
  /** Relative tolerance (R default √ε ≈ 1.490116e−8). */
  reltol?: number;
  /** Maximum number of function evaluations (R `ets`: 2000). */
  maxit?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  value: number;
  evaluations: number;
  /** false when stopped by maxit or a failed shrink. */
  converged: boolean;
}

const BIG = 1e35; // value substituted for non-finite objective values, as in nmmin

export function nelderMead(
  f: (x: Float64Array) => number,
  start: ArrayLike<number>,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const maxit = options.maxit ?? 2000;
  const n = start.length;
  const x0 = Float64Array.from(start);
  const f0 = f(x0);
  if (!Number.isFinite(f0)) throw new Error("Nelder–Mead: objective is not finite at the starting point");
  if (n === 0) return { x: x0, value: f0, evaluations: 1, converged: true };
  const tol = reltol * (Math.abs(f0) + reltol);
  let evaluations = 1;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : BIG;
  };

  // Initial simplex: x0 and, for each coordinate, x0 moved by the common step (grown ×10 until it changes x).
  let step = 0;
  for (let i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(x0[i] as number));
  if (step === 0) step = 0.1;
  const vertices: Float64Array[] = [Float64Array.from(x0)];
  const values: number[] = [f0];
  let size = 0;
  for (let j = 0; j < n; j++) {
    const v = Float64Array.from(x0);
    let trystep = step;
    while (v[j] === x0[j]) {
      v[j] = (x0[j] as number) + trystep;
      trystep *= 10;
    }
    size += trystep;
    vertices.push(v);
    values.push(Number.NaN);
  }
  let oldsize = size;
  let calcvert = true;
  let low = 0;
  let converged = false;
  const centroid = new Float64Array(n);
  const trial = new Float64Array(n);

  for (;;) {
    if (calcvert) {
      for (let j = 0; j <= n; j++) {
        if (j !== low) values[j] = evaluate(vertices[j] as Float64Array);
      }
      calcvert = false;
    }
    let vl = values[low] as number;
    let vh = vl;
    let high = low;
    for (let j = 0; j <= n; j++) {
      if (j === low) continue;
      const v = values[j] as number;
      if (v < vl) {
        low = j;
        vl = v;
      }
      if (v > vh) {
        high = j;
        vh = v;
      }
    }
    if (vh <= vl + tol) {
      converged = true;
      break;
    }
    const xh = vertices[high] as Float64Array;
    for (let i = 0; i < n; i++) {
      let sum = -(xh[i] as number);
      for (let j = 0; j <= n; j++) sum += (vertices[j] as Float64Array)[i] as number;
      centroid[i] = sum / n;
    }
    // Reflection r = 2c − x_H.
    for (let i = 0; i < n; i++) trial[i] = 2 * (centroid[i] as number) - (xh[i] as number);
    const vr = evaluate(trial);
    if (vr < vl) {
      // Expansion e = 2r − c.
      const reflected = Float64Array.from(trial);
      for (let i = 0; i < n; i++) trial[i] = 2 * (reflected[i] as number) - (centroid[i] as number);
      const ve = evaluate(trial);
      if (ve < vr) {
        xh.set(trial);
        values[high] = ve;
      } else {
        xh.set(reflected);
        values[high] = vr;
      }
    } else {
      if (vr < vh) {
        xh.set(trial);
        values[high] = vr;
      }
      // Contraction k = ½x_H + ½c.
      for (let i = 0; i < n; i++) trial[i] = 0.5 * (xh[i] as number) + 0.5 * (centroid[i] as number);
      const vk = evaluate(trial);
      if (vk < (values[high] as number)) {
        xh.set(trial);
        values[high] = vk;
      } else if (vr >= vh) {
        // Shrink every vertex halfway towards the best one; stop if the simplex no longer gets smaller.
        calcvert = true;
        size = 0;
        const xl = vertices[low] as Float64Array;
        for (let j = 0; j <= n; j++) {
          if (j === low) continue;
          const v = vertices[j] as Float64Array;
          for (let i = 0; i < n; i++) {
            v[i] = 0.5 * ((v[i] as number) - (xl[i] as number)) + (xl[i] as number);
            size += Math.abs((v[i] as number) - (xl[i] as number));
          }
        }
        if (size < oldsize) oldsize = size;
        else break;
      }
    }
    if (evaluations > maxit) break;
  }
  return { x: Float64Array.from(vertices[low] as Float64Array), value: values[low] as number, evaluations, converged };
}
