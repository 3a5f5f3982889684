/**
 * The other dialects: every rendering is compared with a golden file reviewed once
 * (test/sql/golden/; UPDATE_GOLDEN=1 rewrites them) and parsed by node-sql-parser's grammar for
 * that engine. Quoting: names and values are escaped by the dialect's rules, never pasted.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { HedgeError } from "../../src/errors.js";
import { DEFAULT_HEADERS } from "../../src/sql/headers.js";
import { dialectByName, groupInfo, type DialectName } from "../../src/sql/dialects.js";
import { buildPlan } from "../../src/sql/plan.js";
import { renderSql } from "../../src/sql/render.js";

const require = createRequire(import.meta.url);
const GOLDEN = join(__dirname, "golden");
const PROFILES = Object.keys(DEFAULT_HEADERS);
/** Dialect → node-sql-parser grammar. */
const PARSERS: Partial<Record<DialectName, string>> = {
  athena: "athena",
  trino: "trino",
  bigquery: "bigquery",
  snowflake: "snowflake",
  databricks: "hive",
};
/** Patterns with lazy quantifiers, which Snowflake refuses (its regular expressions have none). */
const SNOWFLAKE_REFUSES = new Set(["aws-cur", "azure-cost", "focus", "openai-costs"]);

function render(profile: string, dialect: DialectName): string {
  return renderSql(buildPlan(profile, { header: DEFAULT_HEADERS[profile]! }), {
    dialect,
    table: "billing.usage_export",
  });
}

describe("golden renderings", () => {
  for (const profile of ["aws-cur", "focus", "gcp-billing", "azure-cost", "litellm"]) {
    for (const dialect of ["athena", "bigquery", "snowflake", "databricks", "duckdb"] as DialectName[]) {
      if (dialect === "snowflake" && SNOWFLAKE_REFUSES.has(profile)) continue;
      it(`${profile} in ${dialect}`, () => {
        const sql = render(profile, dialect);
        const file = join(GOLDEN, `${profile}.${dialect}.sql`);
        if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(file, sql);
        }
        expect(sql).toBe(readFileSync(file, "utf8"));
      });
    }
  }
});

describe("every profile's query parses in each engine's grammar (node-sql-parser)", () => {
  for (const [dialect, grammar] of Object.entries(PARSERS) as [DialectName, string][]) {
    const { Parser } = require(`node-sql-parser/build/${grammar}.js`) as {
      Parser: new () => { astify(sql: string, opt: { database: string }): unknown };
    };
    const parser = new Parser();
    for (const profile of PROFILES) {
      if (dialect === "snowflake" && SNOWFLAKE_REFUSES.has(profile)) continue;
      it(`${profile} in ${dialect}`, () => {
        let sql = render(profile, dialect);
        // node-sql-parser's BigQuery grammar lacks the BIGNUMERIC type BigQuery has (38 fraction digits).
        if (dialect === "bigquery") sql = sql.replace(/BIGNUMERIC/g, "NUMERIC");
        expect(() => parser.astify(sql, { database: grammar })).not.toThrow();
      });
    }
  }
  it("a broken query does fail the parser (the check can fail)", () => {
    const { Parser } = require("node-sql-parser/build/trino.js") as {
      Parser: new () => { astify(sql: string, opt: { database: string }): unknown };
    };
    expect(() =>
      new Parser().astify(render("litellm", "athena").replace("GROUP BY", "GROUP"), { database: "trino" }),
    ).toThrow();
  });
});

describe("quoting", () => {
  it("names: doubled quotes (Trino, Snowflake, DuckDB), doubled backticks (BigQuery, Spark), each dotted part", () => {
    expect(dialectByName("athena").ident('we"ird')).toBe('"we""ird"');
    expect(dialectByName("bigquery").ident("we`ird")).toBe("`we``ird`");
    const sql = renderSql(buildPlan("litellm", { header: DEFAULT_HEADERS.litellm! }), {
      dialect: "duckdb",
      table: 'cat.sch"ema.t',
      columns: { spend: 'x"; DROP TABLE t; --' },
    });
    expect(sql).toContain('FROM "cat"."sch""ema"."t"');
    expect(sql).toContain('CAST("x""; DROP TABLE t; --" AS VARCHAR)');
  });
  it("values: a quote and a backslash survive each dialect's string rules", () => {
    const v = "it's \\d";
    expect(dialectByName("trino").literal(v)).toBe("'it''s \\d'");
    expect(dialectByName("duckdb").literal(v)).toBe("'it''s \\d'");
    expect(dialectByName("bigquery").literal(v)).toBe("'it\\'s \\\\d'");
    expect(dialectByName("spark").literal(v)).toBe("'it\\'s \\\\d'");
    expect(dialectByName("snowflake").literal(v)).toBe("'it''s \\\\d'");
  });
  it("an empty table name part is a usage error (exit 2)", () => {
    const e = (() => {
      try {
        render("litellm", "athena");
        renderSql(buildPlan("litellm", { header: DEFAULT_HEADERS.litellm! }), { dialect: "athena", table: "a..b" });
      } catch (err) {
        return err as HedgeError;
      }
      return undefined;
    })();
    expect(e?.exitCode).toBe(2);
  });
});

describe("regular expressions for Snowflake", () => {
  it("non-capturing groups become capturing ones and the capture's number shifts: (?:a)?(b) → (a)?(b), group 2", () => {
    expect(groupInfo("^(?:[A-Z]{2})?(x+)")).toMatchObject({
      allCapturing: "^([A-Z]{2})?(x+)",
      firstCapture: 2,
      lazy: false,
    });
    // Escaped parentheses and classes are not groups.
    expect(groupInfo("\\((?:a)[(]b(c)")).toMatchObject({ firstCapture: 2, lazy: false });
  });
  it("lazy quantifiers are found (and refused for Snowflake, naming other dialects)", () => {
    expect(groupInfo("^(.+?)-x").lazy).toBe(true);
    expect(groupInfo("a-?b\\??").lazy).toBe(false);
    expect(() => render("aws-cur", "snowflake")).toThrow(/lazy quantifier/);
  });
  it("profiles without a SQL plan say why", () => {
    expect(() => buildPlan("generic", { header: ["date", "tokens"] })).toThrow(/generic profile/);
  });
});
