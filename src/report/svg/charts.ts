/**
 * The report's four charts, drawn from the report model: usage history with the forecast fan, the
 * futures curve, contracts per delivery month, and the hedged vs unhedged cost distribution (or,
 * without a simulation, hedged vs unhedged cost across the price shocks of the scenario grid).
 */
import type { Markup } from "../html/escape.js";
import type { ReportModel } from "../views/report.js";
import { barChart } from "./bar-chart.js";
import { lineChart } from "./line-chart.js";

export const COLOURS = {
  actual: "#1f4e79",
  forecast: "#1f4e79",
  band80: "rgba(46, 117, 182, 0.35)",
  band95: "rgba(46, 117, 182, 0.15)",
  curve: "#7b3f00",
  contracts: "#2e7d32",
  unhedged: "#9e9e9e",
  hedged: "#b45f06",
} as const;

/** Billions of tokens on an axis: "80 B". */
export function axisBillions(v: number): string {
  const b = v / 1e9;
  return `${Number(b.toFixed(Math.abs(b) < 10 && b !== Math.round(b) ? 1 : 0))} B`;
}

/** Money on an axis: "$1.5M", "$250k". */
export function axisMoney(v: number): string {
  const a = Math.abs(v);
  const sign = v < 0 ? "-" : "";
  if (a >= 1e6) return `${sign}$${Number((a / 1e6).toFixed(2))}M`;
  if (a >= 1e3) return `${sign}$${Number((a / 1e3).toFixed(1))}k`;
  return `${sign}$${Number(a.toFixed(2))}`;
}

export function usageChart(m: ReportModel): Markup {
  // The fan starts at the last actual month so that the line and the bands join the history; only the chart
  // joins them (the rows, as the JSON and CSV carry them, have no forecast in a month that has an actual).
  let lastActual = -1;
  m.usage.rows.forEach((r, i) => {
    if (r.actual !== null) lastActual = i;
  });
  const rows = m.usage.rows.map((r, i) =>
    i === lastActual ? { ...r, mean: r.actual, lo80: r.actual, hi80: r.actual, lo95: r.actual, hi95: r.actual } : r,
  );
  return lineChart({
    id: "chart-usage",
    title: "Monthly index tokens: history and forecast",
    description: `Actual monthly tokens ${rows[0]?.month ?? ""} to ${m.usage.lastDay.slice(0, 7)}, then the ${m.usage.model} forecast mean with 80% and 95% intervals.`,
    categories: rows.map((r) => r.month),
    series: [
      { name: "actual", values: rows.map((r) => r.actual), colour: COLOURS.actual },
      { name: "forecast mean", values: rows.map((r) => r.mean), colour: COLOURS.forecast, dashed: true },
    ],
    bands: [
      { name: "95% interval", lower: rows.map((r) => r.lo95), upper: rows.map((r) => r.hi95), colour: COLOURS.band95 },
      { name: "80% interval", lower: rows.map((r) => r.lo80), upper: rows.map((r) => r.hi80), colour: COLOURS.band80 },
    ],
    yTitle: "tokens per month",
    yFormat: axisBillions,
    includeZero: true,
  });
}

export function curveChart(m: ReportModel): Markup {
  const unit = m.plan.contract.quoteUnit;
  return lineChart({
    id: "chart-curve",
    title: `Futures curve (${unit})`,
    description: `Futures price by delivery month from ${m.curve.file}: ${m.curve.shape}.`,
    categories: m.curve.points.map((p) => p.month),
    series: [
      {
        name: `futures price, ${unit}`,
        values: m.curve.points.map((p) => p.price),
        colour: COLOURS.curve,
        markers: true,
      },
    ],
    yTitle: unit,
    yFormat: (v) => v.toFixed(2),
  });
}

export function contractsChart(m: ReportModel): Markup {
  return barChart({
    id: "chart-contracts",
    title: "Contracts per delivery month",
    description: `Long futures contracts held for each delivery month, ${m.summary.contracts} in total.`,
    categories: m.plan.months.map((x) => x.month),
    groups: [{ name: "contracts (long)", values: m.plan.months.map((x) => x.contracts), colour: COLOURS.contracts }],
    yTitle: "contracts",
    yFormat: (v) => String(v),
  });
}

export function distributionChart(m: ReportModel): Markup | null {
  const s = m.simulation;
  if (!s || s.distribution.length === 0) return null;
  return barChart({
    id: "chart-distribution",
    title: "Total cost over the horizon: hedged vs unhedged",
    description: `Share of ${s.paths} simulated paths in each cost bin; hedged mean ${axisMoney(s.hedged.mean)}, unhedged mean ${axisMoney(s.unhedged.mean)}.`,
    categories: s.distribution.map((b) => axisMoney(b.from)),
    groups: [
      { name: "unhedged", values: s.distribution.map((b) => b.unhedged), colour: COLOURS.unhedged },
      { name: "hedged", values: s.distribution.map((b) => b.hedged), colour: COLOURS.hedged },
    ],
    yTitle: "share of paths",
    yFormat: (v) => `${Number((v * 100).toFixed(1))}%`,
    maxLabels: 7,
  });
}

/** Without a simulation: hedged vs unhedged cost at the median volume for each price shock. */
export function scenarioChart(m: ReportModel): Markup {
  const rows = m.scenarios.filter((s) => s.volumeCase === "p50");
  return barChart({
    id: "chart-scenarios",
    title: "Total cost under price shocks (P50 volume)",
    description: "Unhedged and hedged cost over the horizon when every month settles at the shocked price.",
    categories: rows.map((s) => `${s.priceShock > 0 ? "+" : ""}${Math.round(s.priceShock * 100)}%`),
    groups: [
      { name: "unhedged", values: rows.map((s) => s.unhedgedCost), colour: COLOURS.unhedged },
      { name: "hedged", values: rows.map((s) => s.hedgedCost), colour: COLOURS.hedged },
    ],
    yTitle: "total cost",
    yFormat: axisMoney,
  });
}
