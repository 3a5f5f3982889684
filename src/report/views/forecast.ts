/** `forecast`: monthly point forecasts with 80% / 95% intervals. */
import type { ExposureForecast } from "../../hedge/exposure.js";
import { addMonths } from "../../time/period.js";
import { renderCsv } from "../render/csv.js";
import { fmtInt } from "../render/format.js";
import { renderTable } from "../render/table.js";

const r = Math.round;

export function forecastDocument(e: ExposureForecast): Record<string, unknown> {
  const last = e.history.months[e.history.months.length - 1]!;
  return {
    command: "forecast",
    model: e.forecast.model,
    granularity: "month",
    unit: "tokens",
    history: e.history.months.map((m, i) => ({ period: m, value: r(e.history.values[i]!) })),
    excludedPartialMonths: e.history.excluded,
    candidates: e.forecast.candidates,
    forecast: e.forecast.points.map((p, i) => ({
      period: addMonths(last, i + 1),
      mean: r(p.mean),
      lo80: r(p.lo80),
      hi80: r(p.hi80),
      lo95: r(p.lo95),
      hi95: r(p.hi95),
      quantiles: Object.fromEntries(Object.entries(p.quantiles).map(([k, v]) => [k, r(v)])),
    })),
    warnings: e.forecast.warnings,
  };
}

export function forecastCsv(e: ExposureForecast): string {
  const last = e.history.months[e.history.months.length - 1]!;
  return renderCsv(
    ["period", "mean", "lo80", "hi80", "lo95", "hi95"],
    e.forecast.points.map((p, i) => [addMonths(last, i + 1), r(p.mean), r(p.lo80), r(p.hi80), r(p.lo95), r(p.hi95)]),
  );
}

export function forecastHuman(e: ExposureForecast, colour: boolean): string {
  const last = e.history.months[e.history.months.length - 1]!;
  const table = renderTable({
    head: ["month", "forecast tokens", "80% low", "80% high", "95% low", "95% high"],
    rows: e.forecast.points.map((p, i) => [addMonths(last, i + 1), fmtInt(r(p.mean)), fmtInt(r(p.lo80)), fmtInt(r(p.hi80)), fmtInt(r(p.lo95)), fmtInt(r(p.hi95))]),
    colour,
  });
  const scores = e.forecast.candidates
    .map((c) => `  ${c.chosen ? "*" : " "} ${c.model.padEnd(16)} ${c.mae !== undefined ? `holdout MAE ${fmtInt(r(c.mae))}` : ""}${c.aicc !== undefined ? ` AICc ${c.aicc.toFixed(2)}` : ""}${c.mase !== undefined ? ` MASE ${c.mase.toFixed(3)}` : ""}`)
    .join("\n");
  const lines = [
    `model: ${e.forecast.model} (fitted on ${e.history.months.length} complete months ${e.history.months[0]} … ${last}${e.history.excluded.length ? `; partial months left out: ${e.history.excluded.join(", ")}` : ""})`,
    `candidates:\n${scores}`,
  ];
  return table + "\n" + lines.join("\n") + "\n";
}
