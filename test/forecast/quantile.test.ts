import { describe, expect, it } from "vitest";
import { quantiles, quantileSorted } from "../../src/forecast/quantile.js";

describe("type-8 quantiles (Hyndman & Fan 1996)", () => {
  it("matches R quantile(type = 8) on FORECASTING.md T15", () => {
    const sample = [3.1, 7.4, 1.2, 9.8, 5.5, 4.4, 6.6, 2.3, 8.7, 5.0];
    const got = quantiles(sample, [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]);
    const want = [1.2, 1.603333, 3.033333, 5.25, 7.508333, 9.396667, 9.8];
    got.forEach((q, i) => expect(q).toBeCloseTo(want[i]!, 5));
  });

  it("hand check: n = 10, p = 0.25 → r = (10 + 1/3)·0.25 + 1/3 = 2.91667, x(2) + 0.91667·(x(3) − x(2))", () => {
    const sorted = [1.2, 2.3, 3.1, 4.4, 5.0, 5.5, 6.6, 7.4, 8.7, 9.8];
    expect(quantileSorted(sorted, 0.25)).toBeCloseTo(2.3 + (2.75 / 3) * 0.8, 12);
  });

  it("is non-decreasing in p and does not modify its input", () => {
    const sample = [5, 1, 4, 2, 3];
    const qs = quantiles(sample, [0.01, 0.2, 0.4, 0.6, 0.8, 0.99]);
    for (let i = 1; i < qs.length; i++) expect(qs[i]!).toBeGreaterThanOrEqual(qs[i - 1]!);
    expect(sample).toEqual([5, 1, 4, 2, 3]);
  });
});
