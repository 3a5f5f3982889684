import { describe, expect, it } from "vitest";
import { ingestUsage, totalsByPeriod, parseMapFlag } from "../../src/ingest/index.js";
import { errorOf } from "../helpers/error-of.js";

const HEADER = "date,model,token_type,tokens,cost_usd";

function ingest(lines: string[], map?: string) {
  return ingestUsage(lines.join("\n") + "\n", { file: "u.csv", ...(map ? { map: parseMapFlag(map) } : {}) });
}

describe("ingest: exact totals", () => {
  it("sums tokens exactly and money to the cent", () => {
    const s = ingest([
      HEADER,
      "2026-01-01,m,input,100,0.10",
      "2026-01-01,m,output,20,0.20",
      "2026-01-02,m,input,9007199254740993,0.70",
    ]);
    // 0.10 + 0.20 + 0.70 is 1.00 exactly (in floats 0.1 + 0.2 is 0.30000000000000004).
    expect(s.totalCost!.toFixed()).toBe("1");
    // 100 + 20 + 2^53 + 1: beyond float precision, exact in BigInt.
    expect(s.totalTokens).toBe(9007199254741113n);
    expect(s.byKind.get("input")).toBe(9007199254741093n);
    expect(s.rowsRead).toBe(3);
  });

  it("fills missing days with zero and lists them", () => {
    const s = ingest([HEADER, "2026-01-30,m,input,1,0", "2026-02-02,m,input,2,0"]);
    expect(s.days.map((d) => d.day)).toEqual(["2026-01-30", "2026-01-31", "2026-02-01", "2026-02-02"]);
    expect(s.missingDays).toEqual(["2026-01-31", "2026-02-01"]);
    const months = totalsByPeriod(s, "month");
    expect(months.map((m) => [m.period, m.tokens, m.daysCovered])).toEqual([
      ["2026-01", 1n, 2],
      ["2026-02", 2n, 2],
    ]);
  });

  it("accepts ISO date-times (bucketed by UTC day), floats written for integers, BOM and CRLF", () => {
    const text =
      "\uFEFF" +
      [HEADER, "2026-01-01T23:30:00-02:00,m,input,59200.0,1.5", "2026-01-02T00:10:00Z,m,input,1,0"].join("\r\n");
    const s = ingestUsage(text, { file: "u.csv" });
    // 23:30 at −02:00 is 01:30 UTC on 2 January.
    expect(s.days.map((d) => [d.day, d.tokens])).toEqual([["2026-01-02", 59201n]]);
  });

  it("header names such as __proto__ do not pollute objects", () => {
    const s = ingest(["__proto__,constructor,tokens,date", "x,y,5,2026-01-01"]);
    expect(s.totalTokens).toBe(5n);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("maps other column names with --map", () => {
    const s = ingest(["day,n,what", "2026-03-01,7,output"], "date=day,tokens=n,kind=what");
    expect(s.byKind.get("output")).toBe(7n);
    expect(s.columns).toEqual({ date: "day", tokens: "n", kind: "what" });
  });
});

describe("ingest: bad input stops with file:line:column, the value and what was expected", () => {
  it("missing column", () => {
    const e = errorOf(() => ingest(["date,model,amount", "2026-01-01,m,5"]));
    expect(e.code).toBe("INPUT_MISSING_COLUMN");
    expect(e.exitCode).toBe(3);
    expect(e.location).toBe("u.csv:1");
    expect(e.message).toMatch(/no tokens column/);
    expect(e.details.hint).toMatch(/--map tokens=COLUMN/);
  });

  it("unparseable date, with the line and column", () => {
    const e = errorOf(() => ingest([HEADER, "2026-01-01,m,input,5,0", "03/04/2026,m,input,5,0"]));
    // a/b/yyyy dates are read when the file settles the day/month order; here no
    // day exceeds 12, so the error is the more precise INPUT_DATE_AMBIGUOUS (still exit 3).
    expect(e.code).toBe("INPUT_DATE_AMBIGUOUS");
    expect(e.location).toBe("u.csv:3:1");
    expect(e.details.value).toBe("03/04/2026");
    expect(e.details.hint).toMatch(/ambiguous/);
  });

  it("a second header row is recognised in the hint", () => {
    const e = errorOf(() => ingest([HEADER, HEADER]));
    expect(e.details.hint).toMatch(/header/);
  });

  it("unparseable number", () => {
    const e = errorOf(() => ingest([HEADER, '2026-01-01,m,input,"1,250,000",0']));
    expect(e.code).toBe("INPUT_NUMBER_PARSE");
    expect(e.location).toBe("u.csv:2:4");
    expect(e.details.hint).toMatch(/thousands separators/);
  });

  it("negative tokens", () => {
    const e = errorOf(() => ingest([HEADER, "2026-01-01,m,input,-5,0"]));
    expect(e.code).toBe("INPUT_NEGATIVE_TOKENS");
    expect(e.location).toBe("u.csv:2:4");
    expect(e.details.value).toBe("-5");
  });

  it("fractional tokens", () => {
    const e = errorOf(() => ingest([HEADER, "2026-01-01,m,input,5.5,0"]));
    expect(e.code).toBe("INPUT_FRACTIONAL_TOKENS");
  });

  it("decimal comma in the cost column", () => {
    const e = errorOf(() => ingest([HEADER, '2026-01-01,m,input,5,"1,50"']));
    expect(e.code).toBe("INPUT_NUMBER_PARSE");
    expect(e.location).toBe("u.csv:2:5");
    expect(e.details.hint).toMatch(/decimal comma/);
  });

  it("a row with too many fields", () => {
    const e = errorOf(() => ingest([HEADER, "2026-01-01,m,input,5,1,50"]));
    expect(e.code).toBe("INPUT_CSV_SYNTAX");
    expect(e.details.line).toBe(2);
  });

  it("an empty file and a header-only file", () => {
    expect(errorOf(() => ingestUsage("", { file: "u.csv" })).code).toBe("INPUT_EMPTY");
    expect(errorOf(() => ingest([HEADER])).code).toBe("INPUT_EMPTY");
  });

  it("an unknown --map field is a usage error (exit 2)", () => {
    const e = errorOf(() => parseMapFlag("price=x"));
    expect(e.exitCode).toBe(2);
  });
});
