/**
 * `tokenhedge forecast` through the real binary (built by `npm run build`): usage files by month and by day, plain
 * `period,value` files, the backtest, determinism and bad input. Each spawn costs about a second (a daily forecast
 * a few), so each one's output serves several assertions.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACME, ROOT, runCli, runJson } from "../helpers/run-cli.js";

interface Point {
  period: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  quantiles: Record<"p5" | "p10" | "p25" | "p50" | "p75" | "p90" | "p95", number>;
}

interface Score {
  model: string;
  mase: number | null;
  smape: number;
  mape: number | null;
  coverage80: number;
  coverage95: number;
}

interface ForecastDoc {
  schemaVersion: number;
  command: string;
  model: string;
  selection: { method: string; rule: string; weights: Record<string, number> };
  drivers: { sentence: string; outages: string[]; levelShifts: string[] };
  granularity: "day" | "month";
  seed: number;
  forecast: Point[];
  candidates: { model: string; chosen: boolean }[];
  findings: { kind: string; start: string; action: string }[];
  warnings: string[];
  history: { period: string; value: number }[];
  monthly?: { forecast: Point[]; partialMonth: { month: string; observedDays: number; observedTotal: number } | null };
  backtest?: { horizon: number; origins: string[]; scores: Score[]; note: string };
}

const SERIES = {
  air: "fixtures/series/air-passengers.csv",
  daily: "fixtures/series/daily-usage.csv",
  bad: "fixtures/series/bad-value.csv",
};

/** Bounds in order and whole numbers: lo95 ≤ lo80 ≤ P50 ≤ hi80 ≤ hi95, mean inside the 95% interval. */
function expectOrdered(p: Point): void {
  for (const v of [p.mean, p.lo80, p.hi80, p.lo95, p.hi95, ...Object.values(p.quantiles)])
    expect(Number.isInteger(v)).toBe(true);
  expect(p.lo95).toBeLessThanOrEqual(p.lo80);
  expect(p.lo80).toBeLessThanOrEqual(p.quantiles.p50);
  expect(p.quantiles.p50).toBeLessThanOrEqual(p.hi80);
  expect(p.hi80).toBeLessThanOrEqual(p.hi95);
  expect(p.mean).toBeGreaterThanOrEqual(p.lo95);
  expect(p.mean).toBeLessThanOrEqual(p.hi95);
  const q = p.quantiles;
  expect([q.p5, q.p10, q.p25, q.p50, q.p75, q.p90, q.p95]).toEqual(
    [q.p5, q.p10, q.p25, q.p50, q.p75, q.p90, q.p95].sort((a, b) => a - b),
  );
}

