/**
 * Sample quantiles — the one home of every quantile definition in tokenhedge. Definitions are those of Hyndman &
 * Fan, "Sample quantiles in statistical packages", The American Statistician 50(4), 361–365, 1996 (the `type`
 * argument of R's quantile()). With the sorted sample x₍₁₎ ≤ … ≤ x₍ₙ₎ (1-based) and p ∈ [0, 1]:
 *
 * - Type 7 (R's and NumPy's default; linear interpolation between order statistics, Q(0) = min, Q(1) = max):
 *     h = (n − 1)·p + 1,   Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
 *   Used for the risk figures of simulated costs (P5…P99, Cost-at-Risk) and the liquidity stress.
 *   Computed with 0-based h₀ = (n − 1)·p (so h = h₀ + 1): the fraction h₀ − ⌊h₀⌋ is then exact, whereas adding 1
 *   first can round away the low bits of a fraction below 1. The selection routines in select.ts compute the same
 *   type-7 value without a full sort.
 * - Type 8 (approximately median-unbiased whatever the distribution; the type R's `forecast` uses for simulated
 *   intervals, docs/METHODOLOGY.md §2):
 *     h = (n + ⅓)·p + ⅓, clamped to [1, n], then the same interpolation.
 *   Used for forecast intervals, outlier fences, calibration and the volume basis of a plan.
 * - Type 1 (the inverse of the empirical CDF, no interpolation): Q(p) = x₍⌈n·p⌉₎. Used for the Monte Carlo
 *   Cost-at-Risk of the company cost (cost-at-risk.ts).
 * - "Lower" (NumPy's name): x₍⌊(n − 1)·p⌋₎, 0-based, no interpolation; the range of the report's cost histogram.
 * - The median: the middle value or the midpoint of the two middle values (medianOfSorted), for the robust
 *   statistics of outlier screening and data-quality checks.
 *
 * All functions return NaN for an empty sample or p outside [0, 1].
 */

/** The types quantile() and quantileOfSorted() take (type 1 has its own function, quantileType1Sorted). */
export type QuantileType = 7 | 8;

/** Type-7 quantile of an ascending-sorted sample (no copy; use it for many p on one sample). */
export function quantileType7Sorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const h = (n - 1) * p; // 0-based
  const k = Math.floor(h);
  const lower = sorted[k]!;
  return k + 1 < n ? lower + (h - k) * (sorted[k + 1]! - lower) : lower;
}

/** Type-8 quantile of an ascending-sorted sample (no copy). */
export function quantileType8Sorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const h = (n + 1 / 3) * p + 1 / 3; // 1-based fractional order statistic
  if (h < 1) return sorted[0]!;
  if (h >= n) return sorted[n - 1]!;
  const lower = Math.floor(h);
  const a = sorted[lower - 1]!;
  return a + (h - lower) * (sorted[lower]! - a);
}

/**
 * Type 7 with 1-based h = (n − 1)·p + 1, as the liquidity stress (src/book/liquidity.ts) has always computed it.
 * The same definition as quantileType7Sorted, but the fraction can differ from it in the last bit when adding 1
 * rounds (h₀ < 1, or h₀ + 1 crossing a power of two: n = 34, 68, 135… at p = 0.95). Kept apart so that this
 * refactor changes no output; merging it into quantileType7Sorted is a separate, output-changing step.
 */
function quantileType7SortedOneBased(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const h = (n - 1) * p + 1;
  const lower = Math.floor(h);
  const fraction = h - lower;
  const below = sorted[lower - 1]!;
  if (lower >= n || fraction === 0) return below;
  return below + fraction * (sorted[lower]! - below);
}

/** Quantile of an ascending-sorted sample by Hyndman–Fan type 7 (default) or 8. */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number, type: QuantileType = 7): number {
  return type === 7 ? quantileType7SortedOneBased(sorted, p) : quantileType8Sorted(sorted, p);
}

/** Quantile p ∈ [0, 1] of a sample in any order (it is copied and sorted), type 7 (default) or 8. */
export function quantile(xs: readonly number[], p: number, type: QuantileType = 7): number {
  return quantileOfSorted(
    [...xs].sort((a, b) => a - b),
    p,
    type,
  );
}

/** Type-8 quantiles of an unsorted sample at each probability in `ps` (the sample is copied, not modified). */
export function quantilesType8(sample: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(sample).sort();
  return ps.map((p) => quantileType8Sorted(sorted, p));
}

/**
 * Type 1, the inverse of the empirical distribution function: Q(p) = x₍⌈n·p⌉₎, taken as x₍₁₎ for p = 0. No
 * interpolation, so the answer is always one of the draws; the Monte Carlo Cost-at-Risk of the company cost uses it.
 */
export function quantileType1Sorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!;
}

/**
 * The order statistic at or below type 7's position, without interpolation: x₍⌊(n − 1)·p⌋₎ with 0-based order
 * statistics (NumPy's method "lower"). The report's cost histogram takes its range from it.
 */
export function quantileLowerSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  return sorted[Math.min(n - 1, Math.max(0, Math.floor(p * (n - 1))))]!;
}

/**
 * The sample median of an ascending-sorted sample: the middle value, or the midpoint (a + b)/2 of the two middle
 * values. In exact arithmetic it equals the type-7 and type-8 quantiles at ½; in floating point the midpoint can
 * differ from type 7's a + ½·(b − a) in the last bit, so the medians of tokenhedge use this. NaN when empty.
 */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
