/**
 * `--events` and `--volume-plan` through the CLI (built bundle): forecast, plan and a config carrying the keys;
 * bad files are exit 3 with file:line:column, a bad weight exit 2. Fixtures: fixtures/acme/events.csv (the
 * 2025-11-18 outage, the 2026-02-19 launch at +50%, a +20% launch planned for 2027-04) and
 * fixtures/acme/volume-plan.csv (12 months, 2026-11 at weight 1, the rest at the default 0.5).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACME, PLAN_ARGS, ROOT, runCli, runJson } from "../helpers/run-cli.js";

const EVENTS = "fixtures/acme/events.csv";
const PLAN = "fixtures/acme/volume-plan.csv";

interface BlendMonth {
  month: string;
  plan: number;
  statistical: number;
  weight: number;
  mean: number;
}
interface ForecastDoc {
  forecast: { period: string; mean: number }[];
  events: { kind: string; date: string; effect: string }[];
  volumePlan: { file: string; defaultWeight: number; months: BlendMonth[] };
  findings: { kind: string; event?: boolean; message: string }[];
  warnings: string[];
  drivers: { sentence: string };
}
interface PlanDoc {
  months: { month: string; forecastTokens: number }[];
  forecastNotes: {
    sentence: string;
    levelShifts: string[];
    outages: string[];
    events: unknown[];
    volumePlan: { months: BlendMonth[] } | null;
  };
}

describe("forecast --events --volume-plan", () => {
  const doc = runJson<ForecastDoc>(["forecast", ACME.usage, "--events", EVENTS, "--volume-plan", PLAN]);

  it("states what each event did and the blend month by month", () => {
    expect(doc.events.map((e) => `${e.kind} ${e.date} ${e.effect}`)).toEqual([
      "outage 2025-11-18 excluded",
      "launch 2026-02-19 level-shift",
      "launch 2027-04-01 forecast",
    ]);
    expect(doc.volumePlan.file).toBe(PLAN);
    expect(doc.volumePlan.defaultWeight).toBe(0.5);
    const [nov, dec] = doc.volumePlan.months as [BlendMonth, BlendMonth];
    expect(nov).toMatchObject({ month: "2026-11", plan: 70e9, weight: 1, mean: 70e9 });
    expect(dec.weight).toBe(0.5);
    expect(Math.abs(dec.mean - (0.5 * dec.plan + 0.5 * dec.statistical))).toBeLessThanOrEqual(1);
    // The forecast table carries the blended means.
    expect(doc.forecast[0]?.mean).toBe(70e9);
    expect(doc.forecast[1]?.mean).toBe(dec.mean);
  });

  it("the launch and the outage the daily screen finds are the events file's, so no 'not corrected' warning", () => {
    const matched = doc.findings
      .filter((f) => f.event === true)
      .map((f) => f.kind)
      .sort();
    expect(matched).toEqual(["level-shift", "outage"]);
    expect(doc.warnings.some((w) => w.includes("Not corrected"))).toBe(false);
    expect(doc.drivers.sentence).toContain("launch 2027-04-01 +20%: forecast × 1.2 from 2027-04 on");
  });

  it("plan sizes on the same forecast and says what it found (JSON and the human view)", () => {
    const plan = runJson<PlanDoc>(["plan", ACME.usage, ...PLAN_ARGS, "--events", EVENTS, "--volume-plan", PLAN]);
    const dec = plan.months.find((m) => m.month === "2026-12");
    expect(dec?.forecastTokens).toBe(doc.forecast[1]?.mean);
    expect(plan.forecastNotes.levelShifts).toEqual(["2026-02-19"]);
    expect(plan.forecastNotes.outages).toEqual(["2025-11-18"]);
    expect(plan.forecastNotes.events).toHaveLength(3);
    expect(plan.forecastNotes.volumePlan?.months).toHaveLength(12);
    const human = runCli(["plan", ACME.usage, ...PLAN_ARGS]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/\nforecast: Trend [^\n]+\n/);
    expect(human.stdout.replace(/\s+/g, " ")).toContain("Level shifts: around 2026-02-19. Outages: 2025-11-18.");
  });
});

describe("config keys and bad input", () => {
  it("events:, volumePlan: and volumePlanWeight: in a config do what the flags do", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-events-"));
    const config = join(dir, "hedge.config.yaml");
    const abs = (p: string) => join(ROOT, p);
    writeFileSync(
      config,
      [
        `usage: ${abs(ACME.usage)}`,
        `curve: ${abs(ACME.tokenCurve)}`,
        `contract: ${abs(ACME.tokenContract)}`,
        "ratio: 0.5",
        `events: ${abs(EVENTS)}`,
        `volumePlan: ${abs(PLAN)}`,
        "volumePlanWeight: 0.25",
        "",
      ].join("\n"),
    );
    const plan = runJson<PlanDoc>(["plan", "--config", config]);
    expect(plan.forecastNotes.events).toHaveLength(3);
    const dec = plan.forecastNotes.volumePlan?.months[1];
    expect(dec?.weight).toBe(0.25);
    expect(Math.abs(dec!.mean - (0.25 * dec!.plan + 0.75 * dec!.statistical))).toBeLessThanOrEqual(1);
  });

  it("a bad events row: exit 3, file:line:column, the value and what was expected", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-events-"));
    const bad = join(dir, "events.csv");
    writeFileSync(bad, "date,kind,uplift\n2027-04-01,launch,+30%\n2027-05-01,launch,lots\n");
    const r = runCli(["forecast", ACME.usage, "--events", bad]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${bad}:3:3: cannot read uplift "lots"`);
    expect(r.stderr).toContain("a change such as +30%");
    const plan = join(dir, "plan.yaml");
    writeFileSync(plan, "plan:\n  - month: 2027-01\n    tokens: 1e9\n  - month: 2027-02\n    tokens: lots\n");
    const p = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--volume-plan", plan]);
    expect(p.code).toBe(3);
    expect(p.stderr).toContain(`${plan}:5:13: cannot read tokens "lots" for 2027-02`);
  });

  it("a weight outside 0 … 1 is a bad flag (exit 2); a daily forecast refuses a volume plan (exit 2)", () => {
    expect(runCli(["forecast", ACME.usage, "--volume-plan", PLAN, "--volume-plan-weight", "1.5"]).code).toBe(2);
    const day = runCli(["forecast", ACME.usage, "--period", "day", "--volume-plan", PLAN]);
    expect(day.code).toBe(2);
    expect(day.stderr).toContain("applies to monthly forecasts");
  });
});
