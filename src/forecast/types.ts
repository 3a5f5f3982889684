/**
 * Public data types of the forecasting core. The rest of the product imports them through index.ts only.
 */

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

/** How the model is chosen. */
export type SelectionMethod = "holdout" | "aicc" | "backtest";

export interface ForecastOptions {
  /** Number of periods to forecast after the last observation (≥ 1). */
  horizon: number;
  /** Seed of the pseudo-random generator used for sample paths (default 42). */
  seed?: number;
  /** Model selection: hold out the last few points and score by MAE (default), AICc among ETS models, or
   * rolling-origin backtest by MASE. */
  select?: SelectionMethod;
  /** Restrict the candidate models (names as in ModelScore.model). */
  models?: string[];
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
  /** `n` seeded sample paths of the future, each a Float64Array of length `horizon`. */
  samplePaths(n: number, seed?: number): Float64Array[];
}
