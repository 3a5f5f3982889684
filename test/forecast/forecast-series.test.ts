import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HedgeError } from "../../src/errors.js";
import { forecastSeries, type TimeSeries } from "../../src/forecast/index.js";

const monthly = (values: number[], start = "2024-01"): TimeSeries => ({ granularity: "month", start, values });

describe("forecastSeries (step-1 behaviour)", () => {
  it("forecasts a linear series exactly with the drift model", () => {
    // y_t = 100 + 7t: drift has zero holdout error, so it wins; d = 7 and the residual σ̂ is 0.
    const values = Array.from({ length: 20 }, (_, t) => 100 + 7 * (t + 1));
    const r = forecastSeries(monthly(values), { horizon: 4, select: "holdout" });
    expect(r.model).toBe("drift");
    expect(r.points.map((p) => p.period)).toEqual(["2025-09", "2025-10", "2025-11", "2025-12"]);
    r.points.forEach((p, h) => {
      expect(p.mean).toBeCloseTo(240 + 7 * (h + 1), 9);
      expect(p.hi95 - p.lo95).toBeCloseTo(0, 9);
    });
    expect(r.candidates.find((c) => c.chosen)?.model).toBe("drift");
  });

  it("repeats the last season with the seasonal naive model when the pattern repeats exactly", () => {
    const season = [50, 40, 60, 80, 70, 90, 100, 95, 85, 75, 65, 120];
    const values = [...season, ...season, ...season];
    const r = forecastSeries(monthly(values), { horizon: 14, select: "holdout" });
    expect(r.model).toBe("seasonal-naive");
    expect(r.points.map((p) => p.mean)).toEqual([...season, 50, 40]);
  });

  it("by default combines the candidates whose backtest MASE is at most twice the best, weighted by 1/MASE", () => {
    // 20 months: 8 rolling origins (training 12 … 19 months), enough for the evidence rule.
    const values = Array.from({ length: 20 }, (_, t) => 100 + 7 * (t + 1) + (t % 4));
    const r = forecastSeries(monthly(values), { horizon: 4 });
    expect(r.selection).toBe("evidence");
    expect(r.candidates.length).toBeGreaterThan(3);
    const mase = new Map(r.candidates.map((c) => [c.model, c.mase!]));
    const best = Math.min(...mase.values());
    const used = Object.keys(r.weights);
    // Exactly the candidates within 2× the best are used, and they are the ones marked chosen.
    expect(used.sort()).toEqual(
      [...mase.entries()]
        .filter(([, v]) => v <= 2 * best)
        .map(([k]) => k)
        .sort(),
    );
    expect(
      r.candidates
        .filter((c) => c.chosen)
        .map((c) => c.model)
        .sort(),
    ).toEqual(used.sort());
    // Weights ∝ 1/MASE and sum to 1: w_a / w_b = MASE_b / MASE_a.
    expect(Object.values(r.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const [a, b] = used;
    if (a && b) expect(r.weights[a]! / r.weights[b]!).toBeCloseTo(mase.get(b)! / mase.get(a)!, 12);
    expect(r.rule).toContain("at most 2× the best");
  });

  it("falls back to the equal-weight combination when the backtest has fewer than three origins", () => {
    // 14 months: origins after 12 and 13 months only.
    const values = Array.from({ length: 14 }, (_, t) => 100 + 7 * (t + 1) + (t % 4));
    const r = forecastSeries(monthly(values), { horizon: 4 });
    expect(r.model).toBe("combination");
    expect(r.selection).toBe("combination");
    expect(r.weights).toEqual({ combination: 1 });
    expect(r.rule).toContain("2 rolling origin(s) are too few");
  });

  it("has intervals that widen with the horizon and quantiles in order", () => {
    const values = [20, 22, 21, 25, 27, 26, 30, 33, 31, 35, 38, 37, 41, 44, 43, 47];
    const r = forecastSeries(monthly(values), { horizon: 8 });
    for (let h = 1; h < r.points.length; h++) {
      const prev = r.points[h - 1]!;
      const cur = r.points[h]!;
      expect(cur.hi95 - cur.lo95).toBeGreaterThan(prev.hi95 - prev.lo95);
      expect(cur.hi80 - cur.lo80).toBeGreaterThan(prev.hi80 - prev.lo80);
    }
    for (const p of r.points) {
      const q = p.quantiles;
      const seq = [p.lo95, q.p5, q.p10, q.p25, q.p50, q.p75, q.p90, q.p95, p.hi95];
      for (let i = 1; i < seq.length; i++) expect(seq[i]!).toBeGreaterThanOrEqual(seq[i - 1]!);
      expect(p.lo80).toBe(q.p10);
      expect(p.hi80).toBe(q.p90);
    }
  });

  it("gives identical sample paths for the same seed and different ones for another seed", () => {
    const values = [20, 22, 21, 25, 27, 26, 30, 33, 31, 35, 38, 37];
    const r = forecastSeries(monthly(values), { horizon: 6, seed: 9 });
    const a = r.samplePaths(50);
    const b = r.samplePaths(50);
    const c = r.samplePaths(50, 10);
    expect(a).toHaveLength(50);
    expect(a[0]).toHaveLength(6);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const again = forecastSeries(monthly(values), { horizon: 6, seed: 9 }).samplePaths(50);
    expect(again).toEqual(a);
  });

  it("sample paths agree with the analytic intervals (mean and 80% coverage within Monte-Carlo error)", () => {
    const values = [20, 22, 21, 25, 27, 26, 30, 33, 31, 35, 38, 37, 41, 44, 43, 47];
    const r = forecastSeries(monthly(values), { horizon: 3 });
    const paths = r.samplePaths(4000);
    const last = r.points[2]!;
    const sims = paths.map((p) => p[2]!);
    const inside = sims.filter((v) => v >= last.lo80 && v <= last.hi80).length / sims.length;
    expect(Math.abs(inside - 0.8)).toBeLessThan(0.035); // s.e. √(0.16/4000) ≈ 0.0063
  });

  it("forecasts a constant series as that constant (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 4, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (level, n, horizon) => {
          const r = forecastSeries(monthly(new Array<number>(n).fill(level)), { horizon });
          expect(r.points).toHaveLength(horizon);
          for (const p of r.points) {
            expect(p.mean).toBe(level);
            expect(p.lo95).toBe(level);
            expect(p.hi95).toBe(level);
            expect(p.quantiles.p50).toBe(level);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("never reports negative usage: bounds of a falling series are clamped at 0", () => {
    const values = [100, 80, 65, 50, 38, 25, 15, 8];
    const r = forecastSeries(monthly(values), { horizon: 6, models: ["drift"] });
    for (const p of r.points) {
      expect(p.lo95).toBeGreaterThanOrEqual(0);
      expect(p.mean).toBeGreaterThanOrEqual(0);
    }
    expect(r.points.at(-1)!.lo95).toBe(0);
    for (const path of r.samplePaths(100)) for (const v of path) expect(v).toBeGreaterThanOrEqual(0);
  });

  it("labels daily forecasts by day", () => {
    const values = Array.from({ length: 30 }, (_, d) => 1000 + 10 * d + (d % 7 === 5 ? -300 : 0));
    const r = forecastSeries({ granularity: "day", start: "2026-01-15", values }, { horizon: 3 });
    expect(r.points.map((p) => p.period)).toEqual(["2026-02-14", "2026-02-15", "2026-02-16"]);
  });

  it("rejects short and invalid series with typed errors", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof HedgeError ? e.code : "other";
      }
      return "none";
    };
    expect(code(() => forecastSeries(monthly([1, 2, 3]), { horizon: 2 }))).toBe("SERIES_TOO_SHORT");
    expect(code(() => forecastSeries(monthly([1, 2, Number.NaN, 4]), { horizon: 2 }))).toBe("INPUT_INVALID");
    expect(code(() => forecastSeries(monthly([1, 2, -3, 4]), { horizon: 2 }))).toBe("INPUT_INVALID");
    expect(code(() => forecastSeries(monthly([1, 2, 3, 4], "2024-13"), { horizon: 2 }))).toBe("INPUT_INVALID");
    expect(code(() => forecastSeries(monthly([1, 2, 3, 4]), { horizon: 0 }))).toBe("USAGE");
    expect(code(() => forecastSeries(monthly([1, 2, 3, 4]), { horizon: 2, models: ["arima"] }))).toBe("USAGE");
  });

  it("warns when a candidate cannot be fitted on a short series", () => {
    const r = forecastSeries(monthly([10, 12, 13, 15, 18, 19]), { horizon: 2 });
    expect(r.warnings.some((w) => w.startsWith("holt-damped"))).toBe(true);
    expect(r.candidates.map((c) => c.model)).not.toContain("holt-damped");
    expect(r.candidates.map((c) => c.model)).toContain("drift");
  });
});
