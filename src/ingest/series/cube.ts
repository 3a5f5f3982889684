/**
 * The aggregation cube: exact token and cost sums per (day, provider, model, project) cell, with
 * tokens split by kind and cost by currency and kind (never added across currencies). Everything
 * later — daily series, monthly totals, breakdowns — is read from the cells, so memory grows with
 * days × dimension values, never with rows.
 *
 * Layout: struct of arrays. A cell is an index; its sums live in Float64Arrays (row k of kind or
 * cost slot s at `cell * width + k`), so a per-request log with hundreds of thousands of cells
 * costs tens of bytes per cell and nothing for the garbage collector to trace. A float64 holds
 * each running sum while it stays within ±(2^53 − 1), where every integer is exact (IEEE 754
 * binary64); before an addition could leave that range the value moves to a BigInt side table.
 * Money is an integer mantissa at one decimal scale per cost slot, raised (and every cell
 * rescaled) when an amount with more decimals arrives. The dictionaries and the (day, combination)
 * → cell index are in cube-index.ts.
 */
import { Dec } from "../../money/decimal.js";
import { CellIndex, Dictionary } from "./cube-index.js";

const MAX = Number.MAX_SAFE_INTEGER;
const POW10_NUM: number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

export interface Combo {
  provider: number;
  model: number;
  project: number;
}

/** A cost slot: one currency, and the kind the cost is attributed to (−1: several kinds, or none). */
export interface CostSlot {
  currency: number;
  kind: number;
}

export class Cube {
  readonly providers = new Dictionary();
  readonly models = new Dictionary();
  readonly projects = new Dictionary();
  readonly kinds = new Dictionary();
  readonly currencies = new Dictionary();
  readonly combos: Combo[] = [];
  readonly costSlots: CostSlot[] = [];
  private readonly comboIds = new Map<number, number>();
  private readonly farComboIds = new Map<string, number>();
  private readonly slotIds = new Map<number, number>();

  // Cells.
  private count = 0;
  private cap = 16384;
  private cellDay = new Float64Array(this.cap);
  private cellCombo = new Int32Array(this.cap);
  private cellRows = new Float64Array(this.cap);
  private readonly index = new CellIndex();

  // Token sums: width `kindWidth` per cell.
  private kindWidth = 4;
  private tokLo = new Float64Array(this.cap * this.kindWidth);
  private tokUsed = new Uint8Array(this.cap * this.kindWidth);
  private readonly tokHi = new Map<number, bigint>();

  // Cost sums: width `slotWidth` per cell, one decimal scale per slot.
  private slotWidth = 2;
  private costLo = new Float64Array(this.cap * this.slotWidth);
  private costUsed = new Uint8Array(this.cap * this.slotWidth);
  private readonly costHi = new Map<number, bigint>();
  private slotScale: number[] = [];

  get cellCount(): number {
    return this.count;
  }

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

  /** The slot of (currency, kind). */
  costSlot(currency: number, kind: number): number {
    const key = currency * 65536 + kind + 1;
    let id = this.slotIds.get(key);
    if (id === undefined) {
      id = this.costSlots.length;
      this.costSlots.push({ currency, kind });
      this.slotIds.set(key, id);
      this.slotScale.push(0);
      if (id >= this.slotWidth) this.widen("cost", id + 1);
    }
    return id;
  }

  /** The cell of (day, combo), created empty when the pair is new (cube-index.ts finds it). */
  cell(day: number, combo: number): number {
    const id = this.index.cellOf(day, combo, this.count);
    if (id === this.count) this.newCell(day, combo);
    return id;
  }

  private newCell(day: number, combo: number): void {
    if (this.count === this.cap) this.grow();
    const id = this.count++;
    this.cellDay[id] = day;
    this.cellCombo[id] = combo;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const f64 = (a: Float64Array, n: number) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const u8 = (a: Uint8Array, n: number) => {
      const b = new Uint8Array(n);
      b.set(a);
      return b;
    };
    this.cellDay = f64(this.cellDay, cap);
    const combo = new Int32Array(cap);
    combo.set(this.cellCombo);
    this.cellCombo = combo;
    this.cellRows = f64(this.cellRows, cap);
    this.tokLo = f64(this.tokLo, cap * this.kindWidth);
    this.tokUsed = u8(this.tokUsed, cap * this.kindWidth);
    this.costLo = f64(this.costLo, cap * this.slotWidth);
    this.costUsed = u8(this.costUsed, cap * this.slotWidth);
    this.cap = cap;
  }

