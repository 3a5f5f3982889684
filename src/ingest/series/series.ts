/** The cube's cells → the usage series: gap-free days, totals by kind, model, provider and project. */
import { Dec } from "../../money/decimal.js";
import { HedgeError } from "../../errors.js";
import { mantissaToDec, type Cube } from "./cube.js";
import { daysToCivil } from "../values/dates.js";
import { ExactInt } from "../values/exact.js";
import type { ColumnMap, DayTotal, UsageCell, UsageSeries } from "../types.js";

export interface SeriesCore {
  file: string;
  columns: ColumnMap;
  hasCost: boolean;
  /** --currency, when given. */
  currency?: string;
}

export type SeriesBody = Pick<
  UsageSeries,
  | "file"
  | "columns"
  | "days"
  | "firstDay"
  | "lastDay"
  | "missingDays"
  | "totalTokens"
  | "totalCost"
  | "byKind"
  | "byModel"
  | "byProvider"
  | "byProject"
  | "currency"
  | "costByCurrency"
  | "cells"
>;

/** Add a cell's tokens of kind `k` (a float64 when exact, the BigInt only when not). No closure: this runs per cell. */
function addCellTokens(acc: ExactInt, cube: Cube, c: number, k: number, safe: number): void {
  if (safe === safe) acc.add(safe);
  else acc.addBig(cube.tokens(c, k));
}

/** Add a cell's cost mantissa in slot `s`, as addCellTokens. */
function addCellCost(acc: ExactInt, cube: Cube, c: number, s: number): void {
  const safe = cube.costSafe(c, s);
  if (safe === safe) acc.add(safe);
  else acc.addBig(cube.costMantissa(c, s));
}

