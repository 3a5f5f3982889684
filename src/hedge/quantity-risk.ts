/**
 * Variance-minimising futures position when both the price P and the quantity Q of the exposure are uncertain
 * (McKinnon, "Futures markets, buffer stocks, and income stability for primary producers", Journal of Political
 * Economy 75(6), 1967; Rolfo, "Optimal hedging under price and quantity uncertainty: the case of a cocoa
 * producer", Journal of Political Economy 88(1), 1980).
 *
 * A buyer's cost is C = P·Q. Holding h units of long futures, the hedged cost is C − h·(F − F₀), whose variance
 * Var(C) − 2h·Cov(C, F) + h²·Var(F) is smallest at
 *   h* = Cov(P·Q, F) / Var(F).
 * Writing P = μ_P + p, Q = μ_Q + q, F = μ_F + f (p, q, f centred) gives the exact identity
 *   Cov(P·Q, F) = μ_Q·Cov(P, F) + μ_P·Cov(Q, F) + E[p·q·f],
 * so the usual formula h* = [E[Q]·Cov(P, F) + E[P]·Cov(Q, F)] / Var(F) is exact when the third cross moment
 * E[p·q·f] vanishes — in particular when (P, Q, F) are jointly normal, or whenever the joint distribution is
 * unchanged by flipping the sign of all three deviations — and otherwise an approximation (e.g. lognormal
 * prices). Both functions below return the three terms separately.
 *
 * Units: h* is in units of Q (e.g. Mtok) when F is quoted per unit of Q; divide by the contract size for contracts.
 * Demand that falls when prices rise (Cov(Q, F) < 0) lowers h*; demand that rises with prices can push it above
 * E[Q] — a conflict with a policy cap at a low volume quantile that callers must show, not clip (docs/METHODOLOGY.md).
 */
import { HedgeError } from "../errors.js";
import { mean, sampleCovariance, sampleVariance, sum } from "../stats/descriptive.js";

/** Moments of price P, quantity Q and futures price F, as forecast or estimated elsewhere. */
export interface PriceQuantityMoments {
  /** E[P]. */
  meanPrice: number;
  /** E[Q]. */
  meanQuantity: number;
  /** Cov(P, F). */
  covariancePriceFutures: number;
  /** Cov(Q, F). */
  covarianceQuantityFutures: number;
  /** Var(F) > 0. */
  varianceFutures: number;
  /** E[(P − μ_P)(Q − μ_Q)(F − μ_F)]; 0 (the default) under joint normality. */
  thirdCrossMoment?: number;
}

/** Paired draws (simulated or historical) of price, quantity and futures price. */
export interface PriceQuantitySample {
  price: readonly number[];
  quantity: readonly number[];
  futures: readonly number[];
}

export interface QuantityRiskHedge {
  /** h* = Cov(P·Q, F)/Var(F), in units of Q: the long futures position that minimises Var(hedged cost). */
  hedgeQuantity: number;
  /** E[Q]·Cov(P, F)/Var(F): the price-risk hedge of the expected volume (the classic h*·E[Q]). */
  priceTerm: number;
  /** E[P]·Cov(Q, F)/Var(F): the adjustment for volume moving with the futures price. */
  quantityTerm: number;
  /** E[p·q·f]/Var(F): the third-moment term (0 unless given, or estimated from a sample). */
  thirdMomentTerm: number;
  /** h* ÷ E[Q]: the effective hedge ratio against expected volume; null when E[Q] = 0. */
  ratioToExpectedQuantity: number | null;
  /** "moments" (analytic) or "sample" (estimated from paired draws). */
  method: "moments" | "sample";
  /** Number of draws for the sample estimator; null for moments. */
  observations: number | null;
  warnings: string[];
}

