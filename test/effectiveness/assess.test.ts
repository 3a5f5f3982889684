import { describe, expect, it } from "vitest";
import { assessEffectiveness } from "../../src/effectiveness/assess.js";
import { valueChangesFromPriceChanges } from "../../src/effectiveness/value-changes.js";

describe("value changes from price changes (long hedge of a purchase)", () => {
  it("hedge = N·Q_F·ΔF, item = −Q_A·ΔS, worked by hand", () => {
    // N = 9 contracts of 1,000 Mtok, exposure 12,400 Mtok (the worked month of docs/METHODOLOGY.md §5), prices in USD/Mtok.
    // ΔF = +0.10, −0.05 → hedge 9 × 1,000 × 0.10 = 900, 9 × 1,000 × (−0.05) = −450
    // ΔS = +0.12, −0.04 → item −12,400 × 0.12 = −1,488, −12,400 × (−0.04) = +496
    const v = valueChangesFromPriceChanges({
      futuresChanges: [0.1, -0.05],
      spotChanges: [0.12, -0.04],
      contracts: 9,
      contractSize: 1_000,
      exposureQuantity: 12_400,
    });
    expect(v.hedge[0]).toBeCloseTo(900, 10);
    expect(v.hedge[1]).toBeCloseTo(-450, 10);
    expect(v.item[0]).toBeCloseTo(-1_488, 10);
    expect(v.item[1]).toBeCloseTo(496, 10);
  });

  it("quantities in tokens with prices per Mtok: quoteUnitSize 1e6 gives the same dollars", () => {
    const v = valueChangesFromPriceChanges({
      futuresChanges: [0.1],
      spotChanges: [0.12],
      contracts: 9,
      contractSize: 1_000_000_000,
      exposureQuantity: 12_400_000_000,
      quoteUnitSize: 1e6,
    });
    expect(v.hedge[0]).toBeCloseTo(900, 9);
    expect(v.item[0]).toBeCloseTo(-1_488, 9);
  });

  it("rejects mismatched series and non-positive sizes", () => {
    const base = { futuresChanges: [0.1], spotChanges: [0.1], contracts: 1, contractSize: 1, exposureQuantity: 1 };
    expect(() => valueChangesFromPriceChanges({ ...base, spotChanges: [0.1, 0.2] })).toThrow(/differ in length/);
    expect(() => valueChangesFromPriceChanges({ ...base, contractSize: 0 })).toThrow(/contractSize/);
  });
});

describe("assessEffectiveness", () => {
  it("combines the three tests on one relationship (numbers from the worked examples)", () => {
    // item = −10, −5, 0, 5, 10 (thousands); hedge = 9, 5, 1, −4, −11.
    // Dollar offset: Σhedge = 0, Σitem = 0 → cumulative ratio undefined (null), fail, warning.
    // Period 3: item 0 → no ratio. Regression (see regression-test.test.ts): slope −0.98, pass.
    const r = assessEffectiveness({ hedge: [9, 5, 1, -4, -11], item: [-10, -5, 0, 5, 10] });
    expect(r.dollarOffset.cumulative).toBeNull();
    expect(r.dollarOffset.pass).toBe(false);
    expect(r.regression?.slope).toBeCloseTo(-0.98, 14);
    expect(r.regression?.pass).toBe(true);
    expect(r.reserve).toBe(0);
    expect(r.ineffectiveness).toBe(0);
    expect(r.warnings.join(" ")).toMatch(/cumulative change is zero/);
  });

  it("over-hedged three months: dollar offset passes, reserve capped at the item, ineffectiveness to P&L", () => {
    // hedge 50,000 + 45,000 + 30,000 = 125,000; item −60,000 − 40,000 − 20,000 = −120,000.
    // cumulative ratio 125/120 = 1.0417 pass; reserve = lower of 125,000 and 120,000 = 120,000; ineffectiveness 5,000.
    const r = assessEffectiveness(
      { hedge: [50_000, 45_000, 30_000], item: [-60_000, -40_000, -20_000] },
      { direction: "item-on-hedge" },
    );
    expect(r.dollarOffset.cumulative).toBeCloseTo(125 / 120, 14);
    expect(r.dollarOffset.pass).toBe(true);
    expect(r.dollarOffset.byPeriod).toHaveLength(3);
    expect(r.reserve).toBe(120_000);
    expect(r.ineffectiveness).toBe(5_000);
    expect(r.regression?.direction).toBe("item-on-hedge");
    // item on hedge: x = 50, 45, 30 (thousands), y = −60, −40, −20; x̄ = 41.667, ȳ = −40;
    // Sxx = 69.444 + 11.111 + 136.111 = 216.667; Sxy = 8.333·(−20) + 3.333·0 + (−11.667)(20) = −400 → slope −1.846
    expect(r.regression?.slope).toBeCloseTo(-400 / (650 / 3), 10);
    expect(r.regression?.pass).toBe(false);
  });

  it("too few periods for a regression: null with a reason, the other tests still run", () => {
    const r = assessEffectiveness({ hedge: [95_000], item: [-100_000] });
    expect(r.regression).toBeNull();
    expect(r.dollarOffset.pass).toBe(true);
    expect(r.reserve).toBe(95_000);
    expect(r.ineffectiveness).toBe(0);
    expect(r.warnings.join(" ")).toMatch(/at least 3 periods/);
  });

  it("warns when the hedge moved with the item instead of against it", () => {
    const r = assessEffectiveness({ hedge: [10, 20, 30], item: [12, 18, 33] });
    expect(r.dollarOffset.pass).toBe(false);
    expect(r.warnings.join(" ")).toMatch(/same direction/);
  });

  it("output is JSON-safe (no Infinity, NaN or −0)", () => {
    const r = assessEffectiveness({ hedge: [5, 10, 15], item: [-5, -10, -15] });
    expect(r.regression?.fStatistic).toBeNull(); // perfect fit
    const json = JSON.stringify(r);
    expect(JSON.parse(json)).toEqual(r);
  });
});
