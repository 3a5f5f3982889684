/** The hedge plan's shape (the JSON of `plan --json`) and its inputs; built by plan.ts. */
import type { ContractSpec } from "../curve/contract.js";
import type { GpuConversion } from "../curve/gpu-conversion.js";
import type { CurvePoint } from "../curve/parse-curve.js";
import type { HedgePolicy } from "./policy.js";
import type { HedgeRatioMethod, VolumeForecastMonth } from "./methods/types.js";

/**
 * Why a month needs a second look:
 * - `capped`: the contracts would have hedged more than the volume cap, so the count was lowered to fit under it;
 * - `above-band` / `below-band`: the method's ratio is outside the policy band (kept as it is);
 * - `cap-below-band`: the cap pushes the ratio below the band's minimum (policy and cap conflict);
 * - `below-lot`: the target is above 0 but rounds to no whole lot;
 * - `negative-ratio`: the method asks for a short position, which this long-hedge plan does not take (0 contracts);
 * - `interpolated-price`: the month's futures price was interpolated, not quoted;
 * - `later-contract`: no contract is listed for the month, so its volume is hedged in the nearest listed delivery
 *   month after it (`contractMonth`), closed out when the month's cost is paid (Hull ch. 3, "choice of contract").
 */
export type PlanFlag =
  | "capped"
  | "above-band"
  | "below-band"
  | "cap-below-band"
  | "below-lot"
  | "negative-ratio"
  | "interpolated-price"
  | "later-contract";

export interface PlanMonth {
  month: string;
  /** The delivery month of the contract that hedges it: `month`, or the next listed month (flag `later-contract`). */
  contractMonth: string;
  /** Months ahead, 1 = the first hedged month (calendar months, not curve rows: a quarterly listing skips rows). */
  tenor: number;
  /** The volume hedged, tokens: the forecast at `forecastBasis` (mean, or a quantile such as p50). */
  forecastTokens: number;
  forecastBasis: string;
  forecastP10: number;
  forecastP50: number;
  forecastP90: number;
  /** The method's ratio (policy rung, h*, or N* over the exposure), before any cap. */
  targetRatio: number;
  /** The ratio sized: targetRatio, or lower where the volume cap binds. */
  hedgeRatio: number;
  /** The policy band of this tenor; null when the policy has none. */
  band: { min: number | null; max: number | null } | null;
  capQuantile: string | null;
  /** Hedged tokens may not exceed this (the cap quantile of the month's volume); null without a cap. */
  capTokens: number | null;
  /** Exposure in the contract's unit (tokens, or GPU-hours for a cross hedge). */
  exposureUnits: number;
  contractsUnrounded: number;
  contracts: number;
  hedgedTokens: number;
  achievedRatio: number;
  futuresPrice: number;
  futuresPriceInterpolated: boolean;
  /** S₀/F₀ when the hedge is tailed; null otherwise. */
  tailFactor: number | null;
  lockedInCost: number;
  initialMargin: number;
  fees: number;
  /** P(realised volume < hedged tokens), from the forecast's sample paths; null without them. */
  probabilityOverHedge: number | null;
  /** E[max(0, hedged − realised)] tokens; null without sample paths. */
  expectedOverHedgeTokens: number | null;
  flags: PlanFlag[];
  /** Method-specific figures (e.g. the quantity method's price and volume terms). */
  methodDetail: Record<string, number | null> | null;
  /**
   * With commitments (take-or-pay volume at a fixed price): the tokens committed in the month, and the uncommitted
   * remainder at `forecastBasis` that the ratio, the cap and P(over-hedge) apply to. Absent without commitments.
   */
  committedTokens?: number;
  hedgeableTokens?: number;
}

export interface PlanTotals {
  forecastTokens: number;
  /** Σ uncommitted remainder (the exposure the ratios apply to); absent without commitments. */
  hedgeableTokens?: number;
  contracts: number;
  hedgedTokens: number;
  achievedRatio: number;
  lockedInCost: number;
  /** Locked-in cost per hedged Mtok (token contracts) or per hedged GPU-hour. */
  averageLockedInPrice: number | null;
  initialMargin: number;
  fees: number;
  monthsCapped: number;
  monthsOutsideBand: number;
  /** Σ E[over-hedged tokens]; null without sample paths. */
  expectedOverHedgeTokens: number | null;
}

export interface KSensitivity {
  /** Relative error in k, e.g. −0.1. */
  change: number;
  tokensPerGpuHour: number;
  /** Total contracts the plan would hold had it been sized with this k. */
  contracts: number;
  contractsChange: number;
  /** Share of forecast tokens this plan's contracts would really cover if the true k were this one. */
  achievedRatioIfTrue: number;
}

export interface PlanConversion extends GpuConversion {
  /** What an error in k does to the hedge (docs/METHODOLOGY.md: one for one). */
  sensitivity: KSensitivity[];
  warning: string;
}

export interface HedgePlan {
  contract: {
    name: string;
    underlying: ContractSpec["underlying"];
    quoteUnit: string;
    contractSize: number;
    sizeUnit: string;
    illustrative: boolean;
    /** The effective tokens per GPU-hour used (blended); null for a token contract. */
    tokensPerGpuHour: number | null;
    minimumLot: number;
  };
  method: { name: HedgeRatioMethod["name"]; description: string } & Record<string, unknown>;
  rounding: HedgePolicy["rounding"];
  lot: number;
  forecastBasis: string;
  volumeCap: string | null;
  tailing: { spotPrice: number } | null;
  conversion: PlanConversion | null;
  months: PlanMonth[];
  totals: PlanTotals;
  warnings: string[];
}

export interface PlanOptions {
  /** Where the target ratios come from; default the policy ladder. */
  method?: HedgeRatioMethod;
  /** Cap hedged tokens at this quantile of each month's volume forecast ("p10"); default none. */
  volumeCap?: string | null;
  /** The volume to hedge: "mean" (default) or a quantile ("p50"). */
  forecastBasis?: string;
  /** Tail the hedge: N = h·(S₀·Q)/(F₀·size), S₀ in the contract's quote unit. */
  tail?: { spotPrice: number };
  /** Contracts in whole multiples of this; default the spec's minimumLot, else 1. */
  lot?: number;
  /** The GPU-hour conversion (resolved by the caller, e.g. from the usage's model mix); default from the spec. */
  conversion?: GpuConversion | null;
  /** Relative errors in k to report; default ±10%, ±25%. */
  kSensitivity?: readonly number[];
  /**
   * Per month, the volume left once commitments are taken out (src/company/committed-exposure.ts) and the tokens
   * committed: contracts are sized on it, the month's forecast fields stay the whole volume.
   */
  hedgeable?: ReadonlyMap<string, { forecast: VolumeForecastMonth; committedTokens: number }>;
}

export interface PlanInput {
  forecast: VolumeForecastMonth[];
  curve: CurvePoint[];
  spec: ContractSpec;
  policy: HedgePolicy;
  options?: PlanOptions;
}
