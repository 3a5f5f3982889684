/**
 * Annualised roll yield: what a long futures position earns (or pays) from the shape of the curve alone, if the
 * curve keeps its shape while time passes — a deferred contract bought at F_far rolls towards the nearer price
 * F_near. Between two delivery months Δm apart it is, compounded annually,
 *   RY = (F_near / F_far)^(12/Δm) − 1,
 * positive in backwardation (the long position rolls up), negative in contango (a long hedger pays to roll).
 * The roll return as a source of commodity futures returns: Erb & Harvey, "The Strategic and Tactical Value of
 * Commodity Futures", Financial Analysts Journal 62(2), 2006; the term-structure reading: Hull, Options, Futures,
 * and Other Derivatives, ch. 5 (contango and backwardation).
 *
 * For a token curve this is not a forecast of profit: the curve also falls because token prices deflate, and
 * spot follows that trend (deflation.ts reads the slope against it).
 */
import { monthsBetween } from "../time/period.js";
import type { CurvePoint } from "./parse-curve.js";

export function annualisedRollYield(near: CurvePoint, far: CurvePoint): number {
  const months = monthsBetween(near.month, far.month);
  if (months <= 0) throw new RangeError(`roll yield needs a later far month: ${near.month} → ${far.month}`);
  return Math.pow(near.price / far.price, 12 / months) - 1;
}

export interface RollYields {
  /** Front month against the back month. Null for a one-month curve. */
  frontToBack: number | null;
  /** Each month against the previous one (null for the front month). */
  steps: (number | null)[];
}

export function rollYields(points: readonly CurvePoint[]): RollYields {
  const front = points[0]!;
  const back = points[points.length - 1]!;
  return {
    frontToBack: points.length > 1 ? annualisedRollYield(front, back) : null,
    steps: points.map((p, i) => (i === 0 ? null : annualisedRollYield(points[i - 1]!, p))),
  };
}
