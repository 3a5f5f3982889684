/**
 * `forecast`: per-period mean, median and 80% / 95% intervals, a fan chart of history and forecast, the model and
 * how it was chosen, every candidate's score, and optionally monthly totals from daily sample paths and a
 * rolling-origin backtest table. Three renderings of one view model: JSON, CSV and the human text. This file holds
 * the human text and the answer sentence's figures, and re-exports the other renderings so importers take every
 * forecast view from here: the view model (forecast-view-model.ts), JSON / CSV / warnings / findings
 * (forecast-document.ts), the tables (forecast-tables.ts) and the chart (forecast-chart.ts).
 */
import { DEFAULT_PATHS } from "../../forecast/index.js";
import type { ExposureForecast } from "../../hedge/exposure.js";
import { addDays } from "../../time/period.js";
import { fmtInt } from "../render/format.js";
import { renderTable } from "../render/table.js";
import { quantileType8Sorted } from "../../stats/quantile.js";
import { forecastSentence, type ForecastAnswerInput } from "../answer-sentences.js";
import { forecastChart, type ChartStyle } from "./forecast-chart.js";
import {
  backtestTable,
  candidateTable,
  describeModel,
  describeWeights,
  horizonTable,
  pointTable,
  scoreBasis,
} from "./forecast-tables.js";
import {
  backtestNote,
  exposureForecastView,
  formatter,
  isExposure,
  periodLabel,
  wrap,
  type ForecastView,
} from "./forecast-view-model.js";

export { exposureForecastView, wrap, type ForecastView } from "./forecast-view-model.js";
export { forecastCsv, forecastDocument, forecastFindings, forecastWarnings } from "./forecast-document.js";
export { CHART_HEIGHT, CHART_WIDTH, forecastChart, type ChartStyle } from "./forecast-chart.js";

const BENCHMARKS = ["naive", "seasonal-naive"];

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
  const { result } = view;
  const g = view.history.granularity;
  const out = headerLines(view, colour);
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
  out.push(...monthlyTotalLines(view, colour));
  out.push(...evaluationLines(view, colour));
  return out.join("\n").replace(/\n+$/, "") + "\n";
}

/** What was forecast and how: the series read, the model and its selection, the events and the volume plan. */
function headerLines(view: ForecastView, colour: boolean): string[] {
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
  return out;
}

/** A daily forecast's monthly totals (summed path by path) and the notes on partial months. */
function monthlyTotalLines(view: ForecastView, colour: boolean): string[] {
  const out: string[] = [];
  if (!view.monthly) return out;
  const { result } = view;
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
  if (lastForecastDay && lastMonth && lastForecastDay.slice(0, 7) === lastMonth && !isLastDayOfMonth(lastForecastDay)) {
    notes.push(
      `${lastMonth} runs past the ${result.points.length}-day horizon: its total is simulated to the month's last day`,
    );
  }
  for (const note of notes) out.push(`  ${note}`);
  if (notes.length > 0) out.push("");

  return out;
}

/** How the model was chosen and how it forecast before: the candidates, the benchmark note and the backtest. */
function evaluationLines(view: ForecastView, colour: boolean): string[] {
  const out: string[] = [];
  const { result } = view;
  const g = view.history.granularity;
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
  return out;
}

function isLastDayOfMonth(day: string): boolean {
  return addDays(day, 1).slice(8, 10) === "01";
}
