/**
 * Cost-at-Risk: how far above its expected value the cost can run at a confidence level.
 *
 * Parametric (delta-normal, Jorion, Value at Risk, 3rd ed., ch. 7): with cost normally distributed with standard
 * deviation σ, CaR = z_α·σ (z₀.₉₅ = 1.6449). Mean 10m, sd 3m at 95%: CaR = 1.6449 × 3m = 4.93m; the 95th-percentile
 * cost is 10m + 4.93m = 14.93m.
 *
 * Decomposition by Euler allocation (Tasche, "Risk contributions and performance measurement", 1999; Jorion ch. 7
 * "component VaR"): the cost change is written as a sum of factor contributions xᵢ (price, volume, basis), and
 *   CaRᵢ = z·Cov(xᵢ, Σⱼxⱼ) / σ(Σⱼxⱼ),
 * so Σᵢ CaRᵢ = z·Var(Σx)/σ(Σx) = z·σ = CaR exactly: the parts add up to the total by construction, and a part can
 * be negative (a hedge, or a factor that offsets another).
 *
 * Linearised company cost of one month with volume V, company price S = S₀ + β·ΔF + ε, hedge H tokens long:
 *   ΔC ≈ (β·V₀ − H)·ΔF   [price]   +   S₀·ΔV   [volume]   +   V₀·ε   [basis]
 * (the second-order ΔV·ΔS term is left out; the Monte Carlo test measures how small it is).
 */
import { normalQuantile } from "../stats/normal.js";
import { mean, sampleCovariance, sampleVariance } from "../stats/descriptive.js";

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

export function parametricCaR(meanCost: number, sd: number, level = 0.95): ParametricCaR {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie in (0, 1), got ${level}`);
  if (!(sd >= 0)) throw new RangeError(`sd must be ≥ 0, got ${sd}`);
  const z = normalQuantile(level);
  return { level, z, mean: meanCost, sd, costAtRisk: z * sd, quantile: meanCost + z * sd };
}

export type RiskFactor = "price" | "volume" | "basis";

export interface CarDecomposition {
  method: "euler";
  level: number;
  total: number;
  parts: Record<RiskFactor, number>;
}

/** Statistics of one month's (or a horizon's) exposure for the delta-normal decomposition. */
export interface ExposureStatistics {
  /** V₀, tokens. */
  volume: number;
  /** σ(ΔV), tokens. */
  volumeSd: number;
  /** S₀, USD/Mtok. */
  companyPrice: number;
  /** σ(ΔF), USD/Mtok (index). */
  priceSd: number;
  /** Corr(ΔV, ΔF). */
  corrVolumePrice: number;
  basisBeta: number;
  /** σ(ε), USD/Mtok. */
  basisSigma: number;
  /** H, tokens hedged long on the index. */
  hedgedTokens: number;
}

/** Delta-normal CaR of the linearised cost and its Euler parts; ε independent of ΔF and ΔV. */
export function deltaNormalDecomposition(s: ExposureStatistics, level = 0.95): CarDecomposition {
  const z = normalQuantile(level);
  // Coefficients in USD per unit factor: price on ΔF (USD/Mtok), volume on ΔV (tokens), basis on ε (USD/Mtok).
  const a = ((s.basisBeta * s.volume - s.hedgedTokens) / 1e6) * s.priceSd;
  const b = (s.companyPrice / 1e6) * s.volumeSd;
  const c = (s.volume / 1e6) * s.basisSigma;
  const rho = s.corrVolumePrice;
  const covP = a * a + rho * a * b;
  const covV = b * b + rho * a * b;
  const covB = c * c;
  const sd = Math.sqrt(covP + covV + covB);
  const part = (cov: number): number => (sd > 0 ? (z * cov) / sd : 0);
  return { method: "euler", level, total: z * sd, parts: { price: part(covP), volume: part(covV), basis: part(covB) } };
}

/** Euler allocation of sampled factor contributions (each array one factor's draws of xᵢ). */
export function sampleDecomposition(contributions: Record<RiskFactor, readonly number[]>, level = 0.95): CarDecomposition {
  const n = contributions.price.length;
  const total: number[] = [];
  for (let k = 0; k < n; k++) total.push(contributions.price[k]! + contributions.volume[k]! + contributions.basis[k]!);
  const z = normalQuantile(level);
  const sd = Math.sqrt(sampleVariance(total));
  const part = (xs: readonly number[]): number => (sd > 0 ? (z * sampleCovariance(xs, total)) / sd : 0);
  return { method: "euler", level, total: z * sd, parts: { price: part(contributions.price), volume: part(contributions.volume), basis: part(contributions.basis) } };
}

/** Monte Carlo CaR of cost draws: the level's empirical quantile minus the mean. */
export function empiricalCaR(costs: readonly number[], level = 0.95): number {
  const sorted = [...costs].sort((x, y) => x - y);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(level * sorted.length) - 1));
  return sorted[idx]! - mean(costs);
}
