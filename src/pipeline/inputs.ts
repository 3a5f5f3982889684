/**
 * The resolved inputs of a run: every parsed file and setting the pipeline needs, however it was
 * given (flags, `TOKENHEDGE_*` variables, a config file or defaults), with where each value came
 * from. The shell (src/cli/plan-inputs.ts) builds one; every stage in this folder reads only it.
 */
import type { ValueSource } from "../config/index.js";
import type { ContractSpec } from "../curve/contract.js";
import type { FuturesCurve } from "../curve/parse-curve.js";
import type { PriceHistory } from "../hedge/methods/price-history.js";
import type { HedgePolicy, Rounding } from "../hedge/policy.js";
import type { UsageSeries } from "../ingest/types.js";
import type { UsageInputRecord, UsageOverlap, UsageSource } from "../ingest/series/combine.js";
import type { HedgeBook } from "../book/book.js";
import type { HedgeSide, RebalanceRule } from "../book/rebalance.js";
import type { BasisMethod } from "../company/basis.js";
import type { CommitmentFile } from "../company/commitments.js";
import type { Mix } from "../company/mix.js";
import type { PriceTable } from "../company/price-file.js";
import type { ForecastEvent, VolumePlan } from "../forecast/index.js";
import type { SavedPlan } from "../hedge/saved-plan.js";

/** Where the plan's target ratios come from. */
export type PolicyChoice =
  /** A policy ladder: a policy file or a policy written inline in the config. */
  | { kind: "ladder"; policy: HedgePolicy }
  /** One ratio for every delivery month (`--ratio`, `ratio:`). */
  | { kind: "ratio"; ratio: number }
  /** No ladder: the ratios come from the hedge-ratio method (`--method mvhr|quantity` without a policy). */
  | { kind: "method"; method: string };

export type HedgeMethodName = "policy" | "mvhr" | "quantity";

/** How the plan sizes contracts: the hedge-ratio method and the sizing flags of `plan`. */
export interface SizingSettings {
  method: HedgeMethodName;
  /** Cap at this quantile of each month's volume ("p10"), or "none". */
  volumeCap: string;
  /** The forecast volume to hedge: "mean" or a quantile ("p50"). */
  volumeBasis: string;
  /** Spot and futures prices (`--history`) for the minimum-variance and quantity-risk methods. */
  history?: PriceHistory;
  /** Correlation of volume with the futures price (quantity method). */
  correlation: number;
  /** Annualised futures price volatility (quantity method; default from the history). */
  priceVolatility?: number;
  /** The company's price per Mtok today (quantity method; default the history's last spot). */
  companyPrice?: number;
  /** σ of each month's volume, tokens, typed in (quantity method; default from the forecast's sample paths). */
  volumeSd?: number;
  /** σ of the futures price at settlement, quote unit, typed in (quantity method; default from the volatility). */
  priceSd?: number;
  /** Tail the hedge with today's spot price in the contract's quote unit (Hull ch. 3). */
  tail?: number;
  /** Contracts in whole multiples of this (default the spec's minimumLot, else 1). */
  minLot?: number;
  /** GPU-hour contracts: tokens per GPU-hour instead of the spec's. */
  tokensPerGpuHour?: number;
}

export interface PipelineInputs {
  /** The usage file, ingested (the shell streams it in chunks); several files combined into one. */
  series: UsageSeries;
  /** Each usage input's own totals, and where two of them overlap (src/ingest/series/combine.ts). */
  usageSources?: { sources: UsageSource[]; overlaps: UsageOverlap[]; inputs: UsageInputRecord[] };
  /** The futures curve as read; the plan stage completes it against the contract's listed months. */
  curve: FuturesCurve;
  /** The file the curve came from (named in reports). */
  curveFile: string;
  spec: ContractSpec;
  policy: PolicyChoice;
  /** Overrides the policy's rounding rule. */
  rounding?: Rounding;
  /** Seed of every random draw. */
  seed: number;
  /** Months to forecast (default: through the curve's last month). */
  horizon?: number;
  sizing: SizingSettings;
  /** The company's price, mix, basis and commitments (docs/company-cost.md); absent: the usage file's own cost, sticky basis. */
  company?: CompanySettings;
  /** Every input file read, for output guards and audit lines. */
  files: string[];
  /** Setting key path (`curve`, `usage.file`, `seed`, …) → where its value came from. */
  sources: Readonly<Record<string, ValueSource>>;
  /** Launches, outages and migrations the team knows of (`--events`, `events:`). */
  events?: ForecastEvent[];
  /** A top-down volume plan blended with the forecast (`--volume-plan`, `volumePlan:`). */
  volumePlan?: VolumePlan;
  /** The hedger's side, the book already held and how to trade it to target (absent: a buyer with no book). */
  position?: PositionSettings;
  /** A saved plan (`--plan FILE`) used instead of planning: its months, contracts and forecast, on today's curve. */
  savedPlan?: SavedPlan;
  /** The config's `simulation.priceVolatility`: the risk figures' price volatility when no flag or history gives one. */
  configPriceVolatility?: number;
  /** The config's `simulation.confidence`: the level of the plan's Cost-at-Risk, as of check's and the report's. */
  configConfidence?: number;
}

/** Held positions and trading rules (`--side`, `--book`, `--settlements`, `--allow-short`, policy `rebalance`). */
export interface PositionSettings {
  /** long: a buyer of tokens hedging with long futures; short: a seller of capacity hedging with short futures. */
  side: HedgeSide;
  book: HedgeBook | null;
  /** The contract spec's file, which a book's `contract` column may name instead of the spec's name. */
  contractFile?: string;
  /** Final settlement prices of delivered months. */
  settlements: ReadonlyMap<string, number>;
  settlementsFile: string | null;
  /** Overrides the policy's `rebalance` (default both). */
  rebalance?: RebalanceRule;
  allowShort: boolean;
  /** Contract months past the curve are stacked in (default the last listed month). */
  stackMonth?: string;
  /** Today (YYYY-MM-DD): dates the roll legs; default the forecast origin. */
  asOf?: string;
}

/** `--prices`, `--price-window`, `--mix`, `--company-price index`, `--basis`, `--commitments` (and their config keys). */
export interface CompanySettings {
  prices?: PriceTable;
  window?: number;
  mix?: Mix;
  useIndex?: boolean;
  basis?: BasisMethod;
  commitments?: CommitmentFile;
  /** GPU-hour cross hedge: annual volatility of ln k, the tokens-per-GPU-hour conversion (`--k-drift`). */
  kDrift?: number;
}
