import { describe, expect, it } from "vitest";
import { meanAndVariance, riskFigures, tailRisk } from "../../src/scenarios/risk.js";
import { hedgeRatioSweep, sweepRatios } from "../../src/scenarios/sweep.js";

describe("risk figures", () => {
  it("on 1..20 by hand", () => {
    // mean 10.5; sample variance Σ(i − 10.5)²/19 = 665/19 = 35; P5: h = 0.95 → 1 + 0.95 = 1.95; P95 = 19.05;
    // CaR = 19.05 − 10.5 = 8.55; the worst 5% of 20 is ⌈1⌉ = 1 value: CVaR = 20.
    const r = riskFigures(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(r.mean).toBe(10.5);
    expect(r.sd).toBeCloseTo(Math.sqrt(35), 12);
    expect(r.p5).toBeCloseTo(1.95, 12);
    expect(r.p50).toBe(10.5);
    expect(r.p95).toBeCloseTo(19.05, 12);
    expect(r.p99).toBeCloseTo(19.81, 12); // h = 18.81
    expect(r.costAtRisk95).toBeCloseTo(8.55, 12);
    expect(r.cvar95).toBe(20);
  });

  it("CVaR averages the ⌈5%⌉ largest values", () => {
    // 1..100: the worst 5 are 96..100, mean 98.
    expect(riskFigures(Array.from({ length: 100 }, (_, i) => i + 1)).cvar95).toBe(98);
  });

  it("the tail at 90% on 1..20 by hand", () => {
    // P90: h = 19 · 0.9 = 17.1 → 18 + 0.1 · (19 − 18) = 18.1; CaR = 18.1 − 10.5 = 7.6; the worst 10% of 20 is
    // ⌈2⌉ = 2 values, 19 and 20: CVaR = 19.5.
    const t = tailRisk(
      Array.from({ length: 20 }, (_, i) => 20 - i),
      0.9,
    );
    expect(t.confidence).toBe(0.9);
    expect(t.quantile).toBeCloseTo(18.1, 12);
    expect(t.costAtRisk).toBeCloseTo(7.6, 12);
    expect(t.cvar).toBe(19.5);
    // 1..100 at 99%: P99 = 1 + 99 · 0.99 = 99.01, the worst ⌈1⌉ = 100.
    const u = tailRisk(
      Array.from({ length: 100 }, (_, i) => i + 1),
      0.99,
    );
    expect(u.quantile).toBeCloseTo(99.01, 12);
    expect(u.cvar).toBe(100);
  });

  it("the tail at 95% is the 95% figures, read off them or recomputed", () => {
    const xs = Array.from({ length: 37 }, (_, i) => ((i * 7919) % 37) * 1.5 + 3);
    const r = riskFigures(xs);
    const read = tailRisk(xs, 0.95, r);
    const computed = tailRisk(xs, 0.95);
    for (const t of [read, computed]) {
      expect(t.quantile).toBeCloseTo(r.p95, 9);
      expect(t.costAtRisk).toBeCloseTo(r.costAtRisk95, 9);
      expect(t.cvar).toBeCloseTo(r.cvar95, 9);
    }
  });

  it("two-pass variance survives a large offset", () => {
    // 1e9 + {1, 2, 3}: variance 1 exactly; the naive Σx² − n·x̄² formula loses it.
    expect(meanAndVariance([1e9 + 1, 1e9 + 2, 1e9 + 3]).variance).toBe(1);
  });
});

describe("hedge-ratio sweep", () => {
  it("is the quadratic in r with its minimum at Cov/Var", () => {
    // u = (2, 4, 6, 8), g = (1, 3, 2, 4): ū = 5, ḡ = 2.5; Var u = 20/3, Var g = 5/3, Cov = (−3·−1.5 + −1·0.5 + 1·−0.5 + 3·1.5)/3 = 8/3.
    // h* = (8/3)/(5/3) = 1.6 — beyond 150%, so the grid minimum is the edge 1.5. Var(1) = (20 − 16 + 5)/3 = 3.
    const s = hedgeRatioSweep(Float64Array.of(2, 4, 6, 8), Float64Array.of(1, 3, 2, 4));
    expect(s.minVarianceRatioExact).toBeCloseTo(1.6, 12);
    expect(s.minVarianceRatio).toBe(1.5);
    expect(s.points[100]!.sd).toBeCloseTo(Math.sqrt(3), 12);
    expect(s.points[100]!.mean).toBe(2.5); // 5 − 1·2.5
    expect(s.points).toHaveLength(151);
    expect(sweepRatios()[7]).toBe(0.07);
  });
});

describe("risk figures by selection", () => {
  it("equal the figures from a full sort, for several sizes, with and without ties", async () => {
    const { riskFiguresSelect, riskFiguresSorted } = await import("../../src/scenarios/risk.js");
    const { NormalStream } = await import("../../src/stats/ziggurat.js");
    const rng = new NormalStream(12);
    for (const n of [20, 64, 99, 1_000, 12_345, 100_000]) {
      for (const ties of [false, true]) {
        const xs = Float64Array.from({ length: n }, () => {
          const z = rng.normal();
          return ties ? Math.round(z * 4) + 0 : 1e6 + 1e5 * z; // + 0 turns −0 into 0
        });
        const copy = Float64Array.from(xs);
        const bySelect = riskFiguresSelect(xs);
        expect(xs).toEqual(copy); // input untouched
        const bySort = riskFiguresSorted(Float64Array.from(xs).sort());
        for (const k of ["p5", "p50", "p95", "p99"] as const) expect(bySelect[k]).toBe(bySort[k]);
        // Sums in a different order: equal to rounding.
        for (const k of ["cvar95", "mean", "sd"] as const)
          expect(Math.abs(bySelect[k] - bySort[k])).toBeLessThanOrEqual(1e-12 * Math.abs(bySort[k]) + 1e-12);
      }
    }
  });
});
