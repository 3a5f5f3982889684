/**
 * The expression language of the aggregation plan: just what an export profile's mapping needs
 * (text of a cell, case-insensitive regular expressions, CASE, exact decimals, a day from a
 * date cell). One plan is built from a profile; every dialect renders the same expressions.
 */

export type Expr =
  /** A source column, read as trimmed text ('' for NULL), as the CSV reader sees a cell. */
  | { t: "text"; column: string }
  /** A value computed once per source row (a column of the plan's row step). */
  | { t: "ref"; name: string }
  | { t: "str"; value: string }
  /** A decimal or integer literal, written as digits. */
  | { t: "num"; value: string }
  | { t: "null" }
  /** A NULL of the text type (BigQuery types a bare NULL as INT64, which a UNION ALL with text refuses). */
  | { t: "nullText" }
  | { t: "lower"; e: Expr }
  | { t: "upper"; e: Expr }
  | { t: "concat"; parts: Expr[] }
  /** A case-insensitive regular-expression search (JavaScript syntax, the mapping's). */
  | { t: "match"; e: Expr; re: string }
  /** The first capture group of a case-insensitive search (the whole match without groups), '' when none. */
  | { t: "extract"; e: Expr; re: string }
  /** Every match replaced (case-sensitive). */
  | { t: "replace"; e: Expr; re: string; with: string }
  | { t: "eq"; a: Expr; b: Expr }
  | { t: "in"; e: Expr; values: string[] }
  | { t: "and"; xs: Expr[] }
  | { t: "or"; xs: Expr[] }
  | { t: "not"; e: Expr }
  | { t: "case"; whens: [Expr, Expr][]; else: Expr }
  /** Text → exact decimal with this many fraction digits; '' → NULL. */
  | { t: "decimal"; e: Expr; scale: 9 | 18 }
  /** Text → float64 ('' → NULL), for the unit check only. */
  | { t: "double"; e: Expr }
  | { t: "arith"; op: "+" | "-" | "*" | "/"; a: Expr; b: Expr }
  | { t: "abs"; e: Expr }
  | { t: "cmp"; op: "<" | ">" | "<>"; a: Expr; b: Expr }
  | { t: "coalesce"; xs: Expr[] }
  | { t: "isNull"; e: Expr }
  /** A day YYYY-MM-DD from the text of a date cell, by the cell's layout. */
  | { t: "day"; e: Expr; layout: DayLayout };

/** iso: YYYY-MM-DD… (the date as written, UTC for Z times); mdy: MM/DD/YYYY; unix: seconds since 1970. */
export type DayLayout = "iso" | "mdy" | "unix";

export const text = (column: string): Expr => ({ t: "text", column });
export const ref = (name: string): Expr => ({ t: "ref", name });
export const str = (value: string): Expr => ({ t: "str", value });
export const num = (value: string): Expr => ({ t: "num", value });
export const NULL: Expr = { t: "null" };
export const NULL_TEXT: Expr = { t: "nullText" };
export const isEmpty = (e: Expr): Expr => ({ t: "eq", a: e, b: str("") });
export const not = (e: Expr): Expr => ({ t: "not", e });
export const and = (...xs: Expr[]): Expr => (xs.length === 1 ? xs[0]! : { t: "and", xs });
export const or = (...xs: Expr[]): Expr => (xs.length === 1 ? xs[0]! : { t: "or", xs });
export const when = (whens: [Expr, Expr][], otherwise: Expr): Expr =>
  whens.length === 0 ? otherwise : { t: "case", whens, else: otherwise };

/** Source columns an expression reads, in first-use order. */
export function columnsOf(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.t) {
    case "text":
      out.add(e.column);
      break;
    case "lower":
    case "upper":
    case "not":
    case "abs":
    case "isNull":
    case "decimal":
    case "double":
    case "match":
    case "extract":
    case "replace":
    case "day":
    case "in":
      columnsOf(e.e, out);
      break;
    case "concat":
      e.parts.forEach((p) => columnsOf(p, out));
      break;
    case "and":
    case "or":
    case "coalesce":
      e.xs.forEach((x) => columnsOf(x, out));
      break;
    case "eq":
    case "arith":
    case "cmp":
      columnsOf(e.a, out);
      columnsOf(e.b, out);
      break;
    case "case":
      for (const [c, v] of e.whens) {
        columnsOf(c, out);
        columnsOf(v, out);
      }
      columnsOf(e.else, out);
      break;
    default:
  }
  return out;
}
