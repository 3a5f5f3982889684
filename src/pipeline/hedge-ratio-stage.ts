/**
 * The hedge-ratio stage: the minimum-variance hedge ratio h* (Hull, ch. 3) from a price history or from given
 * statistics, with the contract counts for an exposure, as the view `hedge-ratio` prints. Pure: the shell
 * reads the history file and passes its text.
 */
import { HedgeError } from "../errors.js";
import {
  hedgeRatioFromSeries,
  hedgeRatioFromStatistics,
  type HedgeExposure,
  type HedgeStatistics,
} from "../hedge/mvhr.js";
import { parsePriceHistory } from "../hedge/methods/price-history.js";
import type { HedgeRatioView } from "../report/views/hedge-ratio.js";

/** The values of `hedge-ratio`'s flags (the errors name the flags). */
export interface HedgeRatioSettings {
  /** The history file's name (its text is passed to `hedgeRatioView`); without it, the statistics below. */
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
export function hedgeRatioStatistics(flags: HedgeRatioSettings): HedgeStatistics | undefined {
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

export function hedgeRatioExposure(flags: HedgeRatioSettings): HedgeExposure | undefined {
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

/** The statistics and exposure the settings give, checked before any file is read (errors name the flags). */
export interface HedgeRatioInputs {
  /** Undefined: the ratio comes from the history file. */
  statistics: HedgeStatistics | undefined;
  exposure: HedgeExposure | undefined;
}

export function hedgeRatioInputs(settings: HedgeRatioSettings): HedgeRatioInputs {
  return { statistics: hedgeRatioStatistics(settings), exposure: hedgeRatioExposure(settings) };
}

/** The view of h*: from the statistics, or from `historyText` (the text of `settings.history`). */
export function hedgeRatioView(
  settings: HedgeRatioSettings,
  inputs: HedgeRatioInputs,
  historyText: string | undefined,
): HedgeRatioView {
  const { statistics, exposure } = inputs;
  if (statistics) {
    return {
      source: { kind: "statistics" },
      result: hedgeRatioFromStatistics(statistics, exposure),
      ...(exposure ? { exposure } : {}),
      side: settings.side,
    };
  }
  const file = settings.history!;
  const history = parsePriceHistory(historyText!, file, {
    spotColumn: settings.spotColumn,
    futuresColumn: settings.futuresColumn,
    kind: settings.changes ? "changes" : "levels",
  });
  return {
    source: {
      kind: "history",
      file,
      series: history.kind,
      spotColumn: history.spotColumn,
      futuresColumn: history.futuresColumn,
    },
    result: hedgeRatioFromSeries(history, exposure),
    ...(exposure ? { exposure } : {}),
    side: settings.side,
  };
}
