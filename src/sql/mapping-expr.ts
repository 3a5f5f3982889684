/**
 * The pieces of an export profile's mapping as plan expressions: a filter's condition, a kind rule,
 * a dimension (provider, model, project, currency) and a number cell, each as the built-in reader
 * applies it to one row.
 */
import { HedgeError } from "../errors.js";
import type { Condition, KindRule, MappingSpec, ValueSource } from "../ingest/mapping/schema.js";
import { and, isEmpty, not, str, text, when, type Expr } from "./expr.js";

const ESCAPE_RE = /[.*+?^${}()|[\]\\]/g;

export function conditionExpr(c: Condition, has: (col: string) => boolean): Expr {
  const v = has(c.column) ? text(c.column) : str("");
  if (c.equals !== undefined) return { t: "eq", a: { t: "lower", e: v }, b: str(c.equals.trim().toLowerCase()) };
  if (c.in !== undefined) return { t: "in", e: { t: "lower", e: v }, values: c.in.map((x) => x.trim().toLowerCase()) };
  if (c.matches !== undefined) return { t: "match", e: v, re: c.matches };
  return c.empty === true ? isEmpty(v) : not(isEmpty(v));
}

export function ruleExpr(r: KindRule, v: Expr): Expr {
  const tests: Expr[] = [];
  if (r.equals !== undefined) {
    const list = (Array.isArray(r.equals) ? r.equals : [r.equals]).map((x) => x.trim().toLowerCase());
    tests.push({ t: "in", e: { t: "lower", e: v }, values: list });
  }
  if (r.suffix !== undefined) tests.push({ t: "match", e: v, re: `${r.suffix.replace(ESCAPE_RE, "\\$&")}$` });
  if (r.matches !== undefined) tests.push({ t: "match", e: v, re: r.matches });
  return and(...tests);
}

/** deriveValue (src/ingest/mapping/row-lookups.ts) as an expression; `fallback` is what an empty value becomes. */
export function dimensionExpr(source: ValueSource | undefined, fallback: string, absent: string): Expr {
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
export function numberExpr(cell: Expr, spec: MappingSpec, scale: 9 | 18, money: boolean): Expr {
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
