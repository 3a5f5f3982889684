import { describe, expect, it } from "vitest";
import { runBacktest, rollingOrigins } from "../../src/forecast/backtest.js";
import { DRIFT, NAIVE } from "../../src/forecast/candidates.js";
import { backtest } from "../../src/forecast/index.js";

describe("forecast/backtest: rolling-origin evaluation (Tashman 2000; docs/METHODOLOGY.md §2)", () => {
  it("plans monthly origins at each of the last 6 months with ≥ 12 training months", () => {
    expect(rollingOrigins(24, { horizon: 3, step: 1, count: 6, minTrain: 12 }).origins).toEqual([
      18, 19, 20, 21, 22, 23,
    ]);
    expect(rollingOrigins(15, { horizon: 3, step: 1, count: 6, minTrain: 12 }).origins).toEqual([12, 13, 14]);
    expect(rollingOrigins(84, { horizon: 28, step: 7, count: 12, minTrain: 56 }).origins).toEqual([56, 63, 70, 77]);
  });

  it("scores the naive model by hand on a tiny series", () => {
    // y = 1, 2, 4, 7 ; origins 2 and 3, horizon 2.
    // origin 2 (train 1, 2): forecasts 2, 2 vs 4, 7 → |e| = 2, 5; Q = |2 − 1| = 1 → scaled 2, 5
    // origin 3 (train 1, 2, 4): forecast 4 vs 7 → |e| = 3; Q = (1 + 2)/2 = 1.5 → scaled 2
    // MAE = 10/3, MASE = 9/3 = 3; sMAPE = 200/3·(2/6 + 5/9 + 3/11)
    const run = runBacktest(Float64Array.of(1, 2, 4, 7), [NAIVE], { m: 12 }, { horizon: 2, origins: [2, 3] }, 1);
    const s = run.scores[0]!;
    expect(s.points).toBe(3);
    expect(s.mae).toBeCloseTo(10 / 3, 12);
    expect(s.mase).toBeCloseTo(3, 12);
    expect(s.smape).toBeCloseTo((200 / 3) * (2 / 6 + 5 / 9 + 3 / 11), 10);
    expect(s.mape).toBeCloseTo((100 / 3) * (2 / 4 + 5 / 7 + 3 / 7), 10);
  });

  it("drift forecasts a straight line with zero error and its zero-width intervals cover it", () => {
    const y = Float64Array.from({ length: 20 }, (_, t) => 5 + 2 * t);
    const run = runBacktest(
      y,
      [DRIFT],
      { m: 12 },
      rollingOrigins(20, { horizon: 3, step: 1, count: 6, minTrain: 12 }),
      1,
    );
    expect(run.scores[0]!.mae).toBeCloseTo(0, 9);
    expect(run.scores[0]!.coverage95).toBe(1);
  });

  it("backtest() always includes the naive benchmark and names the origins", () => {
    const values = Array.from({ length: 20 }, (_, t) => 100 + 5 * t + (t % 3));
    const report = backtest({ granularity: "month", start: "2024-01", values }, { models: ["drift"] });
    expect(report.scores.map((s) => s.model)).toEqual(["naive", "drift"]);
    // Monthly default: origins at each of the last 12 months with at least 12 months of training, so after 12 … 19
    // months: training ends 2024-12 … 2025-07.
    expect(report.origins).toEqual([
      "2024-12",
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
    ]);
    expect(report.horizon).toBe(12);
    for (const s of report.scores) {
      expect(s.coverage80).toBeGreaterThanOrEqual(0);
      expect(s.coverage95).toBeLessThanOrEqual(1);
      // Forecasts are cut at the end of the data: step k is scored from the 8 − k + 1 origins that reach it.
      expect(s.byHorizon.map((h) => h.points)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
      expect(s.byHorizon.reduce((a, h) => a + h.points, 0)).toBe(s.points);
    }
  });
});
