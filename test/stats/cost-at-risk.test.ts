import { describe, expect, it } from "vitest";
import { deltaNormalCostAtRisk, empiricalCaR, parametricCaR } from "../../src/stats/cost-at-risk.js";
import { quantileType1Sorted } from "../../src/stats/quantile.js";

describe("stats/cost-at-risk: delta-normal CaR = z·σ", () => {
  it("the textbook case: mean 10m, sd 3m, 95% → 1.644854 × 3m = 4.934561m (≈ 4.93m), P95 cost 14.93m", () => {
    expect(deltaNormalCostAtRisk(3e6, 0.95)).toBeCloseTo(4_934_561, -1);
    expect(deltaNormalCostAtRisk(3e6, 0.99) / 3e6).toBeCloseTo(2.326348, 5);
    const r = parametricCaR(10_000_000, 3_000_000, 0.95);
    expect(r.z).toBeCloseTo(1.644854, 6);
    expect(r.costAtRisk).toBe(deltaNormalCostAtRisk(3_000_000, 0.95));
    expect(r.quantile).toBeCloseTo(14_934_561, 0);
  });

  it("rejects a level outside (0, 1) and a negative σ", () => {
    expect(() => parametricCaR(0, 1, 1)).toThrow(RangeError);
    expect(() => parametricCaR(0, -1, 0.95)).toThrow(RangeError);
  });
});

describe("stats/cost-at-risk: empirical CaR (type-1 quantile − mean)", () => {
  it("costs 1..20, 95%: ⌈0.95·20⌉ = 19th smallest = 19; mean 10.5 → CaR 8.5", () => {
    const costs = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(empiricalCaR(costs, 0.95)).toBe(8.5);
    expect(quantileType1Sorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileType1Sorted([1, 2, 3, 4], 0.26)).toBe(2); // ⌈1.04⌉ = 2
    expect(quantileType1Sorted([1, 2, 3, 4], 1)).toBe(4);
  });
});
