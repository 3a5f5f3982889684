/**
 * Public data types of the forecasting core. The rest of the product imports them through index.ts only.
 */
import type { SpreadCalibration } from "./spread-calibration.js";

export type Granularity = "day" | "month";

export interface TimeSeries {
  granularity: Granularity;
  /** First period: "YYYY-MM" for monthly, "YYYY-MM-DD" for daily series. */
  start: string;
  /** One value per consecutive period, no gaps. */
  values: number[];
}

export interface Quantiles {
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
}

export interface PeriodForecast {
  /** "YYYY-MM" or "YYYY-MM-DD". */
  period: string;
  /** Mean of the forecast distribution (clamped at 0). */
  mean: number;
  /** 80% central interval = [P10, P90]. */
  lo80: number;
  hi80: number;
  /** 95% central interval = [P2.5, P97.5]. */
  lo95: number;
  hi95: number;
  quantiles: Quantiles;
}

export interface ModelScore {
  /** "holt-damped", "seasonal-naive", "naive", "drift", "ETS(M,Ad,N)", "theta", "combination" … */
  model: string;
  mae?: number;
  mape?: number;
  mase?: number;
  smape?: number;
  aicc?: number;
  coverage80?: number;
  coverage95?: number;
  chosen: boolean;
}

/** How the model is chosen. "evidence" (the monthly default) combines the candidates whose rolling-origin
 * backtest error is near the best, weighted by it (see evidence.ts); "combination" always forecasts with the
 * equal-weight ETS + Theta + damped combination of docs/METHODOLOGY.md §2 and scores the other candidates only for
 * the report. */
export type SelectionMethod = "evidence" | "combination" | "holdout" | "aicc" | "backtest";

/**
 * Backtest calibration of the intervals (spread-calibration.ts): the pooled and per-step spread factors and their
 * evidence; `after` the level shift whose later origins alone were used.
 */
export interface IntervalCalibration extends SpreadCalibration {
  after?: string;
}

/** What to do with detected outage days (docs/METHODOLOGY.md §2). */
export type OutlierMode = "keep" | "interpolate";

/** A data-quality observation about the input series, and what was done about it. */
export interface Finding {
  kind: "leading-zeros" | "outage" | "spike" | "level-shift" | "zero-usage";
  /** First and last period concerned. */
  start: string;
  end: string;
  /** Number of periods concerned. */
  count: number;
  /** What was done: dropped (leading zeros), interpolated (outages), or only flagged. */
  action: "dropped" | "interpolated" | "flagged";
  message: string;
  /** Set when the events file accounts for it (a launch, migration or outage it names). */
  event?: boolean;
}

export interface ForecastOptions {
  /** Number of periods to forecast after the last observation (≥ 1). */
  horizon: number;
  /** Seed of the pseudo-random generator used for sample paths (default 42). */
  seed?: number;
  /** Model selection. "evidence" (monthly default): combine the candidates whose rolling-origin MASE is at most twice
   * the best, weighted by 1/MASE, leaving out runaway growth on decelerating series (the equal-weight
   * combination when fewer than three backtest origins exist). "combination": forecast with the equal-weight
   * ETS + Theta + damped combination (§6) and score the other candidates for comparison. "backtest": pick the lowest
   * rolling-origin MASE. "holdout": pick the lowest MAE on the last min(6, n/4) points. "aicc": automatic ETS by
   * AICc, as R's ets(). */
  select?: SelectionMethod;
  /** Restrict the candidate models: "naive", "seasonal-naive", "drift", "drift-log", "holt-damped", "ets",
   * "log-ets", "damped", "theta", "combination", or an explicit ETS model such as "ETS(M,Ad,N)". */
  models?: string[];
  /** Outage handling: "interpolate" (default for daily series) replaces detected outage days; "keep" (default for
   * monthly series) only reports them. Spikes and level shifts are always only reported. */
  outliers?: OutlierMode;
  /** Simulated paths used for quantiles of models without closed-form intervals (default 5000). */
  paths?: number;
  /** Monthly series only: the daily series behind it. It is screened for outages and level shifts, which are
   * reported with the monthly forecast (findings, drivers); the monthly fit does not change. */
  dailyHistory?: TimeSeries;
  /** Launches, outages and migrations the team knows of (events.ts): outages are left out of the fit, history
   * launches and migrations are a known level shift, future ones scale the forecast by their uplift. */
  events?: ForecastEvent[];
  /** A top-down volume plan blended with (or, at weight 1, overriding) the monthly forecast (volume-plan.ts). */
  volumePlan?: VolumePlan;
  /** Told how far the forecast has got (for a progress display; the forecast does not depend on it). */
  onProgress?: (progress: ForecastProgress) => void;
}

