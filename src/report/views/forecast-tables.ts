/**
 * `forecast`'s human tables and model wording: what each model is, the combination weights, how the candidates were
 * scored, the candidate score table, the per-period interval table, and the backtest's per-model and per-horizon
 * coverage tables.
 */
import type { BacktestReport, Granularity, ModelScore, PeriodForecast } from "../../forecast/index.js";
import { fmtTokens, tokenScale } from "../render/format.js";
import { renderTable } from "../render/table.js";
import { dec, formatter, pct, type ForecastView } from "./forecast-view-model.js";

export function describeModel(model: string): string {
  if (model.startsWith("weighted(")) return "weighted mixture of the candidates' sample paths (weights below)";
  if (model === "combination") return "equal-weight mean of ETS, Theta and damped-trend ETS sample paths";
  if (model.startsWith("combination(")) return "equal-weight combination of the components that could be fitted";
  if (model.startsWith("ETS("))
    return "exponential smoothing state-space model (error, trend, season), fitted by maximum likelihood";
  if (model.startsWith("log-ETS")) return "additive ETS fitted to log usage, back-transformed";
  const simple: Record<string, string> = {
    naive: "last value carried forward",
    "seasonal-naive": "last season repeated",
    drift: "straight line from the first to the last value",
    "drift-log": "constant growth rate from the first to the last value",
    "holt-damped": "Holt's linear trend, damped (ETS(A,Ad,N))",
    theta: "Theta method (Assimakopoulos & Nikolopoulos 2000)",
  };
  return simple[model] ?? "";
}

/** The weights of a combination, largest first: "theta 41%, drift-log 35%, ets 24%". */
export function describeWeights(weights: Record<string, number>): string {
  return Object.entries(weights)
    .sort((a, b) => b[1] - a[1])
    .map(([name, w]) => `${name} ${Math.round(w * 100)}%`)
    .join(", ");
}

export function scoreBasis(candidates: readonly ModelScore[]): string {
  if (candidates.some((c) => c.coverage80 !== undefined)) return "scored by a rolling-origin backtest";
  if (candidates.some((c) => c.mae !== undefined)) return "scored on a holdout of the last periods";
  if (candidates.some((c) => c.aicc !== undefined)) return "ranked by AICc";
  return "not scored";
}

export function candidateTable(view: ForecastView, colour: boolean): string {
  const cands = view.result.candidates;
  const fmt = formatter(view.decimals);
  interface ScoreColumn {
    head: string;
    cell: (c: ModelScore) => string;
    used: boolean;
  }
  const all: ScoreColumn[] = [
    { head: "MASE", cell: (c) => dec(c.mase, 3), used: cands.some((c) => c.mase !== undefined) },
    {
      head: "sMAPE",
      cell: (c) => (c.smape === undefined ? "–" : `${c.smape.toFixed(1)}%`),
      used: cands.some((c) => c.smape !== undefined),
    },
    {
      head: "MAPE",
      cell: (c) => (c.mape === undefined ? "–" : `${c.mape.toFixed(1)}%`),
      used: cands.some((c) => c.mape !== undefined),
    },
    { head: "80% cover", cell: (c) => pct(c.coverage80, 0), used: cands.some((c) => c.coverage80 !== undefined) },
    { head: "95% cover", cell: (c) => pct(c.coverage95, 0), used: cands.some((c) => c.coverage95 !== undefined) },
    {
      head: "MAE",
      cell: (c) => (c.mae === undefined ? "–" : fmt(c.mae)),
      used: cands.some((c) => c.mae !== undefined),
    },
    { head: "AICc", cell: (c) => dec(c.aicc, 2), used: cands.some((c) => c.aicc !== undefined) },
  ];
  const columns = all.filter((c) => c.used);
  return renderTable({
    head: ["", "model", ...columns.map((c) => c.head)],
    rows: cands.map((c) => [c.chosen ? "*" : "", c.model, ...columns.map((col) => col.cell(c))]),
    align: ["left", "left", ...columns.map(() => "right" as const)],
    colour,
  });
}

/**
 * The forecast table. Token counts read in B tok (M tok, k tok for smaller usage) like the plan table's
 * "forecast B tok (mean)"; a series of unknown unit keeps its own figures. JSON and CSV keep exact integers.
 */
export function pointTable(
  points: readonly PeriodForecast[],
  first: string,
  decimals: number,
  colour: boolean,
  tokens = false,
): string {
  const scale = tokens
    ? tokenScale(Math.max(0, ...points.map((p) => Math.max(Math.abs(p.hi95), Math.abs(p.lo95), Math.abs(p.mean)))))
    : null;
  const fmt = scale ? (v: number) => fmtTokens(v, scale) : formatter(decimals);
  const u = scale ? ` ${scale.unit}` : "";
  return renderTable({
    head: [first, `mean${u}`, `P50${u}`, `80% low${u}`, `80% high${u}`, `95% low${u}`, `95% high${u}`],
    rows: points.map((p) => [
      p.period,
      fmt(p.mean),
      fmt(p.quantiles.p50),
      fmt(p.lo80),
      fmt(p.hi80),
      fmt(p.lo95),
      fmt(p.hi95),
    ]),
    colour,
  });
}

export function backtestTable(b: BacktestReport, decimals: number, chosen: string, colour: boolean): string {
  const fmt = formatter(decimals);
  return renderTable({
    head: ["", "model", "MASE", "sMAPE", "MAPE", "80% cover", "95% cover", "MAE", "origins", "points"],
    rows: b.scores.map((s) => [
      s.model === chosen ? "*" : "",
      s.model,
      dec(s.mase, 3),
      `${s.smape.toFixed(1)}%`,
      s.mape === undefined ? "–" : `${s.mape.toFixed(1)}%`,
      pct(s.coverage80, 0),
      pct(s.coverage95, 0),
      fmt(s.mae),
      String(s.origins),
      String(s.points),
    ]),
    align: ["left", "left", "right", "right", "right", "right", "right", "right", "right", "right"],
    colour,
  });
}

/** Coverage per step ahead (monthly) or per week ahead (daily), one row per model. */
export function horizonTable(b: BacktestReport, g: Granularity, colour: boolean): string {
  const group = g === "month" ? 1 : 7;
  const groups = Math.ceil(b.horizon / group);
  const label = (k: number) =>
    group === 1 ? String(k + 1) : `${k * group + 1}–${Math.min((k + 1) * group, b.horizon)}`;
  return renderTable({
    head: ["model", ...Array.from({ length: groups }, (_, k) => label(k))],
    rows: b.scores.map((s) => [
      s.model,
      ...Array.from({ length: groups }, (_, k) => {
        const steps = s.byHorizon.filter((h) => Math.ceil(h.step / group) === k + 1);
        const points = steps.reduce((a, h) => a + h.points, 0);
        if (points === 0) return "–";
        const c80 = steps.reduce((a, h) => a + h.coverage80 * h.points, 0) / points;
        const c95 = steps.reduce((a, h) => a + h.coverage95 * h.points, 0) / points;
        return `${Math.round(c80 * 100)}/${Math.round(c95 * 100)}`;
      }),
    ]),
    align: ["left", ...Array.from({ length: groups }, () => "right" as const)],
    colour,
  });
}
