/**
 * Compiling a mapping against one header (the first job of the row mapper, row-mapper.ts): every column the
 * mapping names is found in the header (a missing or twice-named column is an error naming it), and the mapping
 * becomes the mapper's plan — the date column, the dimension readers, the filters, the measures (wide token
 * columns or the long quantity column with its kind and unit), the cost, and the duplicate-check key. Values met
 * in the mapping itself (constant providers, kinds, currencies) are interned into the cube's dictionaries here,
 * in this order.
 */
import { HedgeError } from "../../errors.js";
import type { Cube } from "../series/cube.js";
import type { MappingSpec, ValueSource } from "./schema.js";
import type { DayBucketer } from "../values/day-bucket.js";
import {
  CachedLookup,
  DimensionReader,
  conditionTest,
  describeCondition,
  ruleMatches,
  type Column,
  type KindDecision,
} from "./row-lookups.js";

export interface Measure {
  column: Column;
  /** Multiplier as a decimal string ("1" for none). */
  multiplier: string;
}

export interface WideOutput {
  kind: number;
  kindName: string;
  measure: number;
  minus: number[];
  rule: string;
}

export interface UnitDecision {
  factor: string | undefined;
  text: string;
}

/** The long layout's quantity column with its kind and unit. */
export interface LongOutput {
  measure: number;
  kindConst: number | undefined;
  kindLookup: CachedLookup<KindDecision> | undefined;
  kindRule: string;
  unitFactor: string | undefined;
  unitLookup: CachedLookup<UnitDecision> | undefined;
  verify: { cost: Column; unitPrice: Column } | undefined;
}

export interface CostOutput {
  column: Column;
  scale: string;
  currencyConst: number;
  currencyReader: DimensionReader | undefined;
  rule: string;
}

export interface MapperFilter {
  lookup: CachedLookup<boolean>;
  when: boolean;
  then: "skip" | "cost-only";
  reason: string;
}

/** Each dimension comes from a column (a reader) or is one value for the whole file (a constant id). */
export interface DimensionRules {
  providerConst: number;
  providerReader: DimensionReader | undefined;
  modelConst: number;
  modelReader: DimensionReader | undefined;
  projectConst: number;
  projectReader: DimensionReader | undefined;
}

/** How a record's token values are read: wide (a column per kind) or long (a kind column and a quantity). */
export interface RowTokenRules {
  measures: Measure[];
  /** The rule each measure serves (for messages). */
  measureRules: string[];
  wide: WideOutput[];
  long: LongOutput | undefined;
  emptyTokensZero: boolean;
}

/** The compiled mapping: what RowMapper reads each record by (dimensions and token rules included). */
export interface CompiledMapping extends DimensionRules, RowTokenRules {
  dateCol: Column;
  dateRule: string;
  filters: MapperFilter[];
  skipEmpty: boolean;
  cost: CostOutput | undefined;
  keyColumns: number[];
}

