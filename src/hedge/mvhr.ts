/**
 * Minimum-variance hedge ratio and the optimal number of futures contracts (Hull, Options, Futures, and Other
 * Derivatives, ch. 3, "Cross hedging": equations for h*, N* and the tailed N*; Example 3.3 / Table 3.2). The
 * contract counts N* themselves are computed in contracts.ts, the one home of contract sizing and rounding.
 *
 *   h* = ρ·σ_S/σ_F = Cov(ΔS, ΔF)/Var(ΔF)   — the OLS slope of ΔS on ΔF (ΔS, ΔF: price changes over the hedge's
 *                                             period; a price history is differenced first)
 *   hedge effectiveness = ρ² (the R² of that regression: the share of the variance of ΔS removed by the hedge)
 *   N* = h*·Q_A/Q_F                          — Q_A units exposed, Q_F units per contract
 *   N* (tailed) = h*·V_A/V_F, V_A = S₀·Q_A, V_F = F₀·Q_F — Hull's "tailing the hedge", sizing on values
 *
 * Convention: σ_S, σ_F, Cov are sample statistics with the n − 1 divisor (Hull's Table 3.2 figures use it). The
 * standard error of h* and its 95% interval are those of the OLS slope, SE = s/√Sxx with s² = SSE/(n − 2), and
 * h* ± t₀.₉₇₅,ₙ₋₂·SE (valid when the changes are independent and normally distributed around the line).
 */
import { HedgeError } from "../errors.js";
import { correlation, differences, sampleStandardDeviation } from "../stats/descriptive.js";
import { simpleRegression, slopeConfidenceInterval } from "../stats/regression.js";
import {
  optimalContracts,
  requirePositive as positive,
  tailedContracts,
  type HedgeExposure,
  type RoundedContracts,
} from "./contracts.js";

// The contract-count types belong to contracts.ts; re-exported for the callers that take them with the hedge ratio.
export type { ContractRounding, HedgeExposure, RoundedContracts } from "./contracts.js";

/** A spot and a futures price history, as price levels or as per-period changes. */
export interface PriceSeriesInput {
  spot: readonly number[];
  futures: readonly number[];
  /** "levels": prices, differenced into changes here; "changes": already ΔS and ΔF per period. */
  kind: "levels" | "changes";
}

/** Statistics supplied directly instead of a history: (ρ, σ_S, σ_F) or (Cov(ΔS, ΔF), σ_F [, σ_S]). */
export type HedgeStatistics =
  | { correlation: number; sigmaSpot: number; sigmaFutures: number }
  | { covariance: number; sigmaFutures: number; sigmaSpot?: number };

/** The result shape scripts rely on (`tokenhedge hedge-ratio --json`). */
export interface HedgeRatioResult {
  /** h*. */
  hedgeRatio: number;
  /** ρ between ΔS and ΔF; null when it cannot be known (covariance given without σ_S). */
  correlation: number | null;
  /** σ_S, sample standard deviation of ΔS (n − 1); null when not known. */
  sigmaSpot: number | null;
  /** σ_F, sample standard deviation of ΔF (n − 1). */
  sigmaFutures: number;
  /** ρ², Hull's hedge effectiveness; null when ρ is not known. */
  rSquared: number | null;
  /** Standard error of h*; null when computed from statistics alone. */
  standardError: number | null;
  /** 95% confidence interval of h* (t distribution, n − 2 df); null when computed from statistics alone. */
  ci95: [number, number] | null;
  /** Number of price changes used; null when computed from statistics alone. */
  observations: number | null;
  /** N* = h*·Q_A/Q_F, when an exposure was given. */
  contracts?: RoundedContracts;
  /** Tailed N* = h*·(S₀·Q_A)/(F₀·Q_F), when an exposure with both prices was given. */
  contractsTailed?: RoundedContracts;
  /** Human-readable cautions (e.g. a short history). */
  warnings: string[];
}

/** Below this many observations the estimate of h* is too noisy to trust without a warning. */
export const MIN_RELIABLE_OBSERVATIONS = 12;
/** An OLS slope with a standard error needs n − 2 ≥ 1. */
const MIN_OBSERVATIONS = 3;

