/**
 * `forecastSeries`: validate, clean (§8), choose a model (holdout, rolling-origin backtest or AICc), refit it on
 * the whole series and report per-period means, intervals, quantiles and seeded sample paths.
 */
import { DEFAULT_SEED } from "../defaults.js";
import { HedgeError } from "../errors.js";
import {
  runBacktest,
  defaultRollingOrigin,
  rollingOrigins,
  type BacktestRun,
  type BacktestScore,
  type RollingOriginPlan,
} from "./backtest.js";
import { mixturePits, spreadFactor, withSpread } from "./calibration.js";
import { fitNaive } from "./baselines.js";
import {
  CANDIDATE_NAMES,
  COMBINATION,
  candidateByName,
  defaultCandidates,
  type Candidate,
  type CandidateContext,
} from "./candidates.js";
import { combineModels } from "./combination.js";
import { DEFAULT_PATHS, modelForecasts, simulatePaths } from "./distribution.js";
import { forecastDrivers } from "./drivers.js";
import { etsModel } from "./ets/model.js";
import { applyEvents, checkEvents, matchFindings, scaledModel, type EventAdjustment } from "./events.js";
import { autoEts } from "./ets/select.js";
import { chooseByEvidence, GUARD_STEPS, MARGIN, type ScoredFit } from "./evidence.js";
import { seasonalFigure } from "./growth.js";
import { holdoutLength, selectByHoldout } from "./holdout.js";
import { knownMean, type FittedModel } from "./model.js";
import { prepareSeries } from "./outliers.js";
import { futurePeriods, periodAt, seasonalPeriod } from "./periods.js";
import type {
  Finding,
  ForecastOptions,
  ForecastProgress,
  ForecastResult,
  ModelScore,
  SelectionMethod,
  TimeSeries,
} from "./types.js";
import { MIN_POINTS, validateSeries } from "./validate.js";
import { blendWithPlan, checkVolumePlan, DEFAULT_PLAN_WEIGHT } from "./volume-plan.js";

/** Fewest rolling origins for which a backtest is preferred to the holdout by default. */
const MIN_BACKTEST_ORIGINS = 3;

export function checkOptions(options: ForecastOptions): void {
  const { horizon, seed, paths, select, outliers } = options;
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new HedgeError("USAGE", `forecast horizon must be a whole number ≥ 1; got ${String(horizon)}`, {
      value: String(horizon),
      expected: "an integer ≥ 1",
    });
  }
  if (seed !== undefined && !Number.isInteger(seed)) {
    throw new HedgeError("USAGE", `seed must be an integer; got ${String(seed)}`, { value: String(seed) });
  }
  if (paths !== undefined && (!Number.isInteger(paths) || paths < 100)) {
    throw new HedgeError("USAGE", `number of sample paths must be an integer ≥ 100; got ${String(paths)}`, {
      value: String(paths),
    });
  }
  if (select !== undefined && !["evidence", "combination", "holdout", "aicc", "backtest"].includes(select)) {
    throw new HedgeError("USAGE", `unknown model selection "${String(select)}"`, {
      value: String(select),
      expected: "evidence, combination, holdout, aicc or backtest",
    });
  }
  if (outliers !== undefined && outliers !== "keep" && outliers !== "interpolate") {
    throw new HedgeError("USAGE", `unknown outlier handling "${String(outliers)}"`, {
      value: String(outliers),
      expected: "keep or interpolate",
    });
  }
  for (const name of options.models ?? []) {
    if (!candidateByName(name)) {
      throw new HedgeError("USAGE", `unknown forecast model "${name}"`, {
        value: name,
        expected: `${CANDIDATE_NAMES.join(", ")}, or an ETS model such as ETS(M,Ad,N)`,
      });
    }
  }
}

function isConstant(y: ArrayLike<number>): boolean {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return false;
  return true;
}

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
}

