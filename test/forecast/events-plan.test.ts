/**
 * What the team knows: the events file (launches, outages, migrations) and the top-down volume plan, on series
 * whose answers can be worked by hand.
 */
import { describe, expect, it } from "vitest";
import {
  backtest,
  forecastSeries,
  parseEventsFile,
  parseVolumePlanFile,
  type TimeSeries,
} from "../../src/forecast/index.js";
import { applyEvents, interpolateMissing } from "../../src/forecast/events.js";
import { HedgeError } from "../../src/errors.js";

const flat: TimeSeries = { granularity: "month", start: "2025-01", values: Array.from({ length: 24 }, () => 100) };

/** Growing usage with deterministic noise (30 months, 2024-01 … 2026-06). */
const noisy: TimeSeries = {
  granularity: "month",
  start: "2024-01",
  values: Array.from({ length: 30 }, (_, t) => Math.round(4e9 * 1.03 ** t * (1 + (((37 * t) % 11) - 5) / 100))),
};

describe("future launches", () => {
  it("a flat 100 a month with a +30% launch in month 7 of the horizon: 100 for six months, then 130", () => {
    // Last month of data 2026-12; month 7 of the horizon is 2027-07.
    const events = parseEventsFile("date,kind,uplift\n2027-07-01,launch,+30%\n", "events.csv");
    const r = forecastSeries(flat, { horizon: 12, events });
    expect(r.points.map((p) => p.period)[6]).toBe("2027-07");
    expect(r.points.slice(0, 6).map((p) => p.mean)).toEqual([100, 100, 100, 100, 100, 100]);
    for (const p of r.points.slice(6)) {
      expect(p.mean).toBeCloseTo(130, 9);
      expect(p.quantiles.p10).toBeCloseTo(130, 9);
    }
    expect(r.events?.[0]).toMatchObject({ kind: "launch", effect: "forecast", uplift: 1.3 });
    expect(r.drivers.sentence).toContain("Events: launch 2027-07-01 +30%: forecast × 1.3 from 2027-07 on");
    // The sample paths carry the uplift too (the plan sizes on them).
    const paths = r.samplePaths(10);
    expect(paths[0]?.[5]).toBeCloseTo(100, 9);
    expect(paths[0]?.[6]).toBeCloseTo(130, 9);
  });

  it("two launches multiply (1.3 × 1.1 = 1.43); a future launch without an uplift is not applied and says so", () => {
    const events = parseEventsFile(
      "date,kind,uplift\n2027-02-15,launch,1.3\n2027-04,migration,+10%\n2027-06-01,launch,\n",
      "e.csv",
    );
    const r = forecastSeries(flat, { horizon: 6, events });
    expect(r.points.map((p) => Math.round(p.mean * 1000) / 1000)).toEqual([100, 130, 130, 143, 143, 143]);
    expect(r.warnings.some((w) => w.includes("launch 2027-06-01") && w.includes("no expected uplift"))).toBe(true);
  });
});

