#!/usr/bin/env node
/**
 * Writes the Parquet twins of two CSV fixtures with DuckDB (the optional @duckdb/node-api):
 * fixtures/formats/aws-cur/bedrock-cur2.parquet and fixtures/formats/focus/focus-1.2-bedrock.parquet.
 * Column types are DuckDB's inference from the CSV (timestamps, doubles, integers, text), as in
 * the Parquet files AWS Data Exports write; the test checks they ingest to their twins' totals.
 * Run: node scripts/make-parquet-fixtures.mjs
 */
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";

const root = fileURLToPath(new URL("../", import.meta.url));
const TWINS = ["fixtures/formats/aws-cur/bedrock-cur2", "fixtures/formats/focus/focus-1.2-bedrock"];
const lit = (s) => `'${s.replace(/'/g, "''")}'`;

const db = await DuckDBInstance.create(":memory:");
const c = await db.connect();
await c.run("SET TimeZone = 'UTC'");
for (const base of TWINS) {
  const csv = root + base + ".csv";
  const out = root + base + ".parquet";
  // Row order as in the CSV, one row group, compressed: a small, reproducible file.
  await c.run(
    `COPY (SELECT * FROM read_csv(${lit(csv)}, header = true)) TO ${lit(out)} (FORMAT PARQUET, COMPRESSION ZSTD, ROW_GROUP_SIZE 100000)`,
  );
  const d = await c.runAndReadAll(
    `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${lit(out)}))`,
  );
  console.log(
    `${base}.parquet: ${d
      .getRowObjectsJson()
      .map((r) => `${r.column_name} ${r.column_type}`)
      .join(", ")}`,
  );
}
c.closeSync();
db.closeSync();