export function buildSeries(cube: Cube, core: SeriesCore): SeriesBody {
  const kinds = cube.kinds.values;
  const currencies = cube.currencies.values;
  const n = cube.cellCount;
  const slots = cube.costSlots;

  // Currency: the one asked for, else the only one present; several and none chosen → no single total.
  const perSlot = slots.map(() => new ExactInt());
  const slotUsed: boolean[] = slots.map(() => false);
  for (let c = 0; c < n; c++) {
    for (let s = 0; s < slots.length; s++) {
      if (!cube.hasCost(c, s)) continue;
      addCellCost(perSlot[s]!, cube, c, s);
      slotUsed[s] = true;
    }
  }
  const perCurrency = new Map<number, Dec>();
  perSlot.forEach((m, s) => {
    if (!slotUsed[s]) return;
    const cur = slots[s]!.currency;
    perCurrency.set(cur, (perCurrency.get(cur) ?? new Dec(0)).plus(mantissaToDec(m.value, cube.slotScaleOf(s))));
  });
  const costByCurrency = new Map<string, Dec>([...perCurrency].map(([k, v]) => [currencies[k]!, v]));
  let currency: string | null = null;
  if (core.currency !== undefined) {
    currency = core.currency.toUpperCase();
    if (costByCurrency.size > 0 && !costByCurrency.has(currency)) {
      throw new HedgeError("USAGE", `--currency ${core.currency}: the file has no cost in that currency`, {
        file: core.file,
        expected: `one of ${[...costByCurrency.keys()].join(", ")}`,
      });
    }
  } else if (costByCurrency.size === 1) currency = [...costByCurrency.keys()][0]!;
  else if (costByCurrency.size === 0 && core.hasCost) currency = "USD";
  const currencyId = currency === null ? -1 : currencies.indexOf(currency);
  const hasCost = core.hasCost && currency !== null;

  // Sums per day (in order of first appearance), kind and dimension value, exact without a BigInt per cell
  // (ExactInt: a float64 while it is exact). A day's kinds keep the order in which its cells first had them.
  const nk = kinds.length;
  const dayIndex = new Map<number, number>();
  const dayNos: number[] = [];
  const dayTokens: ExactInt[] = [];
  const dayKind: ExactInt[] = [];
  const dayKindOrder: number[][] = [];
  const dayCost: ExactInt[] = [];
  const sums = (count: number): ExactInt[] => Array.from({ length: count }, () => new ExactInt());
  const kindTotals = sums(nk);
  const modelTotals = sums(cube.models.values.length);
  const providerTotals = sums(cube.providers.values.length);
  const projectTotals = sums(cube.projects.values.length);
  const seenModel: boolean[] = [];
  const seenProvider: boolean[] = [];
  const seenProject: boolean[] = [];
  const seenKind: boolean[] = [];
  const total = new ExactInt();
  const cellTokens = new ExactInt();

  for (let c = 0; c < n; c++) {
    const dayNo = cube.day(c);
    let d = dayIndex.get(dayNo);
    if (d === undefined) {
      d = dayNos.length;
      dayIndex.set(dayNo, d);
      dayNos.push(dayNo);
      dayTokens.push(new ExactInt());
      for (let k = 0; k < nk; k++) dayKind.push(new ExactInt());
      dayKindOrder.push([]);
      for (let s = 0; s < slots.length; s++) dayCost.push(new ExactInt());
    }
    if (hasCost) {
      for (let s = 0; s < slots.length; s++) {
        if (slots[s]!.currency !== currencyId || !cube.hasCost(c, s)) continue;
        addCellCost(dayCost[d * slots.length + s]!, cube, c, s);
      }
    }
    cellTokens.lo = 0;
    cellTokens.hi = 0n;
    let any = false;
    for (let k = 0; k < nk; k++) {
      if (!cube.hasTokens(c, k)) continue;
      any = true;
      const t = cube.tokensSafe(c, k);
      addCellTokens(cellTokens, cube, c, k, t);
      addCellTokens(kindTotals[k]!, cube, c, k, t);
      seenKind[k] = true;
      const dk = dayKind[d * nk + k]!;
      if (dk.lo === 0 && dk.hi === 0n && !dayKindOrder[d]!.includes(k)) dayKindOrder[d]!.push(k);
      addCellTokens(dk, cube, c, k, t);
    }
    if (any) {
      const combo = cube.combos[cube.comboOf(c)]!;
      seenModel[combo.model] = seenProvider[combo.provider] = seenProject[combo.project] = true;
      dayTokens[d]!.addSum(cellTokens);
      modelTotals[combo.model]!.addSum(cellTokens);
      providerTotals[combo.provider]!.addSum(cellTokens);
      projectTotals[combo.project]!.addSum(cellTokens);
      total.addSum(cellTokens);
    }
  }

  const byDay = new Map<number, DayTotal>();
  let totalCost = new Dec(0);
  dayNos.forEach((dayNo, d) => {
    const byKind = new Map<string, bigint>();
    for (const k of dayKindOrder[d]!) byKind.set(kinds[k]!, dayKind[d * nk + k]!.value);
    let cost: Dec | null = null;
    if (hasCost) {
      cost = new Dec(0);
      for (let s = 0; s < slots.length; s++) {
        const m = dayCost[d * slots.length + s]!.value;
        if (m !== 0n) cost = cost.plus(mantissaToDec(m, cube.slotScaleOf(s)));
      }
      totalCost = totalCost.plus(cost);
    }
    byDay.set(dayNo, { day: daysToCivil(dayNo), tokens: dayTokens[d]!.value, cost, byKind });
  });
  const totalTokens = total.value;
  const named = (values: string[], totals: ExactInt[], seen: boolean[]): Map<string, bigint> => {
    const m = new Map<string, bigint>();
    totals.forEach((t, i) => {
      if (seen[i]) m.set(values[i]!, (m.get(values[i]!) ?? 0n) + t.value);
    });
    return m;
  };
  const byKind = named(kinds, kindTotals, seenKind);
  const byModel = named(cube.models.values, modelTotals, seenModel);
  const byProvider = named(cube.providers.values, providerTotals, seenProvider);
  const byProject = named(cube.projects.values, projectTotals, seenProject);

  if (byDay.size === 0) {
    throw new HedgeError("INPUT_EMPTY", "no usage rows left to aggregate", {
      file: core.file,
      expected: "at least one usage row",
    });
  }
  return {
    file: core.file,
    columns: core.columns,
    ...seriesTotals({ byDay, hasCost, totalTokens, totalCost, byKind, byModel, byProvider, byProject, currency }),
    costByCurrency,
    cells: [],
  };
}

