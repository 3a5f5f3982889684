import { Command, Option } from "commander";
import { HedgeError } from "../../errors.js";
import { hedgeRatioFromSeries, hedgeRatioFromStatistics, type HedgeExposure, type HedgeStatistics } from "../../hedge/mvhr.js";
import { parsePriceHistory } from "../../hedge/methods/price-history.js";
import { hedgeRatioCsv, hedgeRatioDocument, hedgeRatioHuman, type HedgeRatioView } from "../../report/views/hedge-ratio.js";
import { readTextFile } from "../files.js";
import { parseNumberOption } from "../options.js";
import { emit, warn, type OutputFlags } from "../output.js";
import type { CommandEnv } from "./shared.js";

interface HedgeRatioFlags extends OutputFlags {
  history?: string;
  spotColumn: string;
  futuresColumn: string;
  side: "long" | "short";
  changes?: boolean;
  rho?: number;
  sigmaSpot?: number;
  sigmaFutures?: number;
  covariance?: number;
  exposure?: number;
  contractSize?: number;
  spot?: number;
  futures?: number;
  round: "nearest" | "down" | "up";
}

const usage = (message: string, expected: string): HedgeError => new HedgeError("USAGE", message, { expected, hint: "see tokenhedge hedge-ratio --help" });

/** Exactly one source of statistics: a history file, (ρ, σ_S, σ_F), or (Cov, σ_F [, σ_S]). */
function statisticsFrom(flags: HedgeRatioFlags): HedgeStatistics | undefined {
  const given = (["rho", "covariance", "sigmaSpot", "sigmaFutures"] as const).filter((k) => flags[k] !== undefined);
  if (flags.history) {
    if (given.length > 0) throw usage("--history and statistics flags cannot be combined", "either --history FILE or --rho/--covariance with --sigma-futures");
    return undefined;
  }
  if (flags.rho !== undefined && flags.covariance !== undefined) throw usage("--rho and --covariance cannot be combined", "--rho R --sigma-spot S --sigma-futures F, or --covariance C --sigma-futures F");
  if (flags.sigmaFutures === undefined) {
    throw new HedgeError("USAGE_MISSING_FLAG", given.length === 0 ? "missing --history or statistics" : "missing --sigma-futures", {
      expected: "--history FILE, or --rho R --sigma-spot S --sigma-futures F, or --covariance C --sigma-futures F",
      hint: "e.g. tokenhedge hedge-ratio --history fixtures/hull/airline-changes.csv --changes",
    });
  }
  if (flags.rho !== undefined) {
    if (flags.sigmaSpot === undefined) throw new HedgeError("USAGE_MISSING_FLAG", "--rho needs --sigma-spot", { expected: "--rho R --sigma-spot S --sigma-futures F" });
    return { correlation: flags.rho, sigmaSpot: flags.sigmaSpot, sigmaFutures: flags.sigmaFutures };
  }
  if (flags.covariance !== undefined) {
    return { covariance: flags.covariance, sigmaFutures: flags.sigmaFutures, ...(flags.sigmaSpot !== undefined ? { sigmaSpot: flags.sigmaSpot } : {}) };
  }
  throw new HedgeError("USAGE_MISSING_FLAG", "missing --rho or --covariance", { expected: "--rho R --sigma-spot S --sigma-futures F, or --covariance C --sigma-futures F" });
}

function exposureFrom(flags: HedgeRatioFlags): HedgeExposure | undefined {
  if (flags.exposure === undefined && flags.contractSize === undefined) {
    if (flags.spot !== undefined || flags.futures !== undefined) throw new HedgeError("USAGE_MISSING_FLAG", "--spot/--futures need --exposure and --contract-size", { expected: "--exposure Q --contract-size QF --spot S0 --futures F0" });
    return undefined;
  }
  if (flags.exposure === undefined || flags.contractSize === undefined) {
    throw new HedgeError("USAGE_MISSING_FLAG", `missing ${flags.exposure === undefined ? "--exposure" : "--contract-size"}`, { expected: "--exposure Q --contract-size QF (in the same unit, e.g. gallons or Mtok)" });
  }
  if ((flags.spot === undefined) !== (flags.futures === undefined)) {
    throw new HedgeError("USAGE_MISSING_FLAG", `the tailed count needs both --spot and --futures (missing ${flags.spot === undefined ? "--spot" : "--futures"})`, { expected: "--spot S0 --futures F0" });
  }
  return {
    quantity: flags.exposure,
    contractSize: flags.contractSize,
    rounding: flags.round,
    ...(flags.spot !== undefined ? { spotPrice: flags.spot } : {}),
    ...(flags.futures !== undefined ? { futuresPrice: flags.futures } : {}),
  };
}

