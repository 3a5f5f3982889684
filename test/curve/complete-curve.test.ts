import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { completeCurve, fillMissingMonths } from "../../src/curve/complete-curve.js";
import { parseCurve } from "../../src/curve/parse-curve.js";
import { parseContractSpec } from "../../src/curve/contract.js";
import { HedgeError } from "../../src/errors.js";

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/curves/${name}`, import.meta.url), "utf8");

describe("fillMissingMonths: linear interpolation in calendar months, flagged", () => {
  it("fills a two-month gap by hand: 2.00 (Jan) … 2.30 (Apr) → Feb 2.10, Mar 2.20", () => {
    const { points, interpolated } = fillMissingMonths([
      { month: "2027-01", price: 2.0 },
      { month: "2027-04", price: 2.3 },
    ]);
    expect(points).toEqual([
      { month: "2027-01", price: 2.0 },
      { month: "2027-02", price: 2.1, interpolated: true },
      { month: "2027-03", price: 2.2, interpolated: true },
      { month: "2027-04", price: 2.3 },
    ]);
    expect(interpolated).toEqual(["2027-02", "2027-03"]);
  });

  it("fixtures/curves/token-gap.csv: 2027-02 = (2.05 + 1.93)/2 = 1.99, 2027-05 = (1.88 + 1.79)/2 = 1.835", () => {
    const c = completeCurve(parseCurve(fixture("token-gap.csv"), "token-gap.csv"));
    expect(c.interpolated).toEqual(["2027-02", "2027-05"]);
    expect(c.points.find((p) => p.month === "2027-02")).toEqual({ month: "2027-02", price: 1.99, interpolated: true });
    expect(c.points.find((p) => p.month === "2027-05")).toEqual({ month: "2027-05", price: 1.835, interpolated: true });
    expect(c.points).toHaveLength(7);
    // Lines stay with their quoted months; interpolated months have none.
    expect(c.lines).toEqual([2, 3, undefined, 4, 5, undefined, 6]);
  });

  it("a quarterly contract: only the missing listed month is filled (2027-06 = (1.93 + 1.63)/2 = 1.78)", () => {
    const spec = parseContractSpec(fixture("quarterly-contract.yaml"), "quarterly-contract.yaml");
    const c = completeCurve(parseCurve(fixture("quarterly-curve.csv"), "q.csv"), spec.listedMonths, spec.name);
    expect(c.points.map((p) => p.month)).toEqual(["2026-12", "2027-03", "2027-06", "2027-09", "2027-12"]);
    expect(c.interpolated).toEqual(["2027-06"]);
    expect(c.points[2]!.price).toBeCloseTo(1.78, 12);
  });

  it("a curve month the contract does not list is an error naming the month, file and line", () => {
    const spec = parseContractSpec(fixture("quarterly-contract.yaml"), "quarterly-contract.yaml");
    let err: unknown;
    try {
      completeCurve(parseCurve(fixture("quarterly-unlisted.csv"), "q.csv"), spec.listedMonths, spec.name);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HedgeError);
    const e = err as HedgeError;
    expect(e.code).toBe("CURVE_INVALID");
    expect(e.message).toMatch(/2027-04 is not listed/);
    expect(e.location).toBe("q.csv:4:1");
    expect(e.exitCode).toBe(3);
  });
});