function refitRanked(
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

function byScore(key: (s: ModelScore) => number | undefined) {
  return (a: ModelScore, b: ModelScore) => (key(a) ?? Number.POSITIVE_INFINITY) - (key(b) ?? Number.POSITIVE_INFINITY);
}

function single(
  model: FittedModel,
  candidates: ModelScore[],
  warnings: string[],
  selection: SelectionMethod,
  rule: string,
  name = model.name,
): Selection {
  return { model, candidates, warnings, selection, rule, weights: { [name]: 1 } };
}

function selectByAicc(y: Float64Array, m: number, warnings: string[]): Selection | undefined {
  const auto = autoEts(y, m, y.length < 6 ? { simpleOnly: true } : {});
  const candidates: ModelScore[] = auto.candidates.map((c) => {
    const score: ModelScore = { model: c.name, chosen: c.fit === auto.best && c.fit !== undefined };
    if (c.fit && Number.isFinite(c.fit.aicc)) score.aicc = c.fit.aicc;
    return score;
  });
  if (!auto.best) {
    warnings.push("no ETS model could be fitted for AICc selection; using the holdout instead");
    return undefined;
  }
  return single(etsModel(auto.best), candidates, warnings, "aicc", "the ETS model with the lowest AICc, as R's ets()");
}

/**
 * The default selection. Monthly series: "evidence", the backtest-weighted choice of evidence.ts (falling back to
 * the equal-weight ETS + Theta + damped combination of §6.2 when the history is too short for three backtest
 * origins). Daily series: "backtest", the candidate with the lowest rolling-origin MASE (FPP3 §5.10), when there
 * are three origins (77 days), else ETS chosen by AICc as R's ets() does. A daily backtest scores each candidate on
 * up to 12 origins × 28 days, so its ranking rests on far more points than a monthly one; combining near-best
 * candidates (the monthly rule) did worse by day, because candidates whose backtest MASE is within 2× of the best
 * (seasonal naive, log-scale trends) still differ widely 8 weeks out. On bench/forecast-accuracy's daily series,
 * over nine hold-out windows of 56 days (the bench's own and earlier ones, printed by the bench), this default
 * scores a mean MASE of 1.80 against 2.21 for AICc ETS, lower in 6 of the 9 (one 70-day window falls back to AICc);
 * the lowest backtest MASE at every window scored 1.74, the monthly evidence rule 2.48.
 */
export function defaultSelection(
  granularity: TimeSeries["granularity"],
  enoughOrigins = true,
): NonNullable<ForecastOptions["select"]> {
  if (granularity === "day") return enoughOrigins ? "backtest" : "aicc";
  return "evidence";
}

const pct1 = (g: number) => `${(g * 100).toFixed(1)}%`;

/** Candidates' backtest scores as ModelScore rows. */
function scoreRows(scores: readonly BacktestScore[]): ModelScore[] {
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

/**
 * Backtest calibration (calibration.ts) of the model made of `weights`: its spread narrowed so that 80% of the
 * backtest actuals would have fallen inside its 80% interval, with the note the rule adds. `log`: narrowed on the
 * log scale (which also lowers the mean of a right-skewed forecast), else around the point forecast on the
 * natural scale (the mean stays put; for κ ≤ 1 a positive path stays positive, a convex mix of it and the mean).
 */
function calibrated(
  model: FittedModel,
  run: BacktestRun,
  weights: Record<string, number>,
  log: boolean,
): { model: FittedModel; spread?: number; note?: string } {
  const pits = mixturePits(run.pits, weights);
  const spread = spreadFactor(pits);
  if (spread === undefined) return { model };
  const note =
    spread < 1
      ? `interval spread × ${spread.toFixed(2)}, so that 80% of the ${pits.length} backtest actuals fall inside the 80% interval`
      : `interval spread kept (at most 80% of the ${pits.length} backtest actuals fell inside the 80% interval; intervals are only ever narrowed)`;
  return {
    model: withSpread(model, spread, log),
    spread,
    note,
  };
}

/** The "evidence" rule on a backtest already run: fit the scored candidates on the whole series and combine. */
function selectByEvidence(
  y: Float64Array,
  list: readonly Candidate[],
  context: CandidateContext,
  candidates: ModelScore[],
  run: BacktestRun,
  plan: RollingOriginPlan,
  warnings: string[],
): Selection | undefined {
  const useMase = candidates.every((c) => c.mase !== undefined);
  const fits: ScoredFit[] = [];
  for (const score of candidates) {
    const candidate = list.find((c) => c.name === score.model);
    const error = useMase ? score.mase : score.smape;
    if (!candidate || error === undefined) continue;
    const fitted = candidate.fit(y, context);
    if ("model" in fitted) fits.push({ name: score.model, error, model: fitted.model });
    else warnings.push(`${score.model} could not be refitted on the full series: ${fitted.reason}`);
  }
  const choice = chooseByEvidence(y, seasonalFigure(y, context.m), fits);
  if (!choice || choice.weights.length === 0) return undefined;
  const measure = useMase ? "MASE" : "sMAPE";
  const weights: Record<string, number> = {};
  for (const w of choice.weights) {
    weights[w.name] = w.weight;
    const row = candidates.find((c) => c.model === w.name);
    if (row) row.chosen = true;
  }
  const parts = choice.weights;
  const combined =
    parts.length === 1
      ? (parts[0] as (typeof parts)[number]).model
      : combineModels(
          `weighted(${parts.map((p) => p.name).join(", ")})`,
          parts.map((p) => p.model),
          parts.map((p) => p.weight),
        );
  const { model, spread, note } = calibrated(
    combined,
    run,
    weights,
    y.every((v) => v > 0),
  );
  let rule =
    `candidates with a rolling-origin ${measure} at most ${1 + MARGIN}× the best ` +
    `(${plan.origins.length} origins, 1–${plan.horizon} months ahead), weighted by 1/${measure}`;
  if (choice.guarded.length > 0 && choice.recent !== undefined && choice.longRun !== undefined) {
    rule +=
      `; growth guard: recent growth ${pct1(choice.recent)}/month is below the long-run ${pct1(choice.longRun)}/month, ` +
      `so ${choice.guarded.map((g) => `${g.name} (${pct1(g.growth)}/month at ${GUARD_STEPS} months)`).join(", ")} left out`;
  }
  if (note) rule += `; ${note}`;
  return {
    model,
    candidates,
    warnings,
    selection: "evidence",
    rule,
    weights,
    ...(spread !== undefined ? { spread } : {}),
  };
}

export function selectModel(
  y: Float64Array,
  granularity: TimeSeries["granularity"],
  options: Pick<ForecastOptions, "select" | "models" | "seed">,
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
    warnings.push(...run.warnings);
    const candidates = scoreRows(run.scores);
    const combined = preferCombination(candidates);
    if (combined) return combined;
    if (select === "evidence") {
      const chosen = selectByEvidence(y, list, context, candidates, run, plan, warnings);
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
      // On the natural scale: on bench/forecast-accuracy's nine daily hold-out windows (the backtest choice at each),
      // the log-scale narrowing of the evidence rule moved the single model's mean and raised its mean MASE from 1.74
      // to 1.82; around the mean it stays 1.74, and 80% coverage goes from 0.96 to 0.88 either way.
      const cal = calibrated(model, run, { [name]: 1 }, false);
      const chosen = single(
        cal.model,
        candidates,
        warnings,
        "backtest",
        cal.note ? `${rule}; ${cal.note}` : rule,
        name,
      );
      return cal.spread !== undefined ? { ...chosen, spread: cal.spread } : chosen;
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

/**
 * Outages and level shifts in the daily data behind a monthly series (§8: monthly totals themselves are too short
 * and too smooth to screen), reported only: a month's total includes what was used on an outage day.
 */
function dailyFindings(series: TimeSeries, daily: TimeSeries | undefined): Finding[] {
  if (series.granularity !== "month" || !daily || daily.granularity !== "day") return [];
  validateSeries(daily);
  const screened = prepareSeries(daily.values, { granularity: "day", start: daily.start, m: 7, mode: "keep" });
  return screened.findings
    .filter((f) => f.kind === "level-shift" || f.kind === "outage")
    .map((f) => ({ ...f, message: `daily data: ${f.message}` }));
}

/** Validate, apply the events, clean and select. `series` in the result is the one fitted (events applied). */
export function prepareAndSelect(
  input: TimeSeries,
  options: ForecastOptions,
): Selection & {
  findings: Finding[];
  values: Float64Array;
  offset: number;
  series: TimeSeries;
  events?: EventAdjustment;
} {
  validateSeries(input);
  checkOptions(options);
  let series = input;
  let events: EventAdjustment | undefined;
  if (options.events && options.events.length > 0) {
    checkEvents(options.events);
    events = applyEvents(input, options.events, options.dailyHistory);
    series = events.series;
    validateSeries(series);
  }
  const m = seasonalPeriod(series.granularity);
  const prepared = prepareSeries(series.values, {
    granularity: series.granularity,
    start: series.start,
    m,
    mode: options.outliers ?? (series.granularity === "day" ? "interpolate" : "keep"),
  });
  if (prepared.values.length < MIN_POINTS) {
    throw new HedgeError(
      "SERIES_TOO_SHORT",
      `after dropping ${prepared.offset} leading zero(s) only ${prepared.values.length} period(s) of usage remain; a forecast needs ${MIN_POINTS}`,
      { expected: `≥ ${MIN_POINTS} periods with usage` },
    );
  }
  const selection = selectModel(prepared.values, series.granularity, options);
  const detected = [...prepared.findings, ...dailyFindings(series, options.dailyHistory)];
  const findings = options.events && options.events.length > 0 ? matchFindings(detected, options.events) : detected;
  for (const f of findings) if (f.kind === "level-shift" && f.event !== true) selection.warnings.push(f.message);
  if (events) selection.warnings.push(...events.warnings);
  return {
    ...selection,
    findings,
    values: prepared.values,
    offset: prepared.offset,
    series,
    ...(events ? { events } : {}),
  };
}

export function forecastSeries(input: TimeSeries, options: ForecastOptions): ForecastResult {
  if (options.volumePlan) {
    if (input.granularity !== "month") {
      throw new HedgeError("USAGE", "a volume plan (months and tokens) applies to monthly forecasts", {
        value: "--period day",
        expected: "a monthly forecast",
        hint: "drop --period day, or drop --volume-plan",
      });
    }
    checkVolumePlan(options.volumePlan);
  }
  const chosen = prepareAndSelect(input, options);
  options.onProgress?.({ stage: "select", done: 1, total: 1 });
  const series = chosen.series;
  const seed = options.seed ?? DEFAULT_SEED;
  const pathCount = options.paths ?? DEFAULT_PATHS;
  const horizon = options.horizon;
  const periods = futurePeriods(series, horizon);
  let model = chosen.model;
  // Growth in the drivers is the statistical forecast's own: a known launch or a plan is a step, not a trend.
  const statisticalModel = model;
  const warnings: string[] = [];
  if (chosen.events) {
    const factor = chosen.events.factor;
    if (chosen.events.applied.some((e) => e.effect === "forecast")) model = scaledModel(model, factor);
  }
  let blend: ReturnType<typeof blendWithPlan> | undefined;
  if (options.volumePlan) {
    const statistical = model;
    const lastMonth = periodAt("month", series.start, series.values.length - 1);
    blend = blendWithPlan(statistical, options.volumePlan, lastMonth, (h) =>
      Float64Array.from(modelForecasts(statistical, futurePeriods(series, h), seed, pathCount), (p) => p.mean),
    );
    model = blend.model;
    warnings.push(...blend.warnings);
    const lastPlan = blend.months[blend.months.length - 1];
    if (lastPlan && periods.length > 0 && (periods[periods.length - 1] as string) > lastPlan.month) {
      warnings.push(
        `the volume plan ends at ${lastPlan.month}: later months (to ${periods[periods.length - 1]}) are the statistical forecast alone`,
      );
    }
  }
  const points = modelForecasts(model, periods, seed, pathCount, options.onProgress);
  const drivers = forecastDrivers({
    y: chosen.values,
    granularity: series.granularity,
    start: periodAt(series.granularity, series.start, chosen.offset),
    m: seasonalPeriod(series.granularity),
    model: statisticalModel,
    horizon,
    findings: chosen.findings,
    rule: chosen.rule,
    weights: chosen.weights,
    candidates: chosen.candidates,
    ...(chosen.events ? { events: chosen.events.applied } : {}),
    ...(blend ? { blend: blend.months } : {}),
  });
  return {
    model: model.name,
    granularity: series.granularity,
    points,
    candidates: chosen.candidates,
    warnings: [...chosen.warnings, ...warnings, ...drivers.warnings],
    findings: chosen.findings,
    selection: chosen.selection,
    rule: chosen.rule,
    weights: chosen.weights,
    ...(chosen.spread !== undefined ? { spread: chosen.spread } : {}),
    drivers,
    ...(chosen.events ? { events: chosen.events.applied } : {}),
    ...(blend && options.volumePlan
      ? {
          volumePlan: {
            ...(options.volumePlan.file !== undefined ? { file: options.volumePlan.file } : {}),
            defaultWeight: options.volumePlan.weight ?? DEFAULT_PLAN_WEIGHT,
            months: blend.months,
          },
        }
      : {}),
    seed,
    exactMeans: (steps: number) => knownMean(model, steps),
    samplePaths: (count: number, pathSeed?: number) => simulatePaths(model, horizon, count, pathSeed ?? seed),
    simulate: (steps: number, count: number, pathSeed?: number, onProgress?: (progress: ForecastProgress) => void) =>
      simulatePaths(model, steps, count, pathSeed ?? seed, onProgress),
  };
}
