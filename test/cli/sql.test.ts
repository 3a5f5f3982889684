/** The `sql` command line: flags, output, errors. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT, runCli } from "../helpers/run-cli.js";

describe("tokenhedge sql", () => {
  it("prints the query, the table quoted and the day range as literals", () => {
    const r = runCli([
      "sql",
      "--profile",
      "aws-cur",
      "--dialect",
      "athena",
      "--table",
      "cur.data_exports",
      "--from",
      "2026-01-01",
      "--to",
      "2026-01-31",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^-- tokenhedge sql --profile aws-cur --dialect athena/);
    expect(r.stdout).toContain('FROM "cur"."data_exports"');
    expect(r.stdout).toContain(`WHERE "usage_date" >= '2026-01-01' AND "usage_date" <= '2026-01-31'`);
  });
  it("--json: the query with the result's columns", () => {
    const r = runCli(["sql", "--profile", "anthropic-usage", "--dialect", "bigquery", "--json"]);
    const d = JSON.parse(r.stdout) as { resultColumns: string[]; sql: string; dialect: string };
    expect(d.dialect).toBe("bigquery");
    // The usage export has no cost: no cost or currency column.
    expect(d.resultColumns).toEqual([
      "usage_date",
      "provider",
      "model",
      "project",
      "token_kind",
      "tokens",
      "cost_only",
    ]);
    expect(d.sql).toContain("FROM `usage_export`");
  });
  it("--header-from a .csv.gz: optional columns as in the sample (no net unblended cost: unblended cost)", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-sql-"));
    const sample = join(dir, "sample.csv.gz");
    writeFileSync(sample, gzipSync(readFileSync(join(ROOT, "fixtures/formats/aws-cur/bedrock-cur2.csv"))));
    const r = runCli(["sql", "--profile", "aws-cur", "--dialect", "duckdb", "--header-from", sample]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('"line_item_unblended_cost"');
    expect(r.stdout).not.toContain("line_item_net_unblended_cost");
  });
  it("a missing --dialect, an unknown profile and Snowflake's missing lazy quantifiers are usage errors (exit 2)", () => {
    expect(runCli(["sql", "--profile", "focus"]).code).toBe(2);
    expect(runCli(["sql", "--profile", "generic", "--dialect", "duckdb"]).code).toBe(2);
    const s = runCli(["sql", "--profile", "focus", "--dialect", "snowflake"]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/lazy quantifier/);
  });
});
