/** Mapping files: everything the README's "Usage formats" and `tokenhedge help formats` say a column mapping must express, and their validation. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingestUsage, totalsByPeriod } from "../../src/ingest/index.js";
import { parseMappingText } from "../../src/ingest/mapping/load.js";
import { resolveMapping } from "../../src/cli/ingest-read.js";
import { loadUsageSync } from "../../src/cli/inputs.js";
import { errorOf } from "../helpers/error-of.js";

// An in-house export: a title line, semicolons, decimal commas with dot thousands, DD.MM.YYYY,
// a long layout whose kind is free text, units in a column, cost in cents with a currency column,
// rows that are not usage (storage) and a credit row.
const LONG = [
  "Acme LLM gateway export",
  "Tag;Leistung;Modell-ID;Menge;Einheit;Kosten (Cent);Währung;Art",
  "30.01.2026;Eingabe-Tokens (ohne Cache);prod/gpt-4.1@eu;1.234,5;Tsd.;246,9;eur;usage",
  "30.01.2026;Ausgabe-Tokens;prod/gpt-4.1@eu;2;Mio.;1.600;eur;usage",
  "31.01.2026;Cache-Lesezugriffe;prod/gpt-4.1@eu;10;Tsd.;0,5;eur;usage",
  "01.02.2026;Eingabe-Tokens (ohne Cache);test/claude-x@eu;3;Tsd.;0,9;eur;usage",
  "01.02.2026;Speicher GB-Monat;prod/gpt-4.1@eu;5;GB;10;eur;usage",
  "02.02.2026;Gutschrift;prod/gpt-4.1@eu;0;Tsd.;-500;eur;credit",
].join("\n");

const LONG_MAPPING = `
name: Acme gateway
provider: acme-gateway
skipLines: 1
delimiter: ";"
numbers: {decimal: ",", thousands: "."}
date: {column: Tag, format: DD.MM.YYYY}
quantity:
  column: Menge
  kind:
    column: Leistung
    rules:
      - {matches: "^Cache", kind: input_cache_read}
      - {matches: "^Eingabe", kind: input_uncached}
      - {suffix: "Ausgabe-Tokens", kind: output}
      - {matches: "Speicher", ignore: storage}
  unit: {column: Einheit, table: {"Tsd.": 1000, "Mio.": 1000000}}
model: {column: Modell-ID, pattern: "/([^@]+)@", aliases: {claude-x: claude-sonnet-4}}
project: {column: Modell-ID, pattern: "^([^/]+)/"}
cost: {column: "Kosten (Cent)", scale: 0.01, currency: {column: Währung, normalize: upper}}
filters:
  - {when: {column: Art, equals: credit}, then: cost-only, reason: credit note}
`;

describe("mapping files", () => {
  it("express date format, long rows with pattern rules, unit tables, number format, model patterns, aliases, cost scale and filters", () => {
    const spec = parseMappingText(LONG_MAPPING, "acme.map.yaml");
    const s = ingestUsage(LONG, { file: "acme.csv", mapping: spec, mappingSource: "acme.map.yaml" });
    expect(s.profile!.id).toBe("mapping");
    expect(s.profile!.reason).toBe("mapping file acme.map.yaml");
    // Tokens by hand: 1.234,5 Tsd. = 1,234,500; 2 Mio. = 2,000,000; 10 Tsd. = 10,000 (January);
    // 3 Tsd. = 3,000 (February); storage ignored; the credit row carries no tokens.
    expect(totalsByPeriod(s, "month").map((m) => [m.period, m.tokens, m.cost!.toFixed()])).toEqual([
      // Cost in cents × 0.01: 246,9 + 1.600 + 0,5 = 1847.4 cents = 18.474 EUR.
      ["2026-01", 3_244_500n, "18.474"],
      // 0,9 cents − 500 cents (credit) = −4.991 EUR.
      ["2026-02", 3_000n, "-4.991"],
    ]);
    expect(s.currency).toBe("EUR");
    expect(Object.fromEntries(s.byKind)).toEqual({
      input_uncached: 1_237_500n,
      output: 2_000_000n,
      input_cache_read: 10_000n,
    });
    expect(Object.fromEntries(s.byModel)).toEqual({ "gpt-4.1": 3_244_500n, "claude-sonnet-4": 3_000n });
    expect(Object.fromEntries(s.byProject!)).toEqual({ prod: 3_244_500n, test: 3_000n });
    expect(s.skipped!.map((x) => [x.reason, x.category, x.count, x.firstLines])).toEqual([
      ["storage", "not-usage", 1, [7]],
      ["credit note", "cost-only", 1, [8]],
    ]);
  });

  it("express wide columns with containment and constant units", () => {
    const text = ["day,prompt,cached,completion", "2026-03-01,1000,400,50", "2026-03-02,2000,0,70"].join("\n");
    const spec = parseMappingText(
      JSON.stringify({
        date: { column: "day", format: "YYYY-MM-DD" },
        tokens: [
          { column: "prompt", kind: "input_uncached", minus: ["cached"] },
          { column: "cached", kind: "input_cache_read" },
          { column: "completion", kind: "output", multiplier: 1000 },
        ],
      }),
      "m.json",
    );
    const s = ingestUsage(text, { file: "w.csv", mapping: spec });
    // uncached 600 + 2000; cached 400; output (50 + 70) × 1000.
    expect(Object.fromEntries(s.byKind)).toEqual({ input_uncached: 2600n, input_cache_read: 400n, output: 120_000n });
    expect(s.totalTokens).toBe(3000n + 120_000n);
  });

  it("a contained column larger than its container is an error naming the rule", () => {
    const spec = parseMappingText(
      "date: {column: day}\ntokens:\n  - {column: prompt, kind: input, minus: [cached]}\n  - {column: cached, kind: cached}\n",
      "m.yaml",
    );
    const e = errorOf(() => ingestUsage("day,prompt,cached\n2026-03-01,10,40\n", { file: "w.csv", mapping: spec }));
    expect(e.code).toBe("INPUT_CONTAINMENT");
    expect(e.location).toBe("w.csv:2:2");
    expect(e.message).toMatch(/rule: +input ← "prompt" − "cached"/);
    expect(e.details.hint).toMatch(/disjoint/);
  });

  it("a value no kind rule matches, and an unknown unit, are errors with the rule in force", () => {
    const spec = parseMappingText(
      "date: {column: d}\nquantity:\n  column: n\n  kind: {column: t, rules: [{equals: in, kind: input}]}\n  unit: {column: u, table: {k: 1000}}\n",
      "m.yaml",
    );
    const e1 = errorOf(() => ingestUsage("d,t,n,u\n2026-03-01,out,5,k\n", { file: "x.csv", mapping: spec }));
    expect(e1.code).toBe("INPUT_UNKNOWN_KIND");
    expect(e1.message).toMatch(/no kind rule matches "out"[\s\S]*rule: +kind ← "t" by 1 rules/);
    const e2 = errorOf(() => ingestUsage("d,t,n,u\n2026-03-01,in,5,M\n", { file: "x.csv", mapping: spec }));
    expect(e2.code).toBe("INPUT_UNKNOWN_UNIT");
    expect(e2.location).toBe("x.csv:2:4");
  });

  it.each([
    [
      "an unknown key",
      "date: {column: d}\ntokens: [{column: n, kind: x}]\nbogus: 1\n",
      "(root)",
      /unknown key "bogus"/,
      3,
    ],
    [
      "a rule with neither kind nor ignore",
      "date: {column: d}\nquantity:\n  column: n\n  kind:\n    column: t\n    rules:\n      - {equals: a, kind: x}\n      - {equals: b}\n",
      "quantity.kind.rules[1]",
      /exactly one of kind or ignore/,
      8,
    ],
    [
      "a bad date format",
      "date: {column: d, format: YYYY/DD/MM}\ntokens: [{column: n, kind: x}]\n",
      "date.format",
      /Invalid option/,
      1,
    ],
    [
      "a broken regular expression",
      "date: {column: d}\nmodel: {column: m, pattern: '(unclosed'}\ntokens: [{column: n, kind: x}]\n",
      "model.pattern",
      /not a regular expression/,
      2,
    ],
    [
      "no token columns at all",
      "date: {column: d}\n",
      "(root)",
      /tokens \(wide\), quantity \(long\) or at least cost/,
      1,
    ],
  ])("%s: exit 2 naming the key path", (_name, yaml, path, message, line) => {
    const e = errorOf(() => parseMappingText(yaml, "bad.map.yaml"));
    expect(e.code).toBe("CONFIG_INVALID");
    expect(e.exitCode).toBe(2);
    expect(e.details.path).toBe(path);
    expect(e.message).toMatch(message);
    expect(e.details.line).toBe(line);
  });

  it("YAML syntax errors give the line", () => {
    const e = errorOf(() => parseMappingText("date: {column: d\ntokens: [\n", "bad.map.yaml"));
    expect(e.code).toBe("CONFIG_INVALID");
    expect(e.details.line).toBeGreaterThan(0);
  });

  it("USAGE.csv.map.yaml beside the data is found and used by loadUsage", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-map-"));
    writeFileSync(join(dir, "usage.csv"), "when,what,n\n2026-03-01,in,5\n2026-03-01,out,7\n");
    writeFileSync(
      join(dir, "usage.csv.map.yaml"),
      "date: {column: when}\nquantity: {column: n, kind: {column: what}}\n",
    );
    const ctx = {
      cwd: dir,
      env: {},
      stdout: { write: () => undefined, isTTY: false },
      stderr: { write: () => undefined, isTTY: false },
      stdinIsTTY: false,
    };
    expect(resolveMapping(ctx, "usage.csv")!.source).toBe("usage.csv.map.yaml");
    const s = loadUsageSync(ctx, "usage.csv");
    expect(s.profile!.reason).toBe("mapping file usage.csv.map.yaml");
    expect(Object.fromEntries(s.byKind)).toEqual({ in: 5n, out: 7n });
    // A mapping named on the command line that does not exist is a usage error.
    expect(errorOf(() => resolveMapping(ctx, "usage.csv", "nope.yaml")).exitCode).toBe(2);
  });
});
