/**
 * Regression test of hedge effectiveness, as commonly applied under ASC 815 (IFRS 9 B6.4.13 also allows
 * quantitative assessments of this kind). Regress one series of period value changes on the other by OLS and
 * require all of (the criteria docs/METHODOLOGY.md names):
 *   R² ≥ 0.80,   −1.25 ≤ slope ≤ −0.80,   p < 0.05 for the F test of slope = 0 (1 and n − 2 df).
 *
 * The slope depends on which series is y (the two slopes multiply to R², not to 1), so the direction is explicit:
 *   "hedge-on-item" (default): y = ΔHedge, x = ΔItem — the hedge's change explained by the item's;
 *   "item-on-hedge":           y = ΔItem,  x = ΔHedge.
 * R², F and p are the same either way.
 */
import { simpleRegression } from "../stats/regression.js";
import { checkValueChanges, type ValueChanges } from "./value-changes.js";

export type RegressionDirection = "hedge-on-item" | "item-on-hedge";

export const REGRESSION_MIN_R_SQUARED = 0.8;
export const REGRESSION_SLOPE_LOWER = -1.25;
export const REGRESSION_SLOPE_UPPER = -0.8;
export const REGRESSION_SIGNIFICANCE = 0.05;
const BOUND_TOLERANCE = 1e-12;

export interface RegressionTestResult {
  direction: RegressionDirection;
  /** Which series is the dependent variable y ("hedge" for hedge-on-item). */
  dependent: "hedge" | "item";
  slope: number;
  intercept: number;
  rSquared: number;
  /** F statistic on (1, n − 2) df; null for a perfect fit (F = ∞ has no JSON form). */
  fStatistic: number | null;
  /** P(F₁,ₙ₋₂ > F); 0 for a perfect fit. */
  pValue: number;
  observations: number;
  /** The R² the test required: REGRESSION_MIN_R_SQUARED, or the entity's stricter designated threshold. */
  minRSquared: number;
  pass: boolean;
}

/**
 * Runs the regression test. Throws RangeError if n < 3 or the regressor is constant; use `regressionTestOrNull`
 * to get null (and a reason) instead.
 */
export function regressionTest(
  changes: ValueChanges,
  direction: RegressionDirection = "hedge-on-item",
  minRSquared: number = REGRESSION_MIN_R_SQUARED,
): RegressionTestResult {
  checkValueChanges(changes);
  const hedgeIsY = direction === "hedge-on-item";
  const y = hedgeIsY ? changes.hedge : changes.item;
  const x = hedgeIsY ? changes.item : changes.hedge;
  const fit = simpleRegression(x, y);
  if (Number.isNaN(fit.rSquared)) throw new RangeError("the dependent series is constant: R² is undefined");
  const pass =
    fit.rSquared >= minRSquared - BOUND_TOLERANCE &&
    fit.slope >= REGRESSION_SLOPE_LOWER - BOUND_TOLERANCE &&
    fit.slope <= REGRESSION_SLOPE_UPPER + BOUND_TOLERANCE &&
    fit.pValue < REGRESSION_SIGNIFICANCE;
  return {
    direction,
    dependent: hedgeIsY ? "hedge" : "item",
    slope: fit.slope,
    intercept: fit.intercept,
    rSquared: fit.rSquared,
    fStatistic: Number.isFinite(fit.fStatistic) ? fit.fStatistic : null,
    pValue: fit.pValue,
    observations: fit.observations,
    minRSquared,
    pass,
  };
}

/** The regression test, or null with the reason when it cannot be run (too few periods, a constant series). */
export function regressionTestOrNull(
  changes: ValueChanges,
  direction: RegressionDirection = "hedge-on-item",
  minRSquared: number = REGRESSION_MIN_R_SQUARED,
): { result: RegressionTestResult | null; reason: string | null } {
  const n = changes.hedge.length;
  if (n < 3) {
    return { result: null, reason: `the regression test needs at least 3 periods; got ${n}` };
  }
  const constant = (xs: readonly number[]): boolean => xs.every((v) => v === xs[0]);
  if (constant(changes.hedge)) return { result: null, reason: "the hedge's value never changed: no regression test" };
  if (constant(changes.item)) {
    return { result: null, reason: "the hedged item's value never changed: no regression test" };
  }
  return { result: regressionTest(changes, direction, minRSquared), reason: null };
}
