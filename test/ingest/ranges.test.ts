/**
 * Reading a file in byte ranges and merging the parts (engine.ts configureRange / endRange / finishRanges,
 * merge.ts), in one thread: the worker threads of src/cli/ingest-parallel.ts run exactly this per range. The
 * merged series must equal a sequential read's byte for byte, or the merge must refuse (undefined: the CLI then
 * reads sequentially) — never a different answer.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ingestText, UsageIngestor } from "../../src/ingest/reading/engine.js";
import type { IngestOptions } from "../../src/ingest/reading/options.js";
import type { IngestPart } from "../../src/ingest/reading/merge.js";
import { SNIFF_BYTES } from "../../src/ingest/reading/sniff.js";
import type { UsageSeries } from "../../src/ingest/types.js";

const HEADER = "timestamp,request_id,project,model,input_tokens,cached_input_tokens,output_tokens,cost_usd\n";

/** The series as the CLI prints it (`--json`): the cells included. */
function json(s: UsageSeries): string {
  return JSON.stringify({ ...s, cells: s.cells }, (_k, v: unknown) =>
    typeof v === "bigint" ? `${v}n` : v instanceof Map ? [...v.entries()] : v,
  );
}

/** Read `text` as ranges starting at `cuts` (byte offsets after the header), as the parallel reader does. */
function readInRanges(text: string, cuts: number[], options: IngestOptions): UsageSeries | undefined {
  const bytes = new TextEncoder().encode(text);
  const final = bytes.length < SNIFF_BYTES;
  const first = new UsageIngestor(options);
  const start = first.configureRange(bytes, final, true);
  const starts = [start, ...cuts.filter((c) => c > start)];
  const ends = [...starts.slice(1), bytes.length];
  first.push(bytes.subarray(start, ends[0]));
  const parts: IngestPart[] = [];
  for (let i = 1; i < starts.length; i++) {
    const ing = new UsageIngestor({ ...options, dedupeSlots: 0 });
    ing.configureRange(bytes, final, false);
    try {
      ing.push(bytes.subarray(starts[i], ends[i]));
      parts.push(ing.endRange(i === starts.length - 1));
    } catch {
      return undefined; // a worker's error: the CLI reads sequentially for the exact message
    }
  }
  return first.finishRanges(parts);
}

/** Offsets just after each line feed (candidate cuts; some fall inside quoted fields). */
function lineStarts(text: string): number[] {
  const bytes = new TextEncoder().encode(text);
  const out: number[] = [];
  for (let i = 0; i < bytes.length - 1; i++) if (bytes[i] === 10) out.push(i + 1);
  return out;
}

