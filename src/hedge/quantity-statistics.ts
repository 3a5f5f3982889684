/**
 * The quantity method's moments from typed-in statistics (`--volume-sd`, `--price-sd`, `--corr-volume-futures`,
 * `--corr-price-volume`), so published cases (McKinnon 1967; Rolfo 1980) can be reproduced from the statistics
 * they state rather than from forecast sample paths:
 *   Cov(P, F) = ρ_PF·σ_P·σ_F,   Cov(Q, F) = ρ_QF·σ_Q·σ_F,   Var(F) = σ_F²,
 * with the company's price P moving with the futures price F (σ_F = σ_P and ρ_PF = 1 unless given). ρ_PQ does
 * not enter h* under joint normality (the third cross moment is 0); it is kept for the cost variance.
 */
import type { PriceQuantityMoments } from "./quantity-risk.js";

export interface QuantityStatistics {
  meanPrice: number;
  meanQuantity: number;
  priceSd: number;
  volumeSd: number;
  corrVolumeFutures: number;
  /** σ_F; default σ_P. */
  futuresSd?: number;
  /** ρ_PF; default 1. */
  corrPriceFutures?: number;
}

export function momentsFromStatistics(s: QuantityStatistics): PriceQuantityMoments {
  const sdF = s.futuresSd ?? s.priceSd;
  const rhoPF = s.corrPriceFutures ?? 1;
  return {
    meanPrice: s.meanPrice,
    meanQuantity: s.meanQuantity,
    covariancePriceFutures: rhoPF * s.priceSd * sdF,
    covarianceQuantityFutures: s.corrVolumeFutures * s.volumeSd * sdF,
    varianceFutures: sdF * sdF,
  };
}
