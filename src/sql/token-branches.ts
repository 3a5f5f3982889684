/**
 * The plan's token values and UNION ALL branches, for the two shapes of export: wide (one column per
 * token kind, containment subtracted) and long (one quantity column, its kind from rules, its unit
 * from a table, with the per-row unit check). plan.ts builds the rest of the row and the cost branches.
 */
import { HedgeError } from "../errors.js";
import type { MappingSpec, TokenColumn } from "../ingest/mapping/schema.js";
import { NULL, NULL_TEXT, and, isEmpty, not, num, or, ref, str, text, when, type Expr } from "./expr.js";
import { numberExpr, ruleExpr } from "./mapping-expr.js";
import type { Branch } from "./plan-types.js";

/** What the token branches share with the rest of the plan (plan.ts `buildPlan`). */
export interface BranchContext {
  spec: MappingSpec;
  /** Whether the header has this column. */
  has: (column: string) => boolean;
  /** The column, or a HedgeError naming what it was needed for. */
  need: (column: string, what: string) => string;
  /** The row step's values so far; the token values are appended. */
  row: [string, Expr][];
  /** The branches so far; the token branches are appended. */
  branches: Branch[];
  /** The cost cell's text, when the export has a cost column. */
  costCell: Expr | undefined;
  /** Whether the row has an amount (always false without a cost column). */
  hasCost: Expr;
  costRef: Expr;
  currencyRef: Expr;
  noTokens: Expr;
  isUsage: Expr;
}

export function wideBranches(ctx: BranchContext, tokens: TokenColumn[]): void {
  const { spec, has, need, row, branches, costCell, hasCost, costRef, currencyRef, noTokens, isUsage } = ctx;
  // Wide: one branch per token column, its contained columns subtracted (containment).
  const cells: Expr[] = [];
  const present = tokens.filter((t) => has(t.column) || t.optional !== true);
  if (present.length === 0)
    throw new HedgeError("INPUT_MISSING_COLUMN", "none of the profile's token columns is in the header", {
      expected: tokens.map((t) => t.column).join(", "),
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
}

export function longBranches(ctx: BranchContext, q: NonNullable<MappingSpec["quantity"]>): void {
  const { spec, need, row, branches, costCell, costRef, currencyRef, isUsage } = ctx;
  // Long: one quantity column, its kind from rules, its unit from a table (and the unit check).
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
  if (q.unit && "column" in q.unit && q.unit.verify) unitCheck(ctx, q.unit.verify, qCell);
  else row.push(["factor_checked", ref("factor")]);
  row.push(["quantity", { t: "coalesce", xs: [qty, num("0")] }]);
  if (spec.skipEmpty) row.push(["has_values", or(not(isEmpty(qCell)), ...(costCell ? [not(isEmpty(costCell))] : []))]);
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
}

/** The row values of the per-row unit check, ending in `factor_checked` (tokens per unit, or 1). */
function unitCheck(ctx: BranchContext, verify: { cost: string; unitPrice: string }, qCell: Expr): void {
  const { need, row } = ctx;
  // The per-row unit check (RowMapper.verifyUnit): cost ≈ quantity × price keeps the factor,
  // cost ≈ quantity × price / factor means the quantity is already raw tokens.
  row.push([
    "check_cost",
    { t: "coalesce", xs: [{ t: "double", e: text(need(verify.cost, "the unit check's cost")) }, num("0")] },
  ]);
  row.push([
    "check_price",
    {
      t: "coalesce",
      xs: [{ t: "double", e: text(need(verify.unitPrice, "the unit check's unit price")) }, num("0")],
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
}
