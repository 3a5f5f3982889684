import { describe, expect, it } from "vitest";
import { quantile, quantileOfSorted } from "../../src/stats/quantile.js";

// The sample of FORECASTING.md test T15. Sorted: 1.2 2.3 3.1 4.4 5.0 5.5 6.6 7.4 8.7 9.8 (n = 10).
const sample = [3.1, 7.4, 1.2, 9.8, 5.5, 4.4, 6.6, 2.3, 8.7, 5.0];

describe("sample quantile, R type 7 (default)", () => {
  it("matches hand interpolation h = (n − 1)p + 1", () => {
    // p = 0.25: h = 9·0.25 + 1 = 3.25 → x₍₃₎ + 0.25(x₍₄₎ − x₍₃₎) = 3.1 + 0.25·1.3 = 3.425
    expect(quantile(sample, 0.25)).toBeCloseTo(3.425, 12);
    // p = 0.5: h = 5.5 → 5.0 + 0.5·0.5 = 5.25
    expect(quantile(sample, 0.5)).toBeCloseTo(5.25, 12);
    // p = 0.9: h = 9.1 → 8.7 + 0.1·1.1 = 8.81
    expect(quantile(sample, 0.9)).toBeCloseTo(8.81, 12);
    // end points are the extremes
    expect(quantile(sample, 0)).toBe(1.2);
    expect(quantile(sample, 1)).toBe(9.8);
  });

  it("does not reorder its input and rejects p outside [0, 1]", () => {
    const copy = [...sample];
    quantile(copy, 0.3);
    expect(copy).toEqual(sample);
    expect(quantile(sample, 1.5)).toBeNaN();
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantileOfSorted([4], 0.7)).toBe(4);
  });
});

describe("sample quantile, R type 8", () => {
  it("reproduces FORECASTING.md T15 (R's quantile(type = 8))", () => {
    const expected: [number, number][] = [
      [0.05, 1.2],
      [0.1, 1.603333],
      [0.25, 3.033333],
      [0.5, 5.25],
      [0.75, 7.508333],
      [0.9, 9.396667],
      [0.95, 9.8],
    ];
    for (const [p, q] of expected) expect(quantile(sample, p, 8)).toBeCloseTo(q, 6);
  });
});