  /** Re-lay the token or cost arrays with a larger width (a new kind or cost slot appeared). */
  private widen(what: "kind" | "cost", need: number): void {
    const old = what === "kind" ? this.kindWidth : this.slotWidth;
    let width = old;
    while (width < need) width *= 2;
    const lo = what === "kind" ? this.tokLo : this.costLo;
    const used = what === "kind" ? this.tokUsed : this.costUsed;
    const hi = what === "kind" ? this.tokHi : this.costHi;
    const nlo = new Float64Array(this.cap * width);
    const nused = new Uint8Array(this.cap * width);
    for (let c = 0; c < this.count; c++) {
      for (let k = 0; k < old; k++) {
        nlo[c * width + k] = lo[c * old + k]!;
        nused[c * width + k] = used[c * old + k]!;
      }
    }
    const moved = [...hi.entries()].map(([i, v]) => [Math.floor(i / old) * width + (i % old), v] as const);
    hi.clear();
    for (const [i, v] of moved) hi.set(i, v);
    if (what === "kind") {
      this.kindWidth = width;
      this.tokLo = nlo;
      this.tokUsed = nused;
    } else {
      this.slotWidth = width;
      this.costLo = nlo;
      this.costUsed = nused;
    }
  }

  addRow(cell: number): void {
    this.cellRows[cell]!++;
  }

  /** Add a count of rows at once (merging the cube of another byte range, merge.ts). */
  addRows(cell: number, n: number): void {
    this.cellRows[cell] = this.cellRows[cell]! + n;
  }

  /** Add a whole token count below 2^53. */
  addTokens(cell: number, kind: number, n: number): void {
    if (kind >= this.kindWidth) this.widen("kind", kind + 1);
    const i = cell * this.kindWidth + kind;
    const lo = this.tokLo[i]!;
    this.tokUsed[i] = 1;
    if (lo > MAX - n) {
      this.tokHi.set(i, (this.tokHi.get(i) ?? 0n) + BigInt(lo) + BigInt(n));
      this.tokLo[i] = 0;
    } else {
      this.tokLo[i] = lo + n;
    }
  }

  addTokensBig(cell: number, kind: number, n: bigint): void {
    if (kind >= this.kindWidth) this.widen("kind", kind + 1);
    const i = cell * this.kindWidth + kind;
    this.tokUsed[i] = 1;
    this.tokHi.set(i, (this.tokHi.get(i) ?? 0n) + n);
  }

  /** Raise a cost slot's scale, rescaling every cell's sum in it. */
  private rescale(slot: number, scale: number): void {
    const d = scale - this.slotScale[slot]!;
    const w = this.slotWidth;
    const f = d < 16 ? POW10_NUM[d]! : Infinity;
    const fb = pow10(d);
    for (const [i, v] of this.costHi) if (i % w === slot) this.costHi.set(i, v * fb);
    for (let c = 0; c < this.count; c++) {
      const i = c * w + slot;
      const lo = this.costLo[i]!;
      if (lo === 0) continue;
      const m = lo * f;
      if (m > MAX || m < -MAX) {
        this.costHi.set(i, (this.costHi.get(i) ?? 0n) + BigInt(lo) * fb);
        this.costLo[i] = 0;
      } else {
        this.costLo[i] = m;
      }
    }
    this.slotScale[slot] = scale;
  }

  /** Add `mantissa × 10^-scale` (mantissa a safe integer) to a cell's cost slot. */
  addCost(cell: number, slot: number, mantissa: number, scale: number): void {
    if (scale > this.slotScale[slot]!) this.rescale(slot, scale);
    const i = cell * this.slotWidth + slot;
    this.costUsed[i] = 1;
    const d = this.slotScale[slot]! - scale;
    let m = mantissa;
    if (d > 0) {
      m = d < 16 ? mantissa * POW10_NUM[d]! : Infinity;
      if (m > MAX || m < -MAX) {
        this.costHi.set(i, (this.costHi.get(i) ?? 0n) + BigInt(mantissa) * pow10(d));
        return;
      }
    }
    const lo = this.costLo[i]!;
    if ((m > 0 && lo > MAX - m) || (m < 0 && lo < -MAX - m)) {
      this.costHi.set(i, (this.costHi.get(i) ?? 0n) + BigInt(lo) + BigInt(m));
      this.costLo[i] = 0;
    } else {
      this.costLo[i] = lo + m;
    }
  }

