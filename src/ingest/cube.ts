/**
 * The aggregation cube: exact token and cost sums per (day, provider, model, project) cell, with
 * tokens split by kind and cost by currency (never added across currencies). Everything later —
 * daily series, monthly totals, breakdowns, filters — is read from the cells, so the memory used
 * grows with days × dimension values, never with rows.
 */
import { ExactDecimal, ExactInt } from "./exact.js";

export class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

export interface CostEntry {
  currency: number;
  /** Kind id the cost is attributed to, or −1 when the row carried several kinds (wide rows). */
  kind: number;
  sum: ExactDecimal;
}

export class Cell {
  rows = 0;
  readonly tokens: ExactInt[] = [];
  readonly costs: CostEntry[] = [];
  private lastCost: CostEntry | undefined;

  constructor(
    /** Day number (days since 1970-01-01), or a provisional key for an undecided day/month order. */
    public day: number,
    readonly combo: number,
  ) {}

  addTokens(kind: number, n: number): void {
    let acc = this.tokens[kind];
    if (acc === undefined) {
      while (this.tokens.length <= kind) this.tokens.push(new ExactInt());
      acc = this.tokens[kind]!;
    }
    acc.add(n);
  }

  addTokensBig(kind: number, n: bigint): void {
    while (this.tokens.length <= kind) this.tokens.push(new ExactInt());
    this.tokens[kind]!.addBig(n);
  }

  costEntry(currency: number, kind: number): ExactDecimal {
    const last = this.lastCost;
    if (last !== undefined && last.currency === currency && last.kind === kind) return last.sum;
    let entry = this.costs.find((c) => c.currency === currency && c.kind === kind);
    if (!entry) {
      entry = { currency, kind, sum: new ExactDecimal() };
      this.costs.push(entry);
    }
    this.lastCost = entry;
    return entry.sum;
  }
}

export interface Combo {
  provider: number;
  model: number;
  project: number;
}

export class Cube {
  readonly providers = new Dictionary();
  readonly models = new Dictionary();
  readonly projects = new Dictionary();
  readonly kinds = new Dictionary();
  readonly currencies = new Dictionary();
  readonly combos: Combo[] = [];
  private readonly comboIds = new Map<number, number>();
  private readonly farComboIds = new Map<string, number>();
  private readonly cells = new Map<number, Cell>();
  /** Cells whose packed key would leave the small-integer range (see `cell`). */
  private readonly farCells = new Map<string, Cell>();
  private dayBase = NaN;
  private lastKey = NaN;
  private lastCell: Cell | undefined;

  combo(provider: number, model: number, project: number): number {
    // A small-integer key while the ids are small (no allocation per lookup), a string beyond.
    const small = provider < 64 && model < 4096 && project < 4096;
    const key = small ? (provider * 4096 + model) * 4096 + project : -1;
    const far = small ? "" : `${provider}|${model}|${project}`;
    let id = small ? this.comboIds.get(key) : this.farComboIds.get(far);
    if (id === undefined) {
      id = this.combos.length;
      this.combos.push({ provider, model, project });
      if (small) this.comboIds.set(key, id);
      else this.farComboIds.set(far, id);
    }
    return id;
  }

  /**
   * The cell of (day, combo). The key packs both into one small integer (V8 keeps integers below
   * 2^30 unboxed, so a lookup allocates nothing): the day relative to the first day seen in 16
   * bits, the combination in 14. Anything outside that range goes to a slower string-keyed map.
   */
  cell(day: number, combo: number): Cell {
    if (this.dayBase !== this.dayBase) this.dayBase = day - 32768;
    const offset = day - this.dayBase;
    if (offset < 0 || offset > 65535 || combo > 16383) return this.farCell(day, combo);
    const key = combo * 65536 + offset;
    if (key === this.lastKey) return this.lastCell!;
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = new Cell(day, combo);
      this.cells.set(key, cell);
    }
    this.lastKey = key;
    this.lastCell = cell;
    return cell;
  }

  private farCell(day: number, combo: number): Cell {
    const key = `${day}|${combo}`;
    let cell = this.farCells.get(key);
    if (cell === undefined) {
      cell = new Cell(day, combo);
      this.farCells.set(key, cell);
    }
    return cell;
  }

  allCells(): Cell[] {
    return [...this.cells.values(), ...this.farCells.values()];
  }

  /** Replace provisional day keys (undecided day/month order) once the order is known. */
  remapDays(map: (day: number) => number): void {
    const cells = this.allCells();
    this.cells.clear();
    this.farCells.clear();
    this.dayBase = NaN;
    this.lastKey = NaN;
    this.lastCell = undefined;
    for (const c of cells) {
      const day = map(c.day);
      // Two spellings of the same day (e.g. 3/4/2026 and 2026-04-03) merge into one cell.
      const existing = this.cell(day, c.combo);
      existing.rows += c.rows;
      c.tokens.forEach((t, k) => existing.addTokensBig(k, t.value));
      for (const e of c.costs) existing.costEntry(e.currency, e.kind).addSum(e.sum);
    }
  }
}
