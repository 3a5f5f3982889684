import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HedgeError } from "../../src/errors.js";
import { forecastSeries, type PeriodForecast } from "../../src/forecast/index.js";

function wellFormed(points: PeriodForecast[]): void {
  for (const p of points) {
    const q = p.quantiles;
    const seq = [p.lo95, q.p5, q.p10, q.p25, q.p50, q.p75, q.p90, q.p95, p.hi95];
    for (const v of [...seq, p.mean]) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
    for (let i = 1; i < seq.length; i++) expect(seq[i]!).toBeGreaterThanOrEqual(seq[i - 1]! - 1e-9 * Math.abs(seq[i]!));
  }
}

describe("forecastSeries on awkward inputs", () => {
  it("gives finite, ordered, non-negative forecasts for arbitrary short usage series (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 4, maxLength: 30 }),
        fc.constantFrom("day" as const, "month" as const),
        (values, granularity) => {
          const start = granularity === "month" ? "2024-01" : "2024-01-01";
          try {
            const r = forecastSeries({ granularity, start, values }, { horizon: 5, paths: 300 });
            expect(r.points).toHaveLength(5);
            wellFormed(r.points);
          } catch (e) {
            // Only leading zeros can leave too little data.
            expect(e).toBeInstanceOf(HedgeError);
            expect((e as HedgeError).code).toBe("SERIES_TOO_SHORT");
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("handles zeros after launch (no log models) and an all-zero series", () => {
    const values = [120, 130, 0, 150, 160, 0, 170, 180, 190, 0, 210, 220, 230, 240];
    const r = forecastSeries({ granularity: "month", start: "2025-01", values }, { horizon: 3 });
    expect(r.findings.some((f) => f.kind === "zero-usage")).toBe(true);
    expect(r.candidates.map((c) => c.model)).not.toContain("log-ets");
    wellFormed(r.points);
    const zero = forecastSeries({ granularity: "month", start: "2025-01", values: [0, 0, 0, 0, 0] }, { horizon: 2 });
    expect(zero.points.map((p) => p.mean)).toEqual([0, 0]);
  });

  it("rejects a series that is mostly leading zeros", () => {
    expect(() =>
      forecastSeries({ granularity: "month", start: "2025-01", values: [0, 0, 0, 5, 6, 7] }, { horizon: 2 }),
    ).toThrow(/leading zero/);
  });
});
