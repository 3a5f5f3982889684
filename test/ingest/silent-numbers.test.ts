/**
 * Silent wrong numbers: the fast and the general number paths of ingest read
 * every dialect option identically. A differential property test writes random usage files in every
 * dialect — decimal point or comma, thousands separators, quoted cells, BOM, LF / CRLF / CR-only —
 * with each number randomly plain (fast path) or grouped / quoted (general path), and checks the
 * ingested totals against the generated truth and against csv-parse read with a reference parser.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { Dec } from "../../src/money/decimal.js";
import { ingestUsage } from "../../src/ingest/index.js";
import { parseMapFlag } from "../../src/ingest/mapping/columns.js";
import { errorOf } from "../helpers/error-of.js";

interface Dialect {
  decimal: "." | ",";
  thousands: "none" | "," | "." | " " | "'";
  delimiter: "," | ";" | "\t";
  eol: "\n" | "\r\n" | "\r";
  bom: boolean;
}

/** Digits grouped in threes with `sep`. */
function group(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function writeInt(n: bigint, d: Dialect, grouped: boolean): string {
  const s = n.toString();
  return grouped && d.thousands !== "none" ? group(s, d.thousands) : s;
}

/** An amount of `cents / 10^scale` written in the dialect. */
function writeAmount(units: bigint, scale: number, d: Dialect, grouped: boolean): string {
  const s = units.toString().padStart(scale + 1, "0");
  const int = s.slice(0, s.length - scale);
  const frac = s.slice(s.length - scale);
  const i = grouped && d.thousands !== "none" ? group(int, d.thousands) : int;
  return scale > 0 ? `${i}${d.decimal}${frac}` : i;
}

/** A cell, quoted when asked or when it holds the delimiter (a thousands "," in a comma file). */
function cell(text: string, d: Dialect, quote: boolean): string {
  return quote || text.includes(d.delimiter) || text.includes('"') ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Reference reading of a number cell: drop the thousands separator, make the decimal mark a point. */
function refNumber(text: string, d: Dialect): Dec {
  let t = text.trim();
  if (d.thousands !== "none") t = t.split(d.thousands).join("");
  if (d.decimal === ",") t = t.replace(",", ".");
  return new Dec(t);
}

const dialectArb: fc.Arbitrary<Dialect> = fc
  .record({
    decimal: fc.constantFrom<"." | ",">(".", ","),
    thousands: fc.constantFrom<Dialect["thousands"]>("none", ",", ".", " ", "'"),
    delimiter: fc.constantFrom<Dialect["delimiter"]>(",", ";", "\t"),
    eol: fc.constantFrom<Dialect["eol"]>("\n", "\r\n", "\r"),
    bom: fc.boolean(),
  })
  .filter((d) => d.thousands !== d.decimal && !(d.decimal === "," && d.delimiter === ","));

const rowArb = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  model: fc.constantFrom("gpt-4.1", "claude-sonnet-4", "m,odel"),
  tokens: fc.bigInt({ min: 0n, max: 10n ** 14n }),
  costUnits: fc.bigInt({ min: 0n, max: 10n ** 12n }),
  scale: fc.integer({ min: 0, max: 3 }),
  groupTokens: fc.boolean(),
  groupCost: fc.boolean(),
  quoteTokens: fc.boolean(),
  quoteCost: fc.boolean(),
  tokensAsFloat: fc.boolean(),
});

