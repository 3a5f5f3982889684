/**
 * Public API of the forecasting core. Other parts of tokenhedge import from this file only.
 */
export type {
  ForecastOptions,
  ForecastResult,
  Granularity,
  ModelScore,
  PeriodForecast,
  Quantiles,
  SelectionMethod,
  TimeSeries,
} from "./types.js";
export { forecastSeries, DEFAULT_SEED } from "./forecast-series.js";
export { Rng, createRng } from "./random.js";
export { normalQuantile, normalCdf } from "./normal.js";
export { quantileSorted, quantiles } from "./quantile.js";
