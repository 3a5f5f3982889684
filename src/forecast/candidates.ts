/**
 * The candidate models the automatic forecast chooses from, by name. Each entry fits a model to a series (the
 * training part during selection, the whole series for the final forecast) or explains why it cannot.
 *
 * Names: "naive", "seasonal-naive", "drift", "drift-log", "holt-damped", "ets" (automatic ETS by AICc on the
 * original scale), "log-ets" (automatic additive ETS on log y, §4), "damped" (automatic damped-trend ETS), "theta"
 * (on log y when the series is positive), "theta-natural" (Theta on the original scale, R's thetaf), "combination"
 * (§6.2), or an explicit ETS model such as "ETS(M,Ad,N)".
 */
import { fitDrift, fitDriftLog, fitNaive, fitSeasonalNaive } from "./baselines.js";
import { combineModels } from "./combination.js";
import { etsModel, fitEtsModel, logEtsModel } from "./ets/model.js";
import { autoEts, type AutoEtsOptions, type AutoEtsResult } from "./ets/select.js";
import { refilterEts, type EtsFit } from "./ets/fit.js";
import { parseEtsName } from "./ets/spec.js";
import type { FittedModel } from "./model.js";
import { fitTheta } from "./theta.js";

export interface CandidateContext {
  /** Seasonal period of the granularity (12 monthly, 7 daily). */
  m: number;
  /**
   * Automatic ETS runs already done in this selection, keyed by variant and training length. Every fit within one
   * selection uses prefixes of the same series, so the length identifies the data; "ets", "damped",
   * "holt-damped" and the combination then share one search instead of repeating it.
   */
  cache?: Map<string, AutoEtsResult>;
  /**
   * Backtests only: fit the automatic ETS search once, at the first origin, and re-filter those fits with fixed
   * parameters at later origins (docs/METHODOLOGY.md §2 allows this for speed; no future data enters the parameters).
   */
  refilter?: boolean;
}

export type FitOutcome = { model: FittedModel } | { reason: string };

export interface Candidate {
  name: string;
  fit(y: Float64Array, context: CandidateContext): FitOutcome;
}

function outcome(model: FittedModel | undefined, reason: string): FitOutcome {
  return model ? { model } : { reason };
}

function allPositive(y: ArrayLike<number>): boolean {
  for (let i = 0; i < y.length; i++) if (!((y[i] as number) > 0)) return false;
  return true;
}

const NOT_POSITIVE = "the series has zeros, so no log transform (§8.6)";

/** The product's short-series rule (§1.10): with fewer than 6 points only trend N/A, non-seasonal. */
function etsOptions(y: ArrayLike<number>, extra: AutoEtsOptions = {}): AutoEtsOptions {
  return y.length < 6 ? { ...extra, simpleOnly: true } : extra;
}

export const SEASONAL_NAIVE: Candidate = {
  name: "seasonal-naive",
  fit: (y, { m }) =>
    y.length > m ? { model: fitSeasonalNaive(y, m) } : { reason: `needs more than ${m} observations` },
};

export const NAIVE: Candidate = { name: "naive", fit: (y) => ({ model: fitNaive(y) }) };

export const DRIFT: Candidate = {
  name: "drift",
  fit: (y) => (y.length >= 3 ? { model: fitDrift(y) } : { reason: "needs at least 3 observations" }),
};

export const DRIFT_LOG: Candidate = {
  name: "drift-log",
  fit: (y) => {
    if (!allPositive(y)) return { reason: NOT_POSITIVE };
    return y.length >= 3 ? { model: fitDriftLog(y) } : { reason: "needs at least 3 observations" };
  },
};

/** Holt's damped additive trend, fitted as ETS(A,Ad,N) by maximum likelihood (docs/METHODOLOGY.md §2). */
export const HOLT_DAMPED: Candidate = {
  name: "holt-damped",
  fit: (y, context) => {
    const shared = context.cache?.get(`raw:${y.length}`)?.candidates.find((c) => c.name === "ETS(A,Ad,N)");
    const model = shared
      ? shared.fit && etsModel(shared.fit, "holt-damped")
      : fitEtsModel(y, { error: "A", trend: "A", damped: true, season: "N", m: 1 }, {}, "holt-damped");
    return outcome(model, "too few observations for its 5 free values (α, β, φ, ℓ0, b0 need n ≥ 7)");
  },
};

function cachedAuto(y: Float64Array, context: CandidateContext, log: boolean): AutoEtsResult {
  const key = `${log ? "log" : "raw"}:${y.length}`;
  const hit = context.cache?.get(key);
  if (hit) return hit;
  const data = log ? y.map(Math.log) : y;
  const baseKey = `${log ? "log" : "raw"}:base`;
  const base = context.refilter ? context.cache?.get(baseKey) : undefined;
  let result: AutoEtsResult;
  if (base && (base.candidates[0]?.fit?.nObs ?? Number.POSITIVE_INFINITY) < y.length) {
    const candidates = base.candidates.map((c) => ({ ...c, fit: c.fit && refilterEts(c.fit, data) }));
    let best: EtsFit | undefined;
    for (const c of candidates) {
      if (c.fit && Number.isFinite(c.fit.aicc) && (!best || c.fit.aicc < best.aicc)) best = c.fit;
    }
    result = { best, candidates };
  } else {
    result = log
      ? autoEts(data, context.m, etsOptions(y, { additiveOnly: true }))
      : autoEts(data, context.m, etsOptions(y));
    if (context.refilter && !base) context.cache?.set(baseKey, result);
  }
  context.cache?.set(key, result);
  return result;
}

