/**
 * Parquet and `--engine duckdb`: the CUR 2.0 and FOCUS Parquet fixtures (scripts/make-parquet-fixtures.mjs)
 * ingest to the totals of their CSV twins, and `--engine duckdb` gives the built-in reader's totals on
 * every fixture and on a glob of plain and gzip parts. Skipped, saying why, without @duckdb/node-api.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { loadDuckDb, readUsageDuckDb } from "../../src/cli/duckdb-read.js";
import type { IoContext } from "../../src/cli/context.js";
import { HedgeError } from "../../src/errors.js";
import { ingestUsage } from "../../src/ingest/index.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { SQL_PROFILES, fixtureOf, totals } from "../sql/duckdb-harness.js";

const silent = { write: () => undefined, isTTY: false };
const ctx: IoContext = { cwd: ROOT, env: {}, stdout: silent, stderr: silent, stdinIsTTY: false };

const present = await loadDuckDb("running these tests").then(
  () => true,
  (e: Error) => {
    console.log(`skipping the DuckDB engine tests: ${e.message}`);
    return false;
  },
);

/** The totals of an ingest document (not how it was read: profile reason, rows, columns). */
function totalsOf(args: string[]): Record<string, unknown> {
  const r = runCli([...args, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  const d = JSON.parse(r.stdout) as Record<string, unknown>;
  const costOnly = (d.skipped as { category: string; cost?: unknown }[])
    .filter((s) => s.category === "cost-only")
    .map((s) => s.cost);
  return {
    firstDay: d.firstDay,
    lastDay: d.lastDay,
    missingDays: d.missingDays,
    periods: d.periods,
    byKind: d.byKind,
    byModel: d.byModel,
    byProvider: d.byProvider,
    byProject: d.byProject,
    totals: d.totals,
    costByCurrency: d.costByCurrency,
    costOnly,
  };
}

describe.skipIf(!present)("Parquet and --engine duckdb", () => {
  const twins: [string, string][] = [
    ["fixtures/formats/aws-cur/bedrock-cur2.csv", "fixtures/formats/aws-cur/bedrock-cur2.parquet"],
    ["fixtures/formats/focus/focus-1.2-bedrock.csv", "fixtures/formats/focus/focus-1.2-bedrock.parquet"],
  ];
  for (const [csv, parquet] of twins) {
    it(`${parquet.split("/").pop()} ingests to the totals of its CSV twin`, () => {
      const want = totalsOf(["ingest", csv]);
      expect((want.totals as { tokens: number }).tokens).toBeGreaterThan(0);
      expect(totalsOf(["ingest", parquet])).toEqual(want);
    }, 30_000);
  }

  for (const profile of SQL_PROFILES) {
    it(`--engine duckdb on the ${profile} fixture gives the built-in reader's totals`, async () => {
      const file = fixtureOf(profile);
      const viaDuck = await readUsageDuckDb(ctx, file, { file });
      expect(viaDuck.profile!.id).toBe(profile);
      expect(totals(viaDuck)).toEqual(totals(ingestUsage(readFileSync(file, "utf8"), { file })));
    }, 30_000);
  }
  it("the command line takes --engine duckdb (the CUR fixture)", () => {
    expect(totalsOf(["ingest", "fixtures/formats/aws-cur/bedrock-cur2.csv", "--engine", "duckdb"])).toEqual(
      totalsOf(["ingest", "fixtures/formats/aws-cur/bedrock-cur2.csv"]),
    );
  }, 30_000);

  it("a quoted glob of a plain and a gzip part: the totals of the whole file", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-glob-"));
    const lines = readFileSync(join(ROOT, "fixtures/formats/aws-cur/bedrock-cur2.csv"), "utf8").trimEnd().split("\n");
    const half = Math.floor(lines.length / 2);
    writeFileSync(join(dir, "part-1.csv"), [lines[0], ...lines.slice(1, half)].join("\n") + "\n");
    writeFileSync(join(dir, "part-2.csv.gz"), gzipSync([lines[0], ...lines.slice(half)].join("\n") + "\n"));
    expect(totalsOf(["ingest", join(dir, "part-*.csv*"), "--engine", "duckdb"])).toEqual(
      totalsOf(["ingest", "fixtures/formats/aws-cur/bedrock-cur2.csv"]),
    );
  }, 30_000);

  it("a glob that matches nothing is exit 3 naming it", () => {
    const r = runCli(["ingest", "nowhere/*.parquet"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no file matches nowhere\/\*\.parquet/);
  });
});

describe("without the optional package", () => {
  it("a usage error (exit 2) naming the package to install", async () => {
    const e = await loadDuckDb("reading Parquet", "@duckdb/no-such-package").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HedgeError);
    expect((e as HedgeError).exitCode).toBe(2);
    expect((e as HedgeError).details.hint).toMatch(/npm install @duckdb\/no-such-package/);
  });
});
