/**
 * Data-quality findings, one test each, and the two error modes: strict (the first bad row stops
 * with file:line:column, the raw record, the rule in force and a hint) and `--on-error skip`
 * (bad rows counted by reason with their first line numbers).
 */
import { describe, expect, it } from "vitest";
import { ingestUsage, type IngestOptions } from "../../src/ingest/index.js";
import { outlierDays } from "../../src/ingest/series/quality.js";
import { errorOf } from "../helpers/error-of.js";

const H = "date,model,token_type,tokens,cost_usd";
const ingest = (lines: string[], options: Partial<IngestOptions> = {}) =>
  ingestUsage([H, ...lines].join("\n"), { file: "q.csv", ...options });
const finding = (s: ReturnType<typeof ingest>, id: string) => s.findings!.find((f) => f.id === id);

describe("findings", () => {
  it("missing days", () => {
    const s = ingest(["2026-01-01,m,input,5,0", "2026-01-04,m,input,5,0"]);
    expect(finding(s, "missing-days")!.days).toEqual(["2026-01-02", "2026-01-03"]);
  });

  it("duplicate rows are reported, and removed with --dedupe", () => {
    const rows = [
      "2026-01-01,m,input,5,0.10",
      "2026-01-01,m,output,7,0.20",
      "2026-01-01,m,input,5,0.10",
      "2026-01-02,m,input,1,0",
    ];
    const s = ingest(rows);
    expect(finding(s, "duplicates")).toMatchObject({ count: 1, lines: [4] });
    expect(s.totalTokens).toBe(18n); // counted twice without --dedupe
    const d = ingest(rows, { dedupe: true });
    expect(d.totalTokens).toBe(13n);
    expect(d.totalCost!.toFixed()).toBe("0.3");
    expect(d.skipped!.find((x) => x.category === "duplicate")).toMatchObject({ count: 1, firstLines: [4] });
  });

  it("the same key with a different value is a duplicate too (same day, model and kind)", () => {
    const s = ingest(["2026-01-01,m,input,5,0", "2026-01-01,m,input,6,0"]);
    expect(finding(s, "duplicates")!.count).toBe(1);
  });

  it("negative and fractional tokens: errors in strict mode, counted with --on-error skip", () => {
    const rows = [
      "2026-01-01,m,input,5,0",
      "2026-01-02,m,input,-3,0",
      "2026-01-03,m,input,2.5,0",
      "2026-01-04,m,input,-1,0",
    ];
    expect(errorOf(() => ingest(rows)).code).toBe("INPUT_NEGATIVE_TOKENS");
    const s = ingest(rows, { onError: "skip" });
    expect(s.totalTokens).toBe(5n);
    expect(s.rowErrors!.map((e) => [e.code, e.count, e.firstLines])).toEqual([
      ["INPUT_NEGATIVE_TOKENS", 2, [3, 5]],
      ["INPUT_FRACTIONAL_TOKENS", 1, [4]],
    ]);
    expect(s.rowErrors![0]!.example).toMatch(/^q\.csv:3:4: negative token count "-3"/);
  });

  it("future dates against --as-of", () => {
    const rows = ["2026-01-01,m,input,5,0", "2026-01-03,m,input,7,0"];
    const e = errorOf(() => ingest(rows, { asOf: "2026-01-02" }));
    expect(e.code).toBe("INPUT_FUTURE_DATE");
    expect(e.location).toBe("q.csv:3:1");
    const s = ingest(rows, { asOf: "2026-01-02", onError: "skip" });
    expect(finding(s, "future-dates")).toMatchObject({ count: 1, lines: [3] });
    expect(s.totalTokens).toBe(5n);
  });

  it("outlier days above 5× the rolling median", () => {
    // Ten days of 100 tokens, then 600 (6× the median of 100) and 400 (4×: not an outlier).
    const rows: string[] = [];
    for (let d = 1; d <= 10; d++) rows.push(`2026-01-${String(d).padStart(2, "0")},m,input,100,0`);
    rows.push("2026-01-11,m,input,600,0", "2026-01-12,m,input,400,0");
    const f = finding(ingest(rows), "outlier-days")!;
    expect(f.days).toEqual(["2026-01-11"]);
    expect(f.message).toMatch(/2026-01-11 \(6\.0×\)/);
    // The rule itself: the first 7 days have no baseline.
    expect(
      outlierDays([
        { day: "a", tokens: 1n },
        { day: "b", tokens: 1000n },
      ]),
    ).toEqual([]);
  });

  it("mixed granularity: daily rows and rows with a time of day", () => {
    const s = ingest(["2026-01-01,m,input,5,0", "2026-01-01T13:00:00Z,m,input,1,0", "2026-01-02,m,input,5,0"]);
    expect(finding(s, "mixed-granularity")).toMatchObject({ lines: [2, 3] });
    // Midnight time stamps alone are daily data, not a mix.
    expect(
      finding(ingest(["2026-01-01,m,input,5,0", "2026-01-02T00:00:00Z,m,input,1,0"]), "mixed-granularity"),
    ).toBeUndefined();
  });

  it("stale data: the last day far before --as-of", () => {
    const rows = ["2026-01-01,m,input,5,0", "2026-01-02,m,input,5,0"];
    expect(finding(ingest(rows, { asOf: "2026-01-09" }), "stale-data")).toBeUndefined(); // 7 days: not stale
    expect(finding(ingest(rows, { asOf: "2026-01-10" }), "stale-data")).toMatchObject({ count: 8 });
    expect(finding(ingest(rows, { asOf: "2026-01-10", staleDays: 30 }), "stale-data")).toBeUndefined();
  });
});

describe("strict by default, --on-error skip on request", () => {
  it("the first bad row stops with location, raw record, the rule in force and a hint", () => {
    const e = errorOf(() => ingest(["2026-01-01,m,input,5,0", '2026-01-02,"gpt, 4",output,12k,0']));
    expect(e.code).toBe("INPUT_NUMBER_PARSE");
    expect(e.location).toBe("q.csv:3:4");
    expect(e.message).toContain('record:   2026-01-02,"gpt, 4",output,12k,0');
    expect(e.message).toMatch(/rule: +kind ← "token_type" as written; tokens ← "tokens"/);
    expect(e.details.field).toBe("tokens");
    expect(e.details.hint).toBeDefined();
  });

  it("skip mode: every kind of bad row is counted with its first lines, good rows are kept", () => {
    const s = ingest(
      [
        "2026-01-01,m,input,5,0",
        "2026-01-02,m,input,x,0",
        "nope,m,input,5,0",
        "2026-01-03,m,input,5,0,extra",
        "2026-01-04,m,input,5,1,5",
        "2026-01-05,m,input,7,0",
      ],
      { onError: "skip" },
    );
    expect(s.totalTokens).toBe(12n);
    expect(s.rowsRead).toBe(6);
    expect(s.rowsUsed).toBe(2);
    expect(s.rowErrors!.map((e) => [e.code, e.count, e.firstLines])).toEqual([
      ["INPUT_NUMBER_PARSE", 1, [3]],
      ["INPUT_DATE_PARSE", 1, [4]],
      ["INPUT_CSV_SYNTAX", 2, [5, 6]],
    ]);
  });

  it("when every row is bad, skip mode still ends in an error", () => {
    const e = errorOf(() => ingest(["2026-01-01,m,input,x,0"], { onError: "skip" }));
    expect(e.code).toBe("INPUT_EMPTY");
    expect(e.message).toMatch(/1 INPUT_NUMBER_PARSE/);
  });
});
