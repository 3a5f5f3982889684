/** `ingest`: the JSON document, the CSV table and the human summary of a usage series. */
import { centsString, Dec, toCents } from "../../money/decimal.js";
import { sortedEntries, totalsByPeriod, type PeriodTotal } from "../../ingest/series/aggregate.js";
import { groupTotals, type GroupBy } from "../../ingest/series/groups.js";
import type { UsageSeries } from "../../ingest/types.js";
import type { UsageOverlap, UsageSource } from "../../ingest/series/combine.js";
import { exactInt } from "../json.js";
import { renderCsv } from "../render/csv.js";
import { fmtInt, fmtMoney } from "../render/format.js";
import { renderTable } from "../render/table.js";
import { ingestSentence, type IngestAnswerInput } from "../answer-sentences.js";

/** At most this many names on one summary line; the rest are counted (500,000 models must not print a 9.9 MB line). */
export const SUMMARY_LIST_CAP = 20;

/** `name tokens · …`, all of them up to the cap; above it the largest SUMMARY_LIST_CAP by tokens and a count of the rest. */
export function cappedList(entries: Array<[string, bigint]>, plural: string, groupBy: string): string {
  const line = (list: Array<[string, bigint]>) => list.map(([k, v]) => `${k} ${fmtInt(v)}`).join(" · ");
  if (entries.length <= SUMMARY_LIST_CAP) return line(entries);
  const top = [...entries].sort((a, b) => (a[1] === b[1] ? 0 : a[1] > b[1] ? -1 : 1)).slice(0, SUMMARY_LIST_CAP);
  const rest = entries.length - SUMMARY_LIST_CAP;
  return `${line(top)} · … and ${fmtInt(rest)} more ${plural} (${fmtInt(entries.length)} in all; --group-by ${groupBy} lists every one)`;
}

export type Period = "day" | "month";

export interface IngestViewOptions {
  groupBy?: GroupBy;
  /** The filters applied, echoed in the document. */
  filters?: Record<string, string | string[]>;
  /** Each input's own totals and the overlaps between inputs (several files, src/ingest/series/combine.ts). */
  usage?: { sources: readonly UsageSource[]; overlaps: readonly UsageOverlap[] };
}

/** The per-input lines of the JSON: file, format, rows, tokens (exact), cost, first and last day, duplicates. */
export function sourcesDocument(sources: readonly UsageSource[]): Record<string, unknown>[] {
  return sources.map((s) => ({
    file: s.file,
    format: s.format,
    rows: s.rows,
    tokens: exactInt(s.tokens),
    cost: money(s.cost),
    costExact: exact(s.cost),
    currency: s.currency,
    firstDay: s.firstDay,
    lastDay: s.lastDay,
    duplicateTokens: exactInt(s.duplicateTokens),
    duplicateCells: s.duplicateCells,
  }));
}

export function overlapsDocument(overlaps: readonly UsageOverlap[]): Record<string, unknown>[] {
  return overlaps.map((o) => ({
    files: o.files,
    from: o.from,
    to: o.to,
    duplicateCells: o.duplicateCells,
    duplicateTokens: exactInt(o.duplicateTokens),
    conflictingCells: o.conflictingCells,
    days: o.days,
  }));
}

/**
 * `sources` and `overlaps` for a JSON document, with several inputs only: a single file's document
 * stays as it was (its file is the document's own). ingest, plan and forecast add these fields alike.
 */
export function usageSourcesFields(usage: IngestViewOptions["usage"]): Record<string, unknown> {
  return usage && usage.sources.length > 1
    ? { sources: sourcesDocument(usage.sources), overlaps: overlapsDocument(usage.overlaps) }
    : {};
}

/** The per-source table of a run with several inputs (tokens exact, cost to the cent). */
export function sourcesHuman(sources: readonly UsageSource[], colour: boolean): string {
  const total = sources.reduce((s, x) => s + x.tokens, 0n);
  const dup = sources.reduce((s, x) => s + x.duplicateTokens, 0n);
  return renderTable({
    head: ["source", "format", "rows", "tokens", "cost", "first day", "last day"],
    rows: sources.map((s) => [
      s.file,
      s.format,
      fmtInt(s.rows),
      fmtInt(s.tokens) + (s.duplicateTokens > 0n ? ` (${fmtInt(s.duplicateTokens)} repeated)` : ""),
      s.cost === null ? "–" : fmtMoney(toCents(s.cost), s.currency ?? "USD"),
      s.firstDay,
      s.lastDay,
    ]),
    footer: [
      [
        `${sources.length} files`,
        "",
        fmtInt(sources.reduce((s, x) => s + x.rows, 0)),
        dup > 0n ? `${fmtInt(total - dup)} (${fmtInt(dup)} counted once)` : fmtInt(total),
        "",
        "",
        "",
      ],
    ],
    colour,
  });
}

function money(d: Dec | null): number | null {
  return d === null ? null : toCents(d);
}

function exact(d: Dec | null): string | null {
  return d === null ? null : d.toFixed();
}

