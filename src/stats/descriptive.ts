/**
 * Descriptive statistics of samples: mean, variance, standard deviation, covariance, correlation, differences.
 *
 * Convention: variance, standard deviation and covariance are SAMPLE statistics with the n − 1 (Bessel) divisor,
 * as in Hull's hedge-ratio examples (Options, Futures, and Other Derivatives, ch. 3) and R's var()/sd()/cov().
 * Sums are computed in two passes around the mean (centre first, then square), which avoids the cancellation of
 * the one-pass "Σx² − (Σx)²/n" formula when the mean is large compared with the spread (Chan, Golub & LeVeque,
 * "Algorithms for computing the sample variance", The American Statistician 37(3), 1983).
 *
 * These functions assume finite numbers; input validation with user-facing messages lives with the callers that
 * know where the numbers came from.
 */

/** Σ xᵢ with Neumaier's compensated summation, so that long series of money-sized changes add without drift. */
export function sum(xs: readonly number[]): number {
  let total = 0;
  let compensation = 0;
  for (const x of xs) {
    const t = total + x;
    // Neumaier (1974): keep the low-order bits lost by whichever addend is smaller in magnitude.
    compensation += Math.abs(total) >= Math.abs(x) ? total - t + x : x - t + total;
    total = t;
  }
  return total + compensation;
}

/** Arithmetic mean; NaN for an empty sample. */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  return sum(xs) / xs.length;
}

/** Σ (xᵢ − x̄)(yᵢ − ȳ), the centred cross-product (Sxy); x and y must have equal length. */
export function centredCrossProduct(xs: readonly number[], ys: readonly number[]): number {
  assertSameLength(xs, ys);
  const mx = mean(xs);
  const my = mean(ys);
  const products = xs.map((x, i) => (x - mx) * ((ys[i] as number) - my));
  return sum(products);
}

/** Σ (xᵢ − x̄)², the centred sum of squares (Sxx). */
export function centredSumOfSquares(xs: readonly number[]): number {
  return centredCrossProduct(xs, xs);
}

/** Sample variance with the n − 1 divisor; NaN when n < 2. */
export function sampleVariance(xs: readonly number[]): number {
  if (xs.length < 2) return Number.NaN;
  return centredSumOfSquares(xs) / (xs.length - 1);
}

/** Sample standard deviation √(sample variance), n − 1 divisor; NaN when n < 2. */
export function sampleStandardDeviation(xs: readonly number[]): number {
  return Math.sqrt(sampleVariance(xs));
}

/** Sample covariance with the n − 1 divisor; NaN when n < 2. */
export function sampleCovariance(xs: readonly number[], ys: readonly number[]): number {
  assertSameLength(xs, ys);
  if (xs.length < 2) return Number.NaN;
  return centredCrossProduct(xs, ys) / (xs.length - 1);
}

/**
 * Pearson correlation Sxy / √(Sxx·Syy). The divisor cancels, so it is the same for n and n − 1 conventions.
 * NaN when either sample is constant (the correlation is undefined) or n < 2.
 */
export function correlation(xs: readonly number[], ys: readonly number[]): number {
  assertSameLength(xs, ys);
  if (xs.length < 2) return Number.NaN;
  const sxx = centredSumOfSquares(xs);
  const syy = centredSumOfSquares(ys);
  if (sxx === 0 || syy === 0) return Number.NaN;
  const r = centredCrossProduct(xs, ys) / Math.sqrt(sxx * syy);
  // Rounding can push |r| a hair above 1 for perfectly collinear data.
  return Math.max(-1, Math.min(1, r));
}

/** First differences xᵢ − xᵢ₋₁ (length n − 1): price levels → price changes per period. */
export function differences(xs: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < xs.length; i++) out.push((xs[i] as number) - (xs[i - 1] as number));
  return out;
}

function assertSameLength(xs: readonly number[], ys: readonly number[]): void {
  if (xs.length !== ys.length) {
    throw new RangeError(`samples differ in length: ${xs.length} and ${ys.length}`);
  }
}
