/**
 * What every selection rule shares: the `Selection` it returns, a single-model selection, refitting the best-ranked
 * candidate on the whole series, sorting by a score, and backtest scores as candidate rows.
 */
import type { BacktestRun, BacktestScore, RollingOriginPlan } from "./backtest.js";
import type { Candidate, CandidateContext } from "./candidates.js";
import type { FittedModel } from "./model.js";
import type { IntervalCalibration, ModelScore, SelectionMethod } from "./types.js";

/** The model chosen on a (cleaned) series, with the scores of every candidate. */
export interface Selection {
  model: FittedModel;
  candidates: ModelScore[];
  warnings: string[];
  selection: SelectionMethod;
  /** The rule that chose the model, in words. */
  rule: string;
  /** The candidates the forecast is made of and their weights (summing to 1). */
  weights: Record<string, number>;
  /** Spread factor applied to the intervals by backtest calibration (calibration.ts), when one was. */
  spread?: number;
  /** How the spread factors were estimated, step by step (spread-calibration.ts), when they were. */
  calibration?: IntervalCalibration;
  /**
   * The rolling-origin backtest the selection ran, when it ran one: the candidates' names in order, the plan and the
   * run, so that `forecast --backtest` prints it instead of running the same backtest again.
   */
  backtest?: { candidates: string[]; plan: RollingOriginPlan; seed: number; run: BacktestRun };
}

export function refitRanked(
  y: Float64Array,
  ranked: ModelScore[],
  list: readonly Candidate[],
  context: CandidateContext,
  warnings: string[],
): FittedModel | undefined {
  for (const score of ranked) {
    const candidate = list.find((c) => c.name === score.model);
    if (!candidate) continue;
    const fitted = candidate.fit(y, context);
    if ("model" in fitted) {
      score.chosen = true;
      return fitted.model;
    }
    warnings.push(`${score.model} ranked first but could not be refitted on the full series: ${fitted.reason}`);
  }
  return undefined;
}

export function byScore(key: (s: ModelScore) => number | undefined) {
  return (a: ModelScore, b: ModelScore) => (key(a) ?? Number.POSITIVE_INFINITY) - (key(b) ?? Number.POSITIVE_INFINITY);
}

export function single(
  model: FittedModel,
  candidates: ModelScore[],
  warnings: string[],
  selection: SelectionMethod,
  rule: string,
  name = model.name,
): Selection {
  return { model, candidates, warnings, selection, rule, weights: { [name]: 1 } };
}

/** Candidates' backtest scores as ModelScore rows. */
export function scoreRows(scores: readonly BacktestScore[]): ModelScore[] {
  return scores.map((s) => {
    const score: ModelScore = {
      model: s.model,
      mae: s.mae,
      smape: s.smape,
      coverage80: s.coverage80,
      coverage95: s.coverage95,
      chosen: false,
    };
    if (s.mase !== undefined) score.mase = s.mase;
    if (s.mape !== undefined) score.mape = s.mape;
    return score;
  });
}
