/**
 * Box–Cox transformation (Box & Cox 1964, JRSS B 26(2); FPP3 §3.1 and §5.6; R's `BoxCox`, `InvBoxCox`).
 * The product uses λ = 0 (log) for positive usage series (docs/METHODOLOGY.md §2).
 */

/** w = log y (λ = 0) or (y^λ − 1)/λ. */
export function boxCox(y: number, lambda: number): number {
  return lambda === 0 ? Math.log(y) : (Math.pow(y, lambda) - 1) / lambda;
}

/** y = exp(w) (λ = 0) or (λw + 1)^{1/λ}. */
export function invBoxCox(w: number, lambda: number): number {
  return lambda === 0 ? Math.exp(w) : Math.pow(lambda * w + 1, 1 / lambda);
}

/**
 * Back-transformed mean for a forecast with transformed-scale mean μ and variance v: the lognormal mean
 * exp(μ + v/2) for λ = 0 (exact under normality), otherwise R's second-order `biasadj` approximation
 * y·[1 + v(1 − λ) / (2(λμ + 1)²)], y = (λμ + 1)^{1/λ}.
 */
export function backTransformedMean(mu: number, variance: number, lambda: number): number {
  if (lambda === 0) return Math.exp(mu + variance / 2);
  const y = invBoxCox(mu, lambda);
  return y * (1 + (variance * (1 - lambda)) / (2 * (lambda * mu + 1) ** 2));
}
