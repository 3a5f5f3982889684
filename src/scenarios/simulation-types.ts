/**
 * What the Monte Carlo (simulate.ts) takes and gives: the volume paths, the basis between the company's price and the
 * index, take-or-pay commitments, the run's input, and the result with its risk figures per side.
 */
import type { HedgePlan } from "../hedge/plan.js";
import type { HedgeSide } from "../book/rebalance.js";
import type { Budget } from "./budget.js";
import type { PriceModel } from "./price-model.js";
import type { RiskFigures } from "./risk.js";
import type { SweepPoint } from "./sweep.js";

/** Volume paths, row-major: data[path·months + m] = tokens of plan month m on that path. */
export interface VolumeMatrix {
  paths: number;
  months: number;
  data: Float64Array;
}

export interface Basis {
  a: number;
  b: number;
  /** Standard deviation of the company price's noise around a + b·Index, USD/Mtok. */
  noise: number;
  /**
   * Per plan month, replacing a and noise: the company's own price (src/company/) gives a_m = S₀_m − b·F₀_m and,
   * for a basis fitted on changes, a noise σ(ε)·√tenor that grows like the random walk of the changes.
   */
  byMonth?: { a: readonly number[]; noise: readonly number[] };
}

/**
 * Take-or-pay commitments per plan month (src/company/commitments.ts): commitment i covers the share sᵢ of a month's
 * volume q at its fixed price Pᵢ, for Cᵢ tokens paid whatever is used. On a path the month then costs
 *   Σ Cᵢ·Pᵢ/1e6 (fixed)  +  (q − Σ min(round(q·sᵢ), Cᵢ)) × the company's price/1e6,
 * and its shortfall, the unused committed tokens paid for nothing, is Σ (Cᵢ − min(round(q·sᵢ), Cᵢ))·Pᵢ/1e6.
 */
export interface SimulationCommitments {
  byMonth: readonly { share: number; tokens: number; usdPerMtok: number }[][];
}

export interface SimulationInput {
  plan: HedgePlan;
  commitments?: SimulationCommitments;
  volumes: VolumeMatrix;
  model: PriceModel;
  basis?: Basis;
  /** Gaussian-copula correlation between a path's total volume and its average price (copula.ts). */
  corr?: number;
  seed: number;
  asOf: string;
  budget?: Budget;
  /** long (default): a buyer's cost hedged with long futures; short: a seller's revenue hedged with short futures. */
  side?: HedgeSide;
  /** Called with the fraction done, about every 1% of the work. */
  onProgress?: (fraction: number) => void;
}

export interface SimulationMonth {
  month: string;
  meanTokens: number;
  meanSettlement: number;
  meanUnhedgedCost: number;
  meanFuturesPnl: number;
  meanHedgedCost: number;
}

export interface SimulationResult {
  seed: number;
  /** long: costs; short: net costs with revenue negative (the Cost-at-Risk is then the revenue shortfall). */
  side: HedgeSide;
  paths: number;
  model: PriceModel;
  basis: Basis;
  corr: number;
  asOf: string;
  unhedged: RiskFigures;
  hedged: RiskFigures;
  /** 1 − Var(hedged)/Var(unhedged); null when the unhedged cost has no variance. */
  varianceReduction: number | null;
  /** P(hedged cost > budget) and P(unhedged cost > budget); null without a budget. */
  probOverBudget: number | null;
  probOverBudgetUnhedged: number | null;
  /** P(at least one month has hedged tokens above its realised volume), and the mean over-hedged tokens. */
  probOverHedge: number;
  expectedOverHedgedTokens: number;
  peakMargin: { mean: number; p50: number; p95: number; p99: number; max: number };
  sweep: SweepPoint[];
  minVarianceRatio: number;
  minCarRatio: number;
  minVarianceRatioExact: number | null;
  /** The plan's own overall ratio: hedged tokens / forecast tokens. */
  planRatio: number;
  months: SimulationMonth[];
  /** With commitments: the take-or-pay shortfall over the horizon across paths (USD); null without commitments. */
  takeOrPay: { meanShortfallCost: number; probabilityOfShortfall: number; p95ShortfallCost: number } | null;
  /** Per-path totals (not part of the JSON): for the histogram and for tests. */
  samples: { unhedged: Float64Array; hedged: Float64Array; sweepGain: Float64Array; peakMargin: Float64Array };
}
