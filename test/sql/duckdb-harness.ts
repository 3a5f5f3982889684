/**
 * Runs a profile's duckdb query on a CSV fixture with DuckDB and returns the result as CSV text
 * (the aggregated layout), for the tests that compare it with the built-in reader.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

type DuckModule = typeof import("@duckdb/node-api");

/** The optional engine, or why it is not there (the tests then skip, saying so). */
export async function loadDuck(): Promise<{ duck: DuckModule } | { reason: string }> {
  try {
    return { duck: await import("@duckdb/node-api") };
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
    await c.run(`CREATE VIEW t AS SELECT * FROM read_csv(${sqlString(csvPath)}, header = true, all_varchar = true, auto_detect = true)`);
    await c.run(`COPY (${query.trim().replace(/;\s*$/, "")}) TO ${sqlString(out)} (HEADER, DELIMITER ',')`);
    return readFileSync(out, "utf8");
  } finally {
    c.closeSync();
    db.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