function daysFrom(first: string, n: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

describe("forecast --period day on the usage fixture", () => {
  const csv = runCli(["forecast", ACME.usage, "--period", "day", "--horizon", "90", "--csv"]);
  const doc = runJson<ForecastDoc>(["forecast", ACME.usage, "--period", "day", "--horizon", "90", "--backtest"]);

  it("--csv: the exact header and 90 days from the day after the data end (2026-10-31), bounds in order", () => {
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(91);
    expect(lines[0]).toBe("period,mean,lo80,hi80,lo95,hi95");
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows.map((r) => r[0])).toEqual(daysFrom("2026-11-01", 90));
    for (const r of rows) {
      const [mean, lo80, hi80, lo95, hi95] = r.slice(1).map(Number) as [number, number, number, number, number];
      expect([lo95, lo80, hi80, hi95].every(Number.isInteger)).toBe(true);
      expect(lo95).toBeLessThanOrEqual(lo80);
      expect(lo80).toBeLessThanOrEqual(mean);
      expect(mean).toBeLessThanOrEqual(hi80);
      expect(hi80).toBeLessThanOrEqual(hi95);
    }
    // The fixture's outage (2025-11-18, fixtures/README.md) is reported on stderr, never on stdout.
    expect(csv.stderr).toContain("finding: 2025-11-18 looks like an outage");
  });

  it("--json: daily granularity, the same numbers as the CSV, every period ordered", () => {
    expect(doc.schemaVersion).toBe(1);
    expect(doc.command).toBe("forecast");
    expect(doc.granularity).toBe("day");
    expect(doc.history).toHaveLength(610);
    expect(doc.history[0]!.period).toBe("2025-03-01");
    const fromJson = doc.forecast.map((p) => [p.period, p.mean, p.lo80, p.hi80, p.lo95, p.hi95].join(","));
    expect(fromJson).toEqual(csv.stdout.trimEnd().split("\n").slice(1));
    doc.forecast.forEach(expectOrdered);
    expect(doc.findings).toContainEqual(
      expect.objectContaining({ kind: "outage", start: "2025-11-18", action: "interpolated" }),
    );
  });

  it("monthly totals come from summed daily paths, not from summed daily bounds (docs/METHODOLOGY.md §2, sample paths)", () => {
    const monthly = doc.monthly!;
    // 2026-11-01 + 89 days = 2027-01-29: the horizon reaches November, December and January.
    expect(monthly.forecast.map((p) => p.period)).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(monthly.partialMonth).toBeNull();
    monthly.forecast.forEach(expectOrdered);
    for (const month of ["2026-11", "2026-12"]) {
      const days = doc.forecast.filter((p) => p.period.startsWith(month));
      const total = monthly.forecast.find((p) => p.period === month)!;
      const sum = (key: "mean" | "lo95" | "hi95"): number => days.reduce((s, p) => s + p[key], 0);
      // The mean of a sum is the sum of the means (up to Monte Carlo noise of the two simulations) …
      expect(Math.abs(total.mean / sum("mean") - 1)).toBeLessThan(0.015);
      // … but the 95% bounds of a sum lie strictly inside the sums of the daily bounds (errors not perfectly
      // correlated); adding the bounds would give equality.
      expect(total.hi95).toBeLessThan(0.995 * sum("hi95"));
      expect(total.lo95).toBeGreaterThan(1.005 * sum("lo95"));
    }
  });

  it("--backtest: MASE, sMAPE, MAPE and 80% / 95% coverage per model, the seasonal-naive benchmark included", () => {
    const b = doc.backtest!;
    expect(b.horizon).toBe(28);
    expect(b.origins).toHaveLength(12);
    expect(b.origins[b.origins.length - 1]).toBe("2026-10-24"); // one week before the last day
    expect(b.scores.map((s) => s.model)).toContain("seasonal-naive");
    for (const s of b.scores) {
      expect(s.mase).toBeGreaterThan(0);
      expect(s.smape).toBeGreaterThan(0);
      expect(s.mape).toBeGreaterThan(0);
      expect(s.coverage80).toBeGreaterThanOrEqual(0);
      expect(s.coverage95).toBeGreaterThanOrEqual(s.coverage80);
      expect(s.coverage95).toBeLessThanOrEqual(1);
    }
    expect(b.note).toContain("noisy");
  });
});