/** `header` is already trimmed; `file` names it in errors; `cube` receives the mapping's constants. */
export function compileMapping(
  spec: MappingSpec,
  header: readonly string[],
  file: string,
  bucketer: DayBucketer,
  cube: Cube,
): CompiledMapping {
  const filters: MapperFilter[] = [];
  const measures: Measure[] = [];
  const measureRules: string[] = [];
  const wide: WideOutput[] = [];
  let long: LongOutput | undefined;
  let cost: CostOutput | undefined;
  const positions = new Map<string, number>();
  const repeated = new Map<string, number>();
  header.forEach((h, i) => {
    const k = h.toLowerCase();
    if (!positions.has(k)) positions.set(k, i);
    else if (!repeated.has(k)) repeated.set(k, i);
  });
  const col = (name: string, what: string, optional = false): Column | undefined => {
    const key = name.trim().toLowerCase();
    const at = positions.get(key);
    // A header naming the column twice: which one holds the data is a guess, so neither is taken.
    const again = repeated.get(key);
    if (at !== undefined && again !== undefined) {
      throw new HedgeError(
        "INPUT_INVALID",
        `the header names column "${name}" (${what}) twice, columns ${at + 1} and ${again + 1}`,
        {
          file: file,
          column: again + 1,
          value: header.join(","),
          expected: "each column used once in the header",
          hint: "rename one of the columns, or point the mapping at a column by another name",
        },
      );
    }
    if (at === undefined) {
      if (optional) return undefined;
      throw new HedgeError("INPUT_MISSING_COLUMN", `column "${name}" (${what}) is not in the header`, {
        file: file,
        value: header.join(","),
        expected: `a column named "${name}"`,
        hint: `the header has: ${header.join(", ")}; choose another --format, or fix the mapping`,
      });
    }
    return { index: at, name: header[at]! };
  };
  const need = (name: string, what: string): Column => col(name, what)!;

  // Date.
  const dateCol = need(spec.date.column, "the date");
  const dateRule = `date ← column "${dateCol.name}" (format ${bucketer.options.format}, zone ${bucketer.options.zone.name}, days in ${bucketer.options.tz.name}${bucketer.options.asWritten ? ", as written" : ""})`;

  // Dimensions.
  const dim = (
    source: ValueSource | undefined,
    dict: { id(v: string): number },
    what: string,
    fallback: string,
  ): [number, DimensionReader | undefined] => {
    if (source === undefined) return [dict.id(fallback), undefined];
    if (typeof source === "string") return [dict.id(source), undefined];
    const c = need(source.column, what);
    return [-1, new DimensionReader(c, source, (v) => dict.id(v === "" ? fallback : v))];
  };
  const [providerConst, providerReader] = dim(spec.provider, cube.providers, "the provider", "unspecified");
  const [modelConst, modelReader] = dim(
    spec.model,
    cube.models,
    "the model",
    spec.model === undefined ? "all" : "unspecified",
  );
  const [projectConst, projectReader] = dim(
    spec.project,
    cube.projects,
    "the project",
    spec.project === undefined ? "all" : "unspecified",
  );

  // Filters.
  for (const f of spec.filters ?? []) {
    const cond = (f.when ?? f.unless)!;
    const c = col(cond.column, `a filter: ${describeCondition(cond)}`, true);
    if (!c) {
      // A filter on a column the file lacks cannot match: `when` never applies, `unless` always does.
      if (f.unless) {
        throw new HedgeError(
          "INPUT_MISSING_COLUMN",
          `column "${cond.column}" (filter: keep rows where ${describeCondition(cond)}) is not in the header`,
          {
            file: file,
            expected: `a column named "${cond.column}"`,
            hint: `the header has: ${header.join(", ")}`,
          },
        );
      }
      continue;
    }
    filters.push({
      lookup: new CachedLookup(c, conditionTest(cond)),
      when: f.when !== undefined,
      then: f.then,
      reason: f.reason,
    });
  }

  // Measures: token columns (wide) or the quantity column (long).
  const measureIndex = new Map<number, number>();
  const measure = (c: Column, multiplier: string): number => {
    const key = c.index;
    const existing = measureIndex.get(key);
    if (existing !== undefined) return existing;
    measures.push({ column: c, multiplier });
    measureIndex.set(key, measures.length - 1);
    return measures.length - 1;
  };
  if (spec.tokens) {
    for (const t of spec.tokens) {
      const c = col(t.column, `token kind ${t.kind}`, t.optional === true);
      if (!c) continue;
      const m = measure(c, String(t.multiplier ?? "1"));
      const minus: number[] = [];
      for (const name of t.minus ?? []) {
        const mc = col(name, `contained in ${t.column}`, true);
        if (mc) minus.push(measure(mc, String(t.multiplier ?? "1")));
      }
      const minusText = minus.map((i) => ` − "${measures[i]!.column.name}"`).join("");
      wide.push({
        kind: cube.kinds.id(t.kind),
        kindName: t.kind,
        measure: m,
        minus,
        rule: `${t.kind} ← "${c.name}"${minusText}${t.multiplier ? ` × ${t.multiplier}` : ""}`,
      });
    }
    for (let k = 0; k < measures.length; k++)
      measureRules[k] = wide.find((w) => w.measure === k || w.minus.includes(k))?.rule ?? "";
    if (wide.length === 0) {
      throw new HedgeError("INPUT_MISSING_COLUMN", "none of the mapping's token columns is in the header", {
        file: file,
        expected: spec.tokens.map((t) => t.column).join(", "),
        hint: `the header has: ${header.join(", ")}`,
      });
    }
  }
  if (spec.quantity) {
    const q = spec.quantity;
    const qc = need(q.column, "the token quantity");
    let kindConst: number | undefined;
    let kindLookup: CachedLookup<KindDecision> | undefined;
    let kindRule: string;
    if (typeof q.kind === "string") {
      kindConst = cube.kinds.id(q.kind);
      kindRule = `kind = ${q.kind}`;
    } else {
      const kc = need(q.kind.column, "the token kind");
      const rules = q.kind.rules;
      kindRule = rules ? `kind ← "${kc.name}" by ${rules.length} rules` : `kind ← "${kc.name}" as written`;
      kindLookup = new CachedLookup<KindDecision>(kc, (text) => {
        if (!rules)
          return text.trim() === "" ? { kind: cube.kinds.id("unspecified") } : { kind: cube.kinds.id(text.trim()) };
        // noKind: cost of no single kind (kind −1, the cost slot of wide rows); no tokens.
        for (const r of rules)
          if (ruleMatches(r, text))
            return r.kind !== undefined
              ? { kind: cube.kinds.id(r.kind) }
              : r.ignore !== undefined
                ? { ignore: r.ignore }
                : { kind: -1 };
        return { unknown: true };
      });
    }
    let unitFactor: string | undefined;
    let unitLookup: CachedLookup<UnitDecision> | undefined;
    let verify: { cost: Column; unitPrice: Column } | undefined;
    let unitText = "";
    if (q.unit && "multiplier" in q.unit) {
      unitFactor = String(q.unit.multiplier);
      unitText = ` × ${unitFactor}`;
    } else if (q.unit) {
      const table = new Map<string, string>();
      for (const [k, v] of Object.entries(q.unit.table)) table.set(k.replace(/\s+/g, "").toLowerCase(), String(v));
      const uc = need(q.unit.column, "the unit");
      unitLookup = new CachedLookup<UnitDecision>(uc, (text) => ({
        factor: table.get(text.replace(/\s+/g, "").toLowerCase()),
        text: text.trim(),
      }));
      unitText = ` × tokens per "${uc.name}" unit`;
      if (q.unit.verify)
        verify = {
          cost: need(q.unit.verify.cost, "the unit check's cost"),
          unitPrice: need(q.unit.verify.unitPrice, "the unit check's unit price"),
        };
    }
    long = {
      measure: measure(qc, "1"),
      kindConst,
      kindLookup,
      kindRule: `${kindRule}; tokens ← "${qc.name}"${unitText}`,
      unitFactor,
      unitLookup,
      verify,
    };
  }
  const emptyTokensZero = spec.emptyTokens === "zero";
  const skipEmpty = spec.skipEmpty === true;

  if (spec.cost) {
    const cc = need(spec.cost.column, "the cost");
    let currencyConst = -1;
    let currencyReader: DimensionReader | undefined;
    const cur = spec.cost.currency;
    if (cur === undefined) currencyConst = cube.currencies.id("USD");
    else if (typeof cur === "string") currencyConst = cube.currencies.id(cur.trim().toUpperCase());
    else {
      const c = need(cur.column, "the currency");
      currencyReader = new DimensionReader(c, cur, (v) => cube.currencies.id(v === "" ? "USD" : v.toUpperCase()));
    }
    const scale = String(spec.cost.scale ?? "1");
    cost = {
      column: cc,
      scale,
      currencyConst,
      currencyReader,
      rule: `cost ← "${cc.name}"${scale !== "1" ? ` × ${scale}` : ""}`,
    };
  }

  // Duplicate key: the mapping's key columns, else every column that is not a measure.
  const measureCols = new Set<number>(measures.map((m) => m.column.index));
  if (cost) measureCols.add(cost.column.index);
  if (long?.verify) {
    measureCols.add(long.verify.cost.index);
    measureCols.add(long.verify.unitPrice.index);
  }
  const keyColumns = spec.key
    ? spec.key.map((k) => need(k, "the row key").index)
    : header.map((_, i) => i).filter((i) => !measureCols.has(i));
  return {
    dateCol,
    dateRule,
    providerConst,
    providerReader,
    modelConst,
    modelReader,
    projectConst,
    projectReader,
    filters,
    measures,
    measureRules,
    wide,
    long,
    emptyTokensZero,
    skipEmpty,
    cost,
    keyColumns,
  };
}
