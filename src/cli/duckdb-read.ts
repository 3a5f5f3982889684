/**
 * `--engine duckdb` and Parquet: DuckDB (the optional package @duckdb/node-api) scans the files —
 * a glob of CSV, .csv.gz or Parquet exports — and runs the profile's own aggregation query
 * (src/sql/), and the small aggregated result goes through the ordinary ingest engine, so filters,
 * findings and totals are computed by tokenhedge as for any file.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { HedgeError } from "../errors.js";
import { UsageIngestor } from "../ingest/reading/engine.js";
import type { IngestOptions } from "../ingest/reading/options.js";
import { detectProfile, profileById } from "../ingest/mapping/profiles/index.js";
import { makeHeader } from "../ingest/mapping/profiles/types.js";
import type { UsageSeries } from "../ingest/types.js";
import { buildPlan } from "../sql/plan.js";
import { renderSql } from "../sql/render.js";
import type { IoContext } from "./context.js";

export const DUCKDB_PACKAGE = "@duckdb/node-api";

/** The part of @duckdb/node-api used here (typed locally: the package is optional, so may be absent at build time). */
interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowObjectsJson(): Record<string, unknown>[] }>;
  closeSync(): void;
}
export interface DuckModule {
  DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<DuckConnection>; closeSync(): void }> };
}

/**
 * The optional engine, or a usage error naming the package to install. Loaded with require(), not import(): the
 * package is CommonJS, and the shipped CLI is one CommonJS file compiled from a code cache (docs/startup.md), where
 * an import() of a package outside the bundle has no loader to call.
 */
export async function loadDuckDb(why: string, pkg: string = DUCKDB_PACKAGE): Promise<DuckModule> {
  try {
    return createRequire(import.meta.url)(pkg) as DuckModule;
  } catch (err) {
    throw new HedgeError(
      "USAGE",
      `${why} needs the optional package ${pkg}, which is not installed (${(err as Error).message.split("\n")[0]})`,
      {
        expected: `${pkg} installed`,
        hint: `npm install ${pkg} (it ships a native DuckDB for your platform), or read CSV exports without --engine duckdb`,
      },
    );
  }
}

export function isParquet(file: string): boolean {
  return /\.parquet$/i.test(file);
}

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Flags the query cannot honour (they steer the row reader, which DuckDB replaces). */
function refuseFlags(options: IngestOptions): void {
  const bad = [
    options.mapping ? "--mapping" : undefined,
    options.map ? "--map" : undefined,
    options.tz ? "--tz" : undefined,
    options.delimiter ? "--delimiter" : undefined,
    options.decimal ? "--decimal" : undefined,
    options.dedupe ? "--dedupe" : undefined,
  ].filter((x) => x !== undefined);
  if (bad.length > 0) {
    throw new HedgeError("USAGE", `${bad.join(", ")} cannot be used with --engine duckdb (or Parquet)`, {
      hint: "DuckDB runs the built-in profile's query; drop the flag, or read a CSV with the built-in reader",
    });
  }
}

export async function readUsageDuckDb(ctx: IoContext, pattern: string, options: IngestOptions): Promise<UsageSeries> {
  refuseFlags(options);
  const duck = await loadDuckDb(isParquet(pattern) ? "reading Parquet" : "--engine duckdb");
  const full = resolve(ctx.cwd, pattern);
  const source = isParquet(pattern)
    ? `read_parquet(${literal(full)}, union_by_name = true)`
    : `read_csv(${literal(full)}, header = true, all_varchar = true, union_by_name = true)`;
  const db = await duck.DuckDBInstance.create(":memory:");
  const c = await db.connect();
  const dir = mkdtempSync(join(tmpdir(), "tokenhedge-duckdb-"));
  try {
    // Parquet timestamps with a zone print in the session's zone: UTC, as the exports write them.
    await c.run("SET TimeZone = 'UTC'");
    try {
      await c.run(`CREATE VIEW th_source AS SELECT * FROM ${source}`);
    } catch (err) {
      const m = (err as Error).message;
      if (/no files found|does not exist|cannot open/i.test(m))
        throw new HedgeError("INPUT_NOT_FOUND", `no file matches ${pattern}`, {
          file: pattern,
          expected: "a file or glob of exports",
          hint: "quote the glob so the shell passes it through, e.g. 'exports/*.parquet'",
        });
      throw new HedgeError("INPUT_INVALID", `DuckDB cannot read ${pattern}: ${m.split("\n")[0]}`, {
        file: pattern,
        expected: "CSV, .csv.gz or Parquet exports",
      });
    }
    const described = await c.runAndReadAll("DESCRIBE th_source");
    const header = described.getRowObjectsJson().map((r) => String(r.column_name));
    const chosen = options.format
      ? { profile: profileById(options.format), reason: `--format ${options.format}` }
      : detectProfile(makeHeader(header));
    if (!chosen)
      throw new HedgeError("INPUT_MISSING_COLUMN", `no known export's columns in ${pattern}`, {
        file: pattern,
        value: header.join(","),
        expected: "the columns of a supported export (tokenhedge help formats)",
        hint: "pass --format, or read the file without --engine duckdb",
      });
    const plan = buildPlan(chosen.profile.id, {
      header,
      ...(options.containment ? { containment: options.containment } : {}),
    });
    const out = join(dir, "aggregated.csv");
    const sql = renderSql(plan, { dialect: "duckdb", table: "th_source" });
    try {
      await c.run(`COPY (${sql.trim().replace(/;$/, "")}) TO ${literal(out)} (HEADER, DELIMITER ',')`);
    } catch (err) {
      throw new HedgeError(
        "INPUT_INVALID",
        `DuckDB could not aggregate ${pattern}: ${(err as Error).message.split("\n")[0]}`,
        {
          file: pattern,
          expected: `cells the ${chosen.profile.id} profile can read`,
          hint: "read one file with the built-in reader (without --engine duckdb) for the row and column of the bad cell",
        },
      );
    }
    const ing = new UsageIngestor({ ...options, format: "aggregated", file: pattern });
    ing.push(readFileSync(out));
    const series = ing.finish();
    series.profile = {
      id: chosen.profile.id,
      title: chosen.profile.title,
      reason: `${chosen.reason}; scanned and grouped by DuckDB`,
      notes: plan.notes,
      rules: series.profile?.rules ?? [],
    };
    return series;
  } finally {
    c.closeSync();
    db.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
