/** `ingest`: the JSON document, the CSV table and the human summary of a usage series. */
import { centsString, toCents } from "../../money/decimal.js";
import { sortedEntries, totalsByPeriod, type PeriodTotal } from "../../ingest/aggregate.js";
import type { UsageSeries } from "../../ingest/types.js";
import { exactInt } from "../json.js";
import { renderCsv } from "../render/csv.js";
import { fmtInt, fmtMoney } from "../render/format.js";
import { renderTable } from "../render/table.js";

export type Period = "day" | "month";

export function ingestDocument(series: UsageSeries, period: Period): Record<string, unknown> {
  const periods = totalsByPeriod(series, period);
  return {
    command: "ingest",
    file: series.file,
    columns: series.columns,
    period,
    rowsRead: series.rowsRead,
    firstDay: series.firstDay,
    lastDay: series.lastDay,
    missingDays: series.missingDays,
    periods: periods.map((p) => ({
      period: p.period,
      tokens: exactInt(p.tokens),
      cost: p.cost === null ? null : toCents(p.cost),
      costExact: p.cost === null ? null : p.cost.toFixed(),
      complete: p.daysCovered === p.daysInPeriod,
    })),
    byKind: Object.fromEntries(sortedEntries(series.byKind).map(([k, v]) => [k, exactInt(v)])),
    byModel: Object.fromEntries(sortedEntries(series.byModel).map(([k, v]) => [k, exactInt(v)])),
    totals: {
      tokens: exactInt(series.totalTokens),
      cost: series.totalCost === null ? null : toCents(series.totalCost),
      costExact: series.totalCost === null ? null : series.totalCost.toFixed(),
      currency: "USD",
    },
  };
}

export function ingestCsv(series: UsageSeries, period: Period): string {
  const rows = totalsByPeriod(series, period).map((p) => [p.period, p.tokens, p.cost === null ? null : centsString(p.cost)]);
  return renderCsv(["period", "tokens", "cost"], rows);
}

function periodRow(p: PeriodTotal): string[] {
  const partial = p.daysCovered === p.daysInPeriod ? "" : ` (partial: ${p.daysCovered}/${p.daysInPeriod} days)`;
  return [p.period + partial, fmtInt(p.tokens), p.cost === null ? "–" : fmtMoney(toCents(p.cost))];
}

export function ingestHuman(series: UsageSeries, period: Period, colour: boolean): string {
  const periods = totalsByPeriod(series, period);
  const table = renderTable({
    head: [period === "day" ? "day" : "month", "tokens", "cost"],
    rows: periods.map(periodRow),
    footer: [["total", fmtInt(series.totalTokens), series.totalCost === null ? "–" : fmtMoney(toCents(series.totalCost))]],
    colour,
  });
  const kinds = sortedEntries(series.byKind).map(([k, v]) => `${k} ${fmtInt(v)}`).join(" · ");
  const models = sortedEntries(series.byModel).map(([k, v]) => `${k} ${fmtInt(v)}`).join(" · ");
  const missing =
    series.missingDays.length === 0
      ? "none"
      : `${series.missingDays.length} (${series.missingDays.slice(0, 5).join(", ")}${series.missingDays.length > 5 ? ", …" : ""})`;
  const summary = [
    `file:          ${series.file}`,
    `columns:       ${Object.entries(series.columns).map(([k, v]) => `${k}=${v}`).join(", ")}`,
    `rows read:     ${fmtInt(series.rowsRead)}`,
    `date range:    ${series.firstDay} … ${series.lastDay} (${series.days.length} days)`,
    `missing days:  ${missing}`,
    `by token kind: ${kinds}`,
    `by model:      ${models}`,
    `total tokens:  ${fmtInt(series.totalTokens)}`,
    `total cost:    ${series.totalCost === null ? "no cost column" : `${fmtMoney(toCents(series.totalCost))} (exact ${series.totalCost.toFixed()})`}`,
  ];
  return table + "\n" + summary.join("\n") + "\n";
}
