/**
 * The index price volatility behind a run's risk figures outside `simulate` (the plan's Cost-at-Risk sentence, the
 * liquidity stress of `scenarios` and the report, the check's and the report's Monte Carlo), and where it came from.
 * One order everywhere, the one `simulate` documents for its own price model: `--price-vol`, else the volatility
 * estimated from the `--history` price levels, else the config's `simulation.priceVolatility`, else an illustrative
 * default that the output names as such.
 */
import { DEFAULT_PRICE_VOLATILITY } from "../defaults.js";
import { estimateGbmVol } from "../scenarios/estimate.js";
import type { PipelineInputs } from "./inputs.js";

export type VolatilityOrigin = "flag" | "history" | "config" | "default";

export interface RiskVolatility {
  /** Annualised volatility of the index price (GBM σ). */
  vol: number;
  origin: VolatilityOrigin;
  /** Where it came from, in the words the output uses. */
  source: string;
}

export function riskVolatility(inputs: Pick<PipelineInputs, "sizing" | "configPriceVolatility">): RiskVolatility {
  if (inputs.sizing.priceVolatility !== undefined)
    return { vol: inputs.sizing.priceVolatility, origin: "flag", source: "--price-vol" };
  const history = inputs.sizing.history;
  // Fewer than two changes give no volatility to speak of.
  if (history && history.kind === "levels" && history.futures.length > 2) {
    return {
      vol: estimateGbmVol(history.futures).vol,
      origin: "history",
      source: `${history.file}, ${history.futures.length - 1} monthly changes`,
    };
  }
  if (inputs.configPriceVolatility !== undefined)
    return { vol: inputs.configPriceVolatility, origin: "config", source: "config simulation.priceVolatility" };
  return {
    vol: DEFAULT_PRICE_VOLATILITY,
    origin: "default",
    source: `default ${DEFAULT_PRICE_VOLATILITY * 100}% a year, illustrative (give --price-vol or --history)`,
  };
}
