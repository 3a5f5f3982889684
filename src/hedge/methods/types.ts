/** Types shared by the plan (plan.ts) and the hedge-ratio methods that feed it. */
import type { PolicyRung } from "../policy.js";

/** Forecast volume of one delivery month, in (index) tokens. */
export interface VolumeForecastMonth {
  month: string;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  /** Reported quantiles by name, e.g. { p5, p10, p25, p50, p75, p90, p95 }. */
  quantiles?: Readonly<Record<string, number>>;
  /** Simulated volumes of this month, sorted ascending (seeded sample paths of the forecast). */
  samples?: Float64Array;
  /** Months after the last month of history (1 = the first forecast month). */
  step?: number;
}

/** What a method sees of one delivery month. */
export interface MonthContext {
  month: string;
  /** 1 = first hedged delivery month. */
  tenor: number;
  forecast: VolumeForecastMonth;
  /** The forecast volume being hedged (the plan's basis: mean or a quantile), tokens. */
  exposureTokens: number;
  futuresPrice: number;
  /** Tokens per unit of contract size: 1, or k tokens per GPU-hour. */
  tokensPerUnit: number;
  /**
   * Converts the company's price per Mtok into the contract's quote per unit of exposure: 1 for a token contract,
   * k/1e6 for a GPU-hour contract (USD per Mtok × k/1e6 = USD per GPU-hour of tokens).
   */
  priceScale: number;
  rung: PolicyRung | undefined;
}

export interface MethodRatio {
  /** Target hedge ratio against the exposure (before any volume cap). */
  ratio: number;
  /** Method-specific figures for the month (stable names, numbers). */
  detail?: Record<string, number | null>;
  warning?: string;
}

export type MethodName = "policy" | "mvhr" | "quantity";

export interface HedgeRatioMethod {
  name: MethodName;
  /** One line on where the ratios come from. */
  description: string;
  ratioFor(ctx: MonthContext): MethodRatio;
  /** Method-level figures for the plan document (e.g. h*, ρ, R², observations). */
  summary: Record<string, unknown>;
  warnings: string[];
}
