/**
 * `forecast`: per-period mean, median and 80% / 95% intervals, a fan chart of history and forecast, the model and
 * how it was chosen, every candidate's score, and optionally monthly totals from daily sample paths and a
 * rolling-origin backtest table. Three renderings of one view model: JSON, CSV and the human text.
 */
import type {
  BacktestReport,
  Finding,
  ForecastResult,
  Granularity,
  ModelScore,
  MonthlyForecast,
  PeriodForecast,
  TimeSeries,
} from "../../forecast/index.js";
import { DEFAULT_PATHS } from "../../forecast/index.js";
import type { ExposureForecast } from "../../hedge/exposure.js";
import { addDays, addMonths } from "../../time/period.js";
import { renderCsv } from "../render/csv.js";
import { renderFanChart } from "../render/fan-chart.js";
import { fmtInt, fmtTokens, tokenScale } from "../render/format.js";
import { renderTable } from "../render/table.js";
import { quantileType8Sorted } from "../../stats/quantile.js";
import { forecastSentence, type ForecastAnswerInput } from "../answer-sentences.js";

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

function isExposure(v: ForecastView | ExposureForecast): v is ExposureForecast {
  return "months" in v && "forecast" in v;
}

/** Round to the view's decimals; -0 becomes 0. */
function rounder(decimals: number): (v: number) => number {
  const scale = 10 ** decimals;
  return (v) => (decimals === 0 ? Math.round(v) : Math.round(v * scale) / scale) + 0;
}

function formatter(decimals: number): (v: number) => string {
  if (decimals === 0) return (v) => fmtInt(Math.round(v));
  const f = new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return (v) => f.format(v);
}

function periodLabel(g: Granularity, start: string, i: number): string {
  return g === "month" ? addMonths(start, i) : addDays(start, i);
}

function pointJson(p: PeriodForecast, r: (v: number) => number): Record<string, unknown> {
  return {
    period: p.period,
    mean: r(p.mean),
    lo80: r(p.lo80),
    hi80: r(p.hi80),
    lo95: r(p.lo95),
    hi95: r(p.hi95),
    quantiles: {
      p5: r(p.quantiles.p5),
      p10: r(p.quantiles.p10),
      p25: r(p.quantiles.p25),
      p50: r(p.quantiles.p50),
      p75: r(p.quantiles.p75),
      p90: r(p.quantiles.p90),
      p95: r(p.quantiles.p95),
    },
  };
}

const BENCHMARKS = ["naive", "seasonal-naive"];
const NOISE_NOTE = "rolling-origin figures from";

/** Warnings for stderr: the forecast's, the monthly aggregation's and the backtest's, each once. */
export function forecastWarnings(view: ForecastView): string[] {
  const all = [...view.result.warnings, ...(view.monthly?.warnings ?? []), ...(view.backtest?.warnings ?? [])];
  // The backtest's "figures are noisy" caveat is printed under its table instead.
  return [...new Set(all)].filter((w) => !w.startsWith(NOISE_NOTE));
}

/** Data-quality findings for stderr (outages, spikes, level shifts …), minus those already warned about. */
export function forecastFindings(view: ForecastView): Finding[] {
  const warned = new Set(forecastWarnings(view));
  const seen = new Set<string>();
  return view.result.findings.filter((f) => {
    if (warned.has(f.message) || seen.has(f.message)) return false;
    seen.add(f.message);
    return true;
  });
}

export function forecastDocument(input: ForecastView | ExposureForecast): Record<string, unknown> {
  const view = isExposure(input) ? exposureForecastView(input) : input;
  const r = rounder(view.decimals);
  const { result, history } = view;
  const doc: Record<string, unknown> = {
    command: "forecast",
    ...(view.file !== undefined ? { file: view.file } : {}),
    source: view.source,
    model: result.model,
    selection: {
      method: result.selection,
      rule: result.rule,
      weights: result.weights,
      ...(result.spread !== undefined ? { spread: result.spread } : {}),
    },
    drivers: result.drivers,
    ...(result.events ? { events: result.events } : {}),
    ...(result.volumePlan
      ? {
          volumePlan: {
            ...result.volumePlan,
            months: result.volumePlan.months.map((m) => ({ ...m, statistical: r(m.statistical), mean: r(m.mean) })),
          },
        }
      : {}),
    granularity: result.granularity,
    seed: result.seed,
    paths: view.paths,
    ...(view.unit !== undefined ? { unit: view.unit } : {}),
    forecast: result.points.map((p) => pointJson(p, r)),
    candidates: result.candidates.map((c) => (c.mae !== undefined ? { ...c, mae: r(c.mae) } : c)),
    findings: result.findings,
    warnings: forecastWarnings(view),
    history: history.values.map((v, i) => ({
      period: periodLabel(history.granularity, history.start, i),
      value: r(v),
    })),
    excludedPartialMonths: view.excluded,
  };
  if (view.monthly) {
    const m = view.monthly;
    doc.monthly = {
      source: "daily sample paths summed per calendar month",
      model: m.model,
      partialMonth: m.partialMonth ? { ...m.partialMonth, observedTotal: r(m.partialMonth.observedTotal) } : null,
      forecast: m.points.map((p) => pointJson(p, r)),
    };
  }
  if (view.backtest) {
    const b = view.backtest;
    doc.backtest = {
      horizon: b.horizon,
      origins: b.origins,
      scores: b.scores.map((s) => ({ ...s, mae: r(s.mae), mase: s.mase ?? null, mape: s.mape ?? null })),
      note: backtestNote(b, result.granularity),
    };
  }
  return doc;
}

