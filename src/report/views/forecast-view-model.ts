/**
 * The `forecast` view model and the helpers every rendering of it shares: the view itself (and the one `plan` and
 * `demo` build from an exposure forecast), rounding and number formatting at the view's decimals, period labels,
 * percentage cells, the backtest's note and word wrapping. The renderings: forecast-document.ts (JSON, CSV,
 * warnings, findings), forecast-tables.ts, forecast-chart.ts and forecast.ts (the human text).
 */
import type { BacktestReport, Granularity, MonthlyForecast, TimeSeries, ForecastResult } from "../../forecast/index.js";
import { DEFAULT_PATHS } from "../../forecast/index.js";
import type { ExposureForecast } from "../../hedge/exposure.js";
import { addDays, addMonths } from "../../time/period.js";
import { fmtInt } from "../render/format.js";

export interface ForecastView {
  /** The input file as the user named it. */
  file?: string;
  /** A usage export, or a plain `period,value` series file. */
  source: "usage" | "series";
  /** "tokens" for usage files; a series file's unit is unknown. */
  unit?: string;
  /** Digits kept after the decimal point in outputs: 0 for token counts. */
  decimals: number;
  /** The series that was forecast (monthly totals or daily values). */
  history: TimeSeries;
  /** Partly covered months left out of a monthly fit. */
  excluded: string[];
  result: ForecastResult;
  /** Sample paths behind simulated quantiles. */
  paths: number;
  /** Daily forecasts only: monthly totals from the daily sample paths. */
  monthly?: MonthlyForecast;
  backtest?: BacktestReport;
}

/** The view of the monthly exposure forecast that `plan` and `demo` compute from a usage file. */
export function exposureForecastView(e: ExposureForecast): ForecastView {
  return {
    source: "usage",
    unit: "tokens",
    decimals: 0,
    history: { granularity: "month", start: e.history.start, values: e.history.values },
    excluded: e.history.excluded,
    result: e.forecast,
    paths: DEFAULT_PATHS,
  };
}

export function isExposure(v: ForecastView | ExposureForecast): v is ExposureForecast {
  return "months" in v && "forecast" in v;
}

/** Round to the view's decimals; -0 becomes 0. */
export function rounder(decimals: number): (v: number) => number {
  const scale = 10 ** decimals;
  return (v) => (decimals === 0 ? Math.round(v) : Math.round(v * scale) / scale) + 0;
}

export function formatter(decimals: number): (v: number) => string {
  if (decimals === 0) return (v) => fmtInt(Math.round(v));
  const f = new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return (v) => f.format(v);
}

export function periodLabel(g: Granularity, start: string, i: number): string {
  return g === "month" ? addMonths(start, i) : addDays(start, i);
}

export const pct = (v: number | undefined, digits = 1): string =>
  v === undefined || !Number.isFinite(v) ? "–" : `${(v * 100).toFixed(digits)}%`;
export const dec = (v: number | undefined, digits: number): string =>
  v === undefined || !Number.isFinite(v) ? "–" : v.toFixed(digits);

export function backtestNote(b: BacktestReport, g: Granularity): string {
  const unit = g === "month" ? "month" : "day";
  const span = b.origins.length > 1 ? `${b.origins[0]} … ${b.origins[b.origins.length - 1]}` : (b.origins[0] ?? "");
  return (
    `rolling-origin evaluation: forecasts of 1–${b.horizon} ${unit}s from ${b.origins.length} origin(s) (training ending ${span}), ` +
    "scored against what followed; coverage is the share of actuals inside the 80% / 95% intervals. " +
    "Figures from so few origins are noisy: treat small differences between models as ties."
  );
}

export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(indent + line);
  return lines.join("\n");
}