describe("silent numbers: one truth for the fast and the general path", () => {
  it("reads every dialect the way the generator wrote it and csv-parse reads it (fixed seed)", () => {
    fc.assert(
      fc.property(dialectArb, fc.array(rowArb, { minLength: 1, maxLength: 30 }), (d, rows) => {
        const lines = [["date", "model", "tokens", "cost"].join(d.delimiter)];
        let tokens = 0n;
        let cost = new Dec(0);
        for (const r of rows) {
          let t = writeInt(r.tokens, d, r.groupTokens);
          // Floats written for integers: "1234.0" (or "1234,0" with a decimal comma).
          if (r.tokensAsFloat && !r.groupTokens) t += `${d.decimal}0`;
          const c = writeAmount(r.costUnits, r.scale, d, r.groupCost);
          lines.push(
            [
              `2026-03-${String(r.day).padStart(2, "0")}`,
              cell(r.model, d, false),
              cell(t, d, r.quoteTokens),
              cell(c, d, r.quoteCost),
            ].join(d.delimiter),
          );
          tokens += r.tokens;
          cost = cost.plus(new Dec(r.costUnits.toString()).div(new Dec(10).pow(r.scale)));
        }
        const text = (d.bom ? "\uFEFF" : "") + lines.join(d.eol) + d.eol;
        const series = ingestUsage(text, {
          file: "fuzz.csv",
          delimiter: d.delimiter,
          decimal: d.decimal,
          thousands: d.thousands,
        });
        expect(series.totalTokens).toBe(tokens);
        expect(series.totalCost?.toFixed()).toBe(cost.toFixed());

        // csv-parse, with the reference number reading, agrees with both.
        const records = parse(text, {
          bom: true,
          delimiter: d.delimiter,
          record_delimiter: d.eol,
          skip_empty_lines: true,
        }) as string[][];
        let refTokens = new Dec(0);
        let refCost = new Dec(0);
        for (const rec of records.slice(1)) {
          refTokens = refTokens.plus(refNumber(rec[2]!, d));
          refCost = refCost.plus(refNumber(rec[3]!, d));
        }
        expect(refTokens.toFixed()).toBe(tokens.toString());
        expect(refCost.toFixed()).toBe(cost.toFixed());
      }),
      { seed: 17, numRuns: 300 },
    );
  });

  it("with --decimal , a cost 1.234 is one thousand two hundred and thirty-four, as the tokens are", () => {
    // "1.234" with a decimal comma has "." as its thousands separator: 1234 for tokens and for cost.
    const s = ingestUsage("date;model;tokens;cost\n2026-03-01;m;1.234;1.234\n", { file: "a.csv", decimal: "," });
    expect(s.totalTokens).toBe(1234n);
    expect(s.totalCost?.toFixed()).toBe("1234");
    // A token cell "1.000" is 1000, never 1 (the fast path once read ".000" as a float's zero fraction).
    expect(ingestUsage("date;model;tokens\n2026-03-01;m;1.000\n", { file: "a.csv", decimal: "," }).totalTokens).toBe(
      1000n,
    );
  });

  it('the same via a mapping\'s numbers: {decimal: ","}', () => {
    const mapping = {
      date: { column: "date" },
      model: { column: "model" },
      tokens: [{ column: "tokens" }],
      cost: { column: "cost" },
      numbers: { decimal: "," as const },
    };
    const s = ingestUsage("date;model;tokens;cost\n2026-03-01;m;2.500;1.234\n", {
      file: "a.csv",
      mapping: mapping as never,
    });
    expect(s.totalTokens).toBe(2500n);
    expect(s.totalCost?.toFixed()).toBe("1234");
  });

  it("a column named twice in the header is an error naming both positions", () => {
    const e = errorOf(() => ingestUsage("date,tokens,model,tokens\n2026-03-01,5,m,7\n", { file: "a.csv" }));
    expect(e.code).toBe("INPUT_INVALID");
    expect(e.message).toMatch(/names column "tokens".*twice, columns 2 and 4/);
  });

  it("a field given twice in --map is a usage error", () => {
    const e = errorOf(() => parseMapFlag("date=d,tokens=a,tokens=b"));
    expect(e.code).toBe("USAGE");
    expect(e.message).toMatch(/"tokens" is given twice/);
  });

  it("CR-only line ends read like LF", () => {
    const s = ingestUsage("date,model,tokens\r2026-03-01,m,5\r2026-03-02,m,7\r", { file: "mac.csv" });
    expect(s.totalTokens).toBe(12n);
  });
});

describe("silent numbers: FOCUS rows whose unit says tokens are token usage", () => {
  const header =
    "BilledCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ConsumedQuantity,ConsumedUnit,ProviderName,SkuMeter";
  const focus = (rows: string[]) => ingestUsage([header, ...rows].join("\n") + "\n", { file: "focus.csv" });

  it("Azure-style meters are read: kind from Inp/Outp, model from the meter name", () => {
    const s = focus([
      "1.50,USD,Usage,2026-01-05T00:00:00Z,1000000,Tokens,Microsoft,gpt-4o-mini-0718-Inp-glbl Tokens",
      "2.40,USD,Usage,2026-01-05T00:00:00Z,400000,Tokens,Microsoft,gpt-4o-mini-0718-Outp-glbl Tokens",
    ]);
    // 1,000,000 + 400,000 tokens, none left out.
    expect(s.totalTokens).toBe(1400000n);
    expect(Object.fromEntries(s.byKind)).toEqual({ input_uncached: 1000000n, output: 400000n });
    expect([...s.byModel.keys()]).toEqual(["gpt-4o-mini-0718"]);
  });

  it("a meter no rule recognises is kept as kind unspecified, never dropped", () => {
    const s = focus(["0.10,USD,Usage,2026-01-05T00:00:00Z,5000,Tokens,Microsoft,mystery-meter Tokens"]);
    expect(s.totalTokens).toBe(5000n);
    expect(Object.fromEntries(s.byKind)).toEqual({ unspecified: 5000n });
  });
});
