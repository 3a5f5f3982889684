/** The cube's cells → the usage series: gap-free days, totals by kind, model, provider and project. */
import { Dec } from "../money/decimal.js";
import { HedgeError } from "../errors.js";
import type { Cube } from "./cube.js";
import { ExactDecimal } from "./exact.js";
import { daysToCivil } from "./dates.js";
import type { ColumnMap, DayTotal, UsageCell, UsageSeries } from "./types.js";

function addTo<K>(map: Map<K, bigint>, key: K, n: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + n);
}

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
  const cells = cube.allCells();

  // Currency: the one asked for, else the only one present; several and none chosen → no single total.
  const perCurrency = new Map<number, ExactDecimal>();
  for (const c of cells) {
    for (const e of c.costs) {
      let acc = perCurrency.get(e.currency);
      if (!acc) perCurrency.set(e.currency, (acc = new ExactDecimal()));
      acc.addSum(e.sum);
    }
  }
  const costByCurrency = new Map<string, Dec>([...perCurrency].map(([k, v]) => [currencies[k]!, v.toDec()]));
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
  const dayCost = new Map<number, ExactDecimal>();
  const byKind = new Map<string, bigint>();
  const byModel = new Map<string, bigint>();
  const byProvider = new Map<string, bigint>();
  const byProject = new Map<string, bigint>();
  const outCells: UsageCell[] = [];
  let totalTokens = 0n;
  const totalCost = new ExactDecimal();

  for (const c of cells) {
    let d = byDay.get(c.day);
    if (!d) {
      d = { day: daysToCivil(c.day), tokens: 0n, cost: null, byKind: new Map() };
      byDay.set(c.day, d);
      dayCost.set(c.day, new ExactDecimal());
    }
    const combo = cube.combos[c.combo]!;
    const provider = cube.providers.values[combo.provider]!;
    const model = cube.models.values[combo.model]!;
    const project = cube.projects.values[combo.project]!;
    // Cost of this cell in the series currency, per kind (−1: not attributable to one kind).
    const costs = new Map<number, ExactDecimal>();
    if (hasCost) {
      const dc = dayCost.get(c.day)!;
      for (const e of c.costs) {
        if (e.currency !== currencyId) continue;
        dc.addSum(e.sum);
        totalCost.addSum(e.sum);
        let k = costs.get(e.kind);
        if (!k) costs.set(e.kind, (k = new ExactDecimal()));
        k.addSum(e.sum);
      }
    }
    let cellTokens = 0n;
    c.tokens.forEach((acc, k) => {
      const n = acc.value;
      const kind = kinds[k]!;
      cellTokens += n;
      d.byKind.set(kind, (d.byKind.get(kind) ?? 0n) + n);
      addTo(byKind, kind, n);
      const kc = costs.get(k);
      costs.delete(k);
      outCells.push({ day: d.day, provider, model, project, kind, tokens: n, cost: kc ? kc.toDec() : null });
    });
    d.tokens += cellTokens;
    addTo(byModel, model, cellTokens);
    addTo(byProvider, provider, cellTokens);
    addTo(byProject, project, cellTokens);
    totalTokens += cellTokens;
    // Cost attributed to kinds the cell has no tokens of, or to no kind (wide rows, credits).
    for (const [k, sum] of costs) outCells.push({ day: d.day, provider, model, project, kind: k >= 0 ? kinds[k]! : "", tokens: 0n, cost: sum.toDec() });
  }
  if (hasCost) for (const [day, d] of byDay) d.cost = dayCost.get(day)!.toDec();

  const present = [...byDay.keys()].sort((a, b) => a - b);
  if (present.length === 0) {
    throw new HedgeError("INPUT_EMPTY", "no usage rows left to aggregate", { file: core.file, expected: "at least one usage row" });
  }
  const first = present[0]!;
  const last = present[present.length - 1]!;
  const days: DayTotal[] = [];
  const missingDays: string[] = [];
  for (let day = first; day <= last; day++) {
    const d = byDay.get(day);
    if (d) days.push(d);
    else {
      const s = daysToCivil(day);
      missingDays.push(s);
      days.push({ day: s, tokens: 0n, cost: hasCost ? new Dec(0) : null, byKind: new Map() });
    }
  }
  outCells.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return {
    file: core.file,
    columns: core.columns,
    days,
    firstDay: daysToCivil(first),
    lastDay: daysToCivil(last),
    missingDays,
    totalTokens,
    totalCost: hasCost ? totalCost.toDec() : null,
    byKind,
    byModel,
    byProvider,
    byProject,
    currency: hasCost ? currency : null,
    costByCurrency,
    cells: outCells,
  };
}
