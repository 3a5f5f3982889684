/**
 * Proof that the SQL is the profile: the duckdb rendering of each profile's aggregation query is
 * run by DuckDB on that profile's fixture (fixtures/formats/), its result is written as CSV and
 * read back by `tokenhedge ingest` (detected as aggregated usage), and every total the built-in
 * reader gives for the raw fixture is equal, exactly: tokens per day, kind, model, provider and
 * project (BigInt), cost per day, currency and cell (decimal), and the cost of credit rows.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ingestUsage } from "../../src/ingest/index.js";
import { buildPlan } from "../../src/sql/plan.js";
import { renderSql } from "../../src/sql/render.js";
import { SQL_PROFILES, fixtureOf, headerOf, loadDuck, runOnCsv, totals } from "./duckdb-harness.js";

const loaded = await loadDuck();
if (!("duck" in loaded)) console.log(`skipping the DuckDB equivalence tests: ${loaded.reason}`);

describe.skipIf(!("duck" in loaded))(
  "the duckdb query of each profile reproduces the built-in reader's totals on its fixture",
  () => {
    for (const profile of SQL_PROFILES) {
      it(
        profile,
        async () => {
          const duck = (loaded as { duck: Parameters<typeof runOnCsv>[0] }).duck;
          const file = fixtureOf(profile);
          const text = readFileSync(file, "utf8");
          const sql = renderSql(buildPlan(profile, { header: headerOf(text) }), { dialect: "duckdb", table: "t" });
          const result = await runOnCsv(duck, file, sql);
          const raw = ingestUsage(text, { file: "raw.csv" });
          const agg = ingestUsage(result, { file: "result.csv" });
          expect(raw.profile!.id).toBe(profile);
          expect(agg.profile!.id).toBe("aggregated");
          // Not vacuous: the fixture has tokens (or, for the cost export, cost) and cells.
          expect(raw.totalTokens > 0n || raw.totalCost !== null).toBe(true);
          expect(totals(raw).cells.length).toBeGreaterThan(0);
          expect(totals(agg)).toEqual(totals(raw));
        },
        30_000,
      );
    }

    it("--exclude-credits leaves the same cost out of both (AWS CUR credit and tax rows)", async () => {
      const duck = (loaded as { duck: Parameters<typeof runOnCsv>[0] }).duck;
      const file = fixtureOf("aws-cur");
      const text = readFileSync(file, "utf8");
      const result = await runOnCsv(
        duck,
        file,
        renderSql(buildPlan("aws-cur", { header: headerOf(text) }), { dialect: "duckdb", table: "t" }),
      );
      const raw = ingestUsage(text, { file: "raw.csv", excludeCredits: true });
      const agg = ingestUsage(result, { file: "result.csv", excludeCredits: true });
      expect(agg.totalCost!.toFixed()).toBe(raw.totalCost!.toFixed());
      // And the credits are really there to exclude: with them the total differs.
      expect(ingestUsage(result, { file: "result.csv" }).totalCost!.toFixed()).not.toBe(raw.totalCost!.toFixed());
    });
  },
);
