import { describe, expect, it } from "vitest";
import {
  medianOfSorted,
  quantile,
  quantileLowerSorted,
  quantileOfSorted,
  quantilesType8,
  quantileType7Sorted,
  quantileType8Sorted,
} from "../../src/stats/quantile.js";

// A worked sample (the known answers are R's quantile(type = 7) and quantile(type = 8)).
// Sorted: 1.2 2.3 3.1 4.4 5.0 5.5 6.6 7.4 8.7 9.8 (n = 10).
const sample = [3.1, 7.4, 1.2, 9.8, 5.5, 4.4, 6.6, 2.3, 8.7, 5.0];
const sorted = [1.2, 2.3, 3.1, 4.4, 5.0, 5.5, 6.6, 7.4, 8.7, 9.8];

describe("stats/quantile: Hyndman–Fan type 7 (default)", () => {
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
    expect(quantileType7Sorted(sorted, 0.25)).toBeCloseTo(3.425, 12);
    expect(quantileType7Sorted(sorted, 1)).toBe(9.8);
  });

  it("does not reorder its input and rejects p outside [0, 1]", () => {
    const copy = [...sample];
    quantile(copy, 0.3);
    expect(copy).toEqual(sample);
    expect(quantile(sample, 1.5)).toBeNaN();
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantileType7Sorted([], 0.5)).toBeNaN();
    expect(quantileType7Sorted(sorted, -0.1)).toBeNaN();
    expect(quantileOfSorted([4], 0.7)).toBe(4);
  });

  it("the 0-based arithmetic keeps the fraction exact where h₀ + 1 rounds (n = 2, p = 0.05: h₀ = 0.05)", () => {
    // x = [0, 1]: Q(0.05) = 0.05 exactly by h₀ = 0.05; adding 1 first gives 1.05 − 1 = 0.050000000000000044.
    expect(quantileType7Sorted([0, 1], 0.05)).toBe(0.05);
    expect(quantileOfSorted([0, 1], 0.05)).toBe(1.05 - 1);
  });
});

describe("stats/quantile: Hyndman–Fan type 8", () => {
  const expected: [number, number][] = [
    [0.05, 1.2],
    [0.1, 1.603333],
    [0.25, 3.033333],
    [0.5, 5.25],
    [0.75, 7.508333],
    [0.9, 9.396667],
    [0.95, 9.8],
  ];

  it("reproduces R's quantile(type = 8) on the worked sample", () => {
    for (const [p, q] of expected) expect(quantile(sample, p, 8)).toBeCloseTo(q, 6);
    const got = quantilesType8(
      sample,
      expected.map(([p]) => p),
    );
    got.forEach((q, i) => expect(q).toBeCloseTo(expected[i]![1], 6));
  });

  it("hand check: n = 10, p = 0.25 → h = (10 + 1/3)·0.25 + 1/3 = 2.91667, x(2) + 0.91667·(x(3) − x(2))", () => {
    expect(quantileType8Sorted(sorted, 0.25)).toBeCloseTo(2.3 + (2.75 / 3) * 0.8, 12);
    expect(quantileOfSorted(sorted, 0.25, 8)).toBe(quantileType8Sorted(sorted, 0.25));
  });

  it("clamps h to [1, n], is non-decreasing in p and does not modify its input", () => {
    expect(quantileType8Sorted(sorted, 0.01)).toBe(1.2);
    expect(quantileType8Sorted(sorted, 0.99)).toBe(9.8);
    expect(quantileType8Sorted(sorted, 1.01)).toBeNaN();
    const s = [5, 1, 4, 2, 3];
    const qs = quantilesType8(s, [0.01, 0.2, 0.4, 0.6, 0.8, 0.99]);
    for (let i = 1; i < qs.length; i++) expect(qs[i]!).toBeGreaterThanOrEqual(qs[i - 1]!);
    expect(s).toEqual([5, 1, 4, 2, 3]);
  });
});

describe("stats/quantile: the lower order statistic and the median", () => {
  it("lower: n = 10, p = 0.25 → ⌊9·0.25⌋ = 2 → x₍₂₎ (0-based) = 3.1; p = 0.995 → ⌊8.955⌋ = 8 → 8.7", () => {
    expect(quantileLowerSorted(sorted, 0.25)).toBe(3.1);
    expect(quantileLowerSorted(sorted, 0.995)).toBe(8.7);
    expect(quantileLowerSorted(sorted, 1)).toBe(9.8);
    expect(quantileLowerSorted([], 0.5)).toBeNaN();
  });

  it("median: odd n the middle value, even n the midpoint of the middle two (5.0 and 5.5 → 5.25)", () => {
    expect(medianOfSorted([1, 2, 7])).toBe(2);
    expect(medianOfSorted(sorted)).toBe(5.25);
    expect(medianOfSorted([])).toBeNaN();
  });
});
