/**
 * `forecastSeries`: validate, clean (§8), choose a model (holdout, rolling-origin backtest or AICc), refit it on
 * the whole series and report per-period means, intervals, quantiles and seeded sample paths.
 */
import { DEFAULT_SEED } from "../defaults.js";
import { HedgeError } from "../errors.js";
import { DEFAULT_PATHS, modelForecasts, simulatePaths } from "./distribution.js";
import { forecastDrivers } from "./drivers.js";
import { applyEvents, checkEvents, matchFindings, scaledModel, type EventAdjustment } from "./events.js";
import { checkOptions } from "./forecast-options.js";
import { knownMean } from "./model.js";
import { prepareSeries } from "./outliers.js";
import { futurePeriods, periodAt, seasonalPeriod } from "./periods.js";
import { selectModel } from "./select-model.js";
import type { ShiftMark } from "./selection-rules.js";
import { dayToEpochDays, monthIndex, monthOfDay } from "../time/period.js";
import type { Selection } from "./selection-common.js";
import type { Finding, ForecastOptions, ForecastProgress, ForecastResult, TimeSeries } from "./types.js";
import { MIN_POINTS, validateSeries } from "./validate.js";
import { blendWithPlan, checkVolumePlan, DEFAULT_PLAN_WEIGHT } from "./volume-plan.js";

// Parts of the automatic forecast that live in their own files, still importable from here.
export { checkOptions } from "./forecast-options.js";
export { selectModel } from "./select-model.js";
export type { Selection } from "./selection-common.js";
export { defaultSelection } from "./selection-rules.js";

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

/**
 * The latest level shift found and not accounted for by an event, as the first period of the cleaned series at the
 * new level: a shift found on a day of a monthly series starts the month after (that month is part old, part new)
 * unless it falls on the 1st. Undefined when there is none inside the series.
 */
export function latestShift(
  findings: readonly Finding[],
  series: TimeSeries,
  offset: number,
  length: number,
): ShiftMark | undefined {
  let mark: ShiftMark | undefined;
  for (const f of findings) {
    if (f.kind !== "level-shift" || f.event === true) continue;
    let index: number;
    if (series.granularity === "day") index = dayToEpochDays(f.start) - dayToEpochDays(series.start);
    else {
      const month = f.start.length > 7 ? monthOfDay(f.start) : f.start;
      index = monthIndex(month) - monthIndex(series.start) + (f.start.length > 7 && !f.start.endsWith("-01") ? 1 : 0);
    }
    index -= offset;
    if (index <= 0 || index >= length) continue;
    if (!mark || index > mark.index) mark = { index, label: f.start };
  }
  return mark;
}

/** Validate, apply the events, clean and select. `series` in the result is the one fitted (events applied). */
export function prepareAndSelect(
  input: TimeSeries,
  options: ForecastOptions,
): Selection & {
  findings: Finding[];
  /** The findings of screening the (events-applied) series itself, as a backtest of it reports them. */
  screened: Finding[];
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
  const detected = [...prepared.findings, ...dailyFindings(series, options.dailyHistory)];
  const findings = options.events && options.events.length > 0 ? matchFindings(detected, options.events) : detected;
  const shift = latestShift(findings, series, prepared.offset, prepared.values.length);
  const selection = selectModel(prepared.values, series.granularity, options, shift);
  for (const f of findings) if (f.kind === "level-shift" && f.event !== true) selection.warnings.push(f.message);
  if (events) selection.warnings.push(...events.warnings);
  return {
    ...selection,
    findings,
    screened: prepared.findings,
    values: prepared.values,
    offset: prepared.offset,
    series,
    ...(events ? { events } : {}),
  };
}

export function forecastSeries(input: TimeSeries, options: ForecastOptions): ForecastResult {
  return forecastAndSelection(input, options).result;
}

/** The forecast and the selection it came from (forecast-backtest.ts reuses the selection's backtest). */
export function forecastAndSelection(
  input: TimeSeries,
  options: ForecastOptions,
): { result: ForecastResult; chosen: ReturnType<typeof prepareAndSelect> } {
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
  const result: ForecastResult = {
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
    ...(chosen.calibration ? { calibration: chosen.calibration } : {}),
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
  return { result, chosen };
}
