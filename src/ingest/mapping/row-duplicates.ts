/**
 * The duplicate-row check: a row whose key columns repeat an earlier row's. Keys are hashed into a
 * fixed-size set, so its memory is capped; once the set is full the check stops and says how many
 * rows it covered.
 */
import type { CsvRecord } from "../../csv/scanner.js";
import { KeyHashSet, KeyHasher } from "../values/intern.js";
import { FIRST_LINES } from "./row-skips.js";

export interface DuplicateStats {
  count: number;
  firstLines: number[];
  checkedRows: number;
  capped: boolean;
}

export class DuplicateCheck {
  readonly stats: DuplicateStats = { count: 0, firstLines: [], checkedRows: 0, capped: false };
  private readonly hasher = new KeyHasher();
  private readonly seenKeys: KeyHashSet | undefined;

  constructor(
    private readonly keyColumns: number[],
    slots: number,
  ) {
    this.seenKeys = slots > 0 && keyColumns.length > 0 ? new KeyHashSet(slots) : undefined;
  }

  /** Whether rows are still being checked (there are key columns and the set is not full). */
  get active(): boolean {
    return this.seenKeys !== undefined && !this.stats.capped;
  }

  /** Records the row's key; true when an earlier row had the same key. Call only while `active`. */
  seen(rec: CsvRecord): boolean {
    const h = this.hasher;
    h.reset();
    const cols = this.keyColumns;
    for (let k = 0; k < cols.length; k++) {
      const i = cols[k]!;
      h.feed(rec.buf, rec.starts[i]!, rec.ends[i]!);
    }
    const dup = this.seenKeys!.addIfAbsent(h.h1, h.h2);
    if (this.seenKeys!.full) this.stats.capped = true;
    else this.stats.checkedRows++;
    if (!dup) return false;
    this.stats.count++;
    if (this.stats.firstLines.length < FIRST_LINES) this.stats.firstLines.push(rec.line);
    return true;
  }
}
