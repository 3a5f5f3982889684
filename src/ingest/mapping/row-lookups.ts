/**
 * Per-column lookups the row mapper uses on every record: dimension readers and cached per-value
 * decisions (filters, kind rules, units), each keyed by the raw bytes of the cell through an interner so
 * a repeated value is decided once.
 */
import { compileUserRegex, type UserRegex } from "./user-regex.js";
import { fieldText, type CsvRecord } from "../../csv/scanner.js";
import { ByteInterner } from "../values/intern.js";
import type { Condition, KindRule, ValueSource } from "./schema.js";

export interface Column {
  index: number;
  name: string;
}

/** A dimension read from a column through an interner, its decision cached per distinct raw value. */
export class DimensionReader {
  private readonly interner = new ByteInterner();
  private readonly cache: number[] = [];
  private readonly pattern: UserRegex | undefined;

  constructor(
    readonly column: Column,
    private readonly source: Exclude<ValueSource, string>,
    private readonly toId: (value: string) => number,
  ) {
    this.pattern = source.pattern ? compileUserRegex(source.pattern) : undefined;
  }

  read(rec: CsvRecord): number {
    const i = this.column.index;
    const raw = this.interner.id(rec.buf, rec.starts[i]!, rec.ends[i]!);
    if (raw >= 0) {
      const hit = this.cache[raw];
      if (hit !== undefined) return hit;
    }
    const id = this.toId(deriveValue(fieldText(rec, i), this.source, this.pattern));
    if (raw >= 0) this.cache[raw] = id;
    return id;
  }
}

/** The value of a dimension cell after pattern, aliases and normalisation. */
export function deriveValue(text: string, source: Exclude<ValueSource, string>, pattern?: UserRegex): string {
  let v = text.trim();
  if (pattern && v !== "") v = (pattern.extract(v) ?? "").trim();
  if (source.aliases && Object.hasOwn(source.aliases, v)) v = source.aliases[v]!;
  switch (source.normalize) {
    case "lower":
      v = v.toLowerCase();
      break;
    case "upper":
      v = v.toUpperCase();
      break;
    case "slug":
      v = v
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
      break;
    default:
  }
  if (v === "") v = source.default ?? "";
  return v;
}

/** A cached per-value test on one column (filters, kind rules, units). */
export class CachedLookup<T> {
  private readonly interner = new ByteInterner();
  private readonly cache: (T | undefined)[] = [];

  constructor(
    readonly column: Column,
    private readonly decide: (text: string) => T,
  ) {}

  get(rec: CsvRecord): T {
    const i = this.column.index;
    if (i >= rec.count) return this.decide("");
    const raw = this.interner.id(rec.buf, rec.starts[i]!, rec.ends[i]!);
    if (raw >= 0) {
      const hit = this.cache[raw];
      if (hit !== undefined) return hit;
    }
    const v = this.decide(fieldText(rec, i));
    if (raw >= 0) this.cache[raw] = v;
    return v;
  }
}

export function conditionTest(c: Condition): (text: string) => boolean {
  if (c.equals !== undefined) {
    const want = c.equals.trim().toLowerCase();
    return (t) => t.trim().toLowerCase() === want;
  }
  if (c.in !== undefined) {
    const set = new Set(c.in.map((x) => x.trim().toLowerCase()));
    return (t) => set.has(t.trim().toLowerCase());
  }
  if (c.matches !== undefined) {
    const re = compileUserRegex(c.matches);
    return (t) => re.test(t.trim());
  }
  const empty = c.empty === true;
  return (t) => (t.trim() === "") === empty;
}

export function describeCondition(c: Condition): string {
  if (c.equals !== undefined) return `${c.column} = "${c.equals}"`;
  if (c.in !== undefined) return `${c.column} in [${c.in.join(", ")}]`;
  if (c.matches !== undefined) return `${c.column} ~ /${c.matches}/`;
  return `${c.column} is ${c.empty ? "" : "not "}empty`;
}

/** Kind decision per kind-column value: a kind id, or an ignore reason. */
export type KindDecision = { kind: number } | { ignore: string } | { unknown: true };

export function ruleMatches(rule: KindRule, text: string): boolean {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (rule.equals !== undefined) {
    const list = Array.isArray(rule.equals) ? rule.equals : [rule.equals];
    if (!list.some((x) => x.trim().toLowerCase() === lower)) return false;
  }
  if (rule.suffix !== undefined && !lower.endsWith(rule.suffix.toLowerCase())) return false;
  if (rule.matches !== undefined && !compileUserRegex(rule.matches).test(t)) return false;
  return true;
}