  addCostBig(cell: number, slot: number, mantissa: bigint, scale: number): void {
    if (scale > this.slotScale[slot]!) this.rescale(slot, scale);
    const i = cell * this.slotWidth + slot;
    this.costUsed[i] = 1;
    this.costHi.set(i, (this.costHi.get(i) ?? 0n) + mantissa * pow10(this.slotScale[slot]! - scale));
  }

  day(cell: number): number {
    return this.cellDay[cell]!;
  }

  comboOf(cell: number): number {
    return this.cellCombo[cell]!;
  }

  rows(cell: number): number {
    return this.cellRows[cell]!;
  }

  /** Kind ids with tokens in this cell. */
  kindsOf(cell: number): number[] {
    const out: number[] = [];
    const w = this.kindWidth;
    for (let k = 0; k < w; k++) if (this.tokUsed[cell * w + k]) out.push(k);
    return out;
  }

  /** Whether the cell has tokens of this kind (kind ids run from 0 to kinds.values.length − 1). */
  hasTokens(cell: number, kind: number): boolean {
    return kind < this.kindWidth && this.tokUsed[cell * this.kindWidth + kind] === 1;
  }

  /**
   * The cell's tokens of a kind as a float64 when that is exact (the sum never left ±(2^53 − 1)), else NaN:
   * the read for summing many cells without a BigInt per cell (tokens() is the exact value in every case).
   */
  tokensSafe(cell: number, kind: number): number {
    const i = cell * this.kindWidth + kind;
    return this.tokHi.size === 0 || !this.tokHi.has(i) ? this.tokLo[i]! : NaN;
  }

  tokens(cell: number, kind: number): bigint {
    const i = cell * this.kindWidth + kind;
    return BigInt(this.tokLo[i]!) + (this.tokHi.get(i) ?? 0n);
  }

  /** Cost slots used by this cell. */
  slotsOf(cell: number): number[] {
    const out: number[] = [];
    const w = this.slotWidth;
    for (let s = 0; s < this.costSlots.length; s++) if (this.costUsed[cell * w + s]) out.push(s);
    return out;
  }

  /** Whether the cell has cost in this slot. */
  hasCost(cell: number, slot: number): boolean {
    return this.costUsed[cell * this.slotWidth + slot] === 1;
  }

  /** The cell's cost mantissa in a slot as a float64 when that is exact, else NaN (as tokensSafe). */
  costSafe(cell: number, slot: number): number {
    const i = cell * this.slotWidth + slot;
    return this.costHi.size === 0 || !this.costHi.has(i) ? this.costLo[i]! : NaN;
  }

  /** A cell's cost in a slot as an exact integer mantissa at the slot's scale. */
  costMantissa(cell: number, slot: number): bigint {
    const i = cell * this.slotWidth + slot;
    return BigInt(this.costLo[i]!) + (this.costHi.get(i) ?? 0n);
  }

  slotScaleOf(slot: number): number {
    return this.slotScale[slot]!;
  }

  cost(cell: number, slot: number): Dec {
    return mantissaToDec(this.costMantissa(cell, slot), this.slotScale[slot]!);
  }

  /** Replace provisional day keys (undecided day/month order) once the order is known; cells that meet merge. */
  remapDays(map: (day: number) => number): Cube {
    const next = new Cube();
    for (const d of ["providers", "models", "projects", "kinds", "currencies"] as const)
      for (const v of this[d].values) next[d].id(v);
    for (const c of this.combos) next.combo(c.provider, c.model, c.project);
    for (const s of this.costSlots) next.costSlot(s.currency, s.kind);
    for (let c = 0; c < this.count; c++) {
      const cell = next.cell(map(this.day(c)), this.comboOf(c));
      next.cellRows[cell] = next.cellRows[cell]! + this.rows(c);
      for (const k of this.kindsOf(c)) next.addTokensBig(cell, k, this.tokens(c, k));
      for (const s of this.slotsOf(c)) next.addCostBig(cell, s, this.costMantissa(c, s), this.slotScale[s]!);
    }
    return next;
  }
}

export function mantissaToDec(m: bigint, scale: number): Dec {
  return new Dec(`${m.toString()}e-${scale}`);
}