describe("events in the history", () => {
  it("an outage month is treated as missing and interpolated (no daily data): flat 100 with a 40 in June → 100", () => {
    const series = { ...flat, values: flat.values.map((v, i) => (i === 5 ? 40 : v)) };
    const events = parseEventsFile("date,kind,end\n2025-06-10,outage,2025-06-20\n", "e.csv");
    const adj = applyEvents(series, events);
    expect(adj.series.values[5]).toBeCloseTo(100, 9);
    const r = forecastSeries(series, { horizon: 3, events });
    expect(r.points.map((p) => p.mean)).toEqual([100, 100, 100]);
  });

  it("with the daily data behind the month, the days outside the outage are scaled to the whole month", () => {
    // June 2025: 30 days at 10 a day, except 11 outage days (10th–20th) at 2 a day: total 19·10 + 11·2 = 212.
    // Outside the outage: 190 over 19 days → 190 · 30/19 = 300.
    const days: number[] = [];
    const start = "2025-01-01";
    for (let d = 0; d < 730; d++) days.push(10);
    const juneFirst = 31 + 28 + 31 + 30 + 31; // index of 2025-06-01
    for (let d = 9; d <= 19; d++) days[juneFirst + d] = 2;
    const monthly = { ...flat, values: flat.values.map((_, i) => (i === 5 ? 212 : 0)) };
    const adj = applyEvents(monthly, parseEventsFile("date,kind,end\n2025-06-10,outage,2025-06-20\n", "e.csv"), {
      granularity: "day",
      start,
      values: days,
    });
    expect(adj.series.values[5]).toBeCloseTo(300, 9);
  });

  it("log-linear interpolation: between 100 and 400 two months apart the middle is 200", () => {
    expect(interpolateMissing([100, 0, 400], [false, true, false])[1]).toBeCloseTo(200, 9);
    expect(interpolateMissing([0, 50, 70, 0], [true, false, false, true])).toEqual([50, 50, 70, 70]);
  });

  it("a launch with a known uplift scales the history before it: 100 then 150 from the 1st of month 13 → a flat 150", () => {
    const series: TimeSeries = {
      granularity: "month",
      start: "2025-01",
      values: Array.from({ length: 24 }, (_, i) => (i < 12 ? 100 : 150)),
    };
    const r = forecastSeries(series, { horizon: 2, events: [{ kind: "launch", date: "2026-01-01", uplift: 1.5 }] });
    expect(r.points.map((p) => p.mean)).toEqual([150, 150]);
    expect(r.events?.[0]?.effect).toBe("level-shift");
  });

  it("--backtest scores the series the forecast is fitted to: the corrected step leaves the naive forecast no error", () => {
    const series: TimeSeries = {
      granularity: "month",
      start: "2025-01",
      values: Array.from({ length: 24 }, (_, i) => (i < 16 ? 100 : 150)),
    };
    const naive = (r: ReturnType<typeof backtest>) => r.scores.find((x) => x.model === "naive")?.mae;
    // Origins at 12 … 23 months of training, 3 steps ahead: the step at month 17 costs the origins before it 50.
    expect(naive(backtest(series, { models: ["naive"] }))).toBeGreaterThan(0);
    expect(
      naive(backtest(series, { models: ["naive"], events: [{ kind: "launch", date: "2026-05-01", uplift: 1.5 }] })),
    ).toBe(0);
  });

  it("a mid-month launch: the month's days before it are scaled too (T' = T·u·D/(b + u·a))", () => {
    // January 2026 (31 days): 10 days at 100/31 a day, 21 days at 150/31 → T = (1000 + 3150)/31 = 133.87…
    // T' = T · 1.5·31/(10 + 1.5·21) = (4150/31) · 46.5/41.5 = 150.
    const values = Array.from({ length: 24 }, (_, i) => (i < 12 ? 100 : i === 12 ? 4150 / 31 : 150));
    const adj = applyEvents({ granularity: "month", start: "2025-01", values }, [
      { kind: "launch", date: "2026-01-11", uplift: 1.5 },
    ]);
    expect(adj.series.values[12]).toBeCloseTo(150, 9);
    expect(adj.series.values[0]).toBeCloseTo(150, 9);
  });

  it("a migration without an uplift: the fit starts at it when 12 months follow, else the history is kept with a warning", () => {
    const series: TimeSeries = {
      granularity: "month",
      start: "2025-01",
      values: Array.from({ length: 26 }, (_, i) => (i < 10 ? 50 : 200)),
    };
    const r = forecastSeries(series, { horizon: 2, events: [{ kind: "migration", date: "2025-11-01" }] });
    expect(r.points.map((p) => p.mean)).toEqual([200, 200]);
    expect(r.events?.[0]?.effect).toBe("fit-after");
    const late = applyEvents(series, [{ kind: "migration", date: "2026-06-01" }]);
    expect(late.series.values).toHaveLength(26);
    expect(late.warnings[0]).toContain("the whole history is used");
  });
});

