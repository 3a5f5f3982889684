/**
 * Several usage series (one per input file: an OpenAI and an Anthropic export, twelve monthly files) →
 * one series, exactly: the union of their (day, provider, model, project, kind) cells, re-totalled with
 * BigInt tokens and decimal cost. Pure; the shell reads each file (each with its own detected format).
 *
 * What two files may share, and what happens to it:
 * - **An exact duplicate cell** (same day, provider, model, project and kind, same tokens and cost, in
 *   two files) is the same usage exported twice (overlapping download windows, a file given under two
 *   names). It is counted once — from the first file that has it — and reported: counting it twice
 *   would size a hedge on usage that never happened. Within one file, rows that repeat are the
 *   engine's business (`--dedupe`), because a per-request log can hold two identical requests.
 * - **A conflicting cell** (same key, different figures) may be two accounts with no column to tell
 *   them apart, or a partial and a complete export of the same day: both are added, and reported.
 * - Two files covering the same days with different keys (OpenAI and Anthropic in the same months) is
 *   the ordinary case: listed as an overlap of periods in the JSON, with no warning.
 */
import { Dec } from "../../money/decimal.js";
import { civilToDays } from "../values/dates.js";
import { emptyDay, seriesTotals } from "./series.js";
import type { DayTotal, Finding, ProfileInfo, UsageCell, UsageSeries } from "../types.js";

/** One input's own figures, before duplicates across files are removed. */
export interface UsageSource {
  file: string;
  /** The export format detected (or chosen) for this file. */
  format: string;
  rows: number;
  tokens: bigint;
  /** null without a cost column. */
  cost: Dec | null;
  currency: string | null;
  firstDay: string;
  lastDay: string;
  /** Tokens of this file's cells already counted from an earlier file (exact duplicates). */
  duplicateTokens: bigint;
  duplicateCells: number;
}

/** One input as read: its path (`-` for standard input, hashed as it was read). */
export interface UsageInputRecord {
  path: string;
  sha256?: string;
  bytes?: number;
}

/** Two inputs whose date ranges meet. */
export interface UsageOverlap {
  files: [string, string];
  from: string;
  to: string;
  /** Cells of the later file that repeat the earlier file's exactly (counted once). */
  duplicateCells: number;
  duplicateTokens: bigint;
  /** Cells with the same key and different figures (both added). */
  conflictingCells: number;
  /** First days involved (up to 5). */
  days: string[];
}

export interface CombinedUsage {
  series: UsageSeries;
  sources: UsageSource[];
  overlaps: UsageOverlap[];
  /** The warnings the shell prints on stderr (also in series.findings). */
  warnings: string[];
}

const keyOf = (c: UsageCell): string => `${c.day}\u0000${c.provider}\u0000${c.model}\u0000${c.project}\u0000${c.kind}`;
const sameFigures = (a: UsageCell, b: UsageCell): boolean =>
  a.tokens === b.tokens && (a.cost === null ? b.cost === null : b.cost !== null && a.cost.eq(b.cost));

