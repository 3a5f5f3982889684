/**
 * The candidate models the automatic forecast chooses from, by name. Each entry fits a model to a series (the
 * training part during selection, the whole series for the final forecast) or explains why it cannot.
 */
import { fitDrift, fitNaive, fitSeasonalNaive } from "./baselines.js";
import { fitEtsModel } from "./ets/model.js";
import type { FittedModel } from "./model.js";

export interface CandidateContext {
  /** Seasonal period of the granularity (12 monthly, 7 daily). */
  m: number;
}

export type FitOutcome = { model: FittedModel } | { reason: string };

export interface Candidate {
  name: string;
  fit(y: Float64Array, context: CandidateContext): FitOutcome;
}

function outcome(model: FittedModel | undefined, reason: string): FitOutcome {
  return model ? { model } : { reason };
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

/** Holt's damped additive trend, fitted as ETS(A,Ad,N) by maximum likelihood (FORECASTING.md §1). */
export const HOLT_DAMPED: Candidate = {
  name: "holt-damped",
  fit: (y) =>
    outcome(
      fitEtsModel(y, { error: "A", trend: "A", damped: true, season: "N", m: 1 }, {}, "holt-damped"),
      "too few observations for its 5 free values (α, β, φ, ℓ0, b0 need n ≥ 7)",
    ),
};
