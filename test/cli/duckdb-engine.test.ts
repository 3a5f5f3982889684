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

/** The acme usage (20 months) as an Anthropic usage export, so DuckDB has a profile query to run on it. */
function acmeAsAnthropic(dir: string): string {
  const rows = readFileSync(join(ROOT, "fixtures/acme/usage.csv"), "utf8").trim().split("\n").slice(1);
  const byDayModel = new Map<string, Record<string, string>>();
  for (const line of rows) {
    const [day, model, kind, tokens] = line.split(",");
    const key = `${day},${model}`;
    byDayModel.set(key, { ...byDayModel.get(key), [kind!]: tokens! });
  }
  const header =
    "usage_date_utc,model_version,api_key,workspace,usage_type,context_window,usage_input_tokens_no_cache,usage_input_tokens_cache_write_5m,usage_input_tokens_cache_write_1h,usage_input_tokens_cache_read,usage_output_tokens,web_search_count,inference_geo,speed";
  const lines = [...byDayModel].map(
    ([key, k]) =>
      `${key},prod-key,Default,standard,≤ 200k,${k.input ?? 0},0,0,${k.cached_input ?? 0},${k.output ?? 0},0,not_available,`,
  );
  const file = join(dir, "claude_api_tokens_acme.csv");
  writeFileSync(file, [header, ...lines].join("\n") + "\n");
  return file;
}

describe.skipIf(!present)("--engine duckdb on the commands that read usage", () => {
  const dir = mkdtempSync(join(tmpdir(), "th-duck-commands-"));
  const usage = acmeAsAnthropic(dir);
  const plan = ["--curve", "fixtures/acme/token-curve.csv", "--contract", "fixtures/acme/token-contract.json"];
  const planArgs = [...plan, "--policy", "fixtures/acme/policy.json", "--json"];

  it("plan: the same plan JSON as the built-in reader", () => {
    const builtin = runCli(["plan", usage, ...planArgs]);
    const duck = runCli(["plan", usage, ...planArgs, "--engine", "duckdb"]);
    expect(builtin.code, builtin.stderr).toBe(0);
    expect(duck.code, duck.stderr).toBe(0);
    expect(JSON.parse(duck.stdout)).toHaveProperty("months");
    expect(duck.stdout).toBe(builtin.stdout);
  }, 60_000);

  it("forecast: the same forecast JSON as the built-in reader", () => {
    const builtin = runCli(["forecast", usage, "--json", "--paths", "200"]);
    const duck = runCli(["forecast", usage, "--json", "--paths", "200", "--engine", "duckdb"]);
    expect(builtin.code, builtin.stderr).toBe(0);
    expect(duck.code, duck.stderr).toBe(0);
    expect(duck.stdout).toBe(builtin.stdout);
  }, 60_000);

  it("scenarios, and the config key usage.engine: duckdb on plan --config", () => {
    const builtin = runCli(["scenarios", usage, ...planArgs]);
    const duck = runCli(["scenarios", usage, ...planArgs, "--engine", "duckdb"]);
    expect(duck.code, duck.stderr).toBe(0);
    expect(duck.stdout).toBe(builtin.stdout);
    const cfg = join(dir, "duck.config.yaml");
    writeFileSync(
      cfg,
      [
        "usage:",
        `  file: ${usage}`,
        "  engine: duckdb",
        `curve: ${join(ROOT, "fixtures/acme/token-curve.csv")}`,
        `contract: ${join(ROOT, "fixtures/acme/token-contract.json")}`,
        `policy: ${join(ROOT, "fixtures/acme/policy.json")}`,
      ].join("\n") + "\n",
    );
    const viaConfig = runCli(["plan", "--config", cfg, "--json"]);
    expect(viaConfig.code, viaConfig.stderr).toBe(0);
    expect(viaConfig.stdout).toBe(runCli(["plan", usage, ...planArgs]).stdout);
    // The reader DuckDB replaces cannot honour --delimiter: refused by name on plan as on ingest.
    const refused = runCli(["plan", usage, ...planArgs, "--engine", "duckdb", "--delimiter", ","]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--delimiter cannot be used with --engine duckdb/);
  }, 60_000);
});

describe("without the optional package", () => {
  it("a usage error (exit 2) naming the package to install", async () => {
    const e = await loadDuckDb("reading Parquet", "@duckdb/no-such-package").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HedgeError);
    expect((e as HedgeError).exitCode).toBe(2);
    expect((e as HedgeError).details.hint).toMatch(/npm install @duckdb\/no-such-package/);
  });
});
