import { describe, expect, it } from "vitest";
import { parseCurve, parseCurveCsv, parseCurveJson } from "../../src/curve/parse-curve.js";
import { HedgeError } from "../../src/errors.js";

function errorOf(text: string): HedgeError {
  try {
    parseCurveCsv(text, "c.csv");
  } catch (e) {
    if (e instanceof HedgeError) return e;
    throw e;
  }
  throw new Error("expected a HedgeError");
}

describe("parseCurveCsv", () => {
  it("reads month,price rows", () => {
    expect(parseCurveCsv("month,price\n2026-12,2.10\n2027-01,2.05\n", "c.csv").points).toEqual([
      { month: "2026-12", price: 2.1 },
      { month: "2027-01", price: 2.05 },
    ]);
  });

  it.each([
    ["month,price\n2026-13,2.1\n", "CURVE_INVALID", "c.csv:2:1", /delivery month/],
    ["month,price\n2026-12,0\n", "CURVE_INVALID", "c.csv:2:2", /not a positive number/],
    ["month,price\n2026-12,abc\n", "CURVE_INVALID", "c.csv:2:2", /not a positive number/],
    ["month,price\n2026-12,2\n2026-12,2\n", "CURVE_INVALID", "c.csv:3:1", /appears twice/],
    ["month,price\n2027-01,2\n2026-12,2\n", "CURVE_INVALID", "c.csv:3:1", /not in order/],
    ["when,what\n2026-12,2\n", "INPUT_MISSING_COLUMN", "c.csv:1", /month and a price/],
  ])("%j → %s at %s", (text, code, location, message) => {
    const e = errorOf(text);
    expect(e.code).toBe(code);
    expect(e.location).toBe(location);
    expect(e.message).toMatch(message);
    expect(e.exitCode).toBe(3);
  });
});

describe("parseCurve: CSV or JSON", () => {
  const json = JSON.stringify({
    quoteUnit: "USD/Mtok",
    points: [
      { month: "2026-12", price: 2.1 },
      { month: "2027-01", price: 2.05 },
    ],
  });

  it("reads a JSON object with points (by extension or by content) and a bare array", () => {
    for (const file of ["c.json", "c.txt"]) {
      const c = parseCurve(json, file);
      expect(c.points).toEqual([
        { month: "2026-12", price: 2.1 },
        { month: "2027-01", price: 2.05 },
      ]);
      expect(c.quoteUnit).toBe("USD/Mtok");
    }
    expect(parseCurve('[{"month":"2027-01","price":1.5}]', "c.json").points).toEqual([
      { month: "2027-01", price: 1.5 },
    ]);
    expect(parseCurve("month,price\n2027-01,1.5\n", "c.csv").points).toEqual([{ month: "2027-01", price: 1.5 }]);
  });

  it.each([
    ['[{"month":"2027-13","price":2}]', "[0].month", /delivery month/],
    ['{"points":[{"month":"2027-01","price":0}]}', "points[0].price", /positive price/],
    ['{"points":[{"month":"2027-01","price":2},{"month":"2027-01","price":2}]}', "points[1].month", /appears twice/],
    ['{"points":[{"month":"2027-02","price":2},{"month":"2027-01","price":2}]}', "points[1].month", /not in order/],
    ['{"points":[{"month":"2027-01","price":2,"extra":1}]}', "points[0]", /extra|Unrecognized/i],
  ])("%s → error at %s", (text, path, message) => {
    let err: HedgeError | undefined;
    try {
      parseCurveJson(text, "c.json");
    } catch (e) {
      err = e as HedgeError;
    }
    expect(err?.code).toBe("CURVE_INVALID");
    expect(err?.details.path).toBe(path);
    expect(err?.message).toMatch(message);
  });
});
