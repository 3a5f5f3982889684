/** The price model's settings from simulate's flags (declared in simulate-flags.ts) and the --history levels. */
import type { Command } from "commander";
import { HedgeError } from "../errors.js";
import { parsePriceHistory, type PriceHistory } from "../hedge/methods/price-history.js";
import type { PriceModelSettings } from "../pipeline/index.js";
import { readTextFile } from "./files.js";
import type { SimulateFlags } from "./simulate-flags.js";

export { addSimulateOptions, type SimulateFlags } from "./simulate-flags.js";

/** The --history prices as levels (a volatility needs levels: log returns of the futures price). */
export function readLevels(cwd: string, flags: SimulateFlags): PriceHistory {
  const file = flags.history!;
  if (flags.changes) {
    throw new HedgeError("USAGE", "simulate needs price levels in --history, not changes", {
      file,
      expected: "--history without --changes",
      hint: "or give --vol",
    });
  }
  return parsePriceHistory(readTextFile(file, cwd), file, {
    ...(flags.spotColumn ? { spotColumn: flags.spotColumn } : {}),
    ...(flags.futuresColumn ? { futuresColumn: flags.futuresColumn } : {}),
  });
}

/** The price model's settings from the flags and the config (the choice itself is pure: choosePriceModel). */
export function priceModelSettings(flags: SimulateFlags, command: Command): PriceModelSettings {
  const typed = (name: string) => command.getOptionValueSource(name) === "cli";
  const configVol = flags.resolvedConfig?.values.simulation?.priceVolatility;
  return {
    model: flags.model,
    ...(flags.vol !== undefined ? { vol: flags.vol } : {}),
    ...(flags.priceVol !== undefined ? { priceVol: flags.priceVol } : {}),
    ...(flags.meanReversion !== undefined ? { meanReversion: flags.meanReversion } : {}),
    ...(configVol !== undefined ? { configVol } : {}),
    basis: { a: flags.basisA, b: flags.basisB, noise: flags.basisNoise },
    basisTyped: { a: typed("basisA"), b: typed("basisB"), noise: typed("basisNoise") },
    basisFromHistory: flags.basisFromHistory === true,
  };
}
