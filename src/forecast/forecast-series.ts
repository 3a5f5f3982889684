/**
 * `forecastSeries`: validate, choose a model, refit it on the whole series and report per-period means,
 * intervals, quantiles and seeded sample paths.
 */
import { HedgeError } from "../errors.js";
import { fitNaive } from "./baselines.js";
import { DRIFT, HOLT_DAMPED, NAIVE, SEASONAL_NAIVE, type Candidate, type CandidateContext } from "./candidates.js";
import { modelForecasts, simulatePaths } from "./distribution.js";
import { selectByHoldout } from "./holdout.js";
import type { FittedModel } from "./model.js";
import { futurePeriods, seasonalPeriod } from "./periods.js";
import type { ForecastOptions, ForecastResult, ModelScore, TimeSeries } from "./types.js";
import { validateSeries } from "./validate.js";

export const DEFAULT_SEED = 42;

function checkOptions(options: ForecastOptions): void {
  const { horizon, seed } = options;
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new HedgeError("USAGE", `forecast horizon must be a whole number ≥ 1; got ${String(horizon)}`, {
      value: String(horizon),
      expected: "an integer ≥ 1",
    });
  }
  if (seed !== undefined && !Number.isInteger(seed)) {
    throw new HedgeError("USAGE", `seed must be an integer; got ${String(seed)}`, { value: String(seed) });
  }
}

function isConstant(y: ArrayLike<number>): boolean {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return false;
  return true;
}

/** The step-1 candidate list: seasonal naive (two full seasons) or naive, drift, Holt's damped trend. */
function defaultCandidates(n: number, m: number): Candidate[] {
  return [n >= 2 * m ? SEASONAL_NAIVE : NAIVE, DRIFT, HOLT_DAMPED];
}

const ALL: readonly Candidate[] = [SEASONAL_NAIVE, NAIVE, DRIFT, HOLT_DAMPED];

function restrict(candidates: Candidate[], names: readonly string[] | undefined): Candidate[] {
  if (!names || names.length === 0) return candidates;
  return names.map((name) => {
    const found = ALL.find((c) => c.name === name);
    if (!found) {
      throw new HedgeError("USAGE", `unknown forecast model "${name}"`, {
        value: name,
        expected: ALL.map((c) => c.name).join(", "),
      });
    }
    return found;
  });
}

export function forecastSeries(series: TimeSeries, options: ForecastOptions): ForecastResult {
  validateSeries(series);
  checkOptions(options);
  const seed = options.seed ?? DEFAULT_SEED;
  const horizon = options.horizon;
  const y = Float64Array.from(series.values);
  const n = y.length;
  const m = seasonalPeriod(series.granularity);
  const context: CandidateContext = { m };
  const periods = futurePeriods(series, horizon);
  const warnings: string[] = [];

  let chosen: FittedModel;
  let candidates: ModelScore[];
  if (isConstant(y)) {
    chosen = fitNaive(y);
    candidates = [{ model: "naive", chosen: true }];
    warnings.push(`the series is constant (${y[0]}): forecasting that value with zero-width intervals`);
  } else {
    const list = restrict(defaultCandidates(n, m), options.models);
    const outcome = selectByHoldout(y, list, context);
    warnings.push(...outcome.warnings);
    candidates = outcome.scores;
    // Refit the winner on the full series; if that fails, fall back through the ranking.
    const ranked = [...outcome.scores].sort((a, b) => (a.mae as number) - (b.mae as number));
    let model: FittedModel | undefined;
    for (const score of ranked) {
      const candidate = list.find((c) => c.name === score.model) as Candidate;
      const fitted = candidate.fit(y, context);
      if ("model" in fitted) {
        model = fitted.model;
        score.chosen = true;
        break;
      }
      warnings.push(`${score.model} won the holdout but could not be refitted on the full series: ${fitted.reason}`);
    }
    if (!model) {
      model = fitNaive(y);
      warnings.push("no candidate model could be fitted; falling back to the naive forecast");
      candidates.push({ model: "naive", chosen: true });
    }
    chosen = model;
  }

  const points = modelForecasts(chosen, periods, seed);
  return {
    model: chosen.name,
    granularity: series.granularity,
    points,
    candidates,
    warnings,
    samplePaths: (count: number, pathSeed?: number) => simulatePaths(chosen, horizon, count, pathSeed ?? seed),
  };
}
