/**
 * The five SQL dialects: how each quotes names and strings and spells casts, regular expressions
 * and date arithmetic. Regular expressions in the mappings are JavaScript syntax, which RE2
 * (BigQuery, DuckDB) and Java / Joni (Trino, Spark) accept as written for the constructs the
 * profiles use; Snowflake's POSIX ERE has no non-capturing groups (rewritten as capturing ones,
 * the group number shifted) and no lazy quantifiers (refused, with the alternative named).
 */
import { HedgeError } from "../errors.js";
import type { DayLayout } from "./expr.js";
import { DIALECTS, type DialectName } from "./dialect-names.js";

export { DIALECTS, type DialectName };

export interface Dialect {
  id: "trino" | "bigquery" | "snowflake" | "spark" | "duckdb";
  ident(name: string): string;
  literal(s: string): string;
  string: string;
  decimal(scale: 9 | 18): string;
  double: string;
  match(e: string, re: string): string;
  /** First capture group (or the match), '' when none. */
  extract(e: string, re: string): string;
  replace(e: string, re: string, by: string): string;
  unixDay(e: string): string;
}

/** Standard SQL strings: a quote is doubled, a backslash is itself. */
const standardLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`;
/** Strings where a backslash escapes (BigQuery, Spark): both the backslash and the quote are escaped. */
const backslashLiteral = (s: string): string => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
/** Snowflake: backslash sequences are read in single-quoted strings, and a quote is doubled. */
const snowflakeLiteral = (s: string): string => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
const doubleQuoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const backticked = (name: string): string => `\`${name.replace(/`/g, "``")}\``;

interface GroupInfo {
  /** Number of the first capturing group once every group captures (0: none). */
  firstCapture: number;
  hasCapture: boolean;
  lazy: boolean;
  /** The pattern with `(?:` written as `(`. */
  allCapturing: string;
}

/** Walks a JavaScript pattern: groups, non-capturing groups and lazy quantifiers, outside classes and escapes. */
export function groupInfo(re: string): GroupInfo {
  let inClass = false;
  let groups = 0;
  let firstCapture = 0;
  let lazy = false;
  let out = "";
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === "\\") {
      out += c + (re[i + 1] ?? "");
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") {
      groups++;
      if (re[i + 1] === "?" && re[i + 2] === ":") {
        out += "(";
        i += 2;
        continue;
      }
      if (re[i + 1] === "?")
        throw new HedgeError("USAGE", `the pattern /${re}/ uses a group form SQL regular expressions lack`, {
          value: re,
          expected: "plain or (?: …) groups",
        });
      if (firstCapture === 0) firstCapture = groups;
    } else if (c === "?" && /[*+?}]/.test(re[i - 1] ?? "") && re[i - 2] !== "\\") lazy = true;
    out += c;
  }
  return { firstCapture, hasCapture: firstCapture > 0, lazy, allCapturing: out };
}

function captureGroup(re: string): number {
  return groupInfo(re).hasCapture ? 1 : 0;
}

const trino: Dialect = {
  id: "trino",
  ident: doubleQuoted,
  literal: standardLiteral,
  string: "VARCHAR",
  decimal: (s) => `DECIMAL(38, ${s})`,
  double: "DOUBLE",
  match: (e, re) => `regexp_like(${e}, ${standardLiteral(`(?i)${re}`)})`,
  extract: (e, re) => `COALESCE(regexp_extract(${e}, ${standardLiteral(`(?i)${re}`)}, ${captureGroup(re)}), '')`,
  replace: (e, re, by) => `regexp_replace(${e}, ${standardLiteral(re)}, ${standardLiteral(by)})`,
  unixDay: (e) =>
    `CAST(date_add('day', CAST(floor(CAST(${e} AS DOUBLE) / 86400) AS BIGINT), DATE '1970-01-01') AS VARCHAR)`,
};

const bigquery: Dialect = {
  id: "bigquery",
  ident: backticked,
  literal: backslashLiteral,
  string: "STRING",
  // NUMERIC keeps 9 fraction digits (tokens); BIGNUMERIC 38 (money with long decimals).
  decimal: (s) => (s <= 9 ? "NUMERIC" : "BIGNUMERIC"),
  double: "FLOAT64",
  match: (e, re) => `REGEXP_CONTAINS(${e}, ${backslashLiteral(`(?i)${re}`)})`,
  extract: (e, re) => `COALESCE(REGEXP_EXTRACT(${e}, ${backslashLiteral(`(?i)${re}`)}), '')`,
  replace: (e, re, by) => `REGEXP_REPLACE(${e}, ${backslashLiteral(re)}, ${backslashLiteral(by)})`,
  unixDay: (e) =>
    `CAST(DATE_ADD(DATE '1970-01-01', INTERVAL CAST(FLOOR(CAST(${e} AS FLOAT64) / 86400) AS INT64) DAY) AS STRING)`,
};

