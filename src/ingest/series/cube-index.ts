/**
 * The aggregation cube's keys (cube.ts holds the sums): the dictionaries that give each provider,
 * model, project, kind and currency a small integer id, and the index from (day, combination) to a
 * cell. Both are on the reader's per-row path, so neither allocates on a lookup that finds its key.
 */

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

/**
 * (day, combination) → cell id. The key packs both into one small integer (V8 keeps integers below
 * 2^30 unboxed, so a lookup allocates nothing): the day relative to the first day seen in 16 bits,
 * the combination in 14. Anything outside that range goes to a string-keyed map.
 */
export class CellIndex {
  // Open-addressing table from packed key to cell (keys −1 = empty), cheaper than a Map here.
  private slotKeys = new Int32Array(65536).fill(-1);
  private slotCells = new Int32Array(65536);
  private slotMask = 65535;
  private readonly farIndex = new Map<string, number>();
  private dayBase = NaN;
  private comboCap = 256;
  private comboLastDay = new Float64Array(256).fill(NaN);
  private comboLastCell = new Int32Array(256);
  private lastKey = -1;
  private lastCell = -1;

  /**
   * The cell of (day, combo). A pair seen for the first time gets `next`, the caller's next free cell
   * id (the caller creates that cell when the answer is `next`).
   */
  cellOf(day: number, combo: number, next: number): number {
    // Logs come in time order: the combination's cell for the day it saw last is usually the one.
    if (combo < this.comboCap && this.comboLastDay[combo] === day) return this.comboLastCell[combo]!;
    const id = this.lookupCell(day, combo, next);
    if (combo >= this.comboCap) this.growComboCache(combo);
    this.comboLastDay[combo] = day;
    this.comboLastCell[combo] = id;
    return id;
  }

  private growComboCache(combo: number): void {
    let cap = this.comboCap;
    while (cap <= combo) cap *= 2;
    const days = new Float64Array(cap).fill(NaN);
    days.set(this.comboLastDay);
    const cells = new Int32Array(cap);
    cells.set(this.comboLastCell);
    this.comboLastDay = days;
    this.comboLastCell = cells;
    this.comboCap = cap;
  }

  private lookupCell(day: number, combo: number, next: number): number {
    if (this.dayBase !== this.dayBase) this.dayBase = day - 32768;
    const offset = day - this.dayBase;
    if (offset < 0 || offset > 65535 || combo > 16383) return this.farCell(day, combo, next);
    const key = combo * 65536 + offset;
    if (key === this.lastKey) return this.lastCell;
    const keys = this.slotKeys;
    const mask = this.slotMask;
    // Fibonacci hashing of the packed key (Knuth, TAOCP vol. 3, §6.4), linear probing.
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    let k = keys[slot]!;
    while (k !== key && k !== -1) {
      slot = (slot + 1) & mask;
      k = keys[slot]!;
    }
    let id: number;
    if (k === key) id = this.slotCells[slot]!;
    else {
      id = next;
      keys[slot] = key;
      this.slotCells[slot] = id;
      // Half full, counting every cell (far ones too): `next + 1` cells exist once the caller adds this one.
      if ((next + 1) * 2 > mask) this.rehash();
    }
    this.lastKey = key;
    this.lastCell = id;
    return id;
  }

  private rehash(): void {
    const size = (this.slotMask + 1) * 2;
    const keys = new Int32Array(size).fill(-1);
    const cells = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i <= this.slotMask; i++) {
      const key = this.slotKeys[i]!;
      if (key === -1) continue;
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (keys[slot] !== -1) slot = (slot + 1) & mask;
      keys[slot] = key;
      cells[slot] = this.slotCells[i]!;
    }
    this.slotKeys = keys;
    this.slotCells = cells;
    this.slotMask = mask;
  }

  private farCell(day: number, combo: number, next: number): number {
    const key = `${day}|${combo}`;
    let id = this.farIndex.get(key);
    if (id === undefined) {
      id = next;
      this.farIndex.set(key, id);
    }
    return id;
  }
}
