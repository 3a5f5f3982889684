/**
 * Public API of the forecasting core. Other parts of tokenhedge import from this file only.
 */
export type {
  AppliedEvent,
  BlendMonth,
  ForecastEvent,
  VolumePlan,
  Finding,
  ForecastDrivers,
  ForecastOptions,
  ForecastProgress,
  ForecastResult,
  Granularity,
  IntervalCalibration,
  ModelScore,
  OutlierMode,
  PeriodForecast,
  Quantiles,
  SelectionMethod,
  TimeSeries,
} from "./types.js";
export { forecastSeries } from "./forecast-series.js";
export { DEFAULT_SEED } from "../defaults.js";
export {
  forecastMonthlyFromDaily,
  monthlyFromForecast,
  monthlyTotals,
  type MonthlyForecast,
  type MonthlyFromDailyOptions,
  type PartialMonth,
} from "./monthly.js";
export { backtest, type BacktestOptions, type BacktestReport } from "./backtest-api.js";
export { forecastWithBacktest } from "./forecast-backtest.js";
export type { BacktestScore } from "./backtest.js";
export { accuracy, maseScale, type Accuracy } from "./accuracy.js";
export { Rng, createRng } from "../stats/random.js";
export { DEFAULT_PATHS } from "./distribution.js";
export { DEFAULT_PLAN_WEIGHT } from "./volume-plan.js";
export { parseEventsFile } from "./input/events-file.js";
export { parseVolumePlanFile } from "./input/volume-plan-file.js";