describe("events on a daily series", () => {
  // A weekly pattern 70, 100, 100, 100, 100, 100, 60 from Monday 2025-01-06, eight weeks; Wednesday 2025-01-22 and
  // Thursday 2025-01-23 (indexes 16, 17) are an outage at 5.
  const pattern = [70, 100, 100, 100, 100, 100, 60];
  const values = Array.from({ length: 56 }, (_, i) => pattern[i % 7] as number);
  values[16] = 5;
  values[17] = 5;
  const daily: TimeSeries = { granularity: "day", start: "2025-01-06", values };

  it("outage days take the mean of the same weekday a week before and after", () => {
    const adj = applyEvents(daily, [{ kind: "outage", date: "2025-01-22", end: "2025-01-23" }]);
    expect(adj.series.values).toEqual(Array.from({ length: 56 }, (_, i) => pattern[i % 7]));
    expect(adj.applied[0]?.text).toBe("outage 2025-01-22–2025-01-23: 2 day(s) excluded from the fit and interpolated");
  });

  it("a future launch on a day scales the forecast from that day on", () => {
    const flatDaily: TimeSeries = {
      granularity: "day",
      start: "2025-01-06",
      values: Array.from({ length: 56 }, () => 50),
    };
    // Last day 2025-03-02; 2025-03-05 is step 3.
    const r = forecastSeries(flatDaily, { horizon: 4, events: [{ kind: "launch", date: "2025-03-05", uplift: 2 }] });
    expect(r.points.map((p) => p.mean)).toEqual([50, 50, 100, 100]);
  });
});

describe("volume plan", () => {
  it("a plan of 200 at weight 0.5 against a statistical 100 gives 150; weight 1 overrides (200); other months stay 100", () => {
    const months = parseVolumePlanFile("month,tokens,weight\n2027-03,200,\n2027-04,200,1\n", "plan.csv");
    const r = forecastSeries(flat, { horizon: 5, volumePlan: { months } });
    expect(r.points.map((p) => p.mean)).toEqual([100, 100, 150, 200, 100]);
    expect(r.volumePlan).toEqual({
      defaultWeight: 0.5,
      months: [
        { month: "2027-03", plan: 200, statistical: 100, weight: 0.5, mean: 150 },
        { month: "2027-04", plan: 200, statistical: 100, weight: 1, mean: 200 },
      ],
    });
    const w = forecastSeries(flat, {
      horizon: 3,
      volumePlan: { months: [{ month: "2027-03", tokens: 200 }], weight: 0.25 },
    });
    expect(w.points[2]?.mean).toBeCloseTo(125, 9); // 0.25·200 + 0.75·100
  });

  it("on simulated paths: the blended mean is exactly w·plan + (1 − w)·statistical, quantiles scale by the same ratio", () => {
    const base = forecastSeries(noisy, { horizon: 3, seed: 7 });
    const stat = base.points[1]!;
    const plan = 1.2 * stat.mean;
    const r = forecastSeries(noisy, {
      horizon: 3,
      seed: 7,
      volumePlan: { months: [{ month: "2026-08", tokens: plan, weight: 0.5 }] },
    });
    const blended = 0.5 * plan + 0.5 * stat.mean; // = 1.1 × the statistical mean
    expect(r.points[1]!.mean / blended).toBeCloseTo(1, 9);
    expect(r.points[1]!.quantiles.p10 / stat.quantiles.p10).toBeCloseTo(1.1, 9);
    expect(r.points[0]!.mean).toBe(base.points[0]!.mean);
    expect(r.drivers.sentence).toContain(
      "Volume plan: 1 month(s) 2026-08 (mean = w·plan + (1 − w)·statistical, w = 0.5",
    );
  });

  it("one forecast everywhere: with events and a plan, a month is the same at horizons 3 and 12", () => {
    const options = {
      seed: 3,
      events: [{ kind: "launch" as const, date: "2026-08-01", uplift: 1.25 }],
      volumePlan: {
        months: [
          { month: "2026-08", tokens: 5e9 },
          { month: "2026-10", tokens: 6e9, weight: 1 },
        ],
      },
    };
    const h3 = forecastSeries(noisy, { ...options, horizon: 3 });
    const h12 = forecastSeries(noisy, { ...options, horizon: 12 });
    expect(h3.points).toEqual(h12.points.slice(0, 3));
    expect(h12.points[3]?.mean).toBeCloseTo(6e9, 0);
  });

  it("plan months before the forecast are left out with a warning; a daily forecast refuses a plan", () => {
    const r = forecastSeries(flat, { horizon: 1, volumePlan: { months: [{ month: "2026-12", tokens: 1 }] } });
    expect(r.warnings.some((w) => w.includes("2026-12 is not after the last month of data"))).toBe(true);
    const daily: TimeSeries = { granularity: "day", start: "2026-01-01", values: Array.from({ length: 60 }, () => 5) };
    expect(() => forecastSeries(daily, { horizon: 3, volumePlan: { months: [] } })).toThrow(
      /applies to monthly forecasts/,
    );
  });
});

