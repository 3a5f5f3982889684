/**
 * The forecast stage from the library, without the CLI: the horizon's default and maximum, the file named in an
 * error about the series (with the left-out months when too few complete ones remain), a daily forecast totalled
 * by the calendar months it reaches, and the progress display told once and closed.
 */
import { describe, expect, it } from "vitest";
import { forecastHorizon, forecastStage, type LoadedSeries } from "../../src/index.js";
import { HedgeError } from "../../src/errors.js";

const settings = { file: "usage.csv", seed: 42, paths: 200 };

describe("forecastHorizon", () => {
  it("defaults to 12 months or 90 days and refuses more than 120 months", () => {
    expect(forecastHorizon("month", undefined)).toBe(12);
    expect(forecastHorizon("day", undefined)).toBe(90);
    expect(forecastHorizon("month", 120)).toBe(120);
    expect(() => forecastHorizon("month", 121)).toThrow("--horizon must be at most 120 for --period month, got 121");
  });
});

describe("forecastStage", () => {
  it("names the file and the left-out months when three complete months are too few", () => {
    const loaded: LoadedSeries = {
      source: "usage",
      unit: "tokens",
      decimals: 0,
      series: { granularity: "month", start: "2026-02", values: [10, 11, 12] },
      excluded: ["2026-01", "2026-05"],
    };
    let err: unknown;
    try {
      forecastStage(loaded, { ...settings, horizon: 3 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HedgeError);
    expect((err as HedgeError).details.file).toBe("usage.csv");
    expect((err as HedgeError).details.hint).toBe(
      "only complete months count (left out: 2026-01, 2026-05); or forecast by day: --period day",
    );
  });

  it("a 30-day forecast after 2026-01-31 reaches one calendar month (February), and closes the display", () => {
    const values = Array.from({ length: 120 }, (_, i) => 1000 + (i % 7) * 10);
    // 120 days from 2025-10-04 end on 2026-01-31: the next 30 days fall in February and March 2 → 2 months.
    const loaded: LoadedSeries = {
      source: "series",
      decimals: 0,
      series: { granularity: "day", start: "2025-10-04", values },
      excluded: [],
    };
    const seen: (number | undefined)[] = [];
    let done = 0;
    const view = forecastStage(loaded, { ...settings, horizon: 30 }, (months) => {
      seen.push(months);
      return { onProgress: () => undefined, done: () => void done++ };
    });
    expect(seen).toEqual([2]);
    expect(done).toBe(1);
    expect(view.monthly?.points.map((p) => p.period)).toEqual(["2026-02", "2026-03"]);
    expect(view.result.points).toHaveLength(30);
  });
});
