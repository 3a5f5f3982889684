/** The ladder policy init writes: target ratios per 3-month rung, with init's own bands around them. */
import type { HedgePolicy } from "../../hedge/policy.js";

/**
 * A ladder of 3-month rungs with bands of ±10 percentage points (clipped to 0–100%); `floors` replaces a rung's
 * band minimum (by rung index) where the plan cannot reach it (wizard/check.ts).
 */
export function ladderPolicy(percents: readonly number[], floors: Readonly<Record<number, number>> = {}): HedgePolicy {
  const r = (x: number): number => Number((x / 100).toFixed(4));
  return {
    name: `ladder ${percents.join("/")}`,
    ladder: percents.map((p, i) => ({
      fromMonth: i * 3 + 1,
      toMonth: i * 3 + 3,
      ratio: r(p),
      min: floors[i] ?? r(Math.max(0, p - 10)),
      max: r(Math.min(100, p + 10)),
    })) as HedgePolicy["ladder"],
    rounding: "down",
  };
}
