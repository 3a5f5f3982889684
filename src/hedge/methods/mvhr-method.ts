/**
 * The mvhr method: the minimum-variance hedge ratio h* (Hull, Options, Futures, and Other Derivatives, ch. 3;
 * see ../mvhr.ts) estimated once from a price history and applied to every delivery month.
 *
 * Units. h* is the OLS slope of ΔS on ΔF in the history's own units. When S is the company's price per Mtok and F
 * the contract's quote, the variance-minimising position per unit of exposure is h*·c with c = priceScale
 * (MonthContext): 1 for a token contract (both per Mtok), k/1e6 for a GPU-hour contract, since a GPU-hour of
 * exposure is k tokens costing S·k/1e6 USD while one GPU-hour of futures moves by ΔF. So for a cross hedge the
 * ratio against GPU-hour exposure can well exceed 1: the token spend per GPU-hour is worth more than the GPU-hour.
 */
import type { HedgeRatioResult } from "../mvhr.js";
import type { HedgeRatioMethod } from "./types.js";

export function mvhrMethod(result: HedgeRatioResult, source: string): HedgeRatioMethod {
  return {
    name: "mvhr",
    description: `minimum-variance hedge ratio from ${source}`,
    ratioFor: (ctx) => ({
      ratio: result.hedgeRatio * ctx.priceScale,
      detail: { hedgeRatioHistoryUnits: result.hedgeRatio, priceScale: ctx.priceScale },
    }),
    summary: {
      history: source,
      hedgeRatio: result.hedgeRatio,
      correlation: result.correlation,
      sigmaSpot: result.sigmaSpot,
      sigmaFutures: result.sigmaFutures,
      rSquared: result.rSquared,
      standardError: result.standardError,
      ci95: result.ci95,
      observations: result.observations,
    },
    warnings: [...result.warnings],
  };
}
