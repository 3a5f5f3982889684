/**
 * Model selection on a holdout: fit every candidate on all but the last k observations, score the k-step
 * forecasts by MAE (MAPE, sMAPE and MASE reported alongside), and pick the lowest MAE (ties: the earlier, simpler
 * candidate). FPP3 §5.8 (training and test sets).
 */
import { accuracy, maseScale } from "./accuracy.js";
import type { Candidate, CandidateContext } from "./candidates.js";
import type { ModelScore } from "./types.js";

/** k = min(6, ⌊n/4⌋), at least 1. */
export function holdoutLength(n: number): number {
  return Math.max(1, Math.min(6, Math.floor(n / 4)));
}

export interface HoldoutOutcome {
  scores: ModelScore[];
  /** Name of the winner, undefined if no candidate could be scored. */
  best: string | undefined;
  warnings: string[];
}

export function selectByHoldout(
  y: Float64Array,
  candidates: readonly Candidate[],
  context: CandidateContext,
): HoldoutOutcome {
  const n = y.length;
  const k = holdoutLength(n);
  const train = y.subarray(0, n - k);
  const test = y.subarray(n - k);
  const scale = maseScale(train, train.length >= 2 * context.m ? context.m : 1);
  const scores: ModelScore[] = [];
  const warnings: string[] = [];
  let best: string | undefined;
  let bestMae = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const result = candidate.fit(train, context);
    if (!("model" in result)) {
      warnings.push(`${candidate.name} not scored on the ${k}-point holdout: ${result.reason}`);
      continue;
    }
    const acc = accuracy(test, result.model.pointForecast(k), scale);
    const score: ModelScore = { model: candidate.name, mae: acc.mae, smape: acc.smape, chosen: false };
    if (acc.mape !== undefined) score.mape = acc.mape;
    if (acc.mase !== undefined) score.mase = acc.mase;
    scores.push(score);
    if (acc.mae < bestMae) {
      bestMae = acc.mae;
      best = candidate.name;
    }
  }
  return { scores, best, warnings };
}
