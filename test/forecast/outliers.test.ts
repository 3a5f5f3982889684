import { describe, expect, it } from "vitest";
import { interpolateGaps, prepareSeries, rollingMedian } from "../../src/forecast/outliers.js";

const weekly = [1.0, 1.05, 1.1, 1.08, 1.02, 0.6, 0.55];
const base = (n: number) =>
  Array.from({ length: n }, (_, d) =>
    Math.round(1000 * 1.003 ** d * weekly[d % 7]! * (1 + (((37 * d) % 11) - 5) / 200)),
  );
const options = { granularity: "day" as const, start: "2026-01-01", m: 7, mode: "interpolate" as const };

describe("forecast/outliers: outlier and zero handling (docs/METHODOLOGY.md §2)", () => {
  it("helpers: rolling median and linear gap filling", () => {
    expect(Array.from(rollingMedian([1, 9, 2, 8, 3], 3))).toEqual([5, 2, 8, 3, 5.5]);
    expect(Array.from(interpolateGaps([1, Number.NaN, Number.NaN, 4, Number.NaN]))).toEqual([1, 2, 3, 4, 4]);
  });

  it("drops leading zeros and reports them", () => {
    const r = prepareSeries([0, 0, 0, ...base(40)], options);
    expect(r.offset).toBe(3);
    expect(r.values).toHaveLength(40);
    expect(r.findings[0]).toMatchObject({
      kind: "leading-zeros",
      start: "2026-01-01",
      end: "2026-01-03",
      count: 3,
      action: "dropped",
    });
  });

  it("interpolates a one-day outage geometrically and keeps a spike", () => {
    const y = base(70);
    const before = y[29]!;
    const after = y[31]!;
    y[30] = 20; // outage
    y[50] = y[50]! * 4; // batch-job spike
    const r = prepareSeries(y, options);
    const outage = r.findings.find((f) => f.kind === "outage");
    expect(outage).toMatchObject({ start: "2026-01-31", count: 1, action: "interpolated" });
    expect(r.values[30]).toBeCloseTo(Math.sqrt(before * after), 6);
    expect(r.findings.find((f) => f.kind === "spike")).toMatchObject({ start: "2026-02-20", action: "flagged" });
    expect(r.values[50]).toBe(y[50]);
  });

  it("only flags outages with mode keep, and never screens monthly series by default", () => {
    const y = base(70);
    y[30] = 20;
    const kept = prepareSeries(y, { ...options, mode: "keep" });
    expect(kept.findings.find((f) => f.kind === "outage")?.action).toBe("flagged");
    expect(kept.values[30]).toBe(20);
    const monthly = prepareSeries(y.slice(0, 36), { granularity: "month", start: "2023-01", m: 12, mode: "keep" });
    expect(monthly.findings).toEqual([]);
  });

  it("reports a launch step (×3 from 2026-02-10) as a level shift without changing the data", () => {
    const y = base(70).map((v, d) => (d >= 40 ? v * 3 : v));
    const r = prepareSeries(y, options);
    const shifts = r.findings.filter((f) => f.kind === "level-shift");
    expect(shifts).toHaveLength(1);
    expect(shifts[0]!.action).toBe("flagged");
    expect(["2026-02-09", "2026-02-10", "2026-02-11"]).toContain(shifts[0]!.start);
    expect(shifts[0]!.message).toMatch(/rose to about 3\.\d×/);
    expect(r.findings.some((f) => f.kind === "outage" || f.kind === "spike")).toBe(false);
    expect(Array.from(r.values)).toEqual(y);
  });

  it("flags nothing on a clean series with a weekly pattern", () => {
    expect(prepareSeries(base(90), options).findings).toEqual([]);
  });

  it("flags zero usage after launch (log models are then disabled)", () => {
    const y = base(30);
    y[10] = 0;
    const r = prepareSeries(y, { ...options, mode: "keep", screen: false });
    expect(r.findings).toEqual([expect.objectContaining({ kind: "zero-usage", count: 1, start: "2026-01-11" })]);
  });
});
