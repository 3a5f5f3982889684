/**
 * The token values of one record on the mapper's general path: read from the wide columns (one
 * column per token kind, with `minus` for nested columns) or from the long format's quantity
 * column (one kind per row, its unit from the mapping), checked as a whole, then added to the cube.
 *
 * Values are held per measure as a number (exact up to 15 digits) or, beyond that, NaN with the
 * BigInt beside it, so the common case never allocates.
 */
import { fieldText, type CsvRecord } from "../../csv/scanner.js";
import type { Cube } from "../series/cube.js";
import type { LongOutput, RowTokenRules, WideOutput } from "./compile.js";
import { fastTokenCount, parseDecimalText, scaleDecimal, type Decimal, type NumberStyle } from "../values/numbers.js";
import { cellError } from "./row-error.js";
import type { Column } from "./row-lookups.js";
import { containmentError, tokenCount, tokenParseError } from "./row-tokens.js";
import { checkedUnitFactor, type UnitCheckStats } from "./unit-check.js";

export class RowTokenValues {
  private readonly num: number[] = [];
  private readonly big: (bigint | undefined)[] = [];
  private readonly empty: boolean[] = [];

  constructor(
    private readonly rules: RowTokenRules,
    private readonly style: NumberStyle,
    /** The style's decimal mark as a byte, for fastTokenCount. */
    private readonly decimalMark: number,
    private readonly file: string,
    private readonly unitCheck: UnitCheckStats,
  ) {}

  /** Reads every wide measure of the record; true when all of them were empty. */
  readWide(rec: CsvRecord): boolean {
    let allEmpty = true;
    const { measures, measureRules } = this.rules;
    for (let k = 0; k < measures.length; k++) {
      this.readMeasure(rec, k, measureRules[k]!);
      if (!this.empty[k]) allEmpty = false;
    }
    return allEmpty;
  }

  /**
   * Reads a long-format record: its kind (−1 when it has none) and its quantity in tokens, or the
   * reason the kind rules give for ignoring the row (a string).
   */
  readLong(rec: CsvRecord, L: LongOutput): number | string {
    let kind: number;
    if (L.kindLookup) {
      const d = L.kindLookup.get(rec);
      if ("ignore" in d) return d.ignore;
      if ("unknown" in d) {
        throw cellError(
          "INPUT_UNKNOWN_KIND",
          `no kind rule matches "${fieldText(rec, L.kindLookup.column.index)}"`,
          this.file,
          rec,
          L.kindLookup.column,
          "a value one of the kind rules matches",
          "add a rule for it to the mapping (kind: …, or ignore: reason)",
          L.kindRule,
        );
      }
      kind = d.kind;
    } else {
      kind = L.kindConst!;
    }
    let factor = L.unitFactor ?? "1";
    if (L.unitLookup) {
      const u = L.unitLookup.get(rec);
      if (u.factor === undefined) {
        throw cellError(
          "INPUT_UNKNOWN_UNIT",
          `unknown unit "${u.text}"`,
          this.file,
          rec,
          L.unitLookup.column,
          "a unit listed in the mapping's unit table",
          "add the unit to the table (tokens per unit), or filter the rows out",
          L.kindRule,
        );
      }
      factor = u.factor;
    }
    const mq = this.rules.measures[L.measure]!;
    const text = fieldText(rec, mq.column.index);
    if (text.trim() === "") {
      this.empty[L.measure] = true;
      this.num[L.measure] = 0;
      this.big[L.measure] = undefined;
    } else {
      const dq = parseDecimalText(text, this.style);
      if (!dq) throw tokenParseError(text, this.file, rec, mq.column, L.kindRule);
      if (L.verify && factor !== "1") factor = checkedUnitFactor(rec, L.verify, dq, factor, this.unitCheck);
      this.empty[L.measure] = false;
      this.set(L.measure, rec, mq.column, text, scaleDecimal(dq, factor), factor, L.kindRule);
    }
    return kind;
  }

  /** Whether the long-format quantity just read was empty. */
  longEmpty(L: LongOutput): boolean {
    return this.empty[L.measure]!;
  }