/** Best fit by AICc, optionally among damped-trend models only (the "Damped" component of §6.2). */
function bestFit(result: AutoEtsResult, dampedOnly: boolean): EtsFit | undefined {
  if (!dampedOnly) return result.best;
  let best: EtsFit | undefined;
  for (const c of result.candidates) {
    if (!c.spec.damped || !c.fit || !Number.isFinite(c.fit.aicc)) continue;
    if (!best || c.fit.aicc < best.aicc) best = c.fit;
  }
  return best;
}

function autoEtsModel(y: Float64Array, context: CandidateContext, dampedOnly = false): FittedModel | undefined {
  const fit = bestFit(cachedAuto(y, context, false), dampedOnly);
  return fit ? etsModel(fit) : undefined;
}

function autoLogEtsModel(y: Float64Array, context: CandidateContext, dampedOnly = false): FittedModel | undefined {
  const fit = bestFit(cachedAuto(y, context, true), dampedOnly);
  return fit ? logEtsModel(fit) : undefined;
}

export const ETS: Candidate = {
  name: "ets",
  fit: (y, context) => outcome(autoEtsModel(y, context), "no ETS model could be fitted"),
};

export const LOG_ETS: Candidate = {
  name: "log-ets",
  fit: (y, context) => {
    if (!allPositive(y)) return { reason: NOT_POSITIVE };
    return outcome(autoLogEtsModel(y, context), "no ETS model could be fitted to log y");
  },
};

export const DAMPED: Candidate = {
  name: "damped",
  fit: (y, context) => outcome(autoEtsModel(y, context, true), "too few observations for a damped trend"),
};

export const THETA: Candidate = {
  name: "theta",
  fit: (y, { m }) => outcome(fitTheta(y, m, { log: allPositive(y) }), "needs at least 4 observations"),
};

/**
 * The Theta method on the original scale, as published (Hyndman & Billah 2003) and as R's `forecast::thetaf`: for a
 * positive series "theta" works on log y, whose drift compounds; this one's drift is linear. The pair is offered
 * for the same reason as ETS and ETS on log y: which scale suits a series is for its backtest to say.
 */
export const THETA_NATURAL: Candidate = {
  name: "theta-natural",
  fit: (y, { m }) => outcome(fitTheta(y, m, { log: false }), "needs at least 4 observations"),
};

/**
 * ETS + Theta + damped ETS, each on log y when the series is positive (§6.2). Components that fail are dropped
 * (the weights renormalise); the name lists the components used when fewer than three remain.
 */
export const COMBINATION: Candidate = {
  name: "combination",
  fit: (y, context) => {
    const log = allPositive(y);
    const components = [
      log ? autoLogEtsModel(y, context) : autoEtsModel(y, context),
      fitTheta(y, context.m, { log }),
      log ? autoLogEtsModel(y, context, true) : autoEtsModel(y, context, true),
    ].filter((c): c is FittedModel => c !== undefined);
    if (components.length === 0) return { reason: "none of its components could be fitted" };
    const name = components.length === 3 ? "combination" : `combination(${components.map((c) => c.name).join(", ")})`;
    return { model: combineModels(name, components) };
  },
};

const NAMED: readonly Candidate[] = [
  NAIVE,
  SEASONAL_NAIVE,
  DRIFT,
  DRIFT_LOG,
  HOLT_DAMPED,
  ETS,
  LOG_ETS,
  DAMPED,
  THETA,
  THETA_NATURAL,
  COMBINATION,
];

export const CANDIDATE_NAMES: readonly string[] = NAMED.map((c) => c.name);

/** Look a candidate up by name; explicit ETS names ("ETS(M,Ad,N)") give a fixed ETS model. */
export function candidateByName(name: string): Candidate | undefined {
  const found = NAMED.find((c) => c.name === name);
  if (found) return found;
  if (!parseEtsName(name, 12)) return undefined;
  return {
    name,
    fit: (y, { m }) => {
      const spec = parseEtsName(name, m);
      if (!spec) return { reason: "not an ETS model name" };
      if (spec.error === "M" && !allPositive(y)) return { reason: "multiplicative errors need positive data" };
      if (spec.season !== "N" && y.length < 2 * m) return { reason: `seasonal models need ${2 * m} observations` };
      return outcome(fitEtsModel(y, spec), "too few observations for its parameters");
    },
  };
}

/** The default candidate list for a series of n points with seasonal period m. */
export function defaultCandidates(y: ArrayLike<number>, m: number): Candidate[] {
  const list: Candidate[] = [y.length >= 2 * m ? SEASONAL_NAIVE : NAIVE, DRIFT];
  if (allPositive(y)) list.push(DRIFT_LOG);
  list.push(ETS, HOLT_DAMPED);
  if (allPositive(y)) list.push(LOG_ETS);
  list.push(THETA);
  if (allPositive(y)) list.push(THETA_NATURAL);
  list.push(COMBINATION);
  return list;
}
