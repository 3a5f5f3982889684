/**
 * Interning field bytes: the same model, project or usage type repeats on millions of rows, so
 * each distinct byte string gets a small integer id once (FNV-1a hash, open addressing with
 * linear probing) and everything derived from it — the decoded text, a regex match, an alias —
 * is computed once per id instead of once per row.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export class ByteInterner {
  private table: Int32Array;
  private mask: number;
  private pool = new Uint8Array(1 << 12);
  private poolLen = 0;
  private offsets: number[] = [];
  private lengths: number[] = [];
  private hashes: number[] = [];

  constructor(private readonly maxEntries = 1 << 20) {
    this.table = new Int32Array(1 << 8);
    this.mask = this.table.length - 1;
  }

  get size(): number {
    return this.offsets.length;
  }

  /** The id of buf[s, e): 0, 1, 2 … in order of first appearance; −1 once the table is full. */
  id(buf: Uint8Array, s: number, e: number): number {
    let h = FNV_OFFSET;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
    h >>>= 0;
    const len = e - s;
    let slot = this.probe(h, len, h & this.mask);
    for (; this.table[slot] !== 0; slot = this.probe(h, len, (slot + 1) & this.mask)) {
      const id = this.table[slot]! - 1;
      const off = this.offsets[id]!;
      let same = true;
      for (let i = 0; i < len; i++) {
        if (this.pool[off + i] !== buf[s + i]) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
    const id = this.newEntry(len);
    if (id < 0) return -1;
    this.pool.set(buf.subarray(s, e), this.poolLen);
    this.poolLen += len;
    this.place(id, slot, h, len);
    return id;
  }

  /**
   * The id of several fields taken together (e.g. model and project), each followed by the byte
   * 0xFF, which never occurs in UTF-8 text, so ("ab","c") and ("a","bc") differ.
   */
  idFields(buf: Uint8Array, starts: Int32Array, ends: Int32Array, cols: Int32Array): number {
    // The hash only picks a slot (the bytes are compared in full below), so it may look at part
    // of each field: its length and its last four bytes, where such values usually differ
    // (gpt-4.1 / gpt-4o, proj-01 / proj-02).
    let h = FNV_OFFSET;
    let len = 0;
    for (let f = 0; f < cols.length; f++) {
      const c = cols[f]!;
      const s = starts[c]!;
      const e = ends[c]!;
      h = Math.imul(h ^ (e - s), FNV_PRIME);
      for (let i = e - 4 > s ? e - 4 : s; i < e; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
      len += e - s + 1;
    }
    h >>>= 0;
    let slot = this.probe(h, len, h & this.mask);
    for (; this.table[slot] !== 0; slot = this.probe(h, len, (slot + 1) & this.mask)) {
      const id = this.table[slot]! - 1;
      let off = this.offsets[id]!;
      let same = true;
      for (let f = 0; f < cols.length && same; f++) {
        const c = cols[f]!;
        const e = ends[c]!;
        for (let i = starts[c]!; i < e; i++) {
          if (this.pool[off++] !== buf[i]) {
            same = false;
            break;
          }
        }
        if (same && this.pool[off++] !== 0xff) same = false;
      }
      if (same) return id;
    }
    const id = this.newEntry(len);
    if (id < 0) return -1;
    for (let f = 0; f < cols.length; f++) {
      const c = cols[f]!;
      this.pool.set(buf.subarray(starts[c]!, ends[c]!), this.poolLen);
      this.poolLen += ends[c]! - starts[c]!;
      this.pool[this.poolLen++] = 0xff;
    }
    this.place(id, slot, h, len);
    return id;
  }

  /**
   * From `slot` on (linear probing), the first slot that is empty or holds an entry with this hash
   * and length: a candidate whose bytes the caller compares.
   */
  private probe(h: number, len: number, slot: number): number {
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === 0 || (this.hashes[entry - 1] === h && this.lengths[entry - 1] === len)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** A new entry of `len` bytes at the end of the pool (the caller copies them): its id, or −1 once the table is full. */
  private newEntry(len: number): number {
    if (this.offsets.length >= this.maxEntries) return -1;
    this.reservePool(len);
    this.offsets.push(this.poolLen);
    return this.offsets.length - 1;
  }

  /** Record the new entry's hash and length and put it in its empty slot, growing the table at half full. */
  private place(id: number, slot: number, h: number, len: number): void {
    this.lengths.push(len);
    this.hashes.push(h);
    this.table[slot] = id + 1;
    if (this.offsets.length * 2 > this.table.length) this.rehash();
  }

  /** Room for `len` more bytes in the pool (doubling), on the insert path only. */
  private reservePool(len: number): void {
    if (this.poolLen + len <= this.pool.length) return;
    const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.poolLen + len));
    bigger.set(this.pool.subarray(0, this.poolLen));
    this.pool = bigger;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.hashes.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}

/**
 * A set of 64-bit row-key hashes with a memory cap, for duplicate detection. Two independent
 * 32-bit hashes make a false "duplicate" about 1 in 2^64 per pair of rows.
 */
export class KeyHashSet {
  private table: Uint32Array;
  private mask: number;
  private count = 0;
  full = false;

  constructor(private readonly maxSlots = 1 << 18) {
    this.table = new Uint32Array(Math.min(maxSlots, 1 << 16) * 2);
    this.mask = (this.table.length >> 1) - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the key; true when it was already present. When full, nothing is added and false returned. */
  addIfAbsent(h1: number, h2: number): boolean {
    // The table holds unsigned 32-bit values; Math.imul results are signed.
    h1 >>>= 0;
    h2 >>>= 0;
    // A zero pair marks an empty slot; nudge a genuine zero hash.
    if (h1 === 0 && h2 === 0) h2 = 1;
    let slot = h1 & this.mask;
    const t = this.table;
    for (;;) {
      const a = t[slot * 2]!;
      const b = t[slot * 2 + 1]!;
      if (a === 0 && b === 0) break;
      if (a === h1 && b === h2) return true;
      slot = (slot + 1) & this.mask;
    }
    if ((this.count + 1) * 10 > (this.mask + 1) * 7) {
      if ((this.mask + 1) * 2 > this.maxSlots) {
        this.full = true;
        return false;
      }
      this.grow();
      return this.addIfAbsent(h1, h2);
    }
    t[slot * 2] = h1;
    t[slot * 2 + 1] = h2;
    this.count++;
    return false;
  }

  private grow(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const t = new Uint32Array(slots * 2);
    const mask = slots - 1;
    for (let i = 0; i < old.length; i += 2) {
      const a = old[i]!;
      const b = old[i + 1]!;
      if (a === 0 && b === 0) continue;
      let slot = a & mask;
      while (t[slot * 2] !== 0 || t[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      t[slot * 2] = a;
      t[slot * 2 + 1] = b;
    }
    this.table = t;
    this.mask = mask;
  }
}

/** Two 32-bit hashes of byte ranges, fed field by field (FNV-1a and a Murmur-style multiply). */
export class KeyHasher {
  h1 = FNV_OFFSET;
  h2 = 0x9747b28c;

  reset(): void {
    this.h1 = FNV_OFFSET;
    this.h2 = 0x9747b28c;
  }

  feed(buf: Uint8Array, s: number, e: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = s; i < e; i++) {
      const b = buf[i]!;
      h1 = Math.imul(h1 ^ b, FNV_PRIME);
      h2 = Math.imul(h2 ^ b, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    // A field separator that cannot occur in the data, so ("ab","c") ≠ ("a","bc").
    this.h1 = Math.imul(h1 ^ 0x1f, FNV_PRIME);
    this.h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
  }
}
