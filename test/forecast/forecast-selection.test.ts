import { describe, expect, it } from "vitest";
import { forecastSeries } from "../../src/forecast/index.js";
import { defaultSelection } from "../../src/forecast/forecast-series.js";
import datasets from "./data/r-datasets.json" with { type: "json" };

describe("forecast/forecast-series: model selection (docs/METHODOLOGY.md §2)", () => {
  it('select "aicc" reproduces R ets() on USAccDeaths and lists every ETS candidate with its AICc', () => {
    const r = forecastSeries(
      { granularity: "month", start: "1973-01", values: datasets.series.USAccDeaths.values },
      { horizon: 6, select: "aicc" },
    );
    expect(r.model).toBe("ETS(A,N,A)");
    expect(r.selection).toBe("aicc");
    expect(r.candidates).toHaveLength(15);
    const chosen = r.candidates.find((c) => c.chosen)!;
    expect(chosen.aicc).toBeCloseTo(1148.7161, 2);
    for (const c of r.candidates) if (c.aicc !== undefined) expect(c.aicc).toBeGreaterThanOrEqual(chosen.aicc!);
    expect(r.points[0]!.mean).toBeCloseTo(8397.497, 1);
  });

  it('select "backtest" picks the lowest rolling-origin MASE among the scored models', () => {
    const values = Array.from({ length: 30 }, (_, t) => Math.round(1000 * 1.03 ** t * (1 + 0.1 * Math.sin(t))));
    const r = forecastSeries({ granularity: "month", start: "2024-01", values }, { horizon: 3, select: "backtest" });
    expect(r.selection).toBe("backtest");
    expect(r.candidates.map((c) => c.model)).toEqual(
      expect.arrayContaining(["seasonal-naive", "drift", "drift-log", "ets", "log-ets", "theta", "combination"]),
    );
    for (const c of r.candidates) {
      expect(c.mase).toBeGreaterThanOrEqual(0);
      expect(c.coverage95).toBeGreaterThanOrEqual(0);
    }
    const chosen = r.candidates.find((c) => c.chosen)!;
    for (const c of r.candidates) expect(c.mase!).toBeGreaterThanOrEqual(chosen.mase!);
  });

  it("falls back to the holdout on short series", () => {
    const r = forecastSeries(
      { granularity: "month", start: "2025-01", values: [5, 6, 8, 9, 11, 12, 14, 15, 17, 18] },
      { horizon: 2, models: ["naive", "drift"] },
    );
    expect(r.selection).toBe("holdout");
    expect(r.candidates.map((c) => c.model)).toEqual(["naive", "drift"]);
    const forced = forecastSeries(
      { granularity: "month", start: "2025-01", values: [5, 6, 8, 9, 11, 12, 14, 15, 17, 18] },
      { horizon: 2, select: "backtest" },
    );
    expect(forced.selection).toBe("holdout");
    expect(forced.warnings.some((w) => w.includes("too little history"))).toBe(true);
  });

  it("accepts explicit ETS model names", () => {
    const r = forecastSeries(
      { granularity: "month", start: "1949-01", values: datasets.series.AirPassengers.values },
      { horizon: 12, models: ["ETS(M,Ad,M)"], select: "holdout", paths: 2000 },
    );
    expect(r.model).toBe("ETS(M,Ad,M)");
    // Simulated (class 3): mean within ~1.5% of R's 441.802 at h = 1.
    expect(Math.abs(r.points[0]!.mean / 441.802 - 1)).toBeLessThan(0.015);
  });

  it("by day the default is the lowest rolling-origin MASE from 77 days (3 origins), AICc ETS before", () => {
    const weekly = [1.0, 1.05, 1.1, 1.08, 1.02, 0.6, 0.55];
    const values = Array.from({ length: 84 }, (_, d) =>
      Math.round(1000 * 1.004 ** d * weekly[d % 7]! * (1 + (((37 * d) % 11) - 5) / 200)),
    );
    // 84 days: origins at days 56, 63, 70 and 77 (every 7 days, at least 56 days of training).
    const long = forecastSeries({ granularity: "day", start: "2026-01-01", values }, { horizon: 7 });
    expect(long.selection).toBe("backtest");
    // Calibrated on the chosen model's 70 backtest points (4 origins × 28 days, cut at the data's end), about its mean.
    expect(long.rule).toBe(
      "the lowest rolling-origin MASE (4 origins, 1–28 days ahead); interval spread × 0.87, from 70 backtest actuals (70 effective; alone they ask for × 0.85), so that 80% fall inside the 80% interval",
    );
    // κ̂ = 0.8544 from the 70 points alone; shrunk toward 1 by their evidence (w = 0.92), κ = 0.8656.
    expect(long.calibration?.estimate).toBeCloseTo(0.8544, 4);
    expect(long.spread).toBeCloseTo(0.8656, 4);
    const chosen = long.candidates.filter((c) => c.chosen);
    expect(chosen).toHaveLength(1);
    const best = Math.min(...long.candidates.map((c) => c.mase ?? Number.POSITIVE_INFINITY));
    expect(chosen[0]!.mase).toBe(best);
    expect(Object.keys(long.weights)).toEqual([chosen[0]!.model]);
    // 70 days: origins 56 and 63 only, too few to choose by; R's rule instead.
    const short = forecastSeries(
      { granularity: "day", start: "2026-01-01", values: values.slice(0, 70) },
      { horizon: 7 },
    );
    expect(short.selection).toBe("aicc");
    expect(short.rule).toBe(
      "the ETS model with the lowest AICc, as R's ets(): 2 rolling origin(s) are too few to choose by backtest (needs 3, i.e. 77 days of history)",
    );
    // One forecast everywhere: the calibrated daily choice gives the same days at horizons 7 and 28.
    const longer = forecastSeries({ granularity: "day", start: "2026-01-01", values }, { horizon: 28 });
    expect(longer.points.slice(0, 7)).toEqual(long.points);
    expect(defaultSelection("day")).toBe("backtest");
    expect(defaultSelection("day", false)).toBe("aicc");
    expect(defaultSelection("month")).toBe("evidence");
  });

  it("reports findings on daily data and forecasts through an outage", () => {
    const weekly = [1.0, 1.05, 1.1, 1.08, 1.02, 0.6, 0.55];
    const values = Array.from({ length: 63 }, (_, d) =>
      Math.round(1000 * 1.004 ** d * weekly[d % 7]! * (1 + (((37 * d) % 11) - 5) / 200)),
    );
    values[40] = 3;
    const r = forecastSeries(
      { granularity: "day", start: "2026-01-01", values: [0, 0, ...values] },
      { horizon: 7, select: "aicc" },
    );
    expect(r.findings.map((f) => f.kind)).toEqual(["leading-zeros", "outage"]);
    expect(r.findings[1]!.start).toBe("2026-02-12");
    expect(r.points).toHaveLength(7);
    expect(r.points[0]!.period).toBe("2026-03-07"); // 65 days from 2026-01-01 end on 2026-03-06
    // Multiplicative models are allowed because the outage was interpolated, not left at 3 tokens.
    expect(r.candidates.some((c) => c.model.startsWith("ETS(M") && c.aicc !== undefined)).toBe(true);
  });
});