function snowflakePattern(re: string): { pattern: string; group: number } {
  const g = groupInfo(re);
  if (g.lazy) {
    throw new HedgeError(
      "USAGE",
      `--dialect snowflake: the profile's pattern /${re}/ needs a lazy quantifier (*?, +?), which Snowflake's regular expressions do not support`,
      {
        value: re,
        expected: "a pattern without lazy quantifiers",
        hint: "run the query in another dialect (--dialect databricks, trino or duckdb), or give the model a column of its own with --column",
      },
    );
  }
  return { pattern: g.allCapturing, group: g.firstCapture };
}

const snowflake: Dialect = {
  id: "snowflake",
  ident: doubleQuoted,
  literal: snowflakeLiteral,
  string: "VARCHAR",
  decimal: (s) => `NUMBER(38, ${s})`,
  double: "DOUBLE",
  match: (e, re) => `REGEXP_INSTR(${e}, ${snowflakeLiteral(snowflakePattern(re).pattern)}, 1, 1, 0, 'i') > 0`,
  extract: (e, re) => {
    const p = snowflakePattern(re);
    return p.group > 0
      ? `COALESCE(REGEXP_SUBSTR(${e}, ${snowflakeLiteral(p.pattern)}, 1, 1, 'ie', ${p.group}), '')`
      : `COALESCE(REGEXP_SUBSTR(${e}, ${snowflakeLiteral(p.pattern)}, 1, 1, 'i'), '')`;
  },
  replace: (e, re, by) =>
    `REGEXP_REPLACE(${e}, ${snowflakeLiteral(snowflakePattern(re).pattern)}, ${snowflakeLiteral(by)})`,
  unixDay: (e) => `TO_VARCHAR(DATEADD(day, FLOOR(CAST(${e} AS DOUBLE) / 86400), '1970-01-01'::DATE), 'YYYY-MM-DD')`,
};

const spark: Dialect = {
  id: "spark",
  ident: backticked,
  literal: backslashLiteral,
  string: "STRING",
  decimal: (s) => `DECIMAL(38, ${s})`,
  double: "DOUBLE",
  match: (e, re) => `(${e} RLIKE ${backslashLiteral(`(?i)${re}`)})`,
  extract: (e, re) => `COALESCE(regexp_extract(${e}, ${backslashLiteral(`(?i)${re}`)}, ${captureGroup(re)}), '')`,
  replace: (e, re, by) => `regexp_replace(${e}, ${backslashLiteral(re)}, ${backslashLiteral(by)})`,
  unixDay: (e) => `CAST(date_add(DATE '1970-01-01', CAST(floor(CAST(${e} AS DOUBLE) / 86400) AS INT)) AS STRING)`,
};

const duckdb: Dialect = {
  id: "duckdb",
  ident: doubleQuoted,
  literal: standardLiteral,
  string: "VARCHAR",
  decimal: (s) => `DECIMAL(38, ${s})`,
  double: "DOUBLE",
  match: (e, re) => `regexp_matches(${e}, ${standardLiteral(re)}, 'i')`,
  extract: (e, re) => `regexp_extract(${e}, ${standardLiteral(re)}, ${captureGroup(re)}, 'i')`,
  replace: (e, re, by) => `regexp_replace(${e}, ${standardLiteral(re)}, ${standardLiteral(by)}, 'g')`,
  unixDay: (e) => `CAST(DATE '1970-01-01' + CAST(floor(CAST(${e} AS DOUBLE) / 86400) AS INTEGER) AS VARCHAR)`,
};

export function dialectByName(name: DialectName): Dialect {
  switch (name) {
    case "athena":
    case "trino":
      return trino;
    case "bigquery":
      return bigquery;
    case "snowflake":
      return snowflake;
    case "databricks":
    case "spark":
      return spark;
    case "duckdb":
      return duckdb;
  }
}

/** SQL for the day (YYYY-MM-DD text) of a date cell's text. */
export function dayExpr(d: Dialect, e: string, layout: DayLayout): string {
  if (layout === "iso") return `SUBSTR(${e}, 1, 10)`;
  if (layout === "unix") return d.unixDay(`NULLIF(${e}, '')`);
  const part = (re: string) => d.extract(e, re);
  return `CONCAT(${part("^\\d{1,2}/\\d{1,2}/(\\d{4})")}, '-', LPAD(${part("^(\\d{1,2})/")}, 2, '0'), '-', LPAD(${part("^\\d{1,2}/(\\d{1,2})/")}, 2, '0'))`;
}
