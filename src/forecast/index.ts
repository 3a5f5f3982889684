/**
 * Public API of the forecasting core. Other parts of tokenhedge import from this file only.
 */
export type {
  Finding,
  ForecastDrivers,
  ForecastOptions,
  ForecastProgress,
  ForecastResult,
  Granularity,
  ModelScore,
  OutlierMode,
  PeriodForecast,
  Quantiles,
  SelectionMethod,
  TimeSeries,
} from "./types.js";
export { forecastSeries, DEFAULT_SEED } from "./forecast-series.js";
export {
  forecastMonthlyFromDaily,
  monthlyFromForecast,
  monthlyTotals,
  type MonthlyForecast,
  type MonthlyFromDailyOptions,
  type PartialMonth,
} from "./monthly.js";
export { backtest, type BacktestOptions, type BacktestReport } from "./backtest-api.js";
export type { BacktestScore } from "./backtest.js";
export { accuracy, maseScale, type Accuracy } from "./accuracy.js";
export { Rng, createRng } from "./random.js";
export { normalQuantile, normalCdf } from "./normal.js";
export { quantileSorted, quantiles } from "./quantile.js";
export { DEFAULT_PATHS } from "./distribution.js";
