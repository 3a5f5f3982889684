/**
 * One mapping compiled against one header (mapping-compile.ts): turns each CSV record into additions to the cube, or
 * into a counted skip (not token usage, filtered out, empty bucket, duplicate), or throws an
 * IngestRowError naming the cell, the raw value, what was expected and the rule in force.
 *
 * Each record is read completely before anything is added, so a bad row never leaves half of
 * itself in the totals (which `--on-error skip` relies on).
 */
import type { ErrorCode } from "../errors.js";
import { fieldText, type CsvRecord } from "../csv/scanner.js";
import { Cube } from "./cube.js";
import { DayBucketer } from "./day-bucket.js";
import { civilToDays, dateHint } from "./dates.js";
import { ByteInterner, KeyHashSet, KeyHasher } from "./intern.js";
import type { MappingSpec } from "./mapping/schema.js";
import {
  decimalToBigInt,
  decimalToString,
  fastDecimal,
  fastTokenCount,
  parseDecimalText,
  scaleDecimal,
  type Decimal,
  type FastDecimal,
  type NumberStyle,
} from "./numbers.js";
import { IngestRowError } from "./row-error.js";
import type { Column, DimensionReader } from "./row-lookups.js";
import { ExactDecimal } from "./exact.js";
import {
  compileMapping,
  type CostOutput,
  type LongOutput,
  type MapperFilter,
  type Measure,
  type WideOutput,
} from "./mapping-compile.js";

export type SkipCategory = "not-usage" | "cost-only" | "filtered" | "empty" | "duplicate";

export interface SkipStat {
  reason: string;
  category: SkipCategory;
  count: number;
  firstLines: number[];
}

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

const FIRST_LINES = 5;
/** 2^63 − 1: the largest count a signed 64-bit integer holds (what databases and billing exports store). */
const MAX_TOKENS = 9223372036854775807n;
/**
 * Usage days outside 2000–2099 are typos (a year 2999 would list 355,000 missing days): the range
 * is fixed, not clock-relative, so the same file gives the same answer on any day.
 */
const FIRST_PLAUSIBLE_DAY = civilToDays(2000, 1, 1);
const LAST_PLAUSIBLE_DAY = civilToDays(2099, 12, 31);

export interface UnitCheckStats {
  pricingUnits: number;
  rawTokens: number;
  undecided: number;
}

export class RowMapper {
  readonly skips = new Map<string, SkipStat>();
  /** Cost of rows kept for cost only (credits, tax, refunds), per reason and currency. */
  readonly costOnlySums = new Map<string, Map<number, ExactDecimal>>();
  rowsRead = 0;
  rowsUsed = 0;
  duplicates: { count: number; firstLines: number[]; checkedRows: number; capped: boolean } = {
    count: 0,
    firstLines: [],
    checkedRows: 0,
    capped: false,
  };
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
  private readonly providerConst: number;
  private readonly providerReader: DimensionReader | undefined;
  private readonly modelConst: number;
  private readonly modelReader: DimensionReader | undefined;
  private readonly projectConst: number;
  private readonly projectReader: DimensionReader | undefined;
  private readonly filters: MapperFilter[];
  private readonly measures: Measure[];
  /** The rule each measure serves (for messages). */
  private readonly measureRules: string[];
  private readonly wide: WideOutput[];
  private readonly long: LongOutput | undefined;
  private readonly emptyTokensZero: boolean;
  private readonly skipEmpty: boolean;
  private readonly cost: CostOutput | undefined;
  private readonly keyColumns: number[];
  private readonly hasher = new KeyHasher();
  private readonly seenKeys: KeyHashSet | undefined;
  private readonly options: MapperOptions;
  private readonly filterByDim: boolean;
  private readonly dimAllowed: {
    provider: (boolean | undefined)[];
    model: (boolean | undefined)[];
    project: (boolean | undefined)[];
  } = { provider: [], model: [], project: [] };
  // Per-row scratch, reused.
  private readonly num: number[] = [];
  private readonly big: (bigint | undefined)[] = [];
  private readonly empty: boolean[] = [];
  private readonly dec: FastDecimal = { mantissa: 0, scale: 0 };
  private lastCurrency = -1;
  private lastSlot = -1;
  private lastP = -1;
  /** Fast wide path (see processFastWide): on when the mapping has nothing it cannot do. */
  private readonly fastWide: boolean;
  private readonly fastMeasureCols: Int32Array;
  private readonly fastVals: Float64Array;
  private readonly dimCols: Int32Array;
  private readonly comboInterner = new ByteInterner();
  private readonly comboCache: number[] = [];
  private lastM = -1;
  private lastJ = -1;
  private lastComboId = -1;

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
    this.providerConst = c.providerConst;
    this.providerReader = c.providerReader;
    this.modelConst = c.modelConst;
    this.modelReader = c.modelReader;
    this.projectConst = c.projectConst;
    this.projectReader = c.projectReader;
    this.filters = c.filters;
    this.measures = c.measures;
    this.measureRules = c.measureRules;
    this.wide = c.wide;
    this.long = c.long;
    this.emptyTokensZero = c.emptyTokensZero;
    this.skipEmpty = c.skipEmpty;
    this.cost = c.cost;
    this.keyColumns = c.keyColumns;

