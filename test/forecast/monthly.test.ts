import { describe, expect, it } from "vitest";
import { HedgeError } from "../../src/errors.js";
import { forecastMonthlyFromDaily, forecastSeries, monthlyTotals } from "../../src/forecast/index.js";
import { quantilesType8 as quantiles } from "../../src/stats/quantile.js";

describe("forecast/monthly: monthly totals from daily paths (docs/METHODOLOGY.md §2, sample paths)", () => {
  it("T18: totals [30, 30, 34, 32] → P50 31, P95 34, mean 31.5, whereas daily P95s sum to 37", () => {
    const paths = [Float64Array.of(10, 20), Float64Array.of(12, 18), Float64Array.of(9, 25), Float64Array.of(11, 21)];
    const totals = monthlyTotals(paths, [0, 0], 1).map((t) => t[0]!);
    expect(totals).toEqual([30, 30, 34, 32]);
    const [p50, p95] = quantiles(totals, [0.5, 0.95]);
    expect(p50).toBeCloseTo(31, 12);
    expect(p95).toBeCloseTo(34, 12);
    expect(totals.reduce((a, b) => a + b, 0) / 4).toBe(31.5);
    const daily95 = quantiles([10, 12, 9, 11], [0.95])[0]! + quantiles([20, 18, 25, 21], [0.95])[0]!;
    expect(daily95).toBeCloseTo(37, 12);
  });

  it("T18 second case: day 2 = [25, 18, 20, 21] → totals [35, 30, 29, 32], P50 31, P95 35", () => {
    const paths = [Float64Array.of(10, 25), Float64Array.of(12, 18), Float64Array.of(9, 20), Float64Array.of(11, 21)];
    const totals = monthlyTotals(paths, [0, 0], 1).map((t) => t[0]!);
    expect(totals).toEqual([35, 30, 29, 32]);
    const [p50, p95] = quantiles(totals, [0.5, 0.95]);
    expect(p50).toBeCloseTo(31, 12);
    expect(p95).toBeCloseTo(35, 12);
  });

  it("adds the observed part of a partly observed month", () => {
    const totals = monthlyTotals([Float64Array.of(1, 2, 3)], [0, 1, 1], 2, [100]);
    expect(Array.from(totals[0]!)).toEqual([101, 5]);
  });
});

describe("forecastMonthlyFromDaily", () => {
  const weekly = [1.0, 1.05, 1.1, 1.08, 1.02, 0.6, 0.55];
  // 2026-01-01 … 2026-03-15: 74 days, so March is partly observed (15 days).
  const values = Array.from({ length: 74 }, (_, d) =>
    Math.round(1000 * 1.005 ** d * weekly[d % 7]! * (1 + (((37 * d) % 11) - 5) / 100)),
  );
  const series = { granularity: "day" as const, start: "2026-01-01", values };

  it("starts with the partly observed month and counts its observed days", () => {
    const r = forecastMonthlyFromDaily(series, 3, { paths: 1000, seed: 3 });
    expect(r.points.map((p) => p.period)).toEqual(["2026-03", "2026-04", "2026-05"]);
    expect(r.partialMonth?.month).toBe("2026-03");
    expect(r.partialMonth?.observedDays).toBe(15);
    const observedMarch = values.slice(59).reduce((a, b) => a + b, 0);
    expect(r.partialMonth?.observedTotal).toBe(observedMarch);
    expect(r.paths).toHaveLength(1000);
    expect(r.paths[0]).toHaveLength(3);
    for (const path of r.paths) expect(path[0]!).toBeGreaterThan(observedMarch);
    // The daily model (AICc ETS) knows its means exactly: April's mean is the sum of its 30 daily means, the same
    // as the daily forecast's own points (16 March days remain, so April is steps 17–46), and the path totals'
    // mean agrees with it up to Monte Carlo error.
    const daily = forecastSeries(series, { horizon: 46, paths: 1000, seed: 3 });
    const april = daily.points.slice(16, 46).reduce((s, p) => s + p.mean, 0);
    expect(r.points[1]!.mean).toBeCloseTo(april, 6);
    const pathMean = r.paths.reduce((s, p) => s + p[1]!, 0) / r.paths.length;
    expect(Math.abs(pathMean / april - 1)).toBeLessThan(0.01);
    const q = r.points[1]!.quantiles;
    expect(q.p5).toBeLessThan(q.p50);
    expect(q.p50).toBeLessThan(q.p95);
    // April has 30 days of roughly 1000·1.005^d·0.914 tokens: the total is in the tens of thousands.
    expect(r.points[1]!.mean).toBeGreaterThan(30 * 900);
    expect(r.points[1]!.mean).toBeLessThan(30 * 2000);
  });

  it("starts with the next month when the data end on a month's last day, and is reproducible", () => {
    const full = { ...series, values: values.slice(0, 59) }; // to 2026-02-28
    const a = forecastMonthlyFromDaily(full, 2, { paths: 500, seed: 1 });
    const b = forecastMonthlyFromDaily(full, 2, { paths: 500, seed: 1 });
    expect(a.points.map((p) => p.period)).toEqual(["2026-03", "2026-04"]);
    expect(a.partialMonth).toBeUndefined();
    expect(a.paths).toEqual(b.paths);
  });

  it("rejects monthly input and bad month counts", () => {
    expect(() => forecastMonthlyFromDaily({ granularity: "month", start: "2026-01", values: [1, 2, 3, 4] }, 2)).toThrow(
      HedgeError,
    );
    expect(() => forecastMonthlyFromDaily(series, 0)).toThrow(HedgeError);
  });
});
