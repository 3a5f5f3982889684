/**
 * Small least-squares helpers used by initialisation (docs/METHODOLOGY.md §2) and Theta (§3.2).
 */

/** OLS of y on x: returns intercept and slope. Pairs with a NaN y are skipped. */
export function simpleRegression(x: ArrayLike<number>, y: ArrayLike<number>): { intercept: number; slope: number } {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const yi = y[i] as number;
    if (Number.isNaN(yi)) continue;
    n++;
    sx += x[i] as number;
    sy += yi;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const yi = y[i] as number;
    if (Number.isNaN(yi)) continue;
    const dx = (x[i] as number) - mx;
    sxx += dx * dx;
    sxy += dx * (yi - my);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

/**
 * Least squares for a small dense design matrix (rows = observations) by the normal equations solved with
 * Gaussian elimination and partial pivoting. Adequate for the 4-column Fourier regression of §1.7.
 */
export function leastSquares(rows: number[][], y: ArrayLike<number>): number[] {
  const p = rows[0]?.length ?? 0;
  const a: number[][] = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  rows.forEach((row, t) => {
    const yt = y[t] as number;
    if (Number.isNaN(yt)) return;
    for (let i = 0; i < p; i++) {
      const ai = a[i] as number[];
      for (let j = 0; j < p; j++) ai[j] = (ai[j] as number) + (row[i] as number) * (row[j] as number);
      ai[p] = (ai[p] as number) + (row[i] as number) * yt;
    }
  });
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) {
      if (Math.abs((a[r] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = r;
    }
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const pr = a[col] as number[];
    const pv = pr[col] as number;
    if (Math.abs(pv) < 1e-300) continue; // singular column: leave coefficient at 0
    for (let r = 0; r < p; r++) {
      if (r === col) continue;
      const rr = a[r] as number[];
      const factor = (rr[col] as number) / pv;
      if (factor === 0) continue;
      for (let c = col; c <= p; c++) rr[c] = (rr[c] as number) - factor * (pr[c] as number);
    }
  }
  return a.map((row, i) => {
    const d = row[i] as number;
    return Math.abs(d) < 1e-300 ? 0 : (row[p] as number) / d;
  });
}