    // The duplicate check's memory is capped: 2^18 slots (2 MiB, about 180,000 rows) by default,
    // 2^24 (128 MiB, about 11.7 million rows) when --dedupe asks for duplicates to be removed.
    this.fastMeasureCols = Int32Array.from(this.measures.map((x) => x.column.index));
    this.fastVals = new Float64Array(this.measures.length);
    this.dimCols = Int32Array.from(
      [this.providerReader, this.modelReader, this.projectReader]
        .filter((r) => r !== undefined)
        .map((r) => r.column.index),
    );
    this.fastWide =
      this.wide.length > 0 &&
      this.filters.length === 0 &&
      !this.skipEmpty &&
      this.measures.every((x) => x.multiplier === "1") &&
      (this.cost === undefined || this.cost.scale === "1");
    const slots = options.dedupeSlots ?? (options.dedupe ? 1 << 24 : 1 << 18);
    this.seenKeys = slots > 0 && this.keyColumns.length > 0 ? new KeyHashSet(slots) : undefined;
    this.filterByDim = options.models !== null || options.providers !== null || options.projects !== null;
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
    const r = which === "model" ? this.modelReader : which === "provider" ? this.providerReader : this.projectReader;
    return r?.column.name;
  }

  kindColumnName(): string | undefined {
    return this.long?.kindLookup?.column.name;
  }

  private skip(reason: string, category: SkipCategory, line: number): void {
    let s = this.skips.get(reason);
    if (!s) {
      s = { reason, category, count: 0, firstLines: [] };
      this.skips.set(reason, s);
    }
    s.count++;
    if (s.firstLines.length < FIRST_LINES) s.firstLines.push(line);
  }

  private fail(
    code: ErrorCode,
    message: string,
    rec: CsvRecord,
    column: Column,
    expected: string,
    hint: string,
    rule: string,
  ): never {
    throw new IngestRowError(
      code,
      message,
      {
        file: this.file,
        line: rec.line,
        column: column.index + 1,
        field: column.name,
        value: fieldText(rec, column.index),
        expected,
        hint,
      },
      rule,
    );
  }

  /** A whole-number token count from one cell (after the multiplier), as a number or, when too large, a BigInt. */
  private readMeasure(rec: CsvRecord, m: number, rule: string): void {
    const { column, multiplier } = this.measures[m]!;
    const i = column.index;
    const s = rec.starts[i]!;
    const e = rec.ends[i]!;
    this.empty[m] = false;
    this.big[m] = undefined;
    if (multiplier === "1") {
      const v = fastTokenCount(rec.buf, s, e, this.decimalMark);
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
    if (!d) this.numberError(rec, column, text, rule);
    this.setMeasure(m, rec, column, text, scaleDecimal(d, multiplier), rule);
  }

  private setMeasure(m: number, rec: CsvRecord, column: Column, text: string, d: Decimal, rule: string): void {
    if (d.negative) {
      this.fail(
        "INPUT_NEGATIVE_TOKENS",
        `negative token count "${text}"`,
        rec,
        column,
        "a whole number of tokens ≥ 0",
        "refunds or corrections belong in a separate adjustment, not in usage rows",
        rule,
      );
    }
    if (d.scale > 0) {
      this.fail(
        "INPUT_FRACTIONAL_TOKENS",
        `fractional token count "${text}"${this.measures[m]!.multiplier !== "1" ? ` (× ${this.measures[m]!.multiplier} = ${decimalToString(d)})` : ""}`,
        rec,
        column,
        "a whole number of tokens",
        "is this column in thousands or millions of tokens? tokens are counted whole; set the unit in the mapping",
        rule,
      );
    }
    if (d.digits.length > 19 || (d.digits.length === 19 && BigInt(d.digits) > MAX_TOKENS)) {
      this.fail(
        "INPUT_NUMBER_PARSE",
        `token count "${text}" is beyond 2^63 − 1`,
        rec,
        column,
        "a whole number of tokens up to 9223372036854775807",
        "no export counts this many tokens in a row: is the column or its unit right?",
        rule,
      );
    }
    if (d.digits.length <= 15) {
      this.num[m] = d.digits === "" ? 0 : Number(d.digits);
    } else {
      this.num[m] = NaN;
      this.big[m] = decimalToBigInt(d);
    }
  }

  private numberError(rec: CsvRecord, column: Column, text: string, rule: string): never {
    const t = text.trim();
    let hint = "write plain digits, e.g. 1250000";
    if (/^-?\d{1,3}([,. '\u00a0]\d{3})+([.,]\d+)?$/.test(t))
      hint =
        "the number has thousands separators: pass --thousands , (or --decimal , for 1.234,56), or set numbers.thousands in the mapping";
    else if (/^-?\d+,\d+$/.test(t)) hint = "this looks like a decimal comma: pass --decimal ,";
    else if (/^[a-z_ ]+$/i.test(t)) hint = "this looks like a header: is there a second header row?";
    this.fail(
      "INPUT_NUMBER_PARSE",
      `cannot read token count "${text}"`,
      rec,
      column,
      "a whole number of tokens",
      hint,
      rule,
    );
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

    // Date.
    const dc = this.dateCol.index;
    let day = this.bucketer.fastDay(rec.buf, rec.starts[dc]!, rec.ends[dc]!, rec.line);
    if (Number.isNaN(day)) {
      const text = fieldText(rec, dc);
      const d = this.bucketer.day(text, rec.line);
      if (d === undefined) {
        const b = this.bucketer;
        const ambiguous =
          b.undecided !== undefined && b.order === undefined && /^\d{1,2}\/\d{1,2}\/\d{4}/.test(text.trim());
        if (ambiguous) {
          this.fail(
            "INPUT_DATE_AMBIGUOUS",
            `cannot tell day from month in "${text}"`,
            rec,
            this.dateCol,
            "--date-format MM/DD/YYYY or DD/MM/YYYY",
            "with a time of day and a time-zone conversion the day/month order must be known: pass --date-format",
            this.dateRule,
          );
        }
        const contradicts = b.order !== undefined && /^\d{1,2}\/\d{1,2}\/\d{4}/.test(text.trim());
        this.fail(
          "INPUT_DATE_PARSE",
          `cannot read date "${text}"`,
          rec,
          this.dateCol,
          b.order
            ? `a date ${b.order === "MDY" ? "MM/DD/YYYY" : "DD/MM/YYYY"}`
            : "a date such as 2026-03-01 or 2026-03-01T14:00:00Z",
          contradicts && b.orderEvidence
            ? `line ${b.orderEvidence.line} ("${b.orderEvidence.value}") showed the order is ${b.order === "MDY" ? "month/day" : "day/month"}, which this value contradicts; check --date-format`
            : dateHint(text, b.options.format),
          this.dateRule,
        );
      }
      day = d;
    }
    // Provisional day/month keys (undecided a/b/yyyy dates) are below −20,000,000; they are checked once resolved.
    if (day > -20_000_000 && (day < FIRST_PLAUSIBLE_DAY || day > LAST_PLAUSIBLE_DAY)) {
      this.fail(
        "INPUT_DATE_PARSE",
        `date "${fieldText(rec, dc)}" is not plausible for usage data`,
        rec,
        this.dateCol,
        "a date from 2000-01-01 to 2099-12-31",
        "a typo in the year, or a number column read as a date?",
        this.dateRule,
      );
    }
    if (this.options.asOfDay !== null && day >= 0 && day > this.options.asOfDay) {
      this.fail(
        "INPUT_FUTURE_DATE",
        `date "${fieldText(rec, dc)}" is after --as-of`,
        rec,
        this.dateCol,
        "a date on or before --as-of",
        "a forward-dated row, a wrong --as-of, or a day/month mix-up",
        this.dateRule,
      );
    }
    if (
      day >= 0 &&
      ((this.options.fromDay !== null && day < this.options.fromDay) ||
        (this.options.toDay !== null && day > this.options.toDay))
    ) {
      this.skip("outside --from/--to", "filtered", rec.line);
      return;
    }

    // Dimensions.
    const p = this.providerReader ? this.providerReader.read(rec) : this.providerConst;
    const m = this.modelReader ? this.modelReader.read(rec) : this.modelConst;
    const j = this.projectReader ? this.projectReader.read(rec) : this.projectConst;
    if (this.filterByDim) {
      const reason = this.dimFilter(p, m, j);
      if (reason) {
        this.skip(reason, "filtered", rec.line);
        return;
      }
    }

    // Tokens.
    let kindForCost = -1;
    let allEmpty = true;
    let longKind = -1;
    let longFactor: string;
    if (!costOnly) {
      if (this.wide.length > 0) {
        for (let k = 0; k < this.measures.length; k++) {
          this.readMeasure(rec, k, this.measureRules[k]!);
          if (!this.empty[k]) allEmpty = false;
        }
      } else if (this.long) {
        const L = this.long;
        if (L.kindLookup) {
          const d = L.kindLookup.get(rec);
          if ("ignore" in d) {
            this.skip(d.ignore, "not-usage", rec.line);
            return;
          }
          if ("unknown" in d) {
            this.fail(
              "INPUT_UNKNOWN_KIND",
              `no kind rule matches "${fieldText(rec, L.kindLookup.column.index)}"`,
              rec,
              L.kindLookup.column,
              "a value one of the kind rules matches",
              "add a rule for it to the mapping (kind: …, or ignore: reason)",
              L.kindRule,
            );
          }
          longKind = d.kind;
        } else {
          longKind = L.kindConst!;
        }
        kindForCost = longKind;
        longFactor = L.unitFactor ?? "1";
        if (L.unitLookup) {
          const u = L.unitLookup.get(rec);
          if (u.factor === undefined) {
            this.fail(
              "INPUT_UNKNOWN_UNIT",
              `unknown unit "${u.text}"`,
              rec,
              L.unitLookup.column,
              "a unit listed in the mapping's unit table",
              "add the unit to the table (tokens per unit), or filter the rows out",
              L.kindRule,
            );
          }
          longFactor = u.factor;
        }
        const mq = this.measures[L.measure]!;
        const text = fieldText(rec, mq.column.index);
        if (text.trim() === "") {
          this.empty[L.measure] = true;
          this.num[L.measure] = 0;
          this.big[L.measure] = undefined;
        } else {
          allEmpty = false;
          const dq = parseDecimalText(text, this.style);
          if (!dq) this.numberError(rec, mq.column, text, L.kindRule);
          if (L.verify && longFactor !== "1") longFactor = this.verifyUnit(rec, dq, longFactor);
          this.empty[L.measure] = false;
          const saved = mq.multiplier;
          mq.multiplier = longFactor;
          try {
            this.setMeasure(L.measure, rec, mq.column, text, scaleDecimal(dq, longFactor), L.kindRule);
          } finally {
            mq.multiplier = saved;
          }
        }
      }
    }

    // Cost.
    let costMantissa = 0;
    let costScale = 0;
    let costBig: bigint | undefined;
    let hasCost = false;
    let currency = -1;
    if (this.cost) {
      const ci = this.cost.column.index;
      const s = rec.starts[ci]!;
      const e = rec.ends[ci]!;
      if (e > s) {
        if (this.cost.scale === "1" && fastDecimal(rec.buf, s, e, this.dec, this.decimalMark)) {
          costMantissa = this.dec.mantissa;
          costScale = this.dec.scale;
          hasCost = true;
        } else {
          const text = fieldText(rec, ci);
          if (text.trim() !== "") {
            const d = parseDecimalText(text.trim().replace(/^\$|^€|^£/, ""), this.style);
            if (!d) {
              let hint = "write a plain decimal number, e.g. 1234.56";
              if (/^-?\d+,\d{1,2}$/.test(text.trim()))
                hint = "this looks like a decimal comma: pass --decimal , (1234,56 → 1234.56)";
              else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text.trim()))
                hint = "the amount has thousands separators: pass --thousands ,";
              this.fail(
                "INPUT_NUMBER_PARSE",
                `cannot read amount "${text}"`,
                rec,
                this.cost.column,
                "a decimal amount",
                hint,
                this.cost.rule,
              );
            }
            const scaled = scaleDecimal(d, this.cost.scale);
            if (scaled.digits.length - scaled.scale > 15) {
              this.fail(
                "INPUT_NUMBER_PARSE",
                `amount "${text}" is not plausible (beyond 10^15)`,
                rec,
                this.cost.column,
                "an amount below 1,000,000,000,000,000",
                "is this the cost column, and is its unit (e.g. micro-dollars) set right in the mapping?",
                this.cost.rule,
              );
            }
            if (scaled.digits.length <= 15) {
              costMantissa = scaled.digits === "" ? 0 : Number(scaled.digits) * (scaled.negative ? -1 : 1);
            } else {
              costBig = decimalToBigInt(scaled);
            }
            costScale = scaled.scale;
            hasCost = true;
          }
        }
      }
      if (hasCost) currency = this.cost.currencyReader ? this.cost.currencyReader.read(rec) : this.cost.currencyConst;
    }

    if (this.skipEmpty && allEmpty && !hasCost) {
      this.skip("empty bucket (no token or cost values)", "empty", rec.line);
      return;
    }
    if (!costOnly && !this.emptyTokensZero && this.wide.length > 0) {
      for (let k = 0; k < this.measures.length; k++) {
        if (this.empty[k]) {
          const c = this.measures[k]!.column;
          this.fail(
            "INPUT_NUMBER_PARSE",
            `cannot read token count ""`,
            rec,
            c,
            "a whole number of tokens",
            "the cell is empty; every row needs a token count (or set emptyTokens: zero in the mapping)",
            this.measureRules[k]!,
          );
        }
      }
    }
    if (!costOnly && this.long && this.empty[this.long.measure] && !this.emptyTokensZero) {
      const c = this.measures[this.long.measure]!.column;
      this.fail(
        "INPUT_NUMBER_PARSE",
        `cannot read token count ""`,
        rec,
        c,
        "a whole number of tokens",
        "the cell is empty; every row needs a token count",
        this.long.kindRule,
      );
    }

    // Containment: a contained column is subtracted from its container; it must not exceed it.
    if (!costOnly) {
      for (const w of this.wide) {
        if (w.minus.length === 0) continue;
        let v = this.num[w.measure]!;
        let anyBig = Number.isNaN(v);
        for (const k of w.minus) if (Number.isNaN(this.num[k]!)) anyBig = true;
        if (!anyBig) {
          for (const k of w.minus) v -= this.num[k]!;
          if (v < 0) this.containmentError(rec, w);
        } else {
          let b = this.big[w.measure] ?? BigInt(this.num[w.measure]!);
          for (const k of w.minus) b -= this.big[k] ?? BigInt(this.num[k]!);
          if (b < 0n) this.containmentError(rec, w);
        }
      }
    }

    if (!costOnly && this.long && longKind < 0 && this.num[this.long.measure] !== 0) {
      const c = this.measures[this.long.measure]!.column;
      this.fail(
        "INPUT_INVALID",
        `token count "${fieldText(rec, c.index)}" on a row without a token kind`,
        rec,
        c,
        "an empty or 0 token count",
        "give the row a token kind, or move its tokens to a row that has one",
        this.long.kindRule,
      );
    }

    // Duplicates.
    if (this.seenKeys !== undefined && !this.duplicates.capped && this.checkDuplicate(rec)) return;

    // Commit.
    const combo = this.comboId(p, m, j);
    const cube = this.cube;
    const cell = cube.cell(day, combo);
    cube.addRow(cell);
    this.rowsUsed++;
    if (!costOnly) {
      if (this.wide.length > 0) {
        for (const w of this.wide) {
          let v = this.num[w.measure]!;
          let big = Number.isNaN(v);
          for (const k of w.minus) if (Number.isNaN(this.num[k]!)) big = true;
          if (!big) {
            for (const k of w.minus) v -= this.num[k]!;
            cube.addTokens(cell, w.kind, v);
          } else {
            let b = this.big[w.measure] ?? BigInt(this.num[w.measure]!);
            for (const k of w.minus) b -= this.big[k] ?? BigInt(this.num[k]!);
            cube.addTokensBig(cell, w.kind, b);
          }
        }
      } else if (this.long && longKind >= 0) {
        const q = this.long.measure;
        if (Number.isNaN(this.num[q]!)) cube.addTokensBig(cell, longKind, this.big[q]!);
        else cube.addTokens(cell, longKind, this.num[q]!);
      }
    } else {
      this.skip(costOnly, "cost-only", rec.line);
    }
    if (hasCost) {
      const slot = cube.costSlot(currency, kindForCost);
      if (costBig !== undefined) cube.addCostBig(cell, slot, costBig, costScale);
      else cube.addCost(cell, slot, costMantissa, costScale);
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
        if (costBig !== undefined) acc.addBig(costBig, costScale);
        else acc.add(costMantissa, costScale);
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
    let combo: number;
    // Model, project and provider read together: one interned id per combination seen.
    const raw = this.filterByDim ? -1 : this.comboInterner.idFields(buf, starts, ends, this.dimCols);
    if (raw >= 0 && this.comboCache[raw] !== undefined) combo = this.comboCache[raw]!;
    else {
      const p = this.providerReader ? this.providerReader.read(rec) : this.providerConst;
      const m = this.modelReader ? this.modelReader.read(rec) : this.modelConst;
      const j = this.projectReader ? this.projectReader.read(rec) : this.projectConst;
      if (this.filterByDim) {
        const reason = this.dimFilter(p, m, j);
        if (reason) {
          this.skip(reason, "filtered", rec.line);
          return true;
        }
      }
      combo = this.comboId(p, m, j);
      if (raw >= 0) this.comboCache[raw] = combo;
    }
    if (this.seenKeys !== undefined && !this.duplicates.capped && this.checkDuplicate(rec)) return true;
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
    const h = this.hasher;
    h.reset();
    const cols = this.keyColumns;
    for (let k = 0; k < cols.length; k++) {
      const i = cols[k]!;
      h.feed(rec.buf, rec.starts[i]!, rec.ends[i]!);
    }
    const dup = this.seenKeys!.addIfAbsent(h.h1, h.h2);
    if (this.seenKeys!.full) this.duplicates.capped = true;
    else this.duplicates.checkedRows++;
    if (!dup) return false;
    this.duplicates.count++;
    if (this.duplicates.firstLines.length < FIRST_LINES) this.duplicates.firstLines.push(rec.line);
    if (!this.options.dedupe) return false;
    this.skip("duplicate row (--dedupe)", "duplicate", rec.line);
    return true;
  }

  private containmentError(rec: CsvRecord, w: WideOutput): never {
    const col = this.measures[w.measure]!.column;
    const parts = w.minus
      .map((k) => `${this.measures[k]!.column.name} ${fieldText(rec, this.measures[k]!.column.index)}`)
      .join(" + ");
    this.fail(
      "INPUT_CONTAINMENT",
      `${col.name} (${fieldText(rec, col.index)}) is smaller than what it should contain (${parts})`,
      rec,
      col,
      `${col.name} ≥ ${w.minus.map((k) => this.measures[k]!.column.name).join(" + ")}`,
      "the columns look disjoint, not nested: use --containment disjoint, or drop `minus` in the mapping",
      w.rule,
    );
  }

  /**
   * Azure's ambiguity (the exporters' published formats (tokenhedge help formats)): cost ≈ quantity × unit price means the quantity is in pricing
   * units (scale by the unit); cost ≈ quantity × unit price / factor means it is raw tokens.
   */
  private verifyUnit(rec: CsvRecord, q: Decimal, factor: string): string {
    const v = this.long!.verify!;
    const cost = Number(fieldText(rec, v.cost.index).trim());
    const price = Number(fieldText(rec, v.unitPrice.index).trim());
    const qty = Number(decimalToString(q));
    const f = Number(factor);
    if (!(cost > 0) || !(price > 0) || !(qty > 0)) {
      this.unitCheck.undecided++;
      return factor;
    }
    const r = cost / (qty * price);
    if (Math.abs(r - 1) < 0.05) {
      this.unitCheck.pricingUnits++;
      return factor;
    }
    if (Math.abs(r * f - 1) < 0.05) {
      this.unitCheck.rawTokens++;
      return "1";
    }
    this.unitCheck.undecided++;
    return factor;
  }

  private dimFilter(p: number, m: number, j: number): string | undefined {
    const o = this.options;
    const test = (cache: (boolean | undefined)[], id: number, set: Set<string> | null, values: string[]): boolean => {
      if (set === null) return true;
      let ok = cache[id];
      if (ok === undefined) {
        ok = set.has(values[id]!.toLowerCase());
        cache[id] = ok;
      }
      return ok;
    };
    if (!test(this.dimAllowed.provider, p, o.providers, this.cube.providers.values)) return "not a --provider";
    if (!test(this.dimAllowed.model, m, o.models, this.cube.models.values)) return "not a --model";
    if (!test(this.dimAllowed.project, j, o.projects, this.cube.projects.values)) return "not a --project";
    return undefined;
  }

  private comboId(p: number, m: number, j: number): number {
    if (this.lastP === p && this.lastM === m && this.lastJ === j) return this.lastComboId;
    const id = this.cube.combo(p, m, j);
    this.lastP = p;
    this.lastM = m;
    this.lastJ = j;
    this.lastComboId = id;
    return id;
  }
}