export function forecastCsv(input: ForecastView | ExposureForecast): string {
  const view = isExposure(input) ? exposureForecastView(input) : input;
  const r = rounder(view.decimals);
  return renderCsv(
    ["period", "mean", "lo80", "hi80", "lo95", "hi95"],
    view.result.points.map((p) => [p.period, r(p.mean), r(p.lo80), r(p.hi80), r(p.lo95), r(p.hi95)]),
  );
}

function describeModel(model: string): string {
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
function describeWeights(weights: Record<string, number>): string {
  return Object.entries(weights)
    .sort((a, b) => b[1] - a[1])
    .map(([name, w]) => `${name} ${Math.round(w * 100)}%`)
    .join(", ");
}

function scoreBasis(candidates: readonly ModelScore[]): string {
  if (candidates.some((c) => c.coverage80 !== undefined)) return "scored by a rolling-origin backtest";
  if (candidates.some((c) => c.mae !== undefined)) return "scored on a holdout of the last periods";
  if (candidates.some((c) => c.aicc !== undefined)) return "ranked by AICc";
  return "not scored";
}

const pct = (v: number | undefined, digits = 1): string =>
  v === undefined || !Number.isFinite(v) ? "–" : `${(v * 100).toFixed(digits)}%`;
const dec = (v: number | undefined, digits: number): string =>
  v === undefined || !Number.isFinite(v) ? "–" : v.toFixed(digits);

function candidateTable(view: ForecastView, colour: boolean): string {
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
function pointTable(
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

function backtestNote(b: BacktestReport, g: Granularity): string {
  const unit = g === "month" ? "month" : "day";
  const span = b.origins.length > 1 ? `${b.origins[0]} … ${b.origins[b.origins.length - 1]}` : (b.origins[0] ?? "");
  return (
    `rolling-origin evaluation: forecasts of 1–${b.horizon} ${unit}s from ${b.origins.length} origin(s) (training ending ${span}), ` +
    "scored against what followed; coverage is the share of actuals inside the 80% / 95% intervals. " +
    "Figures from so few origins are noisy: treat small differences between models as ties."
  );
}

function backtestTable(b: BacktestReport, decimals: number, chosen: string, colour: boolean): string {
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
function horizonTable(b: BacktestReport, g: Granularity, colour: boolean): string {
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

/**
 * What the forecast answer sentence says: the horizon's total — the sum of the period means, and its P10 / P90 from
 * the summed sample paths (a total's quantiles are not the sum of the periods'; at most DEFAULT_PATHS paths, the
 * forecast's own seed) — and the growth the drivers measure.
 */
export function forecastAnswer(input: ForecastView | ExposureForecast): ForecastAnswerInput {
  const view = isExposure(input) ? exposureForecastView(input) : input;
  const { result } = view;
  const points = result.points;
  const totals = Float64Array.from(result.samplePaths(Math.min(view.paths, DEFAULT_PATHS), result.seed), (path) =>
    path.reduce((a, v) => a + v, 0),
  ).sort();
  return {
    granularity: result.granularity,
    first: points[0]?.period ?? "",
    last: points[points.length - 1]?.period ?? "",
    periods: points.length,
    mean: points.reduce((a, p) => a + p.mean, 0),
    p10: quantileType8Sorted(totals, 0.1),
    p90: quantileType8Sorted(totals, 0.9),
    growthNow: result.drivers.growth.now,
    growthEnd: result.drivers.growth.horizonEnd,
    ...(view.unit !== undefined ? { unit: view.unit } : {}),
    decimals: view.decimals,
  };
}

export function forecastHuman(
  input: ForecastView | ExposureForecast,
  colour: boolean,
  style: ChartStyle = { unicode: false },
): string {
  const view = isExposure(input) ? exposureForecastView(input) : input;
  const { history, result } = view;
  const g = history.granularity;
  const n = history.values.length;
  const unitWord =
    g === "month" ? (view.excluded.length > 0 || view.source === "usage" ? "complete months" : "months") : "days";
  const what = view.unit ? `${view.unit} per ${g}` : `values per ${g}`;
  const last = periodLabel(g, history.start, n - 1);
  const out: string[] = [];
  out.push(
    `${view.file ? `${view.file}: ` : ""}${what}, ${fmtInt(n)} ${unitWord} ${history.start} … ${last}` +
      (view.excluded.length > 0 ? ` (partial months left out: ${view.excluded.join(", ")})` : ""),
  );
  const description = describeModel(result.model);
  out.push(`model: ${result.model}${description ? ` — ${description}` : ""}`);
  out.push(wrap(`selection: ${result.selection} — ${result.rule}`, 110, ""));
  if (Object.keys(result.weights).length > 1) out.push(wrap(`weights: ${describeWeights(result.weights)}`, 110, ""));
  out.push(`seed ${result.seed}, ${fmtInt(view.paths)} sample paths`);
  if (result.events && result.events.length > 0)
    out.push(wrap(`events: ${result.events.map((e) => e.text).join("; ")}`, 110, ""));
  if (result.volumePlan) {
    const f = formatter(view.decimals);
    const vp = result.volumePlan;
    out.push(
      `volume plan${vp.file ? ` (${vp.file})` : ""}: mean = w·plan + (1 − w)·statistical, sample paths scaled to it (default w = ${vp.defaultWeight}):`,
    );
    out.push(
      vp.months.length === 0
        ? "  no plan month after the data"
        : renderTable({
            head: ["month", "plan", "statistical", "w", "blended mean"],
            rows: vp.months.map((m) => [m.month, f(m.plan), f(m.statistical), String(m.weight), f(m.mean)]),
            colour,
          }).trimEnd(),
    );
  }
  out.push("");
  out.push(wrap(result.drivers.sentence, 110, ""));
  out.push("");
  out.push(forecastChart(view, colour, style));
  out.push(
    `forecast, ${result.points.length} ${g}${result.points.length === 1 ? "" : "s"} ahead (mean, median and central 80% / 95% intervals):`,
  );
  out.push(pointTable(result.points, g, view.decimals, colour, view.unit === "tokens"));
  // The answer under the table, as `plan` prints its summary line.
  if (result.points.length > 0) out.push(forecastSentence(forecastAnswer(view)), "");
  if (view.monthly) {
    const m = view.monthly;
    out.push(
      `monthly totals, summed path by path from ${fmtInt(view.paths)} daily sample paths (not from daily bounds):`,
    );
    out.push(pointTable(m.points, "month", view.decimals, colour, view.unit === "tokens"));
    const notes: string[] = [];
    if (m.partialMonth) {
      const fmt = formatter(view.decimals);
      notes.push(
        `${m.partialMonth.month} is partly observed: ${m.partialMonth.observedDays} day(s), ${fmt(m.partialMonth.observedTotal)} so far, plus the forecast of its remaining days`,
      );
    }
    const lastForecastDay = result.points[result.points.length - 1]?.period;
    const lastMonth = m.points[m.points.length - 1]?.period;
    if (
      lastForecastDay &&
      lastMonth &&
      lastForecastDay.slice(0, 7) === lastMonth &&
      !isLastDayOfMonth(lastForecastDay)
    ) {
      notes.push(
        `${lastMonth} runs past the ${result.points.length}-day horizon: its total is simulated to the month's last day`,
      );
    }
    for (const note of notes) out.push(`  ${note}`);
    if (notes.length > 0) out.push("");
  }
  // With --backtest, the candidates' scores come from the same rolling-origin plan as the backtest table (the
  // default selections score by backtest), so one table shows both; otherwise (holdout, AICc) both are shown.
  const sameScores = view.backtest !== undefined && result.candidates.some((c) => c.coverage80 !== undefined);
  if (!sameScores) {
    out.push(`candidates (${scoreBasis(result.candidates)}; * = used for the forecast):`);
    out.push(candidateTable(view, colour));
  }
  const hasBenchmark =
    result.candidates.some((c) => BENCHMARKS.includes(c.model)) ||
    (view.backtest?.scores.some((s) => BENCHMARKS.includes(s.model)) ?? false);
  if (!hasBenchmark) {
    out.push(
      "  the naive benchmark is not scored by this selection (AICc compares ETS fits only); add --backtest to compare with it",
    );
    out.push("");
  }
  if (view.backtest) {
    out.push(
      `backtest per model (rolling origin${sameScores ? "; also the candidates' scores" : ""}; * = used for the forecast):`,
    );
    out.push(backtestTable(view.backtest, view.decimals, result.model, colour));
    out.push(wrap(backtestNote(view.backtest, g), 110, "  "));
    out.push("");
    out.push(
      `interval coverage by horizon (80% / 95%, share of backtest actuals inside; ${g === "month" ? "months" : "days, by week"} ahead):`,
    );
    out.push(horizonTable(view.backtest, g, colour));
  }
  return out.join("\n").replace(/\n+$/, "") + "\n";
}

function isLastDayOfMonth(day: string): boolean {
  return addDays(day, 1).slice(8, 10) === "01";
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