/** h* and its statistics from a price history (levels or changes), with contract counts when `exposure` is given. */
export function hedgeRatioFromSeries(series: PriceSeriesInput, exposure?: HedgeExposure): HedgeRatioResult {
  checkFinite(series.spot, "spot");
  checkFinite(series.futures, "futures");
  if (series.spot.length !== series.futures.length) {
    throw new HedgeError(
      "INPUT_INVALID",
      `spot and futures histories differ in length (${series.spot.length} and ${series.futures.length})`,
      { expected: "one spot and one futures price per period", hint: "align both series on the same dates" },
    );
  }
  const dS = series.kind === "levels" ? differences(series.spot) : [...series.spot];
  const dF = series.kind === "levels" ? differences(series.futures) : [...series.futures];
  const n = dS.length;
  if (n < MIN_OBSERVATIONS) {
    const needed = series.kind === "levels" ? `${MIN_OBSERVATIONS + 1} prices` : `${MIN_OBSERVATIONS} changes`;
    throw new HedgeError("SERIES_TOO_SHORT", `a hedge ratio needs at least ${needed}; got ${n} price changes`, {
      expected: needed,
    });
  }
  const sigmaFutures = sampleStandardDeviation(dF);
  const sigmaSpot = sampleStandardDeviation(dS);
  if (!(sigmaFutures > 0)) {
    throw new HedgeError("INPUT_INVALID", "the futures price never changes: Var(ΔF) = 0, so h* is undefined", {
      field: "futures",
      hint: "check that the futures column holds prices for different dates",
    });
  }
  if (!(sigmaSpot > 0)) {
    throw new HedgeError("INPUT_INVALID", "the spot price never changes: there is no risk to hedge (σ_S = 0)", {
      field: "spot",
    });
  }
  // Regress ΔS (y) on ΔF (x): the slope is Cov(ΔS, ΔF)/Var(ΔF) = h*.
  const fit = simpleRegression(dF, dS);
  const rho = correlation(dS, dF);
  const warnings: string[] = [];
  if (n < MIN_RELIABLE_OBSERVATIONS) {
    warnings.push(
      `only ${n} price changes: an estimate of h* from fewer than ${MIN_RELIABLE_OBSERVATIONS} observations ` +
        "is unreliable (see its 95% interval)",
    );
  }
  const result: HedgeRatioResult = {
    hedgeRatio: fit.slope,
    correlation: rho,
    sigmaSpot,
    sigmaFutures,
    rSquared: rho * rho,
    standardError: fit.slopeStandardError,
    ci95: slopeConfidenceInterval(fit, 0.95),
    observations: n,
    warnings,
  };
  return withContracts(result, exposure);
}

/** h* from statistics alone: ρ·σ_S/σ_F, or Cov/σ_F². No standard error: the sample size is unknown. */
export function hedgeRatioFromStatistics(statistics: HedgeStatistics, exposure?: HedgeExposure): HedgeRatioResult {
  const sigmaFutures = positive(statistics.sigmaFutures, "sigmaFutures");
  let hedgeRatio: number;
  let rho: number | null;
  let sigmaSpot: number | null;
  if ("correlation" in statistics) {
    rho = statistics.correlation;
    if (!(Number.isFinite(rho) && Math.abs(rho) <= 1)) {
      throw new HedgeError("INPUT_INVALID", `a correlation must lie in [−1, 1]; got ${rho}`, {
        path: "correlation",
        value: String(rho),
        expected: "a number between -1 and 1",
      });
    }
    sigmaSpot = positive(statistics.sigmaSpot, "sigmaSpot");
    hedgeRatio = (rho * sigmaSpot) / sigmaFutures;
  } else {
    const covariance = statistics.covariance;
    if (!Number.isFinite(covariance)) {
      throw new HedgeError("INPUT_INVALID", `covariance must be a finite number; got ${covariance}`, {
        path: "covariance",
        value: String(covariance),
      });
    }
    hedgeRatio = covariance / (sigmaFutures * sigmaFutures);
    sigmaSpot = statistics.sigmaSpot === undefined ? null : positive(statistics.sigmaSpot, "sigmaSpot");
    rho = sigmaSpot === null ? null : covariance / (sigmaSpot * sigmaFutures);
    if (rho !== null && Math.abs(rho) > 1 + 1e-12) {
      throw new HedgeError("INPUT_INVALID", `inconsistent statistics: |Cov|/(σ_S·σ_F) = ${Math.abs(rho)} exceeds 1`, {
        path: "covariance",
        hint: "covariance, σ_S and σ_F must come from the same price changes",
      });
    }
    if (rho !== null) rho = Math.max(-1, Math.min(1, rho));
  }
  const result: HedgeRatioResult = {
    hedgeRatio,
    correlation: rho,
    sigmaSpot,
    sigmaFutures,
    rSquared: rho === null ? null : rho * rho,
    standardError: null,
    ci95: null,
    observations: null,
    warnings: [],
  };
  return withContracts(result, exposure);
}

/** Adds the contract counts, keeping `warnings` as the last key so the JSON reads in a stable, logical order. */
function withContracts(result: HedgeRatioResult, exposure: HedgeExposure | undefined): HedgeRatioResult {
  if (!exposure) return result;
  const { warnings, ...statistics } = result;
  const contracts = optimalContracts(result.hedgeRatio, exposure);
  const { spotPrice, futuresPrice } = exposure;
  if (spotPrice !== undefined && futuresPrice !== undefined) {
    const contractsTailed = tailedContracts(result.hedgeRatio, { ...exposure, spotPrice, futuresPrice });
    return { ...statistics, contracts, contractsTailed, warnings };
  }
  const missingPrice =
    spotPrice !== undefined || futuresPrice !== undefined
      ? ["the tailed count needs both the spot price S₀ and the futures price F₀"]
      : [];
  return { ...statistics, contracts, warnings: [...warnings, ...missingPrice] };
}

function checkFinite(values: readonly number[], name: string): void {
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      throw new HedgeError("INPUT_INVALID", `${name}[${i}] is not a finite number: ${v}`, {
        path: `${name}[${i}]`,
        value: String(v),
        expected: "a finite price",
      });
    }
  });
}