  /**
   * The checks on the record's values as a whole: no empty count where one is required, no
   * contained column above its container, no tokens on a long-format row without a kind.
   */
  check(rec: CsvRecord, longKind: number): void {
    const { measures, measureRules, wide, long, emptyTokensZero } = this.rules;
    if (!emptyTokensZero && wide.length > 0) {
      for (let k = 0; k < measures.length; k++) {
        if (this.empty[k]) {
          throw tokenParseError(
            "",
            this.file,
            rec,
            measures[k]!.column,
            measureRules[k]!,
            "the cell is empty; every row needs a token count (or set emptyTokens: zero in the mapping)",
          );
        }
      }
    }
    if (long && this.empty[long.measure] && !emptyTokensZero) {
      throw tokenParseError(
        "",
        this.file,
        rec,
        measures[long.measure]!.column,
        long.kindRule,
        "the cell is empty; every row needs a token count",
      );
    }
    // Containment: a contained column is subtracted from its container; it must not exceed it.
    for (const w of wide) {
      if (w.minus.length === 0) continue;
      const v = this.net(w);
      if (v < 0) throw containmentError(rec, w, measures, this.file);
    }
    if (long && longKind < 0 && this.num[long.measure] !== 0) {
      const c = measures[long.measure]!.column;
      throw cellError(
        "INPUT_INVALID",
        `token count "${fieldText(rec, c.index)}" on a row without a token kind`,
        this.file,
        rec,
        c,
        "an empty or 0 token count",
        "give the row a token kind, or move its tokens to a row that has one",
        long.kindRule,
      );
    }
  }

  /** Adds the checked values to one cell of the cube. */
  addTo(cube: Cube, cell: number, longKind: number): void {
    const { wide, long } = this.rules;
    if (wide.length > 0) {
      for (const w of wide) {
        const v = this.net(w);
        if (typeof v === "number") cube.addTokens(cell, w.kind, v);
        else cube.addTokensBig(cell, w.kind, v);
      }
    } else if (long && longKind >= 0) {
      const q = long.measure;
      if (Number.isNaN(this.num[q]!)) cube.addTokensBig(cell, longKind, this.big[q]!);
      else cube.addTokens(cell, longKind, this.num[q]!);
    }
  }

  /** A wide output's tokens: its column less the columns it contains (a BigInt when any is one). */
  private net(w: WideOutput): number | bigint {
    let v = this.num[w.measure]!;
    let anyBig = Number.isNaN(v);
    for (const k of w.minus) if (Number.isNaN(this.num[k]!)) anyBig = true;
    if (!anyBig) {
      for (const k of w.minus) v -= this.num[k]!;
      return v;
    }
    let b = this.big[w.measure] ?? BigInt(this.num[w.measure]!);
    for (const k of w.minus) b -= this.big[k] ?? BigInt(this.num[k]!);
    return b;
  }

  /** A whole-number token count from one cell (after the multiplier), as a number or, when too large, a BigInt. */
  private readMeasure(rec: CsvRecord, m: number, rule: string): void {
    const { column, multiplier } = this.rules.measures[m]!;
    const i = column.index;
    this.empty[m] = false;
    this.big[m] = undefined;
    if (multiplier === "1") {
      const v = fastTokenCount(rec.buf, rec.starts[i]!, rec.ends[i]!, this.decimalMark);
      if (v >= 0) {
        this.num[m] = v;
        return;
      }
    }
    const text = fieldText(rec, i);
    if (text.trim() === "") {
      this.empty[m] = true;
      this.num[m] = 0;
      return;
    }
    const d = parseDecimalText(text, this.style);
    if (!d) throw tokenParseError(text, this.file, rec, column, rule);
    this.set(m, rec, column, text, scaleDecimal(d, multiplier), multiplier, rule);
  }

  private set(m: number, rec: CsvRecord, column: Column, text: string, d: Decimal, multiplier: string, rule: string) {
    const v = tokenCount(d, text, multiplier, this.file, rec, column, rule);
    if (typeof v === "number") {
      this.num[m] = v;
    } else {
      this.num[m] = NaN;
      this.big[m] = v;
    }
  }
}
