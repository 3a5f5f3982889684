import { describe, expect, it } from "vitest";
import { dollarOffsetTest, offsetRatio, withinDollarOffsetBand } from "../../src/effectiveness/dollar-offset.js";
import { HedgeError } from "../../src/errors.js";

describe("dollar-offset test, worked by hand", () => {
  it("hedge +$95,000 against item −$100,000 → 95%, pass", () => {
    // ratio = −(+95,000)/(−100,000) = 0.95, inside [0.80, 1.25]
    const r = dollarOffsetTest({ hedge: [95_000], item: [-100_000] });
    expect(r.cumulative).toBeCloseTo(0.95, 15);
    expect(r.pass).toBe(true);
    expect(r.byPeriod[0]).toMatchObject({ period: "1", hedge: 95_000, item: -100_000, pass: true });
  });

  it("hedge +$130,000 against item −$100,000 → 130%, fail", () => {
    const r = dollarOffsetTest({ hedge: [130_000], item: [-100_000] });
    expect(r.cumulative).toBeCloseTo(1.3, 15);
    expect(r.pass).toBe(false);
  });

  it("the boundaries 80% and 125% pass; just outside fails", () => {
    expect(dollarOffsetTest({ hedge: [80_000], item: [-100_000] }).pass).toBe(true); // 0.80
    expect(dollarOffsetTest({ hedge: [125_000], item: [-100_000] }).pass).toBe(true); // 1.25
    expect(dollarOffsetTest({ hedge: [79_999], item: [-100_000] }).pass).toBe(false); // 0.79999
    expect(dollarOffsetTest({ hedge: [125_001], item: [-100_000] }).pass).toBe(false); // 1.25001
    // A boundary reached through floating-point sums: 0.1 + 0.7 = 0.7999999999999999 against 1 → still 80%.
    expect(dollarOffsetTest({ hedge: [0.1, 0.7], item: [-0.5, -0.5] }).pass).toBe(true);
    // A loss on the hedge offsetting a gain on the item is the same ratio.
    expect(dollarOffsetTest({ hedge: [-80_000], item: [100_000] }).cumulative).toBeCloseTo(0.8, 15);
  });

  it("cumulative and per-period ratios over three months", () => {
    // month   hedge     item      period ratio              cumulative
    // 1      +50,000  −60,000   50/60  = 0.8333 pass        0.8333 pass
    // 2      +45,000  −40,000   45/40  = 1.125  pass        95/100 = 0.95 pass
    // 3      +30,000  −20,000   30/20  = 1.5    FAIL        125/120 = 1.0417 pass
    const r = dollarOffsetTest({
      hedge: [50_000, 45_000, 30_000],
      item: [-60_000, -40_000, -20_000],
      periods: ["2026-01", "2026-02", "2026-03"],
    });
    expect(r.byPeriod.map((p) => p.period)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(r.byPeriod[0]?.ratio).toBeCloseTo(50 / 60, 14);
    expect(r.byPeriod[1]?.ratio).toBeCloseTo(1.125, 14);
    expect(r.byPeriod[2]?.ratio).toBeCloseTo(1.5, 14);
    expect(r.byPeriod.map((p) => p.pass)).toEqual([true, true, false]);
    expect(r.byPeriod[1]?.cumulativeRatio).toBeCloseTo(0.95, 14);
    expect(r.byPeriod[2]?.cumulativeHedge).toBe(125_000);
    expect(r.byPeriod[2]?.cumulativeItem).toBe(-120_000);
    expect(r.cumulative).toBeCloseTo(125 / 120, 14);
    expect(r.pass).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it("warns when the cumulative denominator is tiny (|ΣΔitem| < 1% of Σ|ΔItem|)", () => {
    // Σitem = −100 + 99.5 = −0.5; Σ|item| = 199.5; 0.5/199.5 = 0.25% < 1% → warning. Ratio −(95 − 90)/(−0.5) = 10.
    const r = dollarOffsetTest({ hedge: [95, -90], item: [-100, 99.5] });
    expect(r.cumulative).toBeCloseTo(10, 12);
    expect(r.pass).toBe(false);
    expect(r.warnings.join(" ")).toMatch(/small-dollar/);
    // 0.25% is not "tiny" under a 0.1% threshold.
    expect(dollarOffsetTest({ hedge: [95, -90], item: [-100, 99.5] }, 0.001).warnings).toEqual([]);
  });

  it("flags tiny and zero period denominators", () => {
    // Mean |item| = (100 + 0.5 + 0 + 100)/4 = 50.125; 1% of it = 0.50125 > 0.5 → period 2 is tiny; period 3 is zero.
    const r = dollarOffsetTest({ hedge: [95, 3, 1, 98], item: [-100, -0.5, 0, -100] });
    expect(r.byPeriod[2]?.ratio).toBeNull();
    expect(r.byPeriod[2]?.pass).toBe(false);
    const text = r.warnings.join(" | ");
    expect(text).toMatch(/did not change in period\(s\) 3/);
    expect(text).toMatch(/tiny hedged-item change .* period\(s\) 2/);
  });

  it("helpers and input errors", () => {
    expect(offsetRatio(5, 0)).toBeNull();
    expect(Object.is(offsetRatio(0, -3), -0)).toBe(false);
    expect(withinDollarOffsetBand(null)).toBe(false);
    expect(() => dollarOffsetTest({ hedge: [1, 2], item: [1] })).toThrow(HedgeError);
    expect(() => dollarOffsetTest({ hedge: [], item: [] })).toThrow(/no periods/);
    expect(() => dollarOffsetTest({ hedge: [1], item: [Number.NaN] })).toThrow(/item\[0\]/);
    expect(() => dollarOffsetTest({ hedge: [1], item: [1], periods: ["a", "b"] })).toThrow(/period labels/);
  });
});