/** Analytic h* from moments: [E[Q]·Cov(P, F) + E[P]·Cov(Q, F) + E[pqf]]/Var(F). */
export function quantityRiskHedgeFromMoments(moments: PriceQuantityMoments): QuantityRiskHedge {
  for (const key of [
    "meanPrice",
    "meanQuantity",
    "covariancePriceFutures",
    "covarianceQuantityFutures",
    "varianceFutures",
  ] as const) {
    finite(moments[key], key);
  }
  const third = moments.thirdCrossMoment ?? 0;
  finite(third, "thirdCrossMoment");
  const varF = moments.varianceFutures;
  if (!(varF > 0)) {
    throw new HedgeError("INPUT_INVALID", `varianceFutures must be positive; got ${varF}`, {
      path: "varianceFutures",
      value: String(varF),
    });
  }
  return assemble(
    (moments.meanQuantity * moments.covariancePriceFutures) / varF,
    (moments.meanPrice * moments.covarianceQuantityFutures) / varF,
    third / varF,
    moments.meanQuantity,
    "moments",
    null,
  );
}

/**
 * Sample h* = Cov(P·Q, F)/Var(F) from paired draws (n − 1 divisors). The three terms use the sample version of
 * the identity above, Σ(PᵢQᵢ − mean(PQ))(Fᵢ − F̄) = Q̄·Σpᵢfᵢ + P̄·Σqᵢfᵢ + Σpᵢqᵢfᵢ (because Σfᵢ = 0), so they add up
 * to the sample estimate exactly, whatever the distribution.
 */
export function quantityRiskHedgeFromSample(sample: PriceQuantitySample): QuantityRiskHedge {
  const { price, quantity, futures } = sample;
  const n = futures.length;
  if (price.length !== n || quantity.length !== n) {
    throw new HedgeError(
      "INPUT_INVALID",
      `price, quantity and futures samples differ in length (${price.length}, ${quantity.length}, ${n})`,
      { expected: "one price, quantity and futures value per draw" },
    );
  }
  if (n < 3) {
    throw new HedgeError("SERIES_TOO_SHORT", `the sample estimator needs at least 3 draws; got ${n}`, {
      expected: "3 or more draws",
    });
  }
  price.forEach((v, i) => finite(v, `price[${i}]`));
  quantity.forEach((v, i) => finite(v, `quantity[${i}]`));
  futures.forEach((v, i) => finite(v, `futures[${i}]`));
  const varF = sampleVariance(futures);
  if (!(varF > 0)) {
    throw new HedgeError("INPUT_INVALID", "the futures price is constant in the sample: Var(F) = 0", {
      field: "futures",
    });
  }
  const meanP = mean(price);
  const meanQ = mean(quantity);
  const meanF = mean(futures);
  const thirdProducts = price.map((p, i) => {
    const q = (quantity[i] as number) - meanQ;
    const f = (futures[i] as number) - meanF;
    return (p - meanP) * q * f;
  });
  // Σpqf/(n − 1): the sample analogue of E[pqf] on the same divisor as the covariances.
  const third = sum(thirdProducts);
  return assemble(
    (meanQ * sampleCovariance(price, futures)) / varF,
    (meanP * sampleCovariance(quantity, futures)) / varF,
    third / (n - 1) / varF,
    meanQ,
    "sample",
    n,
  );
}

function assemble(
  priceTerm: number,
  quantityTerm: number,
  thirdMomentTerm: number,
  meanQuantity: number,
  method: "moments" | "sample",
  observations: number | null,
): QuantityRiskHedge {
  const hedgeQuantity = priceTerm + quantityTerm + thirdMomentTerm;
  const ratio = meanQuantity === 0 ? null : hedgeQuantity / meanQuantity;
  const warnings: string[] = [];
  if (ratio !== null && ratio > 1) {
    warnings.push(
      `the variance-minimising position is ${(ratio * 100).toFixed(1)}% of expected volume: volume rises with ` +
        "the futures price, so it exceeds E[Q] and will collide with any cap at a volume quantile",
    );
  }
  return {
    hedgeQuantity,
    priceTerm,
    quantityTerm,
    thirdMomentTerm,
    ratioToExpectedQuantity: ratio,
    method,
    observations,
    warnings,
  };
}

function finite(value: number, name: string): void {
  if (!Number.isFinite(value)) {
    throw new HedgeError("INPUT_INVALID", `${name} must be a finite number; got ${value}`, {
      path: name,
      value: String(value),
    });
  }
}