export function hedgeRatioCommand(env: CommandEnv): Command {
  const num = (flag: string, min?: number, max?: number) => parseNumberOption(flag, min, max);
  return env
    .output(new Command("hedge-ratio"))
    .description("minimum-variance hedge ratio h* (Hull ch. 3) from a price history or from statistics, with ρ, σ's, R², its standard error and 95% interval, and contract counts")
    .option("--history <file>", "CSV with one row per period: the company's price (spot) and the futures price")
    .option("--spot-column <name>", "spot column of --history", "spot")
    .option("--futures-column <name>", "futures column of --history", "futures")
    .option("--changes", "--history holds per-period price changes (ΔS, ΔF), not price levels")
    .addOption(new Option("--rho <r>", "correlation of ΔS and ΔF (with --sigma-spot and --sigma-futures)").argParser(num("--rho", -1, 1)))
    .addOption(new Option("--sigma-spot <s>", "standard deviation of ΔS").argParser(num("--sigma-spot", 0)))
    .addOption(new Option("--sigma-futures <s>", "standard deviation of ΔF").argParser(num("--sigma-futures", 0)))
    .addOption(new Option("--covariance <c>", "Cov(ΔS, ΔF) (with --sigma-futures)").argParser(num("--covariance")))
    .addOption(new Option("--exposure <q>", "Q_A: units exposed, in the contract size's unit").argParser(num("--exposure", 0)))
    .addOption(new Option("--contract-size <q>", "Q_F: units per futures contract").argParser(num("--contract-size", 0)))
    .addOption(new Option("--spot <price>", "S0, spot price today (tailed count)").argParser(num("--spot", 0)))
    .addOption(new Option("--futures <price>", "F0, futures price today (tailed count)").argParser(num("--futures", 0)))
    .addOption(new Option("--round <rule>", "rounding of contract counts").choices(["nearest", "down", "up"]).default("nearest"))
    .addOption(new Option("--side <side>", "long: buy N* futures against a purchase; short: sell N* against a sale (a seller of capacity)").choices(["long", "short"]).default("long"))
    .addHelpText(
      "after",
      `
Examples:
  tokenhedge hedge-ratio --history fixtures/hull/airline-changes.csv --changes --exposure 2000000 --contract-size 42000
  tokenhedge hedge-ratio --rho 0.928 --sigma-spot 0.0263 --sigma-futures 0.0313 --exposure 2000000 --contract-size 42000
  tokenhedge hedge-ratio --history fixtures/acme/price-history.csv --exposure 80000 --contract-size 1000 --spot 2.18 --futures 2.10
`,
    )
    .action((flags: HedgeRatioFlags) => {
      const { ctx } = env;
      const statistics = statisticsFrom(flags);
      const exposure = exposureFrom(flags);
      let view: HedgeRatioView;
      if (statistics) {
        view = { source: { kind: "statistics" }, result: hedgeRatioFromStatistics(statistics, exposure), ...(exposure ? { exposure } : {}), side: flags.side };
      } else {
        const file = flags.history!;
        const history = parsePriceHistory(readTextFile(file, ctx.cwd), file, {
          spotColumn: flags.spotColumn,
          futuresColumn: flags.futuresColumn,
          kind: flags.changes ? "changes" : "levels",
        });
        view = {
          source: { kind: "history", file, series: history.kind, spotColumn: history.spotColumn, futuresColumn: history.futuresColumn },
          result: hedgeRatioFromSeries(history, exposure),
          ...(exposure ? { exposure } : {}),
          side: flags.side,
        };
      }
      warn(ctx, view.result.warnings);
      emit(ctx, flags, {
        json: () => hedgeRatioDocument(view),
        csv: () => hedgeRatioCsv(view),
        human: () => hedgeRatioHuman(view),
      }, flags.history ? [flags.history] : []);
    });
}
