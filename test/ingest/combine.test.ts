/**
 * Several usage series combined (src/ingest/series/combine.ts): exact sums, exact duplicates across files counted
 * once and reported, conflicting figures added and reported, different providers on the same days quiet.
 */
import { describe, expect, it } from "vitest";
import { combineUsage } from "../../src/ingest/series/combine.js";
import { ingestUsage } from "../../src/ingest/index.js";

const HEADER = "date,model,token_type,tokens,cost_usd";
const series = (file: string, rows: string[]) => ingestUsage([HEADER, ...rows].join("\n") + "\n", { file });

describe("combineUsage", () => {
  const jan = series("jan.csv", ["2026-01-30,gpt-4.1,input,1000,1.00", "2026-01-31,gpt-4.1,input,2000,2.00"]);
  const feb = series("feb.csv", [
    "2026-02-01,gpt-4.1,input,3000,3.00",
    "2026-02-02,gpt-4.1,output,9007199254740993,4.50",
  ]);

  it("the combined total is the exact BigInt sum of the files' totals, cost to the cent", () => {
    const c = combineUsage([jan, feb]);
    // 1000 + 2000 + 3000 + 9007199254740993: past 2^53, where a float sum would round.
    expect(c.series.totalTokens).toBe(9007199254746993n);
    expect(c.series.totalTokens).toBe(c.sources.reduce((s, x) => s + x.tokens, 0n));
    expect(c.series.totalCost!.toFixed()).toBe("10.5");
    expect(c.series.days.map((d) => d.day)).toEqual(["2026-01-30", "2026-01-31", "2026-02-01", "2026-02-02"]);
    expect(c.series.missingDays).toEqual([]);
    expect(c.sources.map((s) => [s.file, s.format, s.rows, s.firstDay, s.lastDay])).toEqual([
      ["jan.csv", "generic", 2, "2026-01-30", "2026-01-31"],
      ["feb.csv", "generic", 2, "2026-02-01", "2026-02-02"],
    ]);
    expect(c.overlaps).toEqual([]);
    expect(c.warnings).toEqual([]);
  });

  it("an exact duplicate across files is counted once, from the first file, and reported", () => {
    const again = series("jan-again.csv", ["2026-01-31,gpt-4.1,input,2000,2.00", "2026-02-01,gpt-4.1,input,3000,3.00"]);
    const c = combineUsage([jan, feb, again]);
    expect(c.series.totalTokens).toBe(9007199254746993n); // not + 5000
    expect(c.series.totalCost!.toFixed()).toBe("10.5");
    expect(c.sources[2]).toMatchObject({ duplicateTokens: 5000n, duplicateCells: 2, tokens: 5000n });
    expect(c.overlaps.map((o) => [o.files, o.duplicateCells, o.duplicateTokens, o.conflictingCells])).toEqual([
      [["jan.csv", "jan-again.csv"], 1, 2000n, 0],
      [["feb.csv", "jan-again.csv"], 1, 3000n, 0],
    ]);
    expect(c.warnings[0]).toMatch(
      /jan-again\.csv repeats 1 daily total .* of jan\.csv .*2000 tokens counted once, not twice/,
    );
  });

  it("the same key with other figures is added (two accounts?) and reported", () => {
    const other = series("other.csv", ["2026-01-31,gpt-4.1,input,500,0.50"]);
    const c = combineUsage([jan, other]);
    expect(c.series.totalTokens).toBe(3500n);
    expect(c.overlaps[0]).toMatchObject({ conflictingCells: 1, duplicateCells: 0, days: ["2026-01-31"] });
    expect(c.warnings[0]).toMatch(/both have usage .* different figures .*both are added/);
  });

  it("two providers on the same days: an overlap of periods, no warning; a gap between files is a missing day", () => {
    const claude = series("claude.csv", ["2026-01-30,claude-sonnet-4,input,700,0.70"]);
    const c = combineUsage([jan, claude]);
    expect(c.series.totalTokens).toBe(3700n);
    expect(c.overlaps).toMatchObject([{ files: ["jan.csv", "claude.csv"], duplicateCells: 0, conflictingCells: 0 }]);
    expect(c.warnings).toEqual([]);
    const march = series("mar.csv", ["2026-03-01,gpt-4.1,input,1,0.01"]);
    const gap = combineUsage([jan, march]);
    expect(gap.series.missingDays).toHaveLength(28); // 2026-02-01 … 2026-02-28
    expect(gap.series.findings!.find((f) => f.id === "missing-days")!.message).toMatch(/without any row in any file/);
  });

  it("a file without cost beside files with cost: no combined cost (a partial sum is never the whole), said so", () => {
    const noCost = ingestUsage("date,model,token_type,tokens\n2026-01-30,m,input,5\n", { file: "tokens-only.csv" });
    const c = combineUsage([jan, noCost]);
    expect(c.series.totalCost).toBeNull();
    expect(c.series.totalTokens).toBe(3005n);
    expect(c.warnings.join("\n")).toMatch(/tokens-only\.csv has no cost/);
  });

  it("one input is returned unchanged", () => {
    expect(combineUsage([jan]).series).toBe(jan);
  });
});
