/**
 * Sample quantiles by the definitions of Hyndman & Fan, "Sample quantiles in statistical packages", The American
 * Statistician 50(4), 1996 — the `type` argument of R's quantile().
 *
 * Default: type 7 (R's and NumPy's default). With the sorted sample x₍₁₎ ≤ … ≤ x₍ₙ₎,
 *   h = (n − 1)·p + 1,   Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎),
 * i.e. linear interpolation between order statistics with Q(0) = min and Q(1) = max.
 * Type 8 (median-unbiased; what docs/METHODOLOGY.md §2 prescribes for simulated forecast paths):
 *   h = (n + ⅓)·p + ⅓, clamped to [1, n], then the same interpolation.
 */

export type QuantileType = 7 | 8;

/** Quantile p ∈ [0, 1] of a sample (any order; it is copied and sorted). NaN for an empty sample. */
export function quantile(xs: readonly number[], p: number, type: QuantileType = 7): number {
  return quantileOfSorted([...xs].sort((a, b) => a - b), p, type);
}

/** Quantile of a sample that is already sorted ascending (no copy; use it for many p on one sample). */
export function quantileOfSorted(sorted: readonly number[], p: number, type: QuantileType = 7): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const h = type === 7 ? (n - 1) * p + 1 : Math.min(n, Math.max(1, (n + 1 / 3) * p + 1 / 3));
  const lower = Math.floor(h);
  const fraction = h - lower;
  const below = sorted[lower - 1] as number;
  if (lower >= n || fraction === 0) return below;
  return below + fraction * ((sorted[lower] as number) - below);
}
