/** `tokenhedge hedge-ratio`'s action (its options: commands/hedge-ratio.ts). */
import { HedgeError } from "../../errors.js";
import {
  hedgeRatioFromSeries,
  hedgeRatioFromStatistics,
  type HedgeExposure,
  type HedgeStatistics,
} from "../../hedge/mvhr.js";
import { parsePriceHistory } from "../../hedge/methods/price-history.js";
import {
  hedgeRatioCsv,
  hedgeRatioDocument,
  hedgeRatioHuman,
  type HedgeRatioView,
} from "../../report/views/hedge-ratio.js";
import { readTextFile } from "../files.js";
import { emit, warn, type OutputFlags } from "../output.js";
import type { CommandEnv } from "../commands/shared.js";

export interface HedgeRatioFlags extends OutputFlags {
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
  rounding: "nearest" | "down" | "up";
  /** The older spelling, kept as an alias of --rounding. */
  round?: "nearest" | "down" | "up";
}

const usage = (message: string, expected: string): HedgeError =>
  new HedgeError("USAGE", message, { expected, hint: "see tokenhedge hedge-ratio --help" });

/** Exactly one source of statistics: a history file, (ρ, σ_S, σ_F), or (Cov, σ_F [, σ_S]). */
function statisticsFrom(flags: HedgeRatioFlags): HedgeStatistics | undefined {
  const given = (["rho", "covariance", "sigmaSpot", "sigmaFutures"] as const).filter((k) => flags[k] !== undefined);
  if (flags.history) {
    if (given.length > 0)
      throw usage(
        "--history and statistics flags cannot be combined",
        "either --history FILE or --rho/--covariance with --sigma-futures",
      );
    return undefined;
  }
  if (flags.rho !== undefined && flags.covariance !== undefined)
    throw usage(
      "--rho and --covariance cannot be combined",
      "--rho R --sigma-spot S --sigma-futures F, or --covariance C --sigma-futures F",
    );
  if (flags.sigmaFutures === undefined) {
    throw new HedgeError(
      "USAGE_MISSING_FLAG",
      given.length === 0 ? "missing --history or statistics" : "missing --sigma-futures",
      {
        expected: "--history FILE, or --rho R --sigma-spot S --sigma-futures F, or --covariance C --sigma-futures F",
        hint: "e.g. tokenhedge hedge-ratio --history fixtures/hull/airline-changes.csv --changes",
      },
    );
  }
  if (flags.rho !== undefined) {
    if (flags.sigmaSpot === undefined)
      throw new HedgeError("USAGE_MISSING_FLAG", "--rho needs --sigma-spot", {
        expected: "--rho R --sigma-spot S --sigma-futures F",
      });
    return { correlation: flags.rho, sigmaSpot: flags.sigmaSpot, sigmaFutures: flags.sigmaFutures };
  }
  if (flags.covariance !== undefined) {
    return {
      covariance: flags.covariance,
      sigmaFutures: flags.sigmaFutures,
      ...(flags.sigmaSpot !== undefined ? { sigmaSpot: flags.sigmaSpot } : {}),
    };
  }
  throw new HedgeError("USAGE_MISSING_FLAG", "missing --rho or --covariance", {
    expected: "--rho R --sigma-spot S --sigma-futures F, or --covariance C --sigma-futures F",
  });
}

function exposureFrom(flags: HedgeRatioFlags): HedgeExposure | undefined {
  if (flags.exposure === undefined && flags.contractSize === undefined) {
    if (flags.spot !== undefined || flags.futures !== undefined)
      throw new HedgeError("USAGE_MISSING_FLAG", "--spot/--futures need --exposure and --contract-size", {
        expected: "--exposure Q --contract-size QF --spot S0 --futures F0",
      });
    return undefined;
  }
  if (flags.exposure === undefined || flags.contractSize === undefined) {
    throw new HedgeError(
      "USAGE_MISSING_FLAG",
      `missing ${flags.exposure === undefined ? "--exposure" : "--contract-size"}`,
      { expected: "--exposure Q --contract-size QF (in the same unit, e.g. gallons or Mtok)" },
    );
  }
  if ((flags.spot === undefined) !== (flags.futures === undefined)) {
    throw new HedgeError(
      "USAGE_MISSING_FLAG",
      `the tailed count needs both --spot and --futures (missing ${flags.spot === undefined ? "--spot" : "--futures"})`,
      { expected: "--spot S0 --futures F0" },
    );
  }
  return {
    quantity: flags.exposure,
    contractSize: flags.contractSize,
    rounding: flags.round ?? flags.rounding,
    ...(flags.spot !== undefined ? { spotPrice: flags.spot } : {}),
    ...(flags.futures !== undefined ? { futuresPrice: flags.futures } : {}),
  };
}

export function hedgeRatioAction(env: CommandEnv) {
  return (flags: HedgeRatioFlags): void => {
    const { ctx } = env;
    const statistics = statisticsFrom(flags);
    const exposure = exposureFrom(flags);
    let view: HedgeRatioView;
    if (statistics) {
      view = {
        source: { kind: "statistics" },
        result: hedgeRatioFromStatistics(statistics, exposure),
        ...(exposure ? { exposure } : {}),
        side: flags.side,
      };
    } else {
      const file = flags.history!;
      const history = parsePriceHistory(readTextFile(file, ctx.cwd), file, {
        spotColumn: flags.spotColumn,
        futuresColumn: flags.futuresColumn,
        kind: flags.changes ? "changes" : "levels",
      });
      view = {
        source: {
          kind: "history",
          file,
          series: history.kind,
          spotColumn: history.spotColumn,
          futuresColumn: history.futuresColumn,
        },
        result: hedgeRatioFromSeries(history, exposure),
        ...(exposure ? { exposure } : {}),
        side: flags.side,
      };
    }
    warn(ctx, view.result.warnings);
    emit(
      ctx,
      flags,
      {
        json: () => hedgeRatioDocument(view),
        csv: () => hedgeRatioCsv(view),
        human: () => hedgeRatioHuman(view),
      },
      flags.history ? [flags.history] : [],
    );
  };
}