function sourceOf(s: UsageSeries): UsageSource {
  return {
    file: s.file,
    format: s.profile?.id ?? "generic",
    rows: s.rowsUsed ?? s.rowsRead,
    tokens: s.totalTokens,
    cost: s.totalCost,
    currency: s.currency ?? null,
    firstDay: s.firstDay,
    lastDay: s.lastDay,
    duplicateTokens: 0n,
    duplicateCells: 0,
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The cost every file can share: one currency, and every file has a cost column; else no cost. */
function commonCurrency(parts: readonly UsageSeries[]): { currency: string | null; reason?: string } {
  const without = parts.filter((p) => p.totalCost === null);
  if (without.length === parts.length) return { currency: null }; // no file has cost: nothing to warn about
  if (without.length > 0)
    return {
      currency: null,
      reason: `${without.map((p) => p.file).join(", ")} ${without.length === 1 ? "has" : "have"} no cost (or several currencies): the combined usage has no total cost, so a partial sum is never taken for the whole`,
    };
  const currencies = [...new Set(parts.map((p) => p.currency ?? "USD"))];
  if (currencies.length > 1)
    return {
      currency: null,
      reason: `the files' cost is in ${currencies.join(" and ")}: never added together, so the combined usage has no total cost`,
    };
  return { currency: currencies[0]! };
}

/**
 * Combine the series of several inputs, in the order given (the first file wins an exact duplicate).
 * One input is returned as it is, with its source line.
 */
export function combineUsage(parts: readonly UsageSeries[]): CombinedUsage {
  if (parts.length === 0) throw new Error("combineUsage: no input");
  const sources = parts.map(sourceOf);
  if (parts.length === 1) return { series: parts[0]!, sources, overlaps: [], warnings: [] };

  const money = commonCurrency(parts);
  const hasCost = money.currency !== null;
  // Key → the cell counted and the input it came from.
  const kept = new Map<string, { cell: UsageCell; from: number }>();
  const overlapStats = new Map<string, UsageOverlap>();
  const overlapOf = (i: number, j: number): UsageOverlap => {
    const id = `${i}:${j}`;
    let o = overlapStats.get(id);
    if (!o) {
      const a = parts[i]!;
      const b = parts[j]!;
      o = {
        files: [a.file, b.file],
        from: a.firstDay > b.firstDay ? a.firstDay : b.firstDay,
        to: a.lastDay < b.lastDay ? a.lastDay : b.lastDay,
        duplicateCells: 0,
        duplicateTokens: 0n,
        conflictingCells: 0,
        days: [],
      };
      overlapStats.set(id, o);
    }
    return o;
  };
  const extra: UsageCell[] = [];
  parts.forEach((part, j) => {
    for (const cell of part.cells ?? []) {
      const key = keyOf(cell);
      const prior = kept.get(key);
      if (prior === undefined) {
        kept.set(key, { cell, from: j });
        continue;
      }
      const o = overlapOf(prior.from, j);
      if (o.days.length < 5 && !o.days.includes(cell.day)) o.days.push(cell.day);
      if (sameFigures(prior.cell, cell)) {
        o.duplicateCells++;
        o.duplicateTokens += cell.tokens;
        sources[j]!.duplicateCells++;
        sources[j]!.duplicateTokens += cell.tokens;
      } else {
        o.conflictingCells++;
        extra.push(cell);
      }
    }
  });
  // Date ranges that meet without a shared key: listed, not warned about.
  for (let i = 0; i < parts.length; i++)
    for (let j = i + 1; j < parts.length; j++)
      if (parts[i]!.firstDay <= parts[j]!.lastDay && parts[j]!.firstDay <= parts[i]!.lastDay) overlapOf(i, j);
  const overlaps = [...overlapStats.entries()]
    .sort(([a], [b]) => {
      const [ai, aj] = a.split(":").map(Number);
      const [bi, bj] = b.split(":").map(Number);
      return ai! - bi! || aj! - bj!;
    })
    .map(([, o]) => o);

  const cells = [...[...kept.values()].map((k) => k.cell), ...extra].map((c) => (hasCost ? c : { ...c, cost: null }));
  const series = seriesOfCells(parts, cells, hasCost ? money.currency : null);

  const warnings: string[] = [];
  for (const o of overlaps) {
    if (o.duplicateCells > 0)
      warnings.push(
        `${o.files[1]} repeats ${plural(o.duplicateCells, "daily total")} (same day, model, kind and project, same figures) of ${o.files[0]} (${o.days.join(", ")}${o.duplicateCells > o.days.length ? ", …" : ""}): ${o.duplicateTokens} tokens counted once, not twice`,
      );
    if (o.conflictingCells > 0)
      warnings.push(
        `${o.files[0]} and ${o.files[1]} both have usage of the same model, kind and project on ${plural(o.conflictingCells, "daily total")} with different figures (${o.days.join(", ")}${o.conflictingCells > o.days.length ? ", …" : ""}): both are added; if they are exports of the same account, leave one out`,
      );
  }
  if (money.reason !== undefined) warnings.push(money.reason);
  const findings: Finding[] = [
    ...parts.flatMap((p) =>
      (p.findings ?? [])
        .filter((f) => f.id !== "missing-days")
        .map((f) => ({ ...f, message: `${p.file}: ${f.message}` })),
    ),
    ...(series.missingDays.length > 0
      ? [
          {
            id: "missing-days" as const,
            severity: "warning" as const,
            count: series.missingDays.length,
            days: series.missingDays.slice(0, 10),
            message: `${plural(series.missingDays.length, "day")} without any row in any file between the first and the last day (${series.missingDays.slice(0, 3).join(", ")}${series.missingDays.length > 3 ? ", …" : ""}); they count as zero usage`,
          },
        ]
      : []),
    ...warnings.map((message) => ({ id: "duplicates" as const, severity: "warning" as const, count: 1, message })),
  ];
  series.findings = findings;
  return { series, sources, overlaps, warnings };
}

const dayNumber = (day: string): number =>
  civilToDays(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));

function addTo(m: Map<string, bigint>, k: string, v: bigint): void {
  m.set(k, (m.get(k) ?? 0n) + v);
}

/** The union of the cells, re-totalled: gap-free days, totals by kind, model, provider and project. */
function seriesOfCells(parts: readonly UsageSeries[], cells: UsageCell[], currency: string | null): UsageSeries {
  const hasCost = currency !== null;
  const byDay = new Map<number, DayTotal>();
  const byKind = new Map<string, bigint>();
  const byModel = new Map<string, bigint>();
  const byProvider = new Map<string, bigint>();
  const byProject = new Map<string, bigint>();
  let totalTokens = 0n;
  let totalCost = new Dec(0);
  for (const c of cells) {
    const n = dayNumber(c.day);
    let d = byDay.get(n);
    if (!d) {
      d = emptyDay(c.day, hasCost);
      byDay.set(n, d);
    }
    if (hasCost && c.cost !== null) {
      d.cost = d.cost!.plus(c.cost);
      totalCost = totalCost.plus(c.cost);
    }
    if (c.tokens === 0n) continue; // cost with no tokens (credits, wide rows): no token total to add to
    d.tokens += c.tokens;
    addTo(d.byKind, c.kind, c.tokens);
    addTo(byKind, c.kind, c.tokens);
    addTo(byModel, c.model, c.tokens);
    addTo(byProvider, c.provider, c.tokens);
    addTo(byProject, c.project, c.tokens);
    totalTokens += c.tokens;
  }
  // One currency: the combined total. Several: each file's own sums per currency, as a single file reports them.
  const costByCurrency = new Map<string, Dec>(hasCost ? [[currency, totalCost]] : []);
  if (!hasCost)
    for (const p of parts)
      for (const [cur, v] of p.costByCurrency ?? [])
        costByCurrency.set(cur, (costByCurrency.get(cur) ?? new Dec(0)).plus(v));
  const formats = [...new Set(parts.map((p) => p.profile?.id ?? "generic"))];
  const profile: ProfileInfo = {
    id: formats.length === 1 ? formats[0]! : "multiple",
    title: `${parts.length} usage files`,
    reason: parts.map((p) => `${p.file}: ${p.profile?.id ?? "generic"}`).join("; "),
    notes: [...new Set(parts.flatMap((p) => (p.profile?.notes ?? []).map((n) => `${p.file}: ${n}`)))],
    rules: [],
  };
  return {
    file: parts.map((p) => p.file).join(", "),
    columns: parts[0]!.columns,
    rowsRead: parts.reduce((s, p) => s + p.rowsRead, 0),
    rowsUsed: parts.reduce((s, p) => s + (p.rowsUsed ?? p.rowsRead), 0),
    ...seriesTotals({ byDay, hasCost, totalTokens, totalCost, byKind, byModel, byProvider, byProject, currency }),
    costByCurrency,
    profile,
    cells: [...cells].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)),
    skipped: parts.flatMap((p) => (p.skipped ?? []).map((s) => ({ ...s, reason: `${p.file}: ${s.reason}` }))),
    rowErrors: parts.flatMap((p) => (p.rowErrors ?? []).map((e) => ({ ...e, example: `${p.file}: ${e.example}` }))),
  };
}
