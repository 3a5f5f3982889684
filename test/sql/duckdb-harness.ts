/**
 * Runs a profile's duckdb query on a CSV fixture with DuckDB and returns the result as CSV text
 * (the aggregated layout), for the tests that compare it with the built-in reader.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UsageSeries } from "../../src/ingest/types.js";

import { DUCKDB_PACKAGE, type DuckModule } from "../../src/cli/duckdb-read.js";

/** The optional engine, or why it is not there (the tests then skip, saying so). */
export async function loadDuck(): Promise<{ duck: DuckModule } | { reason: string }> {
  try {
    return { duck: (await import(DUCKDB_PACKAGE)) as DuckModule };
  } catch (err) {
    return { reason: `@duckdb/node-api is not installed (${(err as Error).message.split("\n")[0]})` };
  }
}

export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** CREATE VIEW t over the CSV (every column text, as the reader sees cells), run the query, COPY the result to CSV. */
export async function runOnCsv(duck: DuckModule, csvPath: string, query: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "th-sql-"));
  const out = join(dir, "result.csv");
  const db = await duck.DuckDBInstance.create(":memory:");
  const c = await db.connect();
  try {
    await c.run(
      `CREATE VIEW t AS SELECT * FROM read_csv(${sqlString(csvPath)}, header = true, all_varchar = true, auto_detect = true)`,
    );
    await c.run(`COPY (${query.trim().replace(/;\s*$/, "")}) TO ${sqlString(out)} (HEADER, DELIMITER ',')`);
    return readFileSync(out, "utf8");
  } finally {
    c.closeSync();
    db.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

const DIR = join(__dirname, "../../fixtures/formats");
export const SQL_PROFILES = [
  "aws-cur",
  "focus",
  "gcp-billing",
  "azure-cost",
  "litellm",
  "openrouter",
  "deepseek",
  "anthropic-usage",
  "anthropic-cost",
  "openai-usage",
  "openai-costs",
];

export function fixtureOf(profile: string): string {
  const dir = join(DIR, profile);
  return join(
    dir,
    readdirSync(dir).find((x) => x.endsWith(".csv"))!,
  );
}

export function headerOf(text: string): string[] {
  // The fixtures' headers have no commas inside quotes (OpenRouter quotes every name).
  return text
    .replace(/^\ufeff/, "")
    .split(/\r?\n/)[0]!
    .split(",")
    .map((s) => s.replace(/^"|"$/g, ""));
}

/** Every total a report or forecast reads, as plain sorted strings (map order is not a total). */
export function totals(s: UsageSeries) {
  const sorted = (m: Map<string, bigint> | undefined) =>
    [...(m ?? new Map<string, bigint>())].map(([k, v]) => `${k}=${v}`).sort();
  return {
    totalTokens: String(s.totalTokens),
    totalCost: s.totalCost?.toFixed() ?? null,
    costByCurrency: [...(s.costByCurrency ?? new Map())].map(([k, v]) => `${k}=${v.toFixed()}`).sort(),
    byKind: sorted(s.byKind),
    byModel: sorted(s.byModel),
    byProvider: sorted(s.byProvider),
    byProject: sorted(s.byProject),
    days: s.days.map((d) => `${d.day} ${d.tokens} ${d.cost?.toFixed() ?? "-"} ${sorted(d.byKind).join(",")}`),
    cells: (s.cells ?? [])
      .map((c) => `${c.day}/${c.provider}/${c.model}/${c.project}/${c.kind} ${c.tokens} ${c.cost?.toFixed() ?? "-"}`)
      .sort(),
    costOnly: (s.skipped ?? [])
      .filter((x) => x.category === "cost-only")
      .flatMap((x) => (x.cost ?? []).map((c) => `${c.currency}=${c.amount.toFixed()}`)),
    missingDays: s.missingDays,
  };
}
