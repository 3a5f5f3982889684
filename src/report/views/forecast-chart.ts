/**
 * `forecast`'s fan chart: the recent history and the forecast's intervals, sized to the terminal, in braille and
 * blocks or plain ASCII as the CLI decides.
 */
import type { Granularity } from "../../forecast/index.js";
import { renderFanChart } from "../render/fan-chart.js";
import { periodLabel, type ForecastView } from "./forecast-view-model.js";

/** History shown in the chart: enough to see the trend and a few seasons, not years of daily data. */
function chartHistoryLength(g: Granularity, n: number, horizon: number): number {
  return Math.min(n, g === "month" ? Math.max(36, 2 * horizon) : Math.max(182, 2 * horizon));
}

/** Most characters a chart line takes when the terminal is wider (or its width unknown). */
export const CHART_WIDTH = 72;
export const CHART_HEIGHT = 13;

/** How the terminal draws charts: braille and blocks or plain ASCII, and its width when known (the CLI decides). */
export interface ChartStyle {
  unicode: boolean;
  columns?: number;
}

export function forecastChart(view: ForecastView, colour: boolean, style: ChartStyle = { unicode: false }): string {
  const { history, result } = view;
  const g = history.granularity;
  const n = history.values.length;
  const shown = chartHistoryLength(g, n, result.points.length);
  const labels = [
    ...Array.from({ length: shown }, (_, i) => periodLabel(g, history.start, n - shown + i)),
    ...result.points.map((p) => p.period),
  ];
  return renderFanChart(
    { history: history.values.slice(n - shown), forecast: result.points, labels },
    {
      width: Math.max(30, Math.min(CHART_WIDTH, style.columns ?? CHART_WIDTH)),
      height: CHART_HEIGHT,
      colour,
      unicode: style.unicode,
      yUnit: view.unit === "tokens" ? "tokens" : "number",
      // Daily data: whole weeks per point, so the weekly pattern averages out instead of aliasing.
      bucketMultiple: g === "day" ? 7 : 1,
      periodName: g,
    },
  );
}