function tokenMap(m: Map<string, bigint> | undefined): Record<string, number | bigint> {
  return Object.fromEntries(sortedEntries(m ?? new Map<string, bigint>()).map(([k, v]) => [k, exactInt(v)]));
}

export function ingestDocument(
  series: UsageSeries,
  period: Period,
  options: IngestViewOptions = {},
): Record<string, unknown> {
  const periods = totalsByPeriod(series, period);
  const currency = series.currency === undefined ? (series.totalCost === null ? null : "USD") : series.currency;
  return {
    command: "ingest",
    file: series.file,
    profile: series.profile ?? null,
    columns: series.columns,
    delimiter: series.delimiter ?? ",",
    headerLine: series.headerLine ?? 1,
    period,
    rowsRead: series.rowsRead,
    rowsUsed: series.rowsUsed ?? series.rowsRead,
    firstDay: series.firstDay,
    lastDay: series.lastDay,
    missingDays: series.missingDays,
    periods: periods.map((p) => ({
      period: p.period,
      tokens: exactInt(p.tokens),
      cost: money(p.cost),
      costExact: exact(p.cost),
      complete: p.daysCovered === p.daysInPeriod,
    })),
    byKind: tokenMap(series.byKind),
    byModel: tokenMap(series.byModel),
    byProvider: tokenMap(series.byProvider),
    byProject: tokenMap(series.byProject),
    totals: {
      tokens: exactInt(series.totalTokens),
      cost: money(series.totalCost),
      costExact: exact(series.totalCost),
      currency,
    },
    costByCurrency: Object.fromEntries(
      [...(series.costByCurrency ?? new Map<string, Dec>())]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, { cost: toCents(v), costExact: v.toFixed() }]),
    ),
    ...(options.filters && Object.keys(options.filters).length > 0 ? { filters: options.filters } : {}),
    ...(options.groupBy
      ? {
          groupBy: options.groupBy,
          groups: groupTotals(series, options.groupBy, period).map((g) => ({
            key: g.key,
            tokens: exactInt(g.tokens),
            cost: money(g.cost),
            costExact: exact(g.cost),
            share: g.share,
            periods: g.periods.map((p) => ({ period: p.period, tokens: exactInt(p.tokens), cost: money(p.cost) })),
          })),
        }
      : {}),
    skipped: (series.skipped ?? []).map((s) => ({
      reason: s.reason,
      category: s.category,
      count: s.count,
      firstLines: s.firstLines,
      ...(s.cost
        ? {
            cost: s.cost.map((c) => ({ currency: c.currency, cost: toCents(c.amount), costExact: c.amount.toFixed() })),
          }
        : {}),
    })),
    rowErrors: series.rowErrors ?? [],
    findings: series.findings ?? [],
    ...usageSourcesFields(options.usage),
  };
}

export function ingestCsv(series: UsageSeries, period: Period, options: IngestViewOptions = {}): string {
  if (options.groupBy) {
    const rows = groupTotals(series, options.groupBy, period).flatMap((g) =>
      g.periods.map((p) => [p.period, g.key, p.tokens, p.cost === null ? null : centsString(p.cost)]),
    );
    return renderCsv(["period", options.groupBy, "tokens", "cost"], rows);
  }
  const rows = totalsByPeriod(series, period).map((p) => [
    p.period,
    p.tokens,
    p.cost === null ? null : centsString(p.cost),
  ]);
  return renderCsv(["period", "tokens", "cost"], rows);
}

function periodRow(p: PeriodTotal, currency: string): string[] {
  const partial = p.daysCovered === p.daysInPeriod ? "" : ` (partial: ${p.daysCovered}/${p.daysInPeriod} days)`;
  return [p.period + partial, fmtInt(p.tokens), p.cost === null ? "–" : fmtMoney(toCents(p.cost), currency)];
}

/**
 * A note when the period column, each row rounded to the cent, does not add to the total rounded to the cent (three
 * periods of $0.005 show $0.01 each, the total $0.02): the rows are not forced to foot, the difference is said.
 */
function footingNote(periods: readonly PeriodTotal[], series: UsageSeries, period: string, currency: string): string {
  if (series.totalCost === null || periods.some((p) => p.cost === null)) return "";
  const shown = periods.reduce((s, p) => s.plus(toCents(p.cost!)), new Dec(0));
  const total = toCents(series.totalCost);
  if (shown.eq(total)) return "";
  return `costs are rounded to the cent per ${period}: the column adds to ${fmtMoney(shown.toNumber(), currency)}, the total is ${fmtMoney(total, currency)} (exact ${series.totalCost.toFixed()} ${currency})\n`;
}

function lines(n: number[]): string {
  return n.length === 0 ? "" : ` (line${n.length > 1 ? "s" : ""} ${n.join(", ")}${n.length >= 5 ? ", …" : ""})`;
}