/**
 * Every (day, provider, model, project, kind) total, for breakdowns. Built on demand: a
 * per-request log has hundreds of thousands of them and most runs never ask.
 */
export function seriesCells(cube: Cube, currency: string | null): UsageCell[] {
  const kinds = cube.kinds.values;
  const currencyId = currency === null ? -1 : cube.currencies.values.indexOf(currency);
  const out: UsageCell[] = [];
  for (let c = 0; c < cube.cellCount; c++) {
    const day = daysToCivil(cube.day(c));
    const combo = cube.combos[cube.comboOf(c)]!;
    const provider = cube.providers.values[combo.provider]!;
    const model = cube.models.values[combo.model]!;
    const project = cube.projects.values[combo.project]!;
    const costs = new Map<number, Dec>();
    for (const s of cube.slotsOf(c)) {
      const slot = cube.costSlots[s]!;
      if (slot.currency !== currencyId) continue;
      costs.set(slot.kind, (costs.get(slot.kind) ?? new Dec(0)).plus(cube.cost(c, s)));
    }
    for (const k of cube.kindsOf(c)) {
      const kc = costs.get(k);
      costs.delete(k);
      out.push({ day, provider, model, project, kind: kinds[k]!, tokens: cube.tokens(c, k), cost: kc ?? null });
    }
    // Cost attributed to kinds the cell has no tokens of, or to no kind (wide rows, credits).
    for (const [k, sum] of costs)
      out.push({ day, provider, model, project, kind: k >= 0 ? kinds[k]! : "", tokens: 0n, cost: sum });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** A day without usage: no tokens, and zero cost when the series has cost. */
export function emptyDay(day: string, hasCost: boolean): DayTotal {
  return { day, tokens: 0n, cost: hasCost ? new Dec(0) : null, byKind: new Map() };
}

/**
 * Every day from `first` to `last` (day numbers, dates.ts; both present in `byDay`): the day's totals where
 * it has any, an empty day where it has none (listed in `missingDays`), so a series has no gaps.
 */
export function gapFreeDays(
  byDay: ReadonlyMap<number, DayTotal>,
  first: number,
  last: number,
  hasCost: boolean,
): Pick<UsageSeries, "days" | "firstDay" | "lastDay" | "missingDays"> {
  const days: DayTotal[] = [];
  const missingDays: string[] = [];
  for (let n = first; n <= last; n++) {
    const d = byDay.get(n);
    if (d) days.push(d);
    else {
      const day = daysToCivil(n);
      missingDays.push(day);
      days.push(emptyDay(day, hasCost));
    }
  }
  return { days, firstDay: days[0]!.day, lastDay: days[days.length - 1]!.day, missingDays };
}

/** What a series adds up per day and per dimension, whether from one file's cube or from several files' cells. */
export interface SeriesSums {
  /** Day number (dates.ts) → that day's totals; not empty. */
  byDay: ReadonlyMap<number, DayTotal>;
  hasCost: boolean;
  totalTokens: bigint;
  totalCost: Dec;
  byKind: Map<string, bigint>;
  byModel: Map<string, bigint>;
  byProvider: Map<string, bigint>;
  byProject: Map<string, bigint>;
  currency: string | null;
}

/**
 * The gap-free calendar and the totals of a series. Without cost, the total cost and the currency are null
 * (a currency named with --currency on a file without cost names nothing).
 */
export function seriesTotals(s: SeriesSums): Omit<SeriesBody, "file" | "columns" | "costByCurrency" | "cells"> {
  const present = [...s.byDay.keys()].sort((a, b) => a - b);
  return {
    ...gapFreeDays(s.byDay, present[0]!, present[present.length - 1]!, s.hasCost),
    totalTokens: s.totalTokens,
    totalCost: s.hasCost ? s.totalCost : null,
    byKind: s.byKind,
    byModel: s.byModel,
    byProvider: s.byProvider,
    byProject: s.byProject,
    currency: s.hasCost ? s.currency : null,
  };
}
