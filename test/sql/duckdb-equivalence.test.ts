/**
 * Proof that the SQL is the profile: the duckdb rendering of each profile's aggregation query is
 * run by DuckDB on that profile's fixture (fixtures/formats/), its result is written as CSV and
 * read back by `tokenhedge ingest` (detected as aggregated usage), and every total the built-in
 * reader gives for the raw fixture is equal, exactly: tokens per day, kind, model, provider and
 * project (BigInt), cost per day, currency and cell (decimal), and the cost of credit rows.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ingestUsage } from "../../src/ingest/index.js";
import type { UsageSeries } from "../../src/ingest/types.js";
import { buildPlan } from "../../src/sql/plan.js";
import { renderSql } from "../../src/sql/render.js";
import { loadDuck, runOnCsv } from "./duckdb-harness.js";

const DIR = join(__dirname, "../../fixtures/formats");
export const SQL_PROFILES = ["aws-cur", "focus", "gcp-billing", "azure-cost", "litellm", "openrouter", "deepseek", "anthropic-usage", "anthropic-cost", "openai-usage", "openai-costs"];

export function fixtureOf(profile: string): string {
  const dir = join(DIR, profile);
  return join(dir, readdirSync(dir).find((x) => x.endsWith(".csv"))!);
}

export function headerOf(text: string): string[] {
  // The fixtures' headers have no commas inside quotes (OpenRouter quotes every name).
  return text.replace(/^\ufeff/, "").split(/\r?\n/)[0]!.split(",").map((s) => s.replace(/^"|"$/g, ""));
}

/** Every total a report or forecast reads, as plain sorted strings (map order is not a total). */
export function totals(s: UsageSeries) {
  const sorted = (m: Map<string, bigint> | undefined) => [...(m ?? new Map<string, bigint>())].map(([k, v]) => `${k}=${v}`).sort();
  return {
    totalTokens: String(s.totalTokens),
    totalCost: s.totalCost?.toFixed() ?? null,
    costByCurrency: [...(s.costByCurrency ?? new Map())].map(([k, v]) => `${k}=${v.toFixed()}`).sort(),
    byKind: sorted(s.byKind),
    byModel: sorted(s.byModel),
    byProvider: sorted(s.byProvider),
    byProject: sorted(s.byProject),
    days: s.days.map((d) => `${d.day} ${d.tokens} ${d.cost?.toFixed() ?? "-"} ${sorted(d.byKind).join(",")}`),
    cells: (s.cells ?? []).map((c) => `${c.day}/${c.provider}/${c.model}/${c.project}/${c.kind} ${c.tokens} ${c.cost?.toFixed() ?? "-"}`).sort(),
    costOnly: (s.skipped ?? []).filter((x) => x.category === "cost-only").flatMap((x) => (x.cost ?? []).map((c) => `${c.currency}=${c.amount.toFixed()}`)),
    missingDays: s.missingDays,
  };
}

const loaded = await loadDuck();
if (!("duck" in loaded)) console.log(`skipping the DuckDB equivalence tests: ${loaded.reason}`);

describe.skipIf(!("duck" in loaded))("the duckdb query of each profile reproduces the built-in reader's totals on its fixture", () => {
  for (const profile of SQL_PROFILES) {
    it(profile, async () => {
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
    }, 30_000);
  }

  it("--exclude-credits leaves the same cost out of both (AWS CUR credit and tax rows)", async () => {
    const duck = (loaded as { duck: Parameters<typeof runOnCsv>[0] }).duck;
    const file = fixtureOf("aws-cur");
    const text = readFileSync(file, "utf8");
    const result = await runOnCsv(duck, file, renderSql(buildPlan("aws-cur", { header: headerOf(text) }), { dialect: "duckdb", table: "t" }));
    const raw = ingestUsage(text, { file: "raw.csv", excludeCredits: true });
    const agg = ingestUsage(result, { file: "result.csv", excludeCredits: true });
    expect(agg.totalCost!.toFixed()).toBe(raw.totalCost!.toFixed());
    // And the credits are really there to exclude: with them the total differs.
    expect(ingestUsage(result, { file: "result.csv" }).totalCost!.toFixed()).not.toBe(raw.totalCost!.toFixed());
  });
});
