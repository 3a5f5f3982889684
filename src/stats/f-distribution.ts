/**
 * The F distribution with (d₁, d₂) degrees of freedom, through the incomplete beta function (A&S 26.6.2):
 *   P(F ≤ f) = I_x(d₁/2, d₂/2),  x = d₁f / (d₁f + d₂),
 *   P(F > f) = I_y(d₂/2, d₁/2),  y = d₂ / (d₁f + d₂) = 1 − x.
 * Both x and y are formed directly, so a small p-value for a large F statistic keeps its relative accuracy.
 */
import { incompleteBetaTails } from "./special-functions.js";

function tails(f: number, d1: number, d2: number): { lower: number; upper: number } {
  if (!(d1 > 0 && d2 > 0) || Number.isNaN(f)) return { lower: Number.NaN, upper: Number.NaN };
  if (f <= 0) return { lower: 0, upper: 1 };
  if (f === Number.POSITIVE_INFINITY) return { lower: 1, upper: 0 };
  const denominator = d1 * f + d2;
  return incompleteBetaTails((d1 * f) / denominator, d1 / 2, d2 / 2, d2 / denominator);
}

/** P(F ≤ f) for F ~ F(d₁, d₂). */
export function fCdf(f: number, d1: number, d2: number): number {
  return tails(f, d1, d2).lower;
}

/** P(F > f) for F ~ F(d₁, d₂): the p-value of an F test. */
export function fSurvival(f: number, d1: number, d2: number): number {
  return tails(f, d1, d2).upper;
}
