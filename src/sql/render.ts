/**
 * Renders an aggregation plan as one SQL statement in a dialect: a `th_cells` step reading each
 * source column once as trimmed text, a `th_src` step computing each row's values once, a `th_rows` step with one UNION ALL branch per output (token column,
 * row cost, cost-only row), and the GROUP BY. Names are quoted by the dialect; every value is a
 * dialect-escaped literal, so no column or table name, pattern or label can end the string.
 */
import { HedgeError } from "../errors.js";
import { dayExpr, dialectByName, type Dialect, type DialectName } from "./dialects.js";
import { columnsOf, type Expr } from "./expr.js";
import type { AggregationPlan } from "./plan-types.js";
import { RESULT_COLUMNS } from "./plan-types.js";

export interface RenderOptions {
  dialect: DialectName;
  /** The table (or view), dotted: catalog.schema.table. */
  table: string;
  /** Export column → the table's column, for tables whose columns were renamed on load. */
  columns?: Readonly<Record<string, string>>;
  /** The command line shown in the header comment. */
  command?: string;
}

interface Scope {
  d: Dialect;
  columns: Readonly<Record<string, string>>;
  /** After the `cells` step a source cell is its trimmed text, under the export's column name. */
  cells: boolean;
}

/** Names of the row values an expression refers to. */
function refsOf(e: Expr, out: string[] = []): string[] {
  if (e.t === "ref") out.push(e.name);
  for (const v of Object.values(e)) {
    if (Array.isArray(v)) for (const x of v.flat()) if (x && typeof x === "object" && "t" in x) refsOf(x as Expr, out);
    if (v && typeof v === "object" && !Array.isArray(v) && "t" in v) refsOf(v as Expr, out);
  }
  return out;
}

function expr(e: Expr, s: Scope): string {
  const d = s.d;
  const r = (x: Expr) => expr(x, s);
  switch (e.t) {
    case "text": {
      if (s.cells) return d.ident(e.column);
      const name = Object.hasOwn(s.columns, e.column) ? s.columns[e.column]! : e.column;
      return `COALESCE(TRIM(CAST(${d.ident(name)} AS ${d.string})), '')`;
    }
    case "ref":
      return d.ident(e.name);
    case "str":
      return d.literal(e.value);
    case "num":
      return e.value;
    case "null":
      return "NULL";
    case "nullText":
      return `CAST(NULL AS ${d.string})`;
    case "lower":
      return `LOWER(${r(e.e)})`;
    case "upper":
      return `UPPER(${r(e.e)})`;
    case "concat":
      return `CONCAT(${e.parts.map(r).join(", ")})`;
    case "match":
      return d.match(r(e.e), e.re);
    case "extract":
      return `TRIM(${d.extract(r(e.e), e.re)})`;
    case "replace":
      return d.replace(r(e.e), e.re, e.with);
    case "eq":
      return `${r(e.a)} = ${r(e.b)}`;
    case "in":
      return `${r(e.e)} IN (${e.values.map((v) => d.literal(v)).join(", ")})`;
    case "and":
      return e.xs.map((x) => `(${r(x)})`).join(" AND ");
    case "or":
      return e.xs.map((x) => `(${r(x)})`).join(" OR ");
    case "not":
      return `NOT (${r(e.e)})`;
    case "case":
      return `CASE ${e.whens.map(([c, v]) => `WHEN ${r(c)} THEN ${r(v)}`).join(" ")} ELSE ${r(e.else)} END`;
    case "decimal":
      return e.e.t === "null"
        ? `CAST(NULL AS ${d.decimal(e.scale)})`
        : `CAST(NULLIF(${r(e.e)}, '') AS ${d.decimal(e.scale)})`;
    case "double":
      return `CAST(NULLIF(${r(e.e)}, '') AS ${d.double})`;
    case "arith":
      return `(${r(e.a)} ${e.op} ${r(e.b)})`;
    case "abs":
      return `ABS(${r(e.e)})`;
    case "cmp":
      return `${r(e.a)} ${e.op} ${r(e.b)}`;
    case "coalesce":
      return `COALESCE(${e.xs.map(r).join(", ")})`;
    case "isNull":
      return `${r(e.e)} IS NULL`;
    case "day":
      return dayExpr(d, r(e.e), e.layout);
  }
}

function tableRef(d: Dialect, table: string): string {
  const parts = table.split(".");
  if (table.trim() === "" || parts.some((p) => p.trim() === "")) {
    throw new HedgeError("USAGE", `--table: "${table}" is not a table name`, {
      value: table,
      expected: "NAME or SCHEMA.NAME or CATALOG.SCHEMA.NAME",
      hint: "e.g. --table cur.data_exports",
    });
  }
  return parts.map((p) => d.ident(p.trim())).join(".");
}

