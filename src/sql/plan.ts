/**
 * One logical aggregation plan per export profile: the profile's own mapping (the MappingSpec its
 * `build` returns for a header) turned into expressions, so the SQL applies the same row filters,
 * kind rules, unit scaling and containment as the built-in reader, and every dialect renders the
 * same plan. The result has one row per day × provider × model × project × token kind × currency
 * (plus cost-only rows), in the aggregated layout the `aggregated` ingest profile reads.
 */
import { HedgeError } from "../errors.js";
import type { MappingSpec } from "../ingest/mapping/schema.js";
import { profileById } from "../ingest/mapping/profiles/index.js";
import { makeHeader } from "../ingest/mapping/profiles/types.js";
import { AGGREGATED_COLUMNS } from "../ingest/mapping/profiles/aggregated.js";
import { NULL, NULL_TEXT, and, isEmpty, not, num, ref, str, text, when, type DayLayout, type Expr } from "./expr.js";
import { conditionExpr, dimensionExpr, numberExpr } from "./mapping-expr.js";
import type { AggregationPlan, Branch, PlanOptions } from "./plan-types.js";
import { longBranches, wideBranches, type BranchContext } from "./token-branches.js";

/** Profiles that have no SQL plan, and why. */
const NO_SQL: Record<string, string> = {
  generic:
    "the generic profile finds its columns by name in each file; write a mapping file, or pick the export's own profile",
  aggregated: "the aggregated layout is already the query's result",
};

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

  // The token values and branches: wide or long (token-branches.ts).
  const ctx: BranchContext = {
    spec,
    has,
    need,
    row,
    branches,
    costCell,
    hasCost,
    costRef,
    currencyRef,
    noTokens,
    isUsage,
  };
  if (spec.tokens) {
    wideBranches(ctx, spec.tokens);
  } else if (spec.quantity) {
    longBranches(ctx, spec.quantity);
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
