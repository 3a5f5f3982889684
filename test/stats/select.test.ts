import { describe, expect, it } from "vitest";
import { quantileType7Sorted as quantileSorted } from "../../src/stats/quantile.js";
import { quantileOfCombination, quantileSelect, selectKth, selectScratch } from "../../src/stats/select.js";
import { NormalStream } from "../../src/stats/ziggurat.js";

describe("stats/select: selection and type-7 quantiles", () => {
  it("type 7 on a worked example", () => {
    // 1..20: h = 19·0.95 = 18.05 → x₍₁₈₎ + 0.05·(x₍₁₉₎ − x₍₁₈₎) = 19 + 0.05 = 19.05 (0-based order statistics).
    const xs = Float64Array.from({ length: 20 }, (_, i) => i + 1);
    expect(quantileSorted(xs, 0.95)).toBeCloseTo(19.05, 12);
    expect(quantileSorted(xs, 0.5)).toBe(10.5);
    expect(quantileSorted(xs, 0)).toBe(1);
    expect(quantileSorted(xs, 1)).toBe(20);
    expect(quantileSelect(Float64Array.from(xs).reverse(), 0.95)).toBeCloseTo(19.05, 12);
  });

  it("quickselect finds every order statistic of arrays with ties", () => {
    const rng = new NormalStream(5);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const base = Float64Array.from({ length: n }, () => Math.round(rng.normal() * 3)); // many ties
      const sorted = Float64Array.from(base).sort();
      for (const k of [0, Math.floor(n / 3), n - 1]) {
        const a = Float64Array.from(base);
        expect(selectKth(a, k)).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(a[i]!).toBeLessThanOrEqual(a[k]!);
        for (let i = k + 1; i < n; i++) expect(a[i]!).toBeGreaterThanOrEqual(a[k]!);
      }
    }
  });

  it("the bracketed quantile of U − r·G equals the quantile of the fully sorted values", () => {
    const rng = new NormalStream(6);
    for (const n of [50, 4_096, 30_001]) {
      const u = Float64Array.from({ length: n }, () => 100 + 10 * rng.normal());
      const g = Float64Array.from(u, (x) => x - 100 + 3 * rng.normal());
      const scratch = selectScratch(n);
      for (const r of [0, 0.37, 1, 1.5]) {
        for (const p of [0.05, 0.5, 0.95, 0.99]) {
          const sorted = Float64Array.from(u, (x, i) => x - r * g[i]!).sort();
          expect(quantileOfCombination(u, g, r, p, scratch)).toBe(quantileSorted(sorted, p));
        }
      }
    }
  });

  it("stays exact when every value is the same (the bracket cannot split them)", () => {
    const n = 10_000;
    const u = new Float64Array(n).fill(7);
    const g = new Float64Array(n).fill(2);
    expect(quantileOfCombination(u, g, 0.5, 0.95, selectScratch(n))).toBe(6);
  });
});
