/**
 * Sample quantiles, type 8 of Hyndman & Fan (1996), "Sample quantiles in statistical packages", The American
 * Statistician 50(4), 361–365: approximately median-unbiased whatever the distribution, and the type R's `forecast`
 * uses for simulated intervals (docs/METHODOLOGY.md §2).
 */

/** Quantile of an ascending-sorted sample at probability p (type 8). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const r = (n + 1 / 3) * p + 1 / 3; // 1-based fractional order statistic
  if (r < 1) return sorted[0] as number;
  if (r >= n) return sorted[n - 1] as number;
  const lo = Math.floor(r);
  const frac = r - lo;
  const a = sorted[lo - 1] as number;
  const b = sorted[lo] as number;
  return a + frac * (b - a);
}

/** Type-8 quantiles of an unsorted sample at each probability in `ps` (the sample is copied, not modified). */
export function quantiles(sample: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(sample).sort();
  return ps.map((p) => quantileSorted(sorted, p));
}
