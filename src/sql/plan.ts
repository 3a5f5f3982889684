/**
 * One logical aggregation plan per export profile: the profile's own mapping (the MappingSpec its
 * `build` returns for a header) turned into expressions, so the SQL applies the same row filters,
 * kind rules, unit scaling and containment as the built-in reader, and every dialect renders the
 * same plan. The result has one row per day × provider × model × project × token kind × currency
 * (plus cost-only rows), in the aggregated layout the `aggregated` ingest profile reads.
 */
import { HedgeError } from "../errors.js";
import type { Condition, KindRule, MappingSpec, ValueSource } from "../ingest/mapping/schema.js";
import { profileById } from "../ingest/profiles/index.js";
import { makeHeader } from "../ingest/profiles/types.js";
import { AGGREGATED_COLUMNS } from "../ingest/profiles/aggregated.js";
import {
  NULL,
  NULL_TEXT,
  and,
  isEmpty,
  not,
  num,
  or,
  ref,
  str,
  text,
  when,
  type DayLayout,
  type Expr,
} from "./expr.js";

/** A value of the aggregated row: one UNION ALL branch. */
export interface Branch {
  /** What the branch is, for the comment above it. */
  label: string;
  where: Expr;
  kind: Expr;
  tokens: Expr;
  cost: Expr;
  currency: Expr;
  costOnly: Expr;
}

export interface AggregationPlan {
  profile: string;
  title: string;
  notes: string[];
  /**
   * Values computed once per source row, in order. A value reads either source cells or earlier
   * values, never both: values that read earlier ones go in a later step (SQL has no lateral aliases).
   */
  row: [string, Expr][];
  branches: Branch[];
  /** Whether the export has a cost column (without one the result has no cost and currency columns). */
  hasCost: boolean;
  /** The result's columns, in order. */
  resultColumns: string[];
  /** Optional day range on the result (inclusive, YYYY-MM-DD). */
  from?: string;
  to?: string;
}

export interface PlanOptions {
  /** The export's header; default: the profile's full header (src/sql/headers.ts). */
  header: readonly string[];
  /** How the date column is written; default: from the profile. */
  dateLayout?: DayLayout;
  containment?: "nested" | "disjoint";
  from?: string;
  to?: string;
}

/** Profiles that have no SQL plan, and why. */
const NO_SQL: Record<string, string> = {
  generic:
    "the generic profile finds its columns by name in each file; write a mapping file, or pick the export's own profile",
  aggregated: "the aggregated layout is already the query's result",
};

const ESCAPE_RE = /[.*+?^${}()|[\]\\]/g;

function conditionExpr(c: Condition, has: (col: string) => boolean): Expr {
  const v = has(c.column) ? text(c.column) : str("");
  if (c.equals !== undefined) return { t: "eq", a: { t: "lower", e: v }, b: str(c.equals.trim().toLowerCase()) };
  if (c.in !== undefined) return { t: "in", e: { t: "lower", e: v }, values: c.in.map((x) => x.trim().toLowerCase()) };
  if (c.matches !== undefined) return { t: "match", e: v, re: c.matches };
  return c.empty === true ? isEmpty(v) : not(isEmpty(v));
}

function ruleExpr(r: KindRule, v: Expr): Expr {
  const tests: Expr[] = [];
  if (r.equals !== undefined) {
    const list = (Array.isArray(r.equals) ? r.equals : [r.equals]).map((x) => x.trim().toLowerCase());
    tests.push({ t: "in", e: { t: "lower", e: v }, values: list });
  }
  if (r.suffix !== undefined) tests.push({ t: "match", e: v, re: `${r.suffix.replace(ESCAPE_RE, "\\$&")}$` });
  if (r.matches !== undefined) tests.push({ t: "match", e: v, re: r.matches });
  return and(...tests);
}

/** deriveValue (src/ingest/row-lookups.ts) as an expression; `fallback` is what an empty value becomes. */
function dimensionExpr(source: ValueSource | undefined, fallback: string, absent: string): Expr {
  if (source === undefined) return str(absent);
  if (typeof source === "string") return str(source);
  let v: Expr = text(source.column);
  if (source.pattern) v = when([[isEmpty(v), str("")]], { t: "extract", e: v, re: source.pattern });
  if (source.aliases) {
    const entries = Object.entries(source.aliases);
    v = when(
      entries.map(([k, to]) => [{ t: "eq", a: v, b: str(k) }, str(to)] as [Expr, Expr]),
      v,
    );
  }
  if (source.normalize === "lower") v = { t: "lower", e: v };
  else if (source.normalize === "upper") v = { t: "upper", e: v };
  else if (source.normalize === "slug")
    v = {
      t: "replace",
      e: { t: "replace", e: { t: "lower", e: v }, re: "[^a-z0-9]+", with: "-" },
      re: "^-+|-+$",
      with: "",
    };
  const dflt = source.default !== undefined && source.default !== "" ? source.default : fallback;
  return when([[isEmpty(v), str(dflt)]], v);
}

