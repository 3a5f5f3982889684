/**
 * A forecast reports its progress (for the CLI's progress display): the model selection once, then the sample paths
 * and their quantiles; the monthly totals of a daily forecast reuse the fitted model (no second selection) and report
 * their own paths. Progress changes nothing in the result.
 */
import { describe, expect, it } from "vitest";
import { forecastSeries, monthlyFromForecast, type ForecastProgress } from "../../src/forecast/index.js";

const weekly = [1.0, 1.05, 1.1, 1.08, 1.02, 0.6, 0.55];
// 2026-01-01 … 2026-03-15: 74 days (March partly observed).
const values = Array.from({ length: 74 }, (_, d) =>
  Math.round(1000 * 1.005 ** d * weekly[d % 7]! * (1 + (((37 * d) % 11) - 5) / 100)),
);
const series = { granularity: "day" as const, start: "2026-01-01", values };
// A multiplicative ETS (the candidate list restricted to ETS, which picks a multiplicative one on this series) has no
// closed-form intervals: its quantiles come from sample paths.
const options = { horizon: 30, paths: 3000, seed: 7, models: ["ETS(M,N,M)"] as string[] };

describe("forecast progress", () => {
  it("selects once, then reports 3000 paths in steps of 1024 and the quantiles of 30 days", () => {
    const events: ForecastProgress[] = [];
    const result = forecastSeries(series, { ...options, onProgress: (p) => events.push({ ...p }) });
    expect(result.model).toMatch(/^ETS\(M,/);
    expect(events.filter((e) => e.stage === "select")).toEqual([{ stage: "select", done: 1, total: 1 }]);
    expect(events[0]!.stage).toBe("select");
    expect(events.filter((e) => e.stage === "paths").map((e) => e.done)).toEqual([1024, 2048, 3000]);
    const q = events.filter((e) => e.stage === "quantiles");
    expect(q).toHaveLength(30);
    expect(q.at(-1)).toEqual({ stage: "quantiles", done: 30, total: 30 });
  });

  it("the monthly totals report their paths and months, and select no model again", () => {
    const result = forecastSeries(series, options);
    const events: ForecastProgress[] = [];
    const monthly = monthlyFromForecast(series, result, 2, 3000, (p) => events.push({ ...p }));
    expect(events.some((e) => e.stage === "select")).toBe(false);
    expect(events.filter((e) => e.stage === "paths").at(-1)).toEqual({ stage: "paths", done: 3000, total: 3000 });
    expect(events.filter((e) => e.stage === "quantiles").map((e) => e.done)).toEqual([1, 2]);
    expect(monthly.model).toBe(result.model);
  });

  it("changes nothing in the forecast", () => {
    const plain = forecastSeries(series, options);
    const watched = forecastSeries(series, { ...options, onProgress: () => undefined });
    expect(watched.points).toEqual(plain.points);
    expect(monthlyFromForecast(series, watched, 2, 3000, () => undefined).points).toEqual(
      monthlyFromForecast(series, plain, 2, 3000).points,
    );
  });
});
