/**
 * Order statistics without full sorts, for the hedge-ratio sweep: 151 ratios × 100,000 paths would be 151 sorts.
 *
 * - selectKth: Hoare's FIND / quickselect (C. A. R. Hoare, "Algorithm 65: FIND", CACM 4(7), 1961), median-of-three
 *   pivots, expected linear time; rearranges the array so that a[k] is the k-th smallest (0-based), everything
 *   before it ≤ a[k] and everything after ≥ a[k].
 * - quantileOfCombination: the type-7 quantile of U − r·G without materialising and selecting all of it, by the
 *   sampling idea of Floyd & Rivest ("Algorithm 489: SELECT", CACM 18(3), 1975): a small strided sample brackets the
 *   wanted order statistic; one pass counts the values below the bracket and keeps those inside; the answer is
 *   selected among the few kept. When the bracket misses (rare, and checked exactly) it falls back to selecting on
 *   everything, so the result is always exact.
 *
 * Quantile definition: type 7 of Hyndman & Fan (1996), the default of R and NumPy, with the arithmetic of
 * quantileType7Sorted (quantile.ts): h = (n − 1)·p,  Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)  with 0-based
 * order statistics x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎; the tests check that both give the same value bit for bit.
 */

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Rearrange a[lo..hi] (inclusive) so that a[k] holds its k-th smallest value. */
export function selectKth(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  let l = lo;
  let r = hi;
  while (r > l) {
    // Median of three as the pivot, moved to a[l].
    const m = (l + r) >>> 1;
    if (a[m]! < a[l]!) swap(a, m, l);
    if (a[r]! < a[l]!) swap(a, r, l);
    if (a[r]! < a[m]!) swap(a, r, m);
    swap(a, l, m);
    const pivot = a[l]!;
    // Hoare partition.
    let i = l;
    let j = r + 1;
    for (;;) {
      do i++;
      while (i <= r && a[i]! < pivot);
      do j--;
      while (a[j]! > pivot);
      if (i >= j) break;
      swap(a, i, j);
    }
    swap(a, l, j);
    if (j === k) return a[k]!;
    if (j < k) l = j + 1;
    else r = j - 1;
  }
  return a[k]!;
}

/** Smallest value of a[lo..hi]. */
function minOf(a: Float64Array, lo: number, hi: number): number {
  let m = Infinity;
  for (let i = lo; i <= hi; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/** Type-7 quantile of `a` by selection; `a` is rearranged. */
export function quantileSelect(a: Float64Array, p: number, n = a.length): number {
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const k = Math.floor(h);
  const lower = selectKth(a, k, 0, n - 1);
  if (k + 1 >= n || h === k) return lower;
  return lower + (h - k) * (minOf(a, k + 1, n - 1) - lower);
}

const SAMPLE = 1024;

/** Scratch space for quantileOfCombination, reused across the calls of a sweep. */
export interface SelectScratch {
  sample: Float64Array;
  kept: Float64Array;
}

export function selectScratch(n: number): SelectScratch {
  return { sample: new Float64Array(Math.min(n, SAMPLE)), kept: new Float64Array(n) };
}

/**
 * Type-7 quantile p of v_i = u_i − r·g_i, i < n, exact. Expected cost: one pass over the data plus a sort of 1,024
 * sampled values and a selection among the ~4% of values that fall inside the bracket.
 */
export function quantileOfCombination(
  u: Float64Array,
  g: Float64Array,
  r: number,
  p: number,
  scratch: SelectScratch,
  n = u.length,
): number {
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const k = Math.floor(h);
  const frac = h - k;
  const need = frac > 0 && k + 1 < n ? 2 : 1; // order statistics k and, when interpolating, k + 1

  const { sample, kept } = scratch;
  const m = Math.min(n, sample.length);
  if (m < sample.length || n < 4 * SAMPLE) return fullSelect(u, g, r, p, kept, n);
  // A strided sample: the paths are independent, so every (n/m)-th one is a random sample.
  const stride = n / m;
  for (let j = 0; j < m; j++) {
    const i = Math.floor(j * stride);
    sample[j] = u[i]! - r * g[i]!;
  }
  sample.sort();
  // Bracket ±(4 binomial standard deviations + 2 ranks) around p in the sample.
  const spread = 4 * Math.sqrt((p * (1 - p)) / m) + 2 / m;
  const loIdx = Math.floor(m * (p - spread));
  const hiIdx = Math.ceil(m * (p + spread));
  const lo = loIdx >= 0 ? sample[loIdx]! : -Infinity;
  const hi = hiIdx < m ? sample[hiIdx]! : Infinity;

  let below = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = u[i]! - r * g[i]!;
    if (v < lo) below++;
    else if (v <= hi) kept[count++] = v;
  }
  // The order statistics k (and k + 1) lie inside the bracket iff below ≤ k and below + count ≥ k + need.
  if (below > k || below + count < k + need) return fullSelect(u, g, r, p, kept, n);
  const kk = k - below;
  const lower = selectKth(kept, kk, 0, count - 1);
  if (need === 1) return lower;
  return lower + frac * (minOf(kept, kk + 1, count - 1) - lower);
}

function fullSelect(u: Float64Array, g: Float64Array, r: number, p: number, buffer: Float64Array, n: number): number {
  for (let i = 0; i < n; i++) buffer[i] = u[i]! - r * g[i]!;
  return quantileSelect(buffer, p, n);
}
