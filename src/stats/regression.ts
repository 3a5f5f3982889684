/**
 * Ordinary least squares for one regressor, y = α + β·x + ε (any statistics text, e.g. Wooldridge, Introductory
 * Econometrics, ch. 2; Montgomery, Peck & Vining, Introduction to Linear Regression Analysis, ch. 2):
 *   β̂ = Sxy / Sxx,  α̂ = ȳ − β̂·x̄,
 *   SSE = Σ(yᵢ − α̂ − β̂xᵢ)²,  s² = SSE / (n − 2)  (residual standard error s),
 *   SE(β̂) = s / √Sxx,  SE(α̂) = s·√(1/n + x̄²/Sxx),
 *   R² = 1 − SSE/Syy  (= r², the squared correlation),
 *   F = (Syy − SSE) / s²  on (1, n − 2) degrees of freedom, p = P(F₁,ₙ₋₂ > F)  (equal to the two-sided t test of
 *   β = 0, since F = t²).
 * Sxx, Syy, Sxy are centred sums (descriptive.ts), so the fit is exact in floating point to the extent the data are.
 */
import { centredCrossProduct, centredSumOfSquares, mean } from "./descriptive.js";
import { fSurvival } from "./f-distribution.js";
import { studentTQuantile } from "./student-t.js";

export interface SimpleRegression {
  /** β̂, the change in y per unit of x. */
  slope: number;
  /** α̂. */
  intercept: number;
  /** s = √(SSE / (n − 2)). */
  residualStandardError: number;
  /** SE(β̂). */
  slopeStandardError: number;
  /** SE(α̂). */
  interceptStandardError: number;
  /** Coefficient of determination 1 − SSE/Syy; NaN when y is constant. */
  rSquared: number;
  /** F statistic for β = 0; +∞ for a perfect fit (SSE = 0). */
  fStatistic: number;
  /** P(F(1, n − 2) > F); 0 for a perfect fit. */
  pValue: number;
  /** Number of observations n. */
  observations: number;
  /** Residual degrees of freedom n − 2. */
  degreesOfFreedom: number;
  /** Sums used, for reports and audits. */
  sums: { sxx: number; syy: number; sxy: number; sse: number };
}

/**
 * Fits y on x by OLS. Throws RangeError when the lengths differ, n < 3 (no residual degree of freedom) or x is
 * constant (the slope is undefined); callers that take user data should check these first and raise HedgeErrors.
 */
export function simpleRegression(x: readonly number[], y: readonly number[]): SimpleRegression {
  if (x.length !== y.length) throw new RangeError(`x and y differ in length: ${x.length} and ${y.length}`);
  const n = x.length;
  if (n < 3) throw new RangeError(`a regression needs at least 3 observations, got ${n}`);
  const sxx = centredSumOfSquares(x);
  if (!(sxx > 0)) throw new RangeError("x is constant: the regression slope is undefined");
  const syy = centredSumOfSquares(y);
  const sxy = centredCrossProduct(x, y);
  const slope = sxy / sxx;
  const xBar = mean(x);
  const intercept = mean(y) - slope * xBar;
  // Residuals directly rather than Syy − β̂Sxy, which can come out slightly negative for near-perfect fits.
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const e = (y[i] as number) - intercept - slope * (x[i] as number);
    sse += e * e;
  }
  const df = n - 2;
  const s2 = sse / df;
  const residualStandardError = Math.sqrt(s2);
  const regressionSS = Math.max(0, syy - sse);
  const fStatistic = sse === 0 ? (syy === 0 ? Number.NaN : Number.POSITIVE_INFINITY) : regressionSS / s2;
  const pValue = Number.isNaN(fStatistic) ? Number.NaN : fSurvival(fStatistic, 1, df);
  return {
    slope,
    intercept,
    residualStandardError,
    slopeStandardError: residualStandardError / Math.sqrt(sxx),
    interceptStandardError: residualStandardError * Math.sqrt(1 / n + (xBar * xBar) / sxx),
    rSquared: syy === 0 ? Number.NaN : Math.min(1, Math.max(0, 1 - sse / syy)),
    fStatistic,
    pValue,
    observations: n,
    degreesOfFreedom: df,
    sums: { sxx, syy, sxy, sse },
  };
}

/** Two-sided confidence interval for the slope: β̂ ± t₁₋α/₂,ₙ₋₂ · SE(β̂). */
export function slopeConfidenceInterval(fit: SimpleRegression, level = 0.95): [number, number] {
  const t = studentTQuantile(1 - (1 - level) / 2, fit.degreesOfFreedom);
  const half = t * fit.slopeStandardError;
  return [fit.slope - half, fit.slope + half];
}
