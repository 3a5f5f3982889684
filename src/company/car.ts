/**
 * The company cost's Cost-at-Risk split by risk factor. The CaR itself (z_α·σ, Jorion, Value at Risk, 3rd ed.,
 * ch. 7; and the Monte Carlo CaR) lives in src/stats/cost-at-risk.ts.
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
import { deltaNormalCostAtRisk } from "../stats/cost-at-risk.js";
import { sampleCovariance, sampleVariance } from "../stats/descriptive.js";

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
  return {
    method: "euler",
    level,
    total: deltaNormalCostAtRisk(sd, level),
    parts: { price: part(covP), volume: part(covV), basis: part(covB) },
  };
}

/** Euler allocation of sampled factor contributions (each array one factor's draws of xᵢ). */
export function sampleDecomposition(
  contributions: Record<RiskFactor, readonly number[]>,
  level = 0.95,
): CarDecomposition {
  const n = contributions.price.length;
  const total: number[] = [];
  for (let k = 0; k < n; k++) total.push(contributions.price[k]! + contributions.volume[k]! + contributions.basis[k]!);
  const z = normalQuantile(level);
  const sd = Math.sqrt(sampleVariance(total));
  const part = (xs: readonly number[]): number => (sd > 0 ? (z * sampleCovariance(xs, total)) / sd : 0);
  return {
    method: "euler",
    level,
    total: deltaNormalCostAtRisk(sd, level),
    parts: { price: part(contributions.price), volume: part(contributions.volume), basis: part(contributions.basis) },
  };
}
