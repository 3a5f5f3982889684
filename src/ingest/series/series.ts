/** The cube's cells → the usage series: gap-free days, totals by kind, model, provider and project. */
import { Dec } from "../../money/decimal.js";
import { HedgeError } from "../../errors.js";
import { mantissaToDec, type Cube } from "./cube.js";
import { daysToCivil } from "../values/dates.js";
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

export function buildSeries(cube: Cube, core: SeriesCore): SeriesBody {
  const kinds = cube.kinds.values;
  const currencies = cube.currencies.values;
  const n = cube.cellCount;
  const slots = cube.costSlots;

  // Currency: the one asked for, else the only one present; several and none chosen → no single total.
  const perSlot: bigint[] = slots.map(() => 0n);
  const slotUsed: boolean[] = slots.map(() => false);
  for (let c = 0; c < n; c++) {
    for (const s of cube.slotsOf(c)) {
      perSlot[s] = perSlot[s]! + cube.costMantissa(c, s);
      slotUsed[s] = true;
    }
  }
  const perCurrency = new Map<number, Dec>();
  perSlot.forEach((m, s) => {
    if (!slotUsed[s]) return;
    const cur = slots[s]!.currency;
    perCurrency.set(cur, (perCurrency.get(cur) ?? new Dec(0)).plus(mantissaToDec(m, cube.slotScaleOf(s))));
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

  const byDay = new Map<number, DayTotal>();
  // Cost per day as exact mantissas per slot (each slot has one scale), turned into Dec once per day.
  const dayCost = new Map<number, bigint[]>();
  const kindTotals: bigint[] = kinds.map(() => 0n);
  const modelTotals: bigint[] = cube.models.values.map(() => 0n);
  const providerTotals: bigint[] = cube.providers.values.map(() => 0n);
  const projectTotals: bigint[] = cube.projects.values.map(() => 0n);
  const seenModel: boolean[] = [];
  const seenProvider: boolean[] = [];
  const seenProject: boolean[] = [];
  const seenKind: boolean[] = [];
  let totalTokens = 0n;

  for (let c = 0; c < n; c++) {
    const dayNo = cube.day(c);
    let d = byDay.get(dayNo);
    if (!d) {
      d = { day: daysToCivil(dayNo), tokens: 0n, cost: null, byKind: new Map() };
      byDay.set(dayNo, d);
      dayCost.set(
        dayNo,
        slots.map(() => 0n),
      );
    }
    const combo = cube.combos[cube.comboOf(c)]!;
    if (hasCost) {
      const dc = dayCost.get(dayNo)!;
      for (const s of cube.slotsOf(c)) if (slots[s]!.currency === currencyId) dc[s] = dc[s]! + cube.costMantissa(c, s);
    }
    let cellTokens = 0n;
    const ks = cube.kindsOf(c);
    for (const k of ks) {
      const t = cube.tokens(c, k);
      cellTokens += t;
      kindTotals[k] = kindTotals[k]! + t;
      seenKind[k] = true;
      const kind = kinds[k]!;
      d.byKind.set(kind, (d.byKind.get(kind) ?? 0n) + t);
    }
    if (ks.length > 0) {
      seenModel[combo.model] = seenProvider[combo.provider] = seenProject[combo.project] = true;
      d.tokens += cellTokens;
      modelTotals[combo.model] = modelTotals[combo.model]! + cellTokens;
      providerTotals[combo.provider] = providerTotals[combo.provider]! + cellTokens;
      projectTotals[combo.project] = projectTotals[combo.project]! + cellTokens;
      totalTokens += cellTokens;
    }
  }
  let totalCost = new Dec(0);
  if (hasCost) {
    for (const [dayNo, d] of byDay) {
      let sum = new Dec(0);
      dayCost.get(dayNo)!.forEach((m, s) => {
        if (m !== 0n) sum = sum.plus(mantissaToDec(m, cube.slotScaleOf(s)));
      });
      d.cost = sum;
      totalCost = totalCost.plus(sum);
    }
  }
  const named = (values: string[], totals: bigint[], seen: boolean[]): Map<string, bigint> => {
    const m = new Map<string, bigint>();
    totals.forEach((t, i) => {
      if (seen[i]) m.set(values[i]!, (m.get(values[i]!) ?? 0n) + t);
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
