/** Filters (--from/--to, --model, --provider, --project) and breakdowns (--group-by) with totals per group. */
import { describe, expect, it } from "vitest";
import { ingestUsage, type IngestOptions } from "../../src/ingest/index.js";
import { groupTotals } from "../../src/ingest/series/groups.js";
import { ingestCsv, ingestDocument } from "../../src/report/views/ingest.js";

// Hand-made data: 2 providers, 3 models, 2 projects, 2 kinds, across January and February.
const TEXT = [
  "date,provider,model,project,token_type,tokens,cost_usd",
  "2026-01-30,openai,gpt-4.1,search,input,1000,1.00",
  "2026-01-30,openai,gpt-4.1,search,output,200,0.80",
  "2026-01-31,openai,gpt-4.1-mini,support,input,5000,0.50",
  "2026-02-01,anthropic,claude-sonnet-4,search,input,3000,3.00",
  "2026-02-01,anthropic,claude-sonnet-4,support,output,400,6.00",
  "2026-02-02,openai,gpt-4.1,support,input,100,0.10",
].join("\n");
const ingest = (o: Partial<IngestOptions> = {}) => ingestUsage(TEXT, { file: "f.csv", ...o });

describe("filters", () => {
  it("--from/--to keep the days in range, inclusive", () => {
    const s = ingest({ from: "2026-01-31", to: "2026-02-01" });
    // 5000 + 3000 + 400
    expect(s.totalTokens).toBe(8400n);
    expect(s.totalCost!.toFixed()).toBe("9.5");
    expect(s.skipped!.find((x) => x.category === "filtered")).toMatchObject({
      reason: "outside --from/--to",
      count: 3,
      firstLines: [2, 3, 7],
    });
  });

  it("--model, --provider and --project (case-insensitive, several values)", () => {
    expect(ingest({ models: ["GPT-4.1", "gpt-4.1-mini"] }).totalTokens).toBe(1000n + 200n + 5000n + 100n);
    expect(ingest({ providers: ["anthropic"] }).totalTokens).toBe(3400n);
    expect(ingest({ projects: ["support"] }).totalTokens).toBe(5000n + 400n + 100n);
    // Combined: openai rows of project search.
    expect(ingest({ providers: ["openai"], projects: ["search"] }).totalTokens).toBe(1200n);
  });

  it("a filter that leaves nothing is an error that says why", () => {
    expect(() => ingest({ models: ["nope"] })).toThrow(/no usable rows: all 6 rows were left out \(6 not a --model\)/);
  });

  it("a bad --from is a usage error", () => {
    expect(() => ingest({ from: "2026-13-01" })).toThrow(/--from must be a date/);
  });
});

describe("--group-by", () => {
  const s = ingest();
  it.each<["model" | "provider" | "project" | "kind", [string, bigint, string][]]>([
    [
      "model",
      [
        ["gpt-4.1-mini", 5000n, "0.5"],
        ["claude-sonnet-4", 3400n, "9"],
        ["gpt-4.1", 1300n, "1.9"],
      ],
    ],
    [
      "provider",
      [
        ["openai", 6300n, "2.4"],
        ["anthropic", 3400n, "9"],
      ],
    ],
    [
      "project",
      [
        ["support", 5500n, "6.6"],
        ["search", 4200n, "4.8"],
      ],
    ],
    [
      "kind",
      [
        ["input", 9100n, "4.6"],
        ["output", 600n, "6.8"],
      ],
    ],
  ])("%s: totals per group, largest first", (by, expected) => {
    const g = groupTotals(s, by, "month");
    expect(g.map((x) => [x.key, x.tokens, x.cost!.toFixed()])).toEqual(expected);
    // Groups add up to the whole.
    expect(g.reduce((a, x) => a + x.tokens, 0n)).toBe(s.totalTokens);
  });

  it("per-period totals of a group, in JSON and CSV", () => {
    const doc = ingestDocument(s, "month", { groupBy: "model" }) as {
      groups: { key: string; periods: { period: string; tokens: number }[] }[];
    };
    expect(doc.groups.find((g) => g.key === "gpt-4.1")!.periods).toEqual([
      { period: "2026-01", tokens: 1200, cost: 1.8 },
      { period: "2026-02", tokens: 100, cost: 0.1 },
    ]);
    expect(ingestCsv(s, "month", { groupBy: "provider" })).toBe(
      "period,provider,tokens,cost\n2026-01,openai,6200,2.30\n2026-02,openai,100,0.10\n2026-02,anthropic,3400,9.00\n",
    );
  });
});
