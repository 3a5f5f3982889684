import { describe, expect, it } from "vitest";
import { backtest, forecastWithBacktest, type TimeSeries } from "../../src/forecast/index.js";

// A positive daily series with a weekly pattern and a slow trend: 98 days → origins at 42…91 of which 56, 63, …, 91
// (6 ≥ 3) have 56 training days, so the daily default chooses by backtest.
const daily: TimeSeries = {
  granularity: "day",
  start: "2025-01-01",
  values: Array.from({ length: 98 }, (_, t) => 1000 + 3 * t + [0, 40, 60, 50, 30, -80, -100][t % 7]! + ((t * 37) % 11)),
};
// 30 months of growth with a yearly pattern: the monthly default (evidence) runs the backtest too.
const monthly: TimeSeries = {
  granularity: "month",
  start: "2023-01",
  values: Array.from(
    { length: 30 },
    (_, t) => 100 * Math.pow(1.03, t) * (1 + 0.1 * Math.sin((2 * Math.PI * t) / 12)) + ((t * 13) % 5),
  ),
};

describe("forecast/forecast-backtest: forecast --backtest reuses the selection's backtest", () => {
  for (const [label, series] of [
    ["daily", daily],
    ["monthly", monthly],
  ] as const) {
    it(`${label}: the default selection's run is reused and the report is the one backtest() prints`, () => {
      const both = forecastWithBacktest(series, { horizon: 14, seed: 42 }, { seed: 42 });
      expect(both.reused).toBe(true);
      expect(both.backtest).toEqual(backtest(series, { seed: 42 }));
    });
  }

  it("a selection that runs no backtest (AICc), or another seed, falls back to backtest()", () => {
    const aicc = forecastWithBacktest(daily, { horizon: 14, seed: 42, select: "aicc" }, { seed: 42 });
    expect(aicc.reused).toBe(false);
    expect(aicc.backtest).toEqual(backtest(daily, { seed: 42 }));
    const seeds = forecastWithBacktest(daily, { horizon: 14, seed: 42 }, { seed: 7 });
    expect(seeds.reused).toBe(false);
    expect(seeds.backtest).toEqual(backtest(daily, { seed: 7 }));
  });

  it("with a model list the selection scored other candidates than the report's (the defaults): run again", () => {
    const both = forecastWithBacktest(daily, { horizon: 14, seed: 42, models: ["drift", "theta"] }, { seed: 42 });
    expect(both.reused).toBe(false);
    expect(both.backtest).toEqual(backtest(daily, { seed: 42 }));
  });
});