describe("forecast --period month on the usage fixture", () => {
  const doc = runJson<ForecastDoc>(["forecast", ACME.usage, "--period", "month"]);

  it("forecasts 12 months after the 20 complete months, from the monthly totals of the fixture", () => {
    expect(doc.granularity).toBe("month");
    // fixtures/README.md: 2025-03 … 2026-10, 2025-03 = 10,875,077,207 tokens, 2025-04 = 11,382,200,535.
    expect(doc.history).toHaveLength(20);
    expect(doc.history.slice(0, 2)).toEqual([
      { period: "2025-03", value: 10_875_077_207 },
      { period: "2025-04", value: 11_382_200_535 },
    ]);
    expect(doc.forecast.map((p) => p.period)).toEqual([
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
      "2027-03",
      "2027-04",
      "2027-05",
      "2027-06",
      "2027-07",
      "2027-08",
      "2027-09",
      "2027-10",
    ]);
    doc.forecast.forEach(expectOrdered);
    // Intervals widen with the horizon.
    expect(doc.forecast[11]!.hi95 - doc.forecast[11]!.lo95).toBeGreaterThan(
      doc.forecast[0]!.hi95 - doc.forecast[0]!.lo95,
    );
    // 20 months < 2 years: the benchmark is the plain naive forecast, scored with the others.
    expect(doc.candidates.map((c) => c.model)).toContain("naive");
    // The default monthly choice combines the candidates the backtest ranks near the best: exactly those are
    // marked chosen, with weights summing to 1.
    expect(doc.selection.method).toBe("evidence");
    const chosen = doc.candidates.filter((c) => c.chosen).map((c) => c.model);
    expect(chosen.sort()).toEqual(Object.keys(doc.selection.weights).sort());
    expect(Object.values(doc.selection.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(doc.drivers.sentence).toMatch(/^Trend [+−]\d+\.\d% a month now/);
    // The daily data behind the months show the fixture's launch step and outage (fixtures/README.md).
    expect(doc.drivers.outages).toEqual(["2025-11-18"]);
    expect(doc.drivers.levelShifts).toHaveLength(1);
  });
});

describe("forecast of a two-column monthly file (AirPassengers)", () => {
  const a = runCli(["forecast", SERIES.air, "--json"]);
  const b = runCli(["forecast", SERIES.air, "--json", "--seed", "42"]);
  const other = runCli(["forecast", SERIES.air, "--json", "--seed", "43"]);
  const human = runCli(["--ascii", "forecast", SERIES.air, "--select", "aicc", "--backtest"]);

  it("the same seed gives byte-identical JSON, another seed other simulated quantiles", () => {
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(other.code).toBe(0);
    expect(other.stdout).not.toBe(a.stdout);
    expect((JSON.parse(other.stdout) as ForecastDoc).seed).toBe(43);
  });

  it("forecasts 1961 with the summer peak and the November trough of the series", () => {
    const doc = JSON.parse(a.stdout) as ForecastDoc;
    expect(doc.history).toHaveLength(144);
    expect(doc.history[0]).toEqual({ period: "1949-01", value: 112 });
    expect(doc.forecast.map((p) => p.period)).toEqual(
      Array.from({ length: 12 }, (_, i) => `1961-${String(i + 1).padStart(2, "0")}`),
    );
    doc.forecast.forEach(expectOrdered);
    const mean = (month: number): number => doc.forecast[month - 1]!.mean;
    // Every year of the data peaks in July or August and bottoms out in November (or February); 1960: Jul 622,
    // Nov 390, Dec 432.
    expect(Math.max(mean(7), mean(8))).toBe(Math.max(...doc.forecast.map((p) => p.mean)));
    expect(mean(11)).toBeLessThan(mean(10));
    expect(mean(11)).toBeLessThan(mean(12));
    // Growth: every month above its 1960 value (Jan 417 … Dec 432).
    expect(mean(1)).toBeGreaterThan(417);
    expect(mean(12)).toBeGreaterThan(432);
  });

  it("prints the chart, the table, AICc candidates and the per-model backtest as plain text", () => {
    expect(human.code).toBe(0);
    const out = human.stdout;
    expect(out).not.toContain("\u001b[");
    expect(out).toContain("model: ETS(");
    expect(out).toContain("selection: aicc");
    expect(out).toContain("* history   o forecast mean   : 80% interval   . 95% interval");
    expect(out).toMatch(/^month +mean +P50 +80% low +80% high +95% low +95% high$/m);
    expect(out).toMatch(/^1961-07 /m);
    expect(out).toContain("AICc");
    expect(out).toMatch(/model +MASE +sMAPE +MAPE +80% cover +95% cover/);
    expect(out).toMatch(/seasonal-naive +\d+\.\d{3} +\d+\.\d% +\d+\.\d% +\d+% +\d+%/);
    expect(out).toContain("noisy");
  });
});

describe("forecast of a two-column daily file", () => {
  const r = runCli(["forecast", SERIES.daily, "--period", "day", "--horizon", "14", "--backtest"]);
  const lines = readFileSync(join(ROOT, SERIES.daily), "utf8").trim().split("\n").slice(1);
  const observedMay = lines.slice(-25).reduce((s, l) => s + Number(l.split(",")[1]), 0);

  it("forecasts 14 days after 2025-05-25 and completes May from the 25 observed days", () => {
    expect(r.code).toBe(0);
    expect(lines[lines.length - 1]).toMatch(/^2025-05-25,/);
    expect(r.stdout).toMatch(/^2025-05-26 /m);
    expect(r.stdout).toMatch(/^2025-06-08 /m);
    expect(r.stdout).not.toMatch(/^2025-06-09 /m);
    expect(r.stdout).toContain(`2025-05 is partly observed: 25 day(s), ${observedMay.toLocaleString("en-US")} so far`);
    expect(r.stdout).toContain("2025-06 runs past the 14-day horizon");
    expect(r.stdout).toContain("(each point: mean of 7 days)");
    // By day the default is the lowest rolling-origin MASE (defaultSelection in src/forecast/selection-rules.ts).
    expect(r.stdout).toContain("selection: backtest — the lowest rolling-origin MASE (12 origins, 1–28 days ahead)");
    expect(r.stdout).not.toContain("\u001b[");
  });
});

describe("forecast: bad input and bad usage", () => {
  it("a bad value in a two-column file is exit 3 with file:line:column", () => {
    const r = runCli(["forecast", SERIES.bad]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${SERIES.bad}:5:2: cannot read value "12O" for 1949-04`);
  });

  it("too few complete months of a daily file is exit 3 and suggests --period day", () => {
    const r = runCli(["forecast", SERIES.daily]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("left out: 2025-01, 2025-05");
    expect(r.stderr).toContain("--period day");
  });

  it.each([
    [["--select", "best"], "best"],
    [["--period", "week"], "week"],
    [["--outliers", "drop"], "drop"],
    [["--period", "day"], "monthly values"], // a monthly file cannot be forecast by day
  ])("%j is a usage error (exit 2)", (flags, text) => {
    const r = runCli(["forecast", SERIES.air, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(text);
  });
});