/** A number cell as an exact decimal: currency signs and thousands separators as the reader strips them. */
function numberExpr(cell: Expr, spec: MappingSpec, scale: 9 | 18, money: boolean): Expr {
  let v = cell;
  if (money) v = { t: "replace", e: v, re: "^[$€£]", with: "" };
  const th = spec.numbers?.thousands;
  if (th !== undefined && th !== "none") v = { t: "replace", e: v, re: th.replace(ESCAPE_RE, "\\$&"), with: "" };
  if (spec.numbers?.decimal === ",") {
    throw new HedgeError("USAGE", "a decimal-comma export has no SQL plan", {
      expected: "a profile whose numbers use a decimal point",
      hint: "convert the numbers in the warehouse, or ingest the file with --decimal ,",
    });
  }
  return { t: "decimal", e: v, scale };
}

function defaultLayout(profile: string, spec: MappingSpec): DayLayout {
  if (spec.date.format === "unix") return "unix";
  if (spec.date.format === "MM/DD/YYYY" || profile === "azure-cost") return "mdy";
  return "iso";
}

export function buildPlan(profileId: string, options: PlanOptions): AggregationPlan {
  const profile = profileById(profileId);
  const why = NO_SQL[profile.id];
  if (why)
    throw new HedgeError("USAGE", `--profile ${profile.id}: no aggregation query (${why})`, {
      value: profile.id,
      hint: "choose an export profile such as aws-cur, focus, gcp-billing, azure-cost or litellm",
    });
  const header = makeHeader([...options.header]);
  const { spec, notes } = profile.build(header, options.containment ? { containment: options.containment } : {});
  const has = (c: string) => header.has(c);
  const need = (c: string, what: string) => {
    if (!has(c))
      throw new HedgeError("INPUT_MISSING_COLUMN", `column "${c}" (${what}) is not in the header`, {
        value: options.header.join(","),
        expected: `a column named "${c}"`,
        hint: "give the export's header with --header-from FILE",
      });
    return c;
  };
  const layout = options.dateLayout ?? defaultLayout(profile.id, spec);
  const row: [string, Expr][] = [];
  row.push(["usage_date", { t: "day", e: text(need(spec.date.column, "the date")), layout }]);
  row.push(["provider", dimensionExpr(spec.provider, "unspecified", "unspecified")]);
  row.push(["model", dimensionExpr(spec.model, "unspecified", "all")]);
  row.push(["project", dimensionExpr(spec.project, "unspecified", "all")]);

  // Filters, first match wins (RowMapper.process): skip, cost-only with its reason, or usage.
  const classWhens: [Expr, Expr][] = [];
  const reasonWhens: [Expr, Expr][] = [];
  for (const f of spec.filters ?? []) {
    const cond = (f.when ?? f.unless)!;
    if (!has(cond.column)) {
      // As the reader: a `when` on a missing column never applies; an `unless` is an error.
      if (f.unless) need(cond.column, `filter: keep rows where ${cond.column}`);
      continue;
    }
    const test = f.when ? conditionExpr(cond, has) : not(conditionExpr(cond, has));
    classWhens.push([test, str(f.then === "skip" ? "skip" : "cost")]);
    reasonWhens.push([test, f.then === "skip" ? NULL_TEXT : str(f.reason)]);
  }
  row.push(["row_class", when(classWhens, str("usage"))]);
  row.push(["cost_reason", when(reasonWhens, NULL_TEXT)]);

  // Cost and currency (only when the cell has an amount, as the reader).
  // Without a cost column no row has an amount.
  let hasCost: Expr = { t: "eq", a: num("0"), b: num("1") };
  const costCell = spec.cost ? text(need(spec.cost.column, "the cost")) : undefined;
  if (spec.cost && costCell) {
    const cell = costCell;
    row.push(["has_cost", not(isEmpty(cell))]);
    hasCost = ref("has_cost");
    let amount = numberExpr(cell, spec, 18, true);
    const scale = String(spec.cost.scale ?? "1");
    if (scale !== "1") amount = { t: "arith", op: "*", a: amount, b: num(scale) };
    row.push(["cost", when([[isEmpty(cell), { t: "decimal", e: NULL, scale: 18 }]], amount)]);
    const cur = spec.cost.currency;
    const currency =
      cur === undefined
        ? str("USD")
        : typeof cur === "string"
          ? str(cur.trim().toUpperCase())
          : { t: "upper" as const, e: dimensionExpr(cur, "USD", "USD") };
    row.push(["currency", when([[isEmpty(cell), NULL_TEXT]], currency)]);
  }
  const costRef = spec.cost ? ref("cost") : ({ t: "decimal", e: NULL, scale: 18 } as Expr);
  const currencyRef = spec.cost ? ref("currency") : NULL_TEXT;
  const noTokens: Expr = { t: "decimal", e: NULL, scale: 9 };
  const isUsage: Expr = { t: "eq", a: ref("row_class"), b: str("usage") };
  const branches: Branch[] = [];

  // Cost-only rows: their cost counts, their quantity never (and an empty one is an empty bucket).
  if (classWhens.some(([, v]) => v.t === "str" && v.value === "cost")) {
    branches.push({
      label: "cost-only rows (credits, tax, refunds …)",
      // With skipEmpty, a cost-only row without an amount is an empty bucket (RowMapper.process).
      where: and({ t: "eq", a: ref("row_class"), b: str("cost") }, ...(spec.skipEmpty ? [hasCost] : [])),
      kind: str(""),
      tokens: noTokens,
      cost: costRef,
      currency: currencyRef,
      costOnly: ref("cost_reason"),
    });
  }

  if (spec.tokens) {
    // Wide: one branch per token column, its contained columns subtracted (containment).
    const cells: Expr[] = [];
    const present = spec.tokens.filter((t) => has(t.column) || t.optional !== true);
    if (present.length === 0)
      throw new HedgeError("INPUT_MISSING_COLUMN", "none of the profile's token columns is in the header", {
        expected: spec.tokens.map((t) => t.column).join(", "),
      });
    present.forEach((t, i) => {
      const mult = String(t.multiplier ?? "1");
      const q = (c: string): Expr => {
        const v: Expr = { t: "coalesce", xs: [numberExpr(text(c), spec, 9, false), num("0")] };
        return mult === "1" ? v : { t: "arith", op: "*", a: v, b: num(mult) };
      };
      cells.push(text(need(t.column, `token kind ${t.kind}`)));
      let v = q(t.column);
      for (const m of t.minus ?? []) {
        if (!has(m)) continue;
        cells.push(text(m));
        v = { t: "arith", op: "-", a: v, b: q(m) };
      }
      row.push([`t${i}`, v]);
    });
    if (spec.skipEmpty)
      row.push([
        "has_values",
        or(
          ...[...new Map(cells.map((c) => [JSON.stringify(c), c])).values()].map((c) => not(isEmpty(c))),
          ...(costCell ? [not(isEmpty(costCell))] : []),
        ),
      ]);
    const usageRows = spec.skipEmpty ? and(isUsage, ref("has_values")) : isUsage;
    present.forEach((t, i) =>
      branches.push({
        label: `${t.kind} ← ${t.column}${t.minus?.length ? ` − ${t.minus.join(" − ")}` : ""}`,
        where: usageRows,
        kind: str(t.kind),
        tokens: ref(`t${i}`),
        cost: { t: "decimal", e: NULL, scale: 18 },
        currency: NULL_TEXT,
        costOnly: NULL_TEXT,
      }),
    );
    if (spec.cost)
      branches.push({
        label: "the row's cost (not one token kind's)",
        where: and(usageRows, hasCost),
        kind: str(""),
        tokens: noTokens,
        cost: costRef,
        currency: currencyRef,
        costOnly: NULL_TEXT,
      });
  } else if (spec.quantity) {
    // Long: one quantity column, its kind from rules, its unit from a table (and the unit check).
    const q = spec.quantity;
    const qCell = text(need(q.column, "the token quantity"));
    let kind: Expr;
    if (typeof q.kind === "string") kind = str(q.kind);
    else {
      const kc = text(need(q.kind.column, "the token kind"));
      const rules = q.kind.rules;
      kind = rules
        ? when(
            rules.map((r) => [ruleExpr(r, kc), str(r.kind ?? "#ignore")] as [Expr, Expr]),
            { t: "concat", parts: [str("unmatched kind: "), kc] },
          )
        : when([[isEmpty(kc), str("unspecified")]], kc);
    }
    row.push(["kind", kind]);
    let factor: Expr = num("1");
    if (q.unit && "multiplier" in q.unit) factor = num(String(q.unit.multiplier));
    else if (q.unit) {
      const uc = text(need(q.unit.column, "the unit"));
      const key: Expr = { t: "lower", e: { t: "replace", e: uc, re: "\\s+", with: "" } };
      const table = new Map<string, string>();
      for (const [k, v] of Object.entries(q.unit.table)) table.set(k.replace(/\s+/g, "").toLowerCase(), String(v));
      factor = when(
        [...table].map(([k, v]) => [{ t: "eq", a: key, b: str(k) }, num(v)] as [Expr, Expr]),
        NULL,
      );
      row.push(["unit_text", uc]);
    }
    row.push(["factor", factor]);
    const qty: Expr = numberExpr(qCell, spec, 9, false);
    if (q.unit && "column" in q.unit && q.unit.verify) {
      // The per-row unit check (RowMapper.verifyUnit): cost ≈ quantity × price keeps the factor,
      // cost ≈ quantity × price / factor means the quantity is already raw tokens.
      row.push([
        "check_cost",
        { t: "coalesce", xs: [{ t: "double", e: text(need(q.unit.verify.cost, "the unit check's cost")) }, num("0")] },
      ]);
      row.push([
        "check_price",
        {
          t: "coalesce",
          xs: [{ t: "double", e: text(need(q.unit.verify.unitPrice, "the unit check's unit price")) }, num("0")],
        },
      ]);
      row.push(["check_quantity", { t: "coalesce", xs: [{ t: "double", e: qCell }, num("0")] }]);
      const [cost, price, qd] = [ref("check_cost"), ref("check_price"), ref("check_quantity")];
      const positive = and(
        { t: "cmp", op: ">", a: cost, b: num("0") },
        { t: "cmp", op: ">", a: price, b: num("0") },
        { t: "cmp", op: ">", a: qd, b: num("0") },
        not({ t: "isNull", e: ref("factor") }),
        { t: "cmp", op: "<>", a: ref("factor"), b: num("1") },
      );
      const r: Expr = { t: "arith", op: "/", a: cost, b: { t: "arith", op: "*", a: qd, b: price } };
      const near = (x: Expr): Expr => ({
        t: "cmp",
        op: "<",
        a: { t: "abs", e: { t: "arith", op: "-", a: x, b: num("1") } },
        b: num("0.05"),
      });
      row.push([
        "factor_checked",
        when(
          [
            [and(positive, near(r)), ref("factor")],
            [and(positive, near({ t: "arith", op: "*", a: r, b: ref("factor") })), num("1")],
          ],
          ref("factor"),
        ),
      ]);
    } else {
      row.push(["factor_checked", ref("factor")]);
    }
    row.push(["quantity", { t: "coalesce", xs: [qty, num("0")] }]);
    if (spec.skipEmpty)
      row.push(["has_values", or(not(isEmpty(qCell)), ...(costCell ? [not(isEmpty(costCell))] : []))]);
    const usageRows = and(
      isUsage,
      { t: "cmp", op: "<>", a: ref("kind"), b: str("#ignore") },
      ...(spec.skipEmpty ? [ref("has_values")] : []),
    );
    const unitKnown = row.some(([n]) => n === "unit_text");
    branches.push({
      label: "token rows: kind by the rules, quantity × tokens per unit",
      where: usageRows,
      // An unknown unit stays visible: the aggregated reader rejects the kind, naming it.
      kind: unitKnown
        ? when(
            [
              [
                { t: "isNull", e: ref("factor_checked") },
                { t: "concat", parts: [str("unknown unit: "), ref("unit_text")] },
              ],
            ],
            ref("kind"),
          )
        : ref("kind"),
      tokens: { t: "arith", op: "*", a: ref("quantity"), b: { t: "coalesce", xs: [ref("factor_checked"), num("0")] } },
      cost: costRef,
      currency: currencyRef,
      costOnly: NULL_TEXT,
    });
  } else if (spec.cost) {
    branches.push({
      label: "cost rows (the export has no token counts)",
      where: and(isUsage, ...(spec.skipEmpty ? [hasCost] : [])),
      kind: str(""),
      tokens: noTokens,
      cost: costRef,
      currency: currencyRef,
      costOnly: NULL_TEXT,
    });
  }

  const planNotes = [
    ...notes,
    layout === "iso"
      ? "days are the first ten characters of the date (YYYY-MM-DD as written; UTC for the Z times these exports write)"
      : layout === "mdy"
        ? "days from MM/DD/YYYY dates"
        : "days from Unix seconds, in UTC",
  ];
  return {
    profile: profile.id,
    title: profile.title,
    notes: planNotes,
    row,
    branches,
    hasCost: spec.cost !== undefined,
    resultColumns: AGGREGATED_COLUMNS.filter((c) => spec.cost !== undefined || (c !== "cost" && c !== "currency")),
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  };
}

/** Every column the result can have, in order (the aggregated layout). */
export const RESULT_COLUMNS = AGGREGATED_COLUMNS;
