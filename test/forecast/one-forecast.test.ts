/**
 * One forecast everywhere: a month's mean and quantiles do not depend on the horizon asked for, on how many sample
 * paths are drawn, or on whether `forecast` or the plan's exposure asks — because the model is fitted without
 * reference to the horizon and sample path i has its own seeded stream (Rng(seed, i + 1)) and stratum.
 */
import { describe, expect, it } from "vitest";
import { forecastSeries, type TimeSeries } from "../../src/forecast/index.js";
import { forecastExposure, monthlyIndexTokens } from "../../src/hedge/exposure.js";
import { ingestUsage } from "../../src/ingest/index.js";
import { addMonths, daysInMonth } from "../../src/time/period.js";

// 30 months of growing, seasonal usage with deterministic noise: long enough for the evidence selection (≥ 15
// months give three backtest origins) and for seasonal candidates (≥ 24 months).
const monthlyValues = Array.from({ length: 30 }, (_, t) =>
  Math.round(4e9 * 1.03 ** t * (1 + 0.1 * Math.sin((2 * Math.PI * t) / 12)) * (1 + (((37 * t) % 11) - 5) / 200)),
);
const series: TimeSeries = { granularity: "month", start: "2024-01", values: monthlyValues };

/** The same months as a daily usage export: each month's total spread over its days, the remainder on day 1. */
function usageCsv(): string {
  const lines = ["date,model,token_type,tokens"];
  monthlyValues.forEach((total, k) => {
    const month = addMonths("2024-01", k);
    const days = daysInMonth(month);
    const each = Math.floor(total / days);
    for (let d = 1; d <= days; d++) {
      const tokens = each + (d === 1 ? total - each * days : 0);
      lines.push(`${month}-${String(d).padStart(2, "0")},m,input,${tokens}`);
    }
  });
  return lines.join("\n") + "\n";
}

describe("one forecast everywhere", () => {
  const h3 = forecastSeries(series, { horizon: 3 });
  const h12 = forecastSeries(series, { horizon: 12 });
  const h24 = forecastSeries(series, { horizon: 24 });

  it("uses the backtest-weighted choice on this series (so the test covers simulated mixtures)", () => {
    expect(h12.selection).toBe("evidence");
    expect(h12.points[0]?.period).toBe("2026-07");
  });

  it("gives each month the same mean and quantiles at horizons 3, 12 and 24", () => {
    expect(h3.model).toBe(h12.model);
    expect(h24.model).toBe(h12.model);
    expect(h3.weights).toEqual(h12.weights);
    for (let i = 0; i < 3; i++) {
      expect(h3.points[i]).toEqual(h12.points[i]);
      expect(h24.points[i]).toEqual(h12.points[i]);
    }
    for (let i = 3; i < 12; i++) expect(h24.points[i]).toEqual(h12.points[i]);
  });

  it("draws path i the same way whatever the horizon or the number of paths", () => {
    const short = h3.samplePaths(50);
    const long = h24.samplePaths(200);
    short.forEach((path, i) => expect(Array.from(path)).toEqual(Array.from(long[i]!.subarray(0, 3))));
  });

  it("gives the plan's exposure the forecast's figures for the same month", () => {
    const usage = ingestUsage(usageCsv(), { file: "usage.csv" });
    // The usage export adds up to exactly the monthly series above.
    expect(monthlyIndexTokens(usage).values).toEqual(monthlyValues);
    const exposure = forecastExposure(usage, { through: "2027-03" }); // 9 months, another horizon again
    expect(exposure.months).toHaveLength(9);
    exposure.months.forEach((m, i) => {
      const p = h24.points[i]!;
      expect(m.month).toBe(p.period);
      expect([m.mean, m.p10, m.p50, m.p90]).toEqual([p.mean, p.quantiles.p10, p.quantiles.p50, p.quantiles.p90]);
    });
    expect(exposure.forecast.model).toBe(h12.model);
  });
});
