/**
 * Cost-at-Risk: how far above its expected value a cost can run at a confidence level — the one home of the
 * formula, used by the simulation's parametric figures (scenarios/parametric.ts) and the company cost's Euler
 * decomposition (company/car.ts).
 *
 * Parametric (delta-normal, Jorion, Value at Risk, 3rd ed., ch. 7): with the cost normally distributed with
 * standard deviation σ, CaR = z_α·σ, z_α = Φ⁻¹(α) (z₀.₉₅ = 1.6449). Mean 10m, sd 3m at 95%: CaR = 1.6449 × 3m =
 * 4.93m; the 95th-percentile cost is 10m + 4.93m = 14.93m.
 *
 * Empirical (Monte Carlo): the level's sample quantile of the simulated costs minus their mean. Here the quantile is
 * Hyndman–Fan type 1 (quantile.ts); the simulation's own risk figures (scenarios/risk.ts) use type 7.
 */
import { mean } from "./descriptive.js";
import { normalQuantile } from "./normal.js";
import { quantileType1Sorted } from "./quantile.js";

/** CaR = z_α·σ of a normally distributed cost (no check of its arguments; see parametricCaR). */
export function deltaNormalCostAtRisk(sd: number, level = 0.95): number {
  return normalQuantile(level) * sd;
}

export interface ParametricCaR {
  level: number;
  z: number;
  mean: number;
  sd: number;
  /** z·σ. */
  costAtRisk: number;
  /** mean + z·σ: the cost at the level's quantile. */
  quantile: number;
}

/** The delta-normal CaR with its z and quantile; a level outside (0, 1) or a negative σ is a RangeError. */
export function parametricCaR(meanCost: number, sd: number, level = 0.95): ParametricCaR {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie in (0, 1), got ${level}`);
  if (!(sd >= 0)) throw new RangeError(`sd must be ≥ 0, got ${sd}`);
  const costAtRisk = deltaNormalCostAtRisk(sd, level);
  return { level, z: normalQuantile(level), mean: meanCost, sd, costAtRisk, quantile: meanCost + costAtRisk };
}

/** Monte Carlo CaR of cost draws: the level's type-1 sample quantile minus the mean. */
export function empiricalCaR(costs: readonly number[], level = 0.95): number {
  return (
    quantileType1Sorted(
      [...costs].sort((x, y) => x - y),
      level,
    ) - mean(costs)
  );
}