/** The query's own steps: fixed names, unquoted (no dialect reserves them). */
const step = (level: number): string => (level === 0 ? "th_src" : `th_src_${level + 1}`);

const comment = (line: string): string => `-- ${line.replace(/[\r\n]+/g, " ")}`;

export function renderSql(plan: AggregationPlan, options: RenderOptions): string {
  const d = dialectByName(options.dialect);
  const columns = options.columns ?? {};
  const q = (n: string) => d.ident(n);
  const scope: Scope = { d, columns, cells: true };
  // The cells step reads each source column once, as the CSV reader sees it: trimmed text, '' for NULL.
  const used = new Set<string>();
  for (const [, e] of plan.row) columnsOf(e, used);
  const cellLines = [...used].map(
    (c) => `    ${expr({ t: "text", column: c }, { d, columns, cells: false })} AS ${q(c)}`,
  );
  // Then values over cells, then each value that reads earlier values one step later.
  const level = new Map<string, number>();
  for (const [name, e] of plan.row) {
    const refs = refsOf(e);
    if (refs.length > 0 && columnsOf(e).size > 0)
      throw new HedgeError("INTERNAL", `plan value ${name} reads both source cells and earlier values`);
    level.set(name, refs.length === 0 ? 0 : 1 + Math.max(...refs.map((x) => level.get(x) ?? 0)));
  }
  const steps: string[] = [];
  const carried: string[] = [];
  const depth = Math.max(...level.values());
  for (let l = 0; l <= depth; l++) {
    const lines = [
      ...carried.map((n) => `    ${q(n)}`),
      ...plan.row.filter(([n]) => level.get(n) === l).map(([n, e]) => `    ${expr(e, scope)} AS ${q(n)}`),
    ];
    steps.push(`${step(l)} AS (\n  SELECT\n${lines.join(",\n")}\n  FROM ${l === 0 ? "th_cells" : step(l - 1)}\n)`);
    carried.push(...plan.row.filter(([n]) => level.get(n) === l).map(([n]) => n));
  }
  const last = step(depth);
  const [date, provider, model, project, kind, currency, tokens, cost, costOnly] = RESULT_COLUMNS.map(q) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const costCols = (b: { cost: Expr; currency: Expr }) =>
    plan.hasCost ? `${expr(b.cost, scope)} AS ${cost}, ${expr(b.currency, scope)} AS ${currency}, ` : "";
  const branches = plan.branches.map((b) =>
    [
      `  ${comment(b.label)}`,
      `  SELECT ${date}, ${provider}, ${model}, ${project}, ${expr(b.kind, scope)} AS ${kind}, ${expr(b.tokens, scope)} AS ${tokens},`,
      `    ${costCols(b)}${expr(b.costOnly, scope)} AS ${costOnly}`,
      `  FROM ${last}`,
      `  WHERE ${expr(b.where, scope)}`,
    ].join("\n"),
  );
  const range: string[] = [];
  if (plan.from) range.push(`${date} >= ${d.literal(plan.from)}`);
  if (plan.to) range.push(`${date} <= ${d.literal(plan.to)}`);
  const keys = [date, provider, model, project, kind, ...(plan.hasCost ? [currency] : []), costOnly].join(", ");
  return [
    comment(`${options.command ?? `tokenhedge sql --profile ${plan.profile} --dialect ${options.dialect}`}`),
    comment(`${plan.title}: day × provider × model × project × token kind × currency → tokens and cost.`),
    ...plan.notes.map((n) => comment(n)),
    comment("Export the result as CSV and read it with `tokenhedge ingest` (detected as aggregated usage)."),
    `WITH th_cells AS (\n  SELECT\n${cellLines.join(",\n")}\n  FROM ${tableRef(d, options.table)}\n), ${steps.join(", ")}, th_rows AS (`,
    branches.join("\n  UNION ALL\n"),
    ")",
    `SELECT ${date}, ${provider}, ${model}, ${project}, ${kind}, ${plan.hasCost ? `${currency}, ` : ""}SUM(${tokens}) AS ${tokens}, ${plan.hasCost ? `SUM(${cost}) AS ${cost}, ` : ""}${costOnly}`,
    "FROM th_rows",
    ...(range.length > 0 ? [`WHERE ${range.join(" AND ")}`] : []),
    `GROUP BY ${keys}`,
    `ORDER BY ${keys};`,
    "",
  ].join("\n");
}