describe("ingest in byte ranges", () => {
  const rows = [
    "2026-03-01T10:00:00Z,r1,alpha,gpt-4o,100,0,10,0.5",
    '2026-03-01T11:00:00Z,r2,"beta\nsecond line",gpt-4o,200,50,20,"1.25"',
    "2026-03-02T09:00:00Z,r3,alpha,claude-3,300,0,30,0.75",
    "2026-03-02T09:30:00Z,r4,gamma,gpt-4o,400,0,40,1",
    "2026-03-03T00:00:00Z,r5,alpha,claude-3,500,100,50,2.125",
  ];
  const text = HEADER + rows.join("\n") + "\n";
  const options: IngestOptions = { file: "usage.csv", dedupeSlots: 0 };

  it("a cut on a record boundary gives the sequential series, totals written out", () => {
    const cut = text.indexOf("2026-03-02T09:00");
    const merged = readInRanges(text, [cut], options)!;
    expect(merged).toBeDefined();
    expect(json(merged)).toBe(json(ingestText(text, options)));
    expect(merged.rowsRead).toBe(5);
    // input counts input − cached (nested containment), so the sum is input + output: 1500 + 150.
    expect(merged.totalTokens).toBe(1650n);
    expect(merged.totalCost?.toFixed()).toBe("5.625");
    expect(merged.days.map((d) => d.day)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
  });

  it("a cut inside a quoted field with a line break is refused, not misread", () => {
    const cut = text.indexOf("second line");
    expect(text[cut - 1]).toBe("\n");
    expect(readInRanges(text, [cut], options)).toBeUndefined();
  });

  it("skip line numbers are shifted to the file's own lines across ranges", () => {
    const filtered: IngestOptions = { ...options, models: ["gpt-4o"] };
    // claude-3 rows are on lines 5 and 7 (the quoted row spans lines 3 and 4).
    const cut = text.indexOf("2026-03-02T09:30");
    const merged = readInRanges(text, [cut], filtered)!;
    const seq = ingestText(text, filtered);
    expect(seq.skipped!.map((s) => s.firstLines)).toEqual([[5, 7]]);
    expect(json(merged)).toBe(json(seq));
  });

  it("a duplicate check still running at the first cut is refused; one capped in the first range merges", () => {
    const cut = text.indexOf("2026-03-02T09:00");
    expect(readInRanges(text, [cut], { file: "usage.csv" })).toBeUndefined();
    // What the CLI does then: the first range's engine reads on, a sequential read.
    const bytes = new TextEncoder().encode(text);
    const first = new UsageIngestor({ file: "usage.csv" });
    const start = first.configureRange(bytes, true, true);
    first.push(bytes.subarray(start, cut));
    expect(first.mergeable).toBe(false);
    expect(first.finishRanges([])).toBeUndefined();
    first.push(bytes.subarray(cut));
    expect(json(first.finish())).toBe(json(ingestText(text, { file: "usage.csv" })));
    const many =
      HEADER + Array.from({ length: 400 }, (_, i) => `2026-03-01T10:00:00Z,r${i % 200},p,m,1,0,1,0.1`).join("\n");
    const capped: IngestOptions = { file: "usage.csv", dedupeSlots: 16 };
    const merged = readInRanges(many, [many.indexOf("\n", 8000) + 1], capped)!;
    const seq = ingestText(many, capped);
    expect(merged).toBeDefined();
    expect(seq.findings!.find((f) => f.id === "duplicates")?.message).toMatch(/memory cap/);
    expect(json(merged)).toBe(json(seq));
  });

  it("a/b/yyyy dates (day-month order decided by earlier rows) are refused", () => {
    const slash = "date,model,tokens\n03/04/2026,m,10\n03/05/2026,m,20\n13/05/2026,m,30\n";
    expect(readInRanges(slash, [slash.indexOf("03/05")], { file: "u.csv", dedupeSlots: 0 })).toBeUndefined();
  });

  it("property: random files with quoted delimiters, quotes and line breaks, random cuts (fixed seed)", () => {
    const field = fc.oneof(
      fc.constantFrom("alpha", "beta", "gamma"),
      fc
        .array(fc.constantFrom("a", ",", "\n", "\r\n", '""', " ", "é"), { minLength: 1, maxLength: 5 })
        .map((xs) => `"${xs.join("")}"`),
    );
    const row = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      project: field,
      model: fc.constantFrom("gpt-4o", "claude-3", '"o1,mini"', "gemini"),
      input: fc.integer({ min: 0, max: 9_000_000_000_000 }),
      cached: fc.integer({ min: 0, max: 1000 }),
      output: fc.integer({ min: 0, max: 100_000 }),
      cost: fc.constantFrom("0.1", '"2.50"', "0.000001", "17", "3.14159"),
    });
    const file = fc.record({
      rows: fc.array(row, { minLength: 1, maxLength: 40 }),
      cuts: fc.array(fc.nat(), { maxLength: 4 }),
      crlf: fc.boolean(),
      filter: fc.boolean(),
    });
    let merged = 0;
    fc.assert(
      fc.property(file, (f) => {
        const eol = f.crlf ? "\r\n" : "\n";
        const body = f.rows
          .map(
            (r, i) =>
              `2026-02-${String(r.day).padStart(2, "0")}T${String(r.hour).padStart(2, "0")}:00:00Z,r${i},${r.project},${r.model},${r.input + r.cached},${r.cached},${r.output},${r.cost}`,
          )
          .join(eol);
        const text = HEADER.replace("\n", eol) + body + eol;
        const opts: IngestOptions = {
          file: "u.csv",
          dedupeSlots: 0,
          ...(f.filter ? { models: ["gpt-4o", "gemini"] } : {}),
        };
        let seq: string;
        try {
          seq = json(ingestText(text, opts));
        } catch {
          // A file the sequential read refuses: the ranges must not produce a series either.
          let out: UsageSeries | undefined;
          try {
            out = readInRanges(text, [], opts);
          } catch {
            out = undefined;
          }
          expect(out).toBeUndefined();
          return;
        }
        const starts = lineStarts(text);
        const cuts = [...new Set(f.cuts.map((c) => starts[c % starts.length]!))].sort((a, b) => a - b);
        let out: UsageSeries | undefined;
        try {
          out = readInRanges(text, cuts, opts);
        } catch {
          out = undefined;
        }
        if (out === undefined) return;
        merged++;
        expect(json(out)).toBe(seq);
      }),
      { seed: 20261203, numRuns: 300 },
    );
    // Most random cuts land on record boundaries: the merge must actually have run, not only refused.
    expect(merged).toBeGreaterThan(150);
  });
});
