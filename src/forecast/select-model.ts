/**
 * `selectModel`: which selection rule runs on a cleaned series (the option given, else the daily / monthly
 * default), with the fallbacks between them: a constant series, too few rolling origins for a backtest, the
 * equal-weight combination, the holdout, and the naive forecast when nothing else can be fitted.
 */
import { DEFAULT_SEED } from "../defaults.js";
import { runBacktest, defaultRollingOrigin, rollingOrigins } from "./backtest.js";
import { fitNaive } from "./baselines.js";
import {
  COMBINATION,
  candidateByName,
  defaultCandidates,
  type Candidate,
  type CandidateContext,
} from "./candidates.js";
import { holdoutLength, selectByHoldout } from "./holdout.js";
import { seasonalPeriod } from "./periods.js";
import { byScore, refitRanked, scoreRows, single, type Selection } from "./selection-common.js";
import { calibrated, defaultSelection, selectByAicc, selectByEvidence, type ShiftMark } from "./selection-rules.js";
import type { ForecastOptions, ModelScore, TimeSeries } from "./types.js";

/** Fewest rolling origins for which a backtest is preferred to the holdout by default. */
const MIN_BACKTEST_ORIGINS = 3;

function isConstant(y: ArrayLike<number>): boolean {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return false;
  return true;
}

export function selectModel(
  y: Float64Array,
  granularity: TimeSeries["granularity"],
  options: Pick<ForecastOptions, "select" | "models" | "seed">,
  shift?: ShiftMark,
): Selection {
  // The backtest run, if one was, travels with whichever selection came of it (forecast --backtest reuses it).
  const ran: Pick<Selection, "backtest"> = {};
  const selection = selectWith(y, granularity, options, (b) => (ran.backtest = b), shift);
  return ran.backtest ? { ...selection, backtest: ran.backtest } : selection;
}

function selectWith(
  y: Float64Array,
  granularity: TimeSeries["granularity"],
  options: Pick<ForecastOptions, "select" | "models" | "seed">,
  record: (backtest: NonNullable<Selection["backtest"]>) => void,
  shift?: ShiftMark,
): Selection {
  const m = seasonalPeriod(granularity);
  const context: CandidateContext = { m, cache: new Map() };
  const warnings: string[] = [];
  const seed = options.seed ?? DEFAULT_SEED;
  const plan = rollingOrigins(y.length, defaultRollingOrigin(granularity));
  const enoughOrigins = plan.origins.length >= MIN_BACKTEST_ORIGINS;
  const select = options.select ?? defaultSelection(granularity, enoughOrigins);
  if (isConstant(y)) {
    warnings.push(`the series is constant (${y[0]}): forecasting that value with zero-width intervals`);
    return single(fitNaive(y), [{ model: "naive", chosen: true }], warnings, select, "the series is constant");
  }
  const list =
    options.models && options.models.length > 0
      ? options.models.map((name) => candidateByName(name) as Candidate)
      : defaultCandidates(y, m);

  if (select === "aicc") {
    const chosen = selectByAicc(y, m, warnings);
    if (chosen && options.select === undefined && granularity === "day") {
      chosen.rule += `: ${plan.origins.length} rolling origin(s) are too few to choose by backtest (needs ${MIN_BACKTEST_ORIGINS}, i.e. 77 days of history)`;
    }
    if (chosen) return chosen;
  }

  const hasCombination = list.some((c) => c.name === COMBINATION.name);
  // "combination" always uses it; "evidence" falls back to it when the backtest is too thin.
  const combinationDefault = hasCombination && (select === "combination" || (select === "evidence" && !enoughOrigins));
  const combinationRule =
    select === "combination"
      ? "the equal-weight ETS + Theta + damped combination, as requested"
      : `the equal-weight ETS + Theta + damped combination: ${plan.origins.length} rolling origin(s) are too few to choose by (needs ${MIN_BACKTEST_ORIGINS}, i.e. ${granularity === "month" ? "15 months" : "77 days"} of history)`;
  const wantBacktest = select === "backtest" || ((select === "combination" || select === "evidence") && enoughOrigins);
  const preferCombination = (candidates: ModelScore[]): Selection | undefined => {
    if (!combinationDefault) return undefined;
    const fitted = COMBINATION.fit(y, context);
    if (!("model" in fitted)) {
      warnings.push(`the combination could not be fitted (${fitted.reason}); choosing by score instead`);
      return undefined;
    }
    const row = candidates.find((c) => c.model === COMBINATION.name);
    if (row) row.chosen = true;
    else candidates.push({ model: COMBINATION.name, chosen: true });
    return single(fitted.model, candidates, warnings, "combination", combinationRule, COMBINATION.name);
  };
  if (wantBacktest && plan.origins.length > 0) {
    const run = runBacktest(y, list, context, plan, seed);
    record({ candidates: list.map((c) => c.name), plan, seed, run });
    warnings.push(...run.warnings);
    const candidates = scoreRows(run.scores);
    const combined = preferCombination(candidates);
    if (combined) return combined;
    if (select === "evidence") {
      const chosen = selectByEvidence(y, list, context, candidates, run, plan, warnings, shift);
      if (chosen) return chosen;
    }
    const useMase = candidates.every((c) => c.mase !== undefined);
    const ranked = [...candidates].sort(byScore((s) => (useMase ? s.mase : s.smape)));
    const model = refitRanked(y, ranked, list, context, warnings);
    const unit = granularity === "month" ? "months" : "days";
    if (model) {
      // The weights are keyed by the candidate's name ("theta"), as its backtest row, not the fit's ("theta (log)").
      const name = candidates.find((c) => c.chosen)?.model ?? model.name;
      const rule = `the lowest rolling-origin ${useMase ? "MASE" : "sMAPE"} (${plan.origins.length} origins, 1–${plan.horizon} ${unit} ahead)`;
      // Rescaled around the mean, as every calibrated forecast is (selection-rules.ts `calibrated`).
      const cal = calibrated(model, run, { [name]: 1 }, shift);
      const chosen = single(cal.model, candidates, warnings, "backtest", `${rule}; ${cal.note}`, name);
      return {
        ...chosen,
        ...(cal.spread !== undefined ? { spread: cal.spread } : {}),
        ...(cal.calibration ? { calibration: cal.calibration } : {}),
      };
    }
  } else if (select === "backtest") {
    warnings.push(
      `too little history for a rolling-origin backtest (needs ${granularity === "month" ? "13 months" : "57 days"}); using the holdout instead`,
    );
  }

  const outcome = selectByHoldout(y, list, context);
  warnings.push(...outcome.warnings);
  const combined = preferCombination(outcome.scores);
  if (combined) return combined;
  const ranked = [...outcome.scores].sort(byScore((s) => s.mae));
  let model = refitRanked(y, ranked, list, context, warnings);
  const candidates = outcome.scores;
  if (!model) {
    model = fitNaive(y);
    warnings.push("no candidate model could be fitted; falling back to the naive forecast");
    candidates.push({ model: "naive", chosen: true });
  }
  const name = candidates.find((c) => c.chosen)?.model ?? model.name;
  return single(
    model,
    candidates,
    warnings,
    "holdout",
    `the lowest MAE on a holdout of the last ${holdoutLength(y.length)} periods`,
    name,
  );
}
