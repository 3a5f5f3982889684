/**
 * One mapping compiled against one header (compile.ts): turns each CSV record into additions to the cube, or
 * into a counted skip (not token usage, filtered out, empty bucket, duplicate), or throws an
 * IngestRowError naming the cell, the raw value, what was expected and the rule in force.
 *
 * Each record is read completely before anything is added, so a bad row never leaves half of
 * itself in the totals (which `--on-error skip` relies on).
 */
import type { CsvRecord } from "../../csv/scanner.js";
import { Cube } from "../series/cube.js";
import { DayBucketer } from "../values/day-bucket.js";
import type { MappingSpec } from "./schema.js";
import { fastDecimal, fastTokenCount, type FastDecimal, type NumberStyle } from "../values/numbers.js";
import { IngestRowError } from "./row-error.js";
import type { Column } from "./row-lookups.js";
import { RowDimensions } from "./row-dimensions.js";
import { ExactDecimal } from "../values/exact.js";
import {
  compileMapping,
  type CostOutput,
  type LongOutput,
  type MapperFilter,
  type Measure,
  type WideOutput,
} from "./compile.js";
import { countSkip, type SkipCategory, type SkipStat } from "./row-skips.js";
import { DuplicateCheck, type DuplicateStats } from "./row-duplicates.js";
import type { UnitCheckStats } from "./unit-check.js";
import { RowTokenValues } from "./row-token-values.js";
import { readCost, type CostValue } from "./row-cost.js";
import { FIRST_PLAUSIBLE_DAY, LAST_PLAUSIBLE_DAY, readRowDay } from "./row-date.js";

export interface MapperOptions {
  file: string;
  style: NumberStyle;
  bucketer: DayBucketer;
  cube: Cube;
  asOfDay: number | null;
  fromDay: number | null;
  toDay: number | null;
  models: Set<string> | null;
  providers: Set<string> | null;
  projects: Set<string> | null;
  excludeCredits: boolean;
  dedupe: boolean;
  /** Memory cap of the duplicate check, in hash slots. */
  dedupeSlots?: number;
}

export class RowMapper {
  readonly skips = new Map<string, SkipStat>();
  /** Cost of rows kept for cost only (credits, tax, refunds), per reason and currency. */
  readonly costOnlySums = new Map<string, Map<number, ExactDecimal>>();
  rowsRead = 0;
  rowsUsed = 0;
  readonly duplicates: DuplicateStats;
  readonly unitCheck: UnitCheckStats = { pricingUnits: 0, rawTokens: 0, undecided: 0 };
  private readonly header: string[];
  private readonly headerCount: number;
  private readonly cube: Cube;
  private readonly file: string;
  private readonly style: NumberStyle;
  /** The style's decimal mark as a byte, for the fast paths (they must read numbers as the full parser does). */
  private readonly decimalMark: number;
  private readonly bucketer: DayBucketer;
  private readonly dateCol: Column;
  private readonly dateRule: string;
  private readonly dimensions: RowDimensions;
  private readonly filters: MapperFilter[];
  private readonly measures: Measure[];
  private readonly wide: WideOutput[];
  private readonly long: LongOutput | undefined;
  private readonly skipEmpty: boolean;
  private readonly cost: CostOutput | undefined;
  private readonly keyColumns: number[];
  private readonly duplicateCheck: DuplicateCheck;
  private readonly options: MapperOptions;
  // Per-row scratch, reused.
  private readonly tokens: RowTokenValues;
  private readonly dec: FastDecimal = { mantissa: 0, scale: 0 };
  private readonly costValue: CostValue = { mantissa: 0, scale: 0, big: undefined };
  private lastCurrency = -1;
  private lastSlot = -1;
  /** Fast wide path (see processFastWide): on when the mapping has nothing it cannot do. */
  private readonly fastWide: boolean;
  private readonly fastMeasureCols: Int32Array;
  private readonly fastVals: Float64Array;

  constructor(
    readonly spec: MappingSpec,
    header: string[],
    options: MapperOptions,
  ) {
    this.header = header.map((h) => h.trim());
    this.headerCount = header.length;
    this.cube = options.cube;
    this.file = options.file;
    this.style = options.style;
    this.decimalMark = options.style.decimal.charCodeAt(0);
    this.bucketer = options.bucketer;
    this.options = options;

    const c = compileMapping(spec, this.header, this.file, options.bucketer, this.cube);
    this.dateCol = c.dateCol;
    this.dateRule = c.dateRule;
    this.dimensions = new RowDimensions(c, options, this.cube);
    this.filters = c.filters;
    this.measures = c.measures;
    this.wide = c.wide;
    this.long = c.long;
    this.skipEmpty = c.skipEmpty;
    this.cost = c.cost;
    this.keyColumns = c.keyColumns;
    this.tokens = new RowTokenValues(c, options.style, this.decimalMark, this.file, this.unitCheck);

    this.fastMeasureCols = Int32Array.from(this.measures.map((x) => x.column.index));
    this.fastVals = new Float64Array(this.measures.length);
    this.fastWide =
      this.wide.length > 0 &&
      this.filters.length === 0 &&
      !this.skipEmpty &&
      this.measures.every((x) => x.multiplier === "1") &&
      (this.cost === undefined || this.cost.scale === "1");
    // The duplicate check's memory is capped: 2^18 slots (2 MiB, about 180,000 rows) by default,
    // 2^24 (128 MiB, about 11.7 million rows) when --dedupe asks for duplicates to be removed.
    const slots = options.dedupeSlots ?? (options.dedupe ? 1 << 24 : 1 << 18);
    this.duplicateCheck = new DuplicateCheck(this.keyColumns, slots);
    this.duplicates = this.duplicateCheck.stats;
  }

