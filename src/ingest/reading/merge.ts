/**
 * Merging the partial results of a file read in byte ranges (the CLI's worker threads, src/cli/ingest-parallel.ts):
 * each range runs the same engine over its own records and hands back an `IngestPart`, plain data that survives
 * a structured clone (strings, numbers, BigInts, typed arrays). The first range's engine absorbs the others in file
 * order, so everything kept in first-seen order — dictionary ids, combinations, cost slots, cells, skip reasons and
 * their first line numbers — comes out as a single sequential read would have produced it; sums stay exact (BigInt
 * tokens, integer cost mantissas at the slot's decimal scale). Pure.
 */
import type { Cube } from "../series/cube.js";
import type { DayBucketer, FirstSeen } from "../values/day-bucket.js";
import { ExactDecimal } from "../values/exact.js";
import type { RowMapper } from "../mapping/row-mapper.js";
import { FIRST_LINES, type SkipStat } from "../mapping/row-skips.js";
import type { UnitCheckStats } from "../mapping/unit-check.js";

/** One range's cube: dictionaries in id order, cells in creation order, sums per used kind and cost slot. */
export interface CubePart {
  providers: string[];
  models: string[];
  projects: string[];
  kinds: string[];
  currencies: string[];
  combos: { provider: number; model: number; project: number }[];
  costSlots: { currency: number; kind: number }[];
  slotScales: number[];
  cellDay: Float64Array;
  cellCombo: Int32Array;
  cellRows: Float64Array;
  /**
   * (cell, kind, tokens) triples, cells in order. A value is a float64 where that is exact; NaN marks one kept as
   * a BigInt in `tokBig` (in triple order): a BigInt per cell would cost more to make, clone and read back than
   * the whole merge otherwise does.
   */
  tokCell: Int32Array;
  tokKind: Int32Array;
  tokValue: Float64Array;
  tokBig: bigint[];
  /** (cell, slot, mantissa at the slot's scale) triples, NaN-marked BigInts in `costBig` as for tokens. */
  costCell: Int32Array;
  costSlot: Int32Array;
  costValue: Float64Array;
  costBig: bigint[];
}

/** One byte range's results, with line numbers relative to the range (its first line is 1). */
export interface IngestPart {
  /** The range ended at a record boundary (its last line feed was not inside a quoted field). */
  clean: boolean;
  /** Line breaks consumed: the next range's first line is this many lines further on. */
  lines: number;
  rowsRead: number;
  rowsUsed: number;
  skips: SkipStat[];
  costOnly: { reason: string; sums: { currency: number; lo: number; hi: bigint; scale: number }[] }[];
  unitCheck: UnitCheckStats;
  /** Day/month-order evidence or an undecided a/b/yyyy date: depends on what came before, so not mergeable. */
  orderDependent: boolean;
  dateOnly: FirstSeen | undefined;
  withTime: FirstSeen | undefined;
  subDaily: FirstSeen | undefined;
  /** Row errors counted under --on-error skip (their messages carry line numbers: not merged). */
  rowErrors: number;
  cube: CubePart;
}

export function cubePart(cube: Cube): CubePart {
  const n = cube.cellCount;
  const nk = cube.kinds.values.length;
  const ns = cube.costSlots.length;
  const cellDay = new Float64Array(n);
  const cellCombo = new Int32Array(n);
  const cellRows = new Float64Array(n);
  const tc: number[] = [];
  const tk: number[] = [];
  const tv: number[] = [];
  const tokBig: bigint[] = [];
  const cc: number[] = [];
  const cs: number[] = [];
  const cv: number[] = [];
  const costBig: bigint[] = [];
  for (let c = 0; c < n; c++) {
    cellDay[c] = cube.day(c);
    cellCombo[c] = cube.comboOf(c);
    cellRows[c] = cube.rows(c);
    for (let k = 0; k < nk; k++) {
      if (!cube.hasTokens(c, k)) continue;
      tc.push(c);
      tk.push(k);
      const v = cube.tokensSafe(c, k);
      tv.push(v);
      if (v !== v) tokBig.push(cube.tokens(c, k));
    }
    for (let s = 0; s < ns; s++) {
      if (!cube.hasCost(c, s)) continue;
      cc.push(c);
      cs.push(s);
      const v = cube.costSafe(c, s);
      cv.push(v);
      if (v !== v) costBig.push(cube.costMantissa(c, s));
    }
  }
  return {
    providers: [...cube.providers.values],
    models: [...cube.models.values],
    projects: [...cube.projects.values],
    kinds: [...cube.kinds.values],
    currencies: [...cube.currencies.values],
    combos: cube.combos.map((c) => ({ ...c })),
    costSlots: cube.costSlots.map((s) => ({ ...s })),
    slotScales: cube.costSlots.map((_, s) => cube.slotScaleOf(s)),
    cellDay,
    cellCombo,
    cellRows,
    tokCell: Int32Array.from(tc),
    tokKind: Int32Array.from(tk),
    tokValue: Float64Array.from(tv),
    tokBig,
    costCell: Int32Array.from(cc),
    costSlot: Int32Array.from(cs),
    costValue: Float64Array.from(cv),
    costBig,
  };
}

