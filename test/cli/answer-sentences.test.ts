/**
 * Ingest, curve and forecast answer in a sentence under their table (as plan does), in the human output
 * only — never in --json or --csv. --quiet silences stderr only, so the sentence stays, as plan's does.
 */
import { describe, expect, it } from "vitest";
import { ACME, runCli, runJson } from "../helpers/run-cli.js";

/** The line after the blank line that follows the table's last row (the row starting with `lastRow`). */
function lineUnderTable(stdout: string, lastRow: RegExp): string | undefined {
  const lines = stdout.split("\n");
  const i = lines.findIndex((l) => lastRow.test(l));
  return i < 0 ? undefined : lines[i + 2];
}

describe("ingest", () => {
  const INGEST =
    "20 complete months, 10.9 B tok in 2025-03 → 69.0 B tok in 2026-10 (+10.2% a month compounded); cost $1.45M; no data-quality findings.";

  it("answers under the table: months, first → last, compound growth, cost, data quality", () => {
    const doc = runJson<{
      periods: { period: string; tokens: number; complete: boolean }[];
      totals: { cost: number };
      findings: unknown[];
    }>(["ingest", ACME.usage]);
    const first = doc.periods[0]!;
    const last = doc.periods[doc.periods.length - 1]!;
    expect(doc.periods.every((p) => p.complete)).toBe(true);
    expect(doc.periods).toHaveLength(20);
    // The figures of the sentence, from the document.
    expect((Math.pow(last.tokens / first.tokens, 1 / 19) - 1) * 100).toBeCloseTo(10.2, 1);
    expect(doc.totals.cost).toBeCloseTo(1_445_106.79, 2);
    expect(doc.findings).toEqual([]);
    const r = runCli(["ingest", ACME.usage]);
    expect(r.code).toBe(0);
    expect(lineUnderTable(r.stdout, /^total /)).toBe(INGEST);
  });

  it("is not in --json or --csv; --quiet keeps it", () => {
    expect(runCli(["ingest", ACME.usage, "--json"]).stdout).not.toContain("complete months,");
    expect(runCli(["ingest", ACME.usage, "--csv"]).stdout).not.toContain("complete months,");
    expect(runCli(["--quiet", "ingest", ACME.usage]).stdout).toContain(INGEST);
  });
});

describe("curve", () => {
  const CURVE =
    "Backwardation (later months cheaper): front 2026-12 2.100 → back 2027-11 1.550 USD/Mtok, -26.19% over 11 months (-28.2% a year); average 1.813 USD/Mtok over 12 months.";

  it("answers under the table: shape, front → back, the change, the average", () => {
    const doc = runJson<{ months: { price: number }[] }>(["curve", ACME.tokenCurve]);
    const average = doc.months.reduce((s, m) => s + m.price, 0) / doc.months.length;
    expect(average.toFixed(3)).toBe("1.813");
    const r = runCli(["curve", ACME.tokenCurve]);
    expect(r.code).toBe(0);
    expect(lineUnderTable(r.stdout, /^2027-11 /)).toBe(CURVE);
  });

  it("is not in --json or --csv; --quiet keeps it", () => {
    expect(runCli(["curve", ACME.tokenCurve, "--json"]).stdout).not.toContain("Backwardation (");
    expect(runCli(["curve", ACME.tokenCurve, "--csv"]).stdout).not.toContain("Backwardation (");
    expect(runCli(["--quiet", "curve", ACME.tokenCurve]).stdout).toContain(CURVE);
  });
});

describe("forecast", () => {
  interface Doc {
    forecast: { mean: number; lo80: number; hi80: number }[];
    drivers: { growth: { now: number; horizonEnd: number } };
  }
  const doc = runJson<Doc>(["forecast", ACME.usage]);
  const human = runCli(["forecast", ACME.usage]);

  it("answers under the table: the 12 months' total with P10–P90 and the growth a month", () => {
    expect(human.code).toBe(0);
    const line = lineUnderTable(human.stdout, /^2027-10 /)!;
    const m =
      /^Next 12 months \(2026-11 … 2027-10\): ([\d,]+) B tok expected, P10–P90 ([\d,]+)–([\d,]+) B tok; growth \+(\d+\.\d)% a month now, \+(\d+\.\d)% a month at the horizon end\.$/.exec(
        line,
      );
    expect(m, line).not.toBeNull();
    const b = (s: string): number => Number(s.replace(/,/g, ""));
    const total = doc.forecast.reduce((s, p) => s + p.mean, 0);
    expect(b(m![1]!)).toBe(Math.round(total / 1e9));
    // The total's P10 and P90 bracket its mean and lie inside the sums of the monthly 80% bounds (paths are not
    // perfectly correlated, so the total's interval is narrower than the sum of the months').
    const lo = b(m![2]!) * 1e9;
    const hi = b(m![3]!) * 1e9;
    expect(lo).toBeLessThan(total);
    expect(hi).toBeGreaterThan(total);
    expect(lo).toBeGreaterThanOrEqual(doc.forecast.reduce((s, p) => s + p.lo80, 0) - 1e9);
    expect(hi).toBeLessThanOrEqual(doc.forecast.reduce((s, p) => s + p.hi80, 0) + 1e9);
    expect(m![4]).toBe((doc.drivers.growth.now * 100).toFixed(1));
    expect(m![5]).toBe((doc.drivers.growth.horizonEnd * 100).toFixed(1));
  });

  it("is not in --json or --csv; --quiet keeps it", () => {
    expect(runCli(["forecast", ACME.usage, "--json"]).stdout).not.toContain("Next 12 months");
    expect(runCli(["forecast", ACME.usage, "--csv"]).stdout).not.toContain("Next 12 months");
    expect(runCli(["--quiet", "forecast", ACME.usage]).stdout).toContain("Next 12 months (2026-11 … 2027-10): ");
  });

  it("a series file of unknown unit is answered in its own figures", () => {
    const r = runCli(["forecast", "fixtures/series/air-passengers.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Next 12 months \(1961-01 … 1961-12\): [\d,]+ in all expected, P10–P90 [\d,]+–[\d,]+; growth [+-]\d+\.\d% a month now/m,
    );
  });
});