  /** Whether the duplicate check is still recording keys (a parallel read needs it settled in its first range). */
  get duplicateCheckActive(): boolean {
    return this.duplicateCheck.active;
  }

  /** Column names the rules use, for the summary. */
  describeRules(): string[] {
    const out = [this.dateRule];
    for (const w of this.wide) out.push(w.rule);
    if (this.long) out.push(this.long.kindRule);
    if (this.cost) out.push(this.cost.rule);
    return out;
  }

  /** Header name of each token measure (for the `columns` field). */
  tokenColumnNames(): string[] {
    return this.measures.map((m) => m.column.name);
  }

  dateColumnName(): string {
    return this.dateCol.name;
  }

  dateColumnIndex(): number {
    return this.dateCol.index;
  }

  costColumnName(): string | undefined {
    return this.cost?.column.name;
  }

  dimensionColumn(which: "model" | "provider" | "project"): string | undefined {
    return this.dimensions.columnName(which);
  }

  kindColumnName(): string | undefined {
    return this.long?.kindLookup?.column.name;
  }

  private skip(reason: string, category: SkipCategory, line: number): void {
    countSkip(this.skips, reason, category, line);
  }

  /** Process one data record. Throws IngestRowError for a bad row. */
  process(rec: CsvRecord): void {
    if (this.fastWide && this.processFastWide(rec)) return;
    this.rowsRead++;
    if (rec.count !== this.headerCount) {
      throw new IngestRowError(
        "INPUT_CSV_SYNTAX",
        `the row has ${rec.count} fields, the header has ${this.headerCount}`,
        {
          file: this.file,
          line: rec.line,
          expected: `${this.headerCount} fields`,
          hint:
            rec.count > this.headerCount
              ? "an unquoted delimiter inside a value, or a decimal comma in a comma-separated file? (--decimal , and --delimiter ;)"
              : "a missing value, or a line break inside an unquoted value",
        },
        `header with ${this.headerCount} columns`,
      );
    }

    // Row filters, first match wins: not usage at all, or cost without tokens.
    let costOnly: string | undefined;
    for (const f of this.filters) {
      if (f.lookup.get(rec) !== f.when) continue;
      if (f.then === "skip" || this.options.excludeCredits) {
        this.skip(f.reason + (f.then === "cost-only" ? " (--exclude-credits)" : ""), "not-usage", rec.line);
        return;
      }
      costOnly = f.reason;
      break;
    }

    const day = readRowDay(rec, this.dateCol, this.bucketer, this.options.asOfDay, this.file, this.dateRule);
    if (
      day >= 0 &&
      ((this.options.fromDay !== null && day < this.options.fromDay) ||
        (this.options.toDay !== null && day > this.options.toDay))
    ) {
      this.skip("outside --from/--to", "filtered", rec.line);
      return;
    }

    // Dimensions.
    const filtered = this.dimensions.read(rec);
    if (filtered !== undefined) {
      this.skip(filtered, "filtered", rec.line);
      return;
    }

    // Tokens.
    const tokens = this.tokens;
    let allEmpty = true;
    let longKind = -1;
    if (!costOnly) {
      if (this.wide.length > 0) {
        allEmpty = tokens.readWide(rec);
      } else if (this.long) {
        const kind = tokens.readLong(rec, this.long);
        if (typeof kind === "string") {
          this.skip(kind, "not-usage", rec.line);
          return;
        }
        longKind = kind;
        allEmpty = tokens.longEmpty(this.long);
      }
    }

    // Cost.
    const cv = this.costValue;
    let hasCost = false;
    let currency = -1;
    if (this.cost) {
      hasCost = readCost(rec, this.cost, this.style, this.decimalMark, this.dec, this.file, cv);
      if (hasCost) currency = this.cost.currencyReader ? this.cost.currencyReader.read(rec) : this.cost.currencyConst;
    }

    if (this.skipEmpty && allEmpty && !hasCost) {
      this.skip("empty bucket (no token or cost values)", "empty", rec.line);
      return;
    }
    if (!costOnly) tokens.check(rec, longKind);

    // Duplicates.
    if (this.duplicateCheck.active && this.checkDuplicate(rec)) return;

    // Commit.
    const combo = this.dimensions.combo();
    const cube = this.cube;
    const cell = cube.cell(day, combo);
    cube.addRow(cell);
    this.rowsUsed++;
    if (!costOnly) tokens.addTo(cube, cell, longKind);
    else this.skip(costOnly, "cost-only", rec.line);
    if (hasCost) {
      const slot = cube.costSlot(currency, longKind);
      if (cv.big !== undefined) cube.addCostBig(cell, slot, cv.big, cv.scale);
      else cube.addCost(cell, slot, cv.mantissa, cv.scale);
      if (costOnly) {
        let byCur = this.costOnlySums.get(costOnly);
        if (!byCur) {
          byCur = new Map();
          this.costOnlySums.set(costOnly, byCur);
        }
        let acc = byCur.get(currency);
        if (!acc) {
          acc = new ExactDecimal();
          byCur.set(currency, acc);
        }
        if (cv.big !== undefined) acc.addBig(cv.big, cv.scale);
        else acc.add(cv.mantissa, cv.scale);
      }
    }
  }