/** Add a later range's cube to `cube`, remapping its ids; returns its currency ids in `cube`. */
export function absorbCube(cube: Cube, p: CubePart): number[] {
  const providers = p.providers.map((v) => cube.providers.id(v));
  const models = p.models.map((v) => cube.models.id(v));
  const projects = p.projects.map((v) => cube.projects.id(v));
  const kinds = p.kinds.map((v) => cube.kinds.id(v));
  const currencies = p.currencies.map((v) => cube.currencies.id(v));
  const combos = p.combos.map((c) => cube.combo(providers[c.provider]!, models[c.model]!, projects[c.project]!));
  const slots = p.costSlots.map((s) => cube.costSlot(currencies[s.currency]!, s.kind < 0 ? s.kind : kinds[s.kind]!));
  const cells = new Int32Array(p.cellDay.length);
  for (let c = 0; c < cells.length; c++) {
    const cell = cube.cell(p.cellDay[c]!, combos[p.cellCombo[c]!]!);
    cells[c] = cell;
    cube.addRows(cell, p.cellRows[c]!);
  }
  let big = 0;
  for (let i = 0; i < p.tokCell.length; i++) {
    const v = p.tokValue[i]!;
    const cell = cells[p.tokCell[i]!]!;
    const kind = kinds[p.tokKind[i]!]!;
    if (v !== v) cube.addTokensBig(cell, kind, p.tokBig[big++]!);
    else if (v >= 0) cube.addTokens(cell, kind, v);
    else cube.addTokensBig(cell, kind, BigInt(v));
  }
  big = 0;
  for (let i = 0; i < p.costCell.length; i++) {
    const s = p.costSlot[i]!;
    const v = p.costValue[i]!;
    const cell = cells[p.costCell[i]!]!;
    // Safe integers stay in the float64 sums: BigInt side entries would slow every later read of the cell.
    if (v !== v) cube.addCostBig(cell, slots[s]!, p.costBig[big++]!, p.slotScales[s]!);
    else cube.addCost(cell, slots[s]!, v, p.slotScales[s]!);
  }
  return currencies;
}

function shifted(s: FirstSeen | undefined, base: number): FirstSeen | undefined {
  return s && { count: s.count, firstLine: s.firstLine + base };
}

/** Fold the date evidence of a later range into the first range's bucketer. */
function absorbDates(b: DayBucketer, p: IngestPart, base: number): void {
  for (const key of ["dateOnly", "withTime", "subDaily"] as const) {
    const s = shifted(p[key], base);
    if (!s) continue;
    const mine = b[key];
    if (mine) mine.count += s.count;
    else b[key] = s;
  }
}

/**
 * Fold one later range into the first range's mapper, bucketer and cube. `base` is added to the range's
 * relative line numbers (the absolute line of its first line, minus one).
 */
export function absorbPart(mapper: RowMapper, bucketer: DayBucketer, cube: Cube, p: IngestPart, base: number): void {
  const currencies = absorbCube(cube, p.cube);
  mapper.rowsRead += p.rowsRead;
  mapper.rowsUsed += p.rowsUsed;
  for (const s of p.skips) {
    let mine = mapper.skips.get(s.reason);
    if (!mine) {
      mine = { reason: s.reason, category: s.category, count: 0, firstLines: [] };
      mapper.skips.set(s.reason, mine);
    }
    mine.count += s.count;
    for (const line of s.firstLines) if (mine.firstLines.length < FIRST_LINES) mine.firstLines.push(line + base);
  }
  for (const { reason, sums } of p.costOnly) {
    let byCur = mapper.costOnlySums.get(reason);
    if (!byCur) {
      byCur = new Map();
      mapper.costOnlySums.set(reason, byCur);
    }
    for (const s of sums) {
      const cur = currencies[s.currency]!;
      let acc = byCur.get(cur);
      if (!acc) {
        acc = new ExactDecimal();
        byCur.set(cur, acc);
      }
      acc.addBig(s.hi + BigInt(s.lo), s.scale);
    }
  }
  const u = mapper.unitCheck;
  u.pricingUnits += p.unitCheck.pricingUnits;
  u.rawTokens += p.unitCheck.rawTokens;
  u.undecided += p.unitCheck.undecided;
  absorbDates(bucketer, p, base);
}

/** A range's results as plain data (the engine calls it at the end of its range). */
export function ingestPart(
  mapper: RowMapper,
  bucketer: DayBucketer,
  cube: Cube,
  r: { clean: boolean; lines: number; rowErrors: number },
): IngestPart {
  return {
    ...r,
    rowsRead: mapper.rowsRead,
    rowsUsed: mapper.rowsUsed,
    skips: [...mapper.skips.values()].map((s) => ({ ...s, firstLines: [...s.firstLines] })),
    costOnly: [...mapper.costOnlySums.entries()].map(([reason, byCur]) => ({
      reason,
      sums: [...byCur.entries()].map(([currency, e]) => ({ currency, lo: e.lo, hi: e.hi, scale: e.scale })),
    })),
    unitCheck: { ...mapper.unitCheck },
    orderDependent: bucketer.orderEvidence !== undefined || bucketer.undecided !== undefined,
    dateOnly: bucketer.dateOnly && { ...bucketer.dateOnly },
    withTime: bucketer.withTime && { ...bucketer.withTime },
    subDaily: bucketer.subDaily && { ...bucketer.subDaily },
    cube: cubePart(cube),
  };
}