/** What the ingest answer sentence says, from the series and its period table. */
export function ingestAnswer(series: UsageSeries, periods: readonly PeriodTotal[], period: Period): IngestAnswerInput {
  return {
    period,
    periods: periods.map((p) => ({
      period: p.period,
      tokens: Number(p.tokens),
      complete: p.daysCovered === p.daysInPeriod,
    })),
    cost: series.totalCost === null ? null : toCents(series.totalCost),
    currency: series.totalCost === null ? null : (series.currency ?? "USD"),
    findings: (series.findings ?? []).length,
    badRows: (series.rowErrors ?? []).reduce((s, e) => s + e.count, 0),
    missingDays: series.missingDays.length,
  };
}

export function ingestHuman(
  series: UsageSeries,
  period: Period,
  colour: boolean,
  options: IngestViewOptions = {},
): string {
  const periods = totalsByPeriod(series, period);
  const currency = series.currency ?? "USD";
  const table = renderTable({
    head: [period === "day" ? "day" : "month", "tokens", "cost"],
    rows: periods.map((p) => periodRow(p, currency)),
    footer: [
      [
        "total",
        fmtInt(series.totalTokens),
        series.totalCost === null ? "–" : fmtMoney(toCents(series.totalCost), currency),
      ],
    ],
    colour,
  });
  const kinds = cappedList(sortedEntries(series.byKind), "kinds", "kind");
  const models = cappedList(sortedEntries(series.byModel), "models", "model");
  const missing =
    series.missingDays.length === 0
      ? "none"
      : `${series.missingDays.length} (${series.missingDays.slice(0, 5).join(", ")}${series.missingDays.length > 5 ? ", …" : ""})`;
  let costLine: string;
  if (series.totalCost !== null)
    costLine = `${fmtMoney(toCents(series.totalCost), currency)} (exact ${series.totalCost.toFixed()} ${currency})`;
  else if (series.costByCurrency && series.costByCurrency.size > 1)
    costLine = `${[...series.costByCurrency].map(([c, v]) => `${v.toFixed(2)} ${c}`).join(" · ")} (several currencies: choose one with --currency)`;
  else costLine = "no cost column";
  const summary: string[] = [];
  if (series.profile) {
    summary.push(`format:        ${series.profile.title} (${series.profile.id}): ${series.profile.reason}`);
    for (const n of series.profile.notes) summary.push(`               note: ${n}`);
  }
  const several = (options.usage?.sources.length ?? 1) > 1;
  summary.push(
    `${(several ? "files:" : "file:").padEnd(15)}${series.file}`,
    // Several inputs: each has its own columns; the sources table above says which format each is.
    ...(several
      ? []
      : [
          `columns:       ${Object.entries(series.columns)
            .map(([k, v]) => `${k}=${v}`)
            .join(", ")}`,
        ]),
    `rows read:     ${fmtInt(series.rowsRead)}${series.rowsUsed !== undefined && series.rowsUsed !== series.rowsRead ? ` (${fmtInt(series.rowsUsed)} used)` : ""}`,
    `date range:    ${series.firstDay} … ${series.lastDay} (${series.days.length} days)`,
    `missing days:  ${missing}`,
    `by token kind: ${kinds}`,
    `by model:      ${models}`,
    `total tokens:  ${fmtInt(series.totalTokens)}`,
    `total cost:    ${costLine}`,
  );
  (series.skipped ?? []).forEach((s, i) => {
    const cost = s.cost
      ? `; its cost ${s.cost.map((c) => `${c.amount.toFixed()} ${c.currency}`).join(", ")} is ${s.category === "cost-only" ? "included" : "left out"}`
      : "";
    const what = s.category === "cost-only" ? "kept for cost only" : "left out";
    summary.push(
      `${i === 0 ? "other rows:    " : "               "}${fmtInt(s.count)} ${what}: ${s.reason}${lines(s.firstLines)}${cost}`,
    );
  });
  for (const e of series.rowErrors ?? [])
    summary.push(
      `bad rows:      ${fmtInt(e.count)} × ${e.code}${lines(e.firstLines)}, e.g. ${e.example.split("\n")[0]}`,
    );
  for (const f of series.findings ?? []) summary.push(`${(f.severity + ":").padEnd(15)}${f.message}`);
  let groups = "";
  if (options.groupBy) {
    const gs = groupTotals(series, options.groupBy, period);
    groups =
      "\n" +
      renderTable({
        head: [options.groupBy, "tokens", "share", "cost"],
        rows: gs.map((g) => [
          g.key,
          fmtInt(g.tokens),
          `${(g.share * 100).toFixed(1)}%`,
          g.cost === null ? "–" : fmtMoney(toCents(g.cost), currency),
        ]),
        colour,
      });
  }
  // The answer under the table, as `plan` prints its summary line.
  return (
    table +
    footingNote(periods, series, period, currency) +
    "\n" +
    ingestSentence(ingestAnswer(series, periods, period)) +
    "\n" +
    (several ? "\n" + sourcesHuman(options.usage!.sources, colour) : "") +
    groups +
    "\n" +
    summary.join("\n") +
    "\n"
  );
}