/**
 * Progress of a forecast: the model chosen ("select", reported once, when the selection is done), then the sample
 * paths drawn ("paths": done of total paths) and their quantiles taken ("quantiles": done of total periods).
 */
export interface ForecastProgress {
  stage: "select" | "paths" | "quantiles";
  done: number;
  total: number;
}

/** A known event (`--events FILE`, `events:` in the config). */
export interface ForecastEvent {
  kind: "launch" | "outage" | "migration";
  /** First day concerned, YYYY-MM-DD. */
  date: string;
  /** Outages: last day concerned (inclusive), YYYY-MM-DD; default the first. */
  end?: string;
  /** Expected level afterwards as a factor of the level before (1.3 = +30%). */
  uplift?: number;
  note?: string;
  /** Where it was read, e.g. "events.csv:3", for messages. */
  source?: string;
}

/** What was done with an event. */
export interface AppliedEvent {
  kind: ForecastEvent["kind"];
  date: string;
  end?: string;
  uplift?: number;
  note?: string;
  /** excluded: outage left out of the fit; level-shift: history before it scaled by the uplift; fit-after: the fit
   * starts at it; forecast: the forecast scaled from it on; ignored: nothing done (see text). */
  effect: "excluded" | "level-shift" | "fit-after" | "forecast" | "ignored";
  text: string;
}

/** A top-down volume plan: tokens per month, each with an optional weight (default `weight`, else 0.5). */
export interface VolumePlan {
  months: { month: string; tokens: number; weight?: number }[];
  weight?: number;
  file?: string;
}

/** One plan month blended: mean = weight · plan + (1 − weight) · statistical. */
export interface BlendMonth {
  month: string;
  plan: number;
  statistical: number;
  weight: number;
  mean: number;
}

/** What drives a forecast (see drivers.ts). Growth figures are per period (0.04 = 4% a month), null when not
 * measurable. */
export interface ForecastDrivers {
  growth: {
    /** History, seasonally adjusted: the last six periods, and the whole history. */
    lastSixPeriods: number | null;
    longRun: number | null;
    /** Implied by the forecast: from the last observation to the first forecast period, and at the horizon end. */
    now: number | null;
    horizonEnd: number | null;
  };
  seasonality: {
    seasonal: boolean;
    /** Highest and lowest season (month name or weekday) and their factors on the average period. */
    peak?: string;
    peakFactor?: number;
    trough?: string;
    troughFactor?: number;
    text: string;
  };
  /** Periods where a level shift or an outage was found. */
  levelShifts: string[];
  outages: string[];
  /** Why this model: the models used, their weights and scores, and the rule. */
  why: string;
  /** All of the above in one paragraph. */
  sentence: string;
  /** Growth warnings (also in ForecastResult.warnings). */
  warnings: string[];
}

export interface ForecastResult {
  /** The chosen model's name. */
  model: string;
  granularity: Granularity;
  /** `horizon` periods following the last observation. */
  points: PeriodForecast[];
  /** Every model tried, with its selection score. */
  candidates: ModelScore[];
  /** Human-readable caveats, e.g. a fallback to a simpler model and why. */
  warnings: string[];
  /** Data-quality findings (leading zeros dropped, outages, spikes, level shifts, zero usage). */
  findings: Finding[];
  /** The selection method actually used (a requested backtest falls back to the holdout on short series). */
  selection: SelectionMethod;
  /** The rule that chose the model, in words, and the weight of each candidate used (summing to 1). */
  rule: string;
  weights: Record<string, number>;
  /** Spread factor applied to the intervals by backtest calibration, when one was (beyond the backtest's horizon;
   * each step's own is in `calibration.byHorizon`). */
  spread?: number;
  /** How the spread factors were estimated from the backtest, when they were. */
  calibration?: IntervalCalibration;
  drivers: ForecastDrivers;
  /** The events given and what was done with each (absent without events). */
  events?: AppliedEvent[];
  /** The volume plan's blend, month by month (absent without a plan). */
  volumePlan?: { file?: string; defaultWeight: number; months: BlendMonth[] };
  /** The seed used for sample paths and simulated quantiles. */
  seed: number;
  /** `n` seeded sample paths of the future, each a Float64Array of length `horizon`. */
  samplePaths(n: number, seed?: number): Float64Array[];
  /**
   * The means at steps 1..horizon when the model knows them without simulation (closed form or exact mean, as the
   * points' means), else undefined: monthly totals of a daily forecast then sum these rather than path means.
   */
  exactMeans?(horizon: number): Float64Array | undefined;
  /** `n` sample paths of any length from the same fit (path i is the same as in samplePaths, extended). */
  simulate(
    horizon: number,
    n: number,
    seed?: number,
    onProgress?: (progress: ForecastProgress) => void,
  ): Float64Array[];
}
