import { describe, expect, it } from "vitest";
import { HedgeError } from "../../../src/errors.js";
import { completeMonthTotals } from "../../../src/forecast/input/complete-months.js";
import { isPeriodValueText, parsePeriodValue } from "../../../src/forecast/input/period-value.js";
import { dailyTokens } from "../../../src/forecast/input/usage-daily.js";

function errorOf(run: () => unknown): HedgeError {
  try {
    run();
  } catch (err) {
    if (err instanceof HedgeError) return err;
    throw err;
  }
  throw new Error("expected a HedgeError");
}

describe("period,value files", () => {
  it("are recognised by their header only", () => {
    expect(isPeriodValueText("period,value\n2024-01,1\n")).toBe(true);
    expect(isPeriodValueText('\uFEFF\n "Period" , VALUE \r\n2024-01,1')).toBe(true);
    expect(isPeriodValueText("date,model,token_type,tokens,cost_usd\n")).toBe(false);
    expect(isPeriodValueText("period,value,extra\n")).toBe(false);
    expect(isPeriodValueText("")).toBe(false);
  });

  it("reads a monthly series with its lines and the most decimals of any value", () => {
    const s = parsePeriodValue("period,value\n2024-11,10\n2024-12,12.5\n2025-01,1.25e1\n", "m.csv");
    expect(s.series).toEqual({ granularity: "month", start: "2024-11", values: [10, 12.5, 12.5] });
    expect(s.lines).toEqual([2, 3, 4]);
    // "12.5" has one decimal; "1.25e1" = 12.5 also one (two mantissa decimals minus exponent 1).
    expect(s.decimals).toBe(1);
  });

  it("reads a daily series across a month and a year end", () => {
    const s = parsePeriodValue("period,value\n2024-12-30,1\n2024-12-31,2\n2025-01-01,0\n", "d.csv");
    expect(s.series).toEqual({ granularity: "day", start: "2024-12-30", values: [1, 2, 0] });
    expect(s.decimals).toBe(0);
  });

  it.each([
    ["period,value\n2024-01,1\n2024-02,x\n", 3, 2, "INPUT_NUMBER_PARSE"],
    ["period,value\n2024-01,1\n2024-02,\n", 3, 2, "INPUT_NUMBER_PARSE"],
    ["period,value\n2024-01,1\n2024-02,-3\n", 3, 2, "INPUT_INVALID"],
    ["period,value\n2024-01,1\n2024-13,3\n", 3, 1, "INPUT_DATE_PARSE"],
    ["period,value\n2024-01,1\n2024-01-02,3\n", 3, 1, "INPUT_DATE_PARSE"],
    ["period,value\n2024-01,1\n2024-03,3\n", 3, 1, "INPUT_INVALID"], // gap: 2024-02 missing
    ["period,value\n2024-01,1\n2024-01,3\n", 3, 1, "INPUT_INVALID"], // repeated
    ["period,value\n2024-02,1\n2024-01,3\n", 3, 1, "INPUT_INVALID"], // out of order
    ["month,tokens\n2024-01,1\n", 1, 1, "INPUT_MISSING_COLUMN"],
  ])("rejects %j at line %i, column %i (%s)", (text, line, column, code) => {
    const err = errorOf(() => parsePeriodValue(text, "s.csv"));
    expect(err.code).toBe(code);
    expect(err.exitCode).toBe(3);
    expect(err.location).toBe(`s.csv:${line}:${column}`);
  });

  it("names the missing periods of a gap and what was expected", () => {
    const err = errorOf(() => parsePeriodValue("period,value\n2024-01-30,1\n2024-02-02,3\n", "g.csv"));
    expect(err.message).toContain("2 days missing");
    expect(err.details.expected).toBe("2024-01-31");
  });

  it("rejects an empty file and a header without rows", () => {
    expect(errorOf(() => parsePeriodValue("", "e.csv")).code).toBe("INPUT_EMPTY");
    expect(errorOf(() => parsePeriodValue("period,value\n", "e.csv")).code).toBe("INPUT_EMPTY");
  });
});

describe("complete months of a daily series", () => {
  it("adds up whole months and leaves out partial ones at either end", () => {
    // 2024-01-31 … 2024-03-01: January has 1 day (partial), February 29 days (complete, leap year), March 1 day.
    const values = Array.from({ length: 31 }, (_, i) => i + 1); // 1 … 31
    const { series, excluded } = completeMonthTotals({ granularity: "day", start: "2024-01-31", values });
    // February is values 2 … 30: Σ = (2 + 30)·29/2 = 464.
    expect(series).toEqual({ granularity: "month", start: "2024-02", values: [464] });
    expect(excluded).toEqual(["2024-01", "2024-03"]);
  });

  it("is an error when no month is complete", () => {
    const err = errorOf(() =>
      completeMonthTotals({ granularity: "day", start: "2024-02-02", values: [1, 2, 3] }, "x.csv"),
    );
    expect(err.code).toBe("SERIES_TOO_SHORT");
    expect(err.details.file).toBe("x.csv");
  });
});

describe("daily tokens of a usage series", () => {
  it("takes each day's token total, in order", () => {
    const days = [
      { day: "2025-03-01", tokens: 5n, cost: null, byKind: new Map<string, bigint>() },
      { day: "2025-03-02", tokens: 0n, cost: null, byKind: new Map<string, bigint>() },
    ];
    expect(dailyTokens({ days, firstDay: "2025-03-01" })).toEqual({
      granularity: "day",
      start: "2025-03-01",
      values: [5, 0],
    });
  });
});