describe("reading the files", () => {
  it("reads CSV and YAML events alike, uplift as a factor or a change", () => {
    const csv = parseEventsFile(
      "date,kind,uplift,end,note\n2026-02-19,launch,+50%,,v2\n2025-11-18,outage,,2025-11-19,incident\n2027-04,migration,-10%,,\n",
      "e.csv",
    );
    const yaml = parseEventsFile(
      "events:\n  - date: 2026-02-19\n    kind: launch\n    uplift: +50%\n    note: v2\n  - { date: 2025-11-18, kind: outage, end: 2025-11-19, note: incident }\n  - date: 2027-04\n    kind: migration\n    uplift: 0.9\n",
      "e.yaml",
    );
    const strip = (e: { source?: string }[]) => e.map(({ source: _s, ...rest }) => rest);
    expect(strip(csv)).toEqual([
      { kind: "launch", date: "2026-02-19", uplift: 1.5, note: "v2" },
      { kind: "outage", date: "2025-11-18", end: "2025-11-19", note: "incident" },
      { kind: "migration", date: "2027-04-01", uplift: 0.9 },
    ]);
    expect(strip(yaml)).toEqual(strip(csv));
    expect(csv[1]?.source).toBe("e.csv:3");
  });

  const error = (f: () => unknown): HedgeError => {
    try {
      f();
    } catch (e) {
      return e as HedgeError;
    }
    throw new Error("no error");
  };

  it("names file, line, column, the value and what was expected; exit 3", () => {
    const e = error(() => parseEventsFile("date,kind,uplift\n2026-02-19,launch,lots\n", "e.csv"));
    expect(e.exitCode).toBe(3);
    expect(e.details).toMatchObject({ file: "e.csv", line: 2, column: 3, value: "lots" });
    expect(String(e.details.expected)).toContain("+30%");
    expect(error(() => parseEventsFile("date,kind\n2026-13-01,launch\n", "e.csv")).details).toMatchObject({
      line: 2,
      column: 1,
      value: "2026-13-01",
    });
    expect(error(() => parseEventsFile("date,kind\n2026-01-01,party\n", "e.csv")).details).toMatchObject({
      line: 2,
      column: 2,
      value: "party",
    });
    expect(error(() => parseEventsFile("date,kind,end\n2026-01-05,outage,2026-01-02\n", "e.csv")).message).toContain(
      "ends (2026-01-02) before it starts",
    );
    expect(
      error(() => parseEventsFile("- date: 2026-01-01\n  kind: launch\n  upflit: 2\n", "e.yaml")).details,
    ).toMatchObject({ line: 3, value: "upflit" });
    const p = error(() => parseVolumePlanFile("month,tokens\n2027-01,1e9\n2027-02,1,000\n", "plan.csv"));
    expect(p.exitCode).toBe(3);
    expect(
      error(() => parseVolumePlanFile("month,tokens,weight\n2027-01,1e9,1.5\n", "plan.csv")).details,
    ).toMatchObject({ line: 2, column: 3, value: "1.5" });
    expect(error(() => parseVolumePlanFile("month,tokens\n2027-01,1e9\n2027-01,2e9\n", "plan.csv")).message).toContain(
      "appears twice (first on line 2)",
    );
    expect(error(() => parseVolumePlanFile("month,tokens\n2027-01,12 000\n", "plan.csv")).details).toMatchObject({
      line: 2,
      column: 2,
      value: "12 000",
    });
  });
});