  /**
   * The fast path for wide files whose cells are plain (digits, `[-]d.ddd` costs, ISO dates): the
   * whole row is read into locals first, so on anything unusual it returns false before changing
   * any state and the general path takes the row (with its full checks and messages).
   */
  private processFastWide(rec: CsvRecord): boolean {
    if (rec.count !== this.headerCount) return false;
    const buf = rec.buf;
    const starts = rec.starts;
    const ends = rec.ends;
    const measures = this.fastMeasureCols;
    const vals = this.fastVals;
    const decimalMark = this.decimalMark;
    const nm = measures.length;
    for (let k = 0; k < nm; k++) {
      const i = measures[k]!;
      const v = fastTokenCount(buf, starts[i]!, ends[i]!, decimalMark);
      if (v < 0) return false;
      vals[k] = v;
    }
    // Containment: a contained column may not exceed its container.
    const wide = this.wide;
    for (let w = 0; w < wide.length; w++) {
      const minus = wide[w]!.minus;
      if (minus.length === 0) continue;
      let v = vals[wide[w]!.measure]!;
      for (let x = 0; x < minus.length; x++) v -= vals[minus[x]!]!;
      if (v < 0) return false;
    }
    let hasCost = false;
    const cost = this.cost;
    const dec = this.dec;
    if (cost !== undefined) {
      const ci = cost.column.index;
      const s = starts[ci]!;
      const e = ends[ci]!;
      if (e > s) {
        if (!fastDecimal(buf, s, e, dec, decimalMark)) return false;
        hasCost = true;
      }
    }
    const dc = this.dateCol.index;
    const day = this.bucketer.fastDay(buf, starts[dc]!, ends[dc]!, rec.line);
    if (day !== day) return false;
    const o = this.options;
    if (o.asOfDay !== null && day > o.asOfDay) return false;
    if (day < FIRST_PLAUSIBLE_DAY || day > LAST_PLAUSIBLE_DAY) return false;
    this.rowsRead++;
    if ((o.fromDay !== null && day < o.fromDay) || (o.toDay !== null && day > o.toDay)) {
      this.skip("outside --from/--to", "filtered", rec.line);
      return true;
    }
    // Model, project and provider read together: one interned id per combination seen.
    const combo = this.dimensions.comboOf(rec);
    if (typeof combo === "string") {
      this.skip(combo, "filtered", rec.line);
      return true;
    }
    if (this.duplicateCheck.active && this.checkDuplicate(rec)) return true;
    const cube = this.cube;
    const cell = cube.cell(day, combo);
    cube.addRow(cell);
    this.rowsUsed++;
    for (let w = 0; w < wide.length; w++) {
      const out = wide[w]!;
      let v = vals[out.measure]!;
      const minus = out.minus;
      for (let x = 0; x < minus.length; x++) v -= vals[minus[x]!]!;
      cube.addTokens(cell, out.kind, v);
    }
    if (hasCost) {
      let currency = cost!.currencyConst;
      if (cost!.currencyReader) currency = cost!.currencyReader.read(rec);
      if (currency !== this.lastCurrency) {
        this.lastCurrency = currency;
        this.lastSlot = cube.costSlot(currency, -1);
      }
      cube.addCost(cell, this.lastSlot, dec.mantissa, dec.scale);
    }
    return true;
  }

  /** Records the row's key; true when the row is a duplicate that --dedupe removes. */
  private checkDuplicate(rec: CsvRecord): boolean {
    if (!this.duplicateCheck.seen(rec) || !this.options.dedupe) return false;
    this.skip("duplicate row (--dedupe)", "duplicate", rec.line);
    return true;
  }
}
