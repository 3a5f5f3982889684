/**
 * `tokenhedge check`: exit 0 on the Acme config, exit 1 on a config made to breach each rule (one test
 * per rule), 2 on a bad config, 3 on bad data; the table is printed before a breach exit.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/run-cli.js";

interface Rule {
  rule: string;
  subject: string;
  value: number | null;
  min?: number;
  max?: number;
  limit: string;
  pass: boolean | null;
}
interface CheckDoc {
  schemaVersion: number;
  command: string;
  asOf: string;
  pass: boolean;
  breaches: number;
  rules: Rule[];
}

const ACME_CFG = "fixtures/config/acme.config.yaml";
const breach = (name: string): string => `fixtures/config/breach/${name}.config.yaml`;

function check(args: string[]): { code: number; doc: CheckDoc; stderr: string } {
  const r = runCli(["check", ...args, "--json"]);
  return { code: r.code, doc: JSON.parse(r.stdout) as CheckDoc, stderr: r.stderr };
}

/** The rules that failed, by id. */
const failed = (doc: CheckDoc): string[] => [...new Set(doc.rules.filter((r) => r.pass === false).map((r) => r.rule))];

describe("check on the Acme config", () => {
  const { code, doc } = check(["--config", ACME_CFG, "--as-of", "2026-11-05"]);

  it("exits 0 with every evaluated rule passing", () => {
    expect(code).toBe(0);
    expect(doc.pass).toBe(true);
    expect(doc.breaches).toBe(0);
    expect(doc.asOf).toBe("2026-11-05");
  });

  it("evaluates every kind of rule the config sets", () => {
    expect(new Set(doc.rules.map((r) => r.rule))).toEqual(
      new Set([
        "maxCostAtRisk",
        "maxOverHedgeProbability",
        "hedgeRatioBand",
        "minEffectiveness.rSquared",
        "minEffectiveness.slope",
        "minEffectiveness.pValue",
        "minEffectiveness.dollarOffset",
        "maxMissingDays",
        "maxStaleDays",
      ]),
    );
    // one band rule per delivery month, each against its tenor's policy band
    const bands = doc.rules.filter((r) => r.rule === "hedgeRatioBand");
    expect(bands).toHaveLength(12);
    expect(bands[0]).toMatchObject({ subject: "2026-12 (tenor 1)", min: 0.7, max: 0.9 });
    expect(bands[11]).toMatchObject({ subject: "2027-11 (tenor 12)", min: 0.15, max: 0.35 });
  });

  it("stale days: last usage day 2026-10-31 to as-of 2026-11-05 is 5 days", () => {
    expect(doc.rules.find((r) => r.rule === "maxStaleDays")).toMatchObject({ value: 5, max: 45, pass: true });
  });

  it("prints the human table with value, limit and result", () => {
    const r = runCli(["check", "--config", ACME_CFG, "--as-of", "2026-11-05"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/maxStaleDays +usage file +5 {2}≤ 45 +pass/);
    expect(r.stdout).toMatch(/hedgeRatioBand +2026-12 \(tenor 1\) +\d+\.\d% {2}70% – 90% +pass/);
  });
});

describe("one config per rule, each made to breach it: exit 1, output printed first", () => {
  it("maxOverHedgeProbability: a 100% hedge rounded up (capped at P10 volume) is over-hedged in about 1 path in 10", () => {
    const { code, doc } = check(["--config", breach("over-hedge")]);
    expect(code).toBe(1);
    expect(failed(doc)).toEqual(["maxOverHedgeProbability"]);
    const rule = doc.rules.find((r) => r.rule === "maxOverHedgeProbability")!;
    expect(rule.value).toBeGreaterThan(0.05);
    expect(rule.max).toBe(0.05);
  });

  it("hedgeRatioBand: an 80/60/40/25 ladder against an 85–95% band fails in every month", () => {
    const { code, doc } = check(["--config", breach("hedge-ratio-band")]);
    expect(code).toBe(1);
    expect(failed(doc)).toEqual(["hedgeRatioBand"]);
    expect(doc.rules.filter((r) => r.pass === false)).toHaveLength(12);
  });

  it("hedgeRatioBand with a single `ratio:` (a band of zero width) passes as whole contracts rounded down", () => {
    const text = readFileSync(join(ROOT, ACME_CFG), "utf8")
      .replaceAll("../acme/", `${join(ROOT, "fixtures/acme")}/`)
      .replace(/^policy: .*$/m, "ratio: 0.5");
    const file = join(mkdtempSync(join(tmpdir(), "th-flat-")), "hedge.config.yaml");
    writeFileSync(file, text);
    const { code, doc } = check(["--config", file, "--as-of", "2026-11-05"]);
    expect(code).toBe(0);
    const bands = doc.rules.filter((r) => r.rule === "hedgeRatioBand") as (Rule & {
      withinRounding?: boolean;
      note?: string;
    })[];
    expect(bands).toHaveLength(12);
    for (const b of bands) {
      // Below 50% by less than one contract's share of the month, and said so.
      expect(b.min).toBe(0.5);
      expect(b.value!).toBeLessThan(0.5);
      expect(b.pass).toBe(true);
      expect(b.withinRounding).toBe(true);
      expect(b.note).toMatch(/^\d+ contract\(s\) are the policy's rounding \(down, lot 1\) of 50%/);
    }
    const human = runCli(["check", "--config", file, "--as-of", "2026-11-05"]).stdout;
    expect(human).toContain("hedgeRatioBand: 12 month(s) pass as whole contracts");
  });

  it("minEffectiveness.rSquared: R² ≈ 0.81 against a minimum of 0.95", () => {
    const { code, doc } = check(["--config", breach("min-effectiveness")]);
    expect(code).toBe(1);
    expect(failed(doc)).toEqual(["minEffectiveness.rSquared"]);
    const rule = doc.rules.find((r) => r.rule === "minEffectiveness.rSquared")!;
    expect(rule.value).toBeGreaterThan(0.8);
    expect(rule.value).toBeLessThan(0.95);
  });

  it("minEffectiveness.dollarOffset: −80/−145 = 0.5517 is outside 80–125%", () => {
    const { code, doc } = check(["--config", breach("dollar-offset")]);
    expect(code).toBe(1);
    expect(failed(doc)).toEqual(["minEffectiveness.dollarOffset"]);
    expect(doc.rules.find((r) => r.rule === "minEffectiveness.dollarOffset")!.value).toBeCloseTo(80 / 145, 9);
  });

  it("states the company's price the money rules stand on: usage cost ÷ tokens, sticky, company cost above the index cost", () => {
    const { doc } = check(["--config", breach("basis")]);
    const company = (
      doc as unknown as { company: { priceSource: string; basis: string; companyCost: number; indexCost: number } }
    ).company;
    expect(company).toMatchObject({ priceSource: "usage", basis: "regression" });
    expect(company.companyCost).toBeGreaterThan(company.indexCost);
  });

  it("basisRSquared: the export's own price regressed on the index's changes, R² 0.0106 (β −0.147, 23 changes) < 0.8", () => {
    const { code, doc } = check(["--config", breach("basis")]);
    expect(code).toBe(1);
    expect(failed(doc)).toEqual(["basisRSquared"]);
    const rule = doc.rules.find((r) => r.rule === "basisRSquared")!;
    expect(rule.value).toBeCloseTo(0.010594, 6);
    expect(rule).toMatchObject({ min: 0.8, subject: "fixtures/acme/price-history.csv" });
  });

  it("maxMissingDays: 5 days removed from the usage file, at most 3 allowed", () => {
    const { code, doc } = check(["--config", breach("missing-days")]);
    expect(code).toBe(1);
    expect(failed(doc)).toEqual(["maxMissingDays"]);
    expect(doc.rules.find((r) => r.rule === "maxMissingDays")).toMatchObject({ value: 5, max: 3 });
  });

  it("maxStaleDays: usage ends 2026-10-31, as of 2027-01-15 (from the config) is 76 days", () => {
    // 2026-10-31 → 2026-11-30: 30, → 2026-12-31: 61, → 2027-01-15: 76
    const { code, doc } = check(["--config", breach("stale-data")]);
    expect(code).toBe(1);
    expect(failed(doc)).toEqual(["maxStaleDays"]);
    expect(doc.rules.find((r) => r.rule === "maxStaleDays")).toMatchObject({ value: 76, max: 30 });
    // --as-of overrides the config's asOf: 2026-11-20 is 20 days, within the limit
    expect(check(["--config", breach("stale-data"), "--as-of", "2026-11-20"]).code).toBe(0);
  });

  it("the human table is printed before exit 1", () => {
    const r = runCli(["check", "--config", breach("missing-days")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/maxMissingDays +usage file +5 {2}≤ 3 +FAIL/);
    expect(r.stdout).toMatch(/1 of 1 rules breached: exit 1/);
  });

  it("--csv lists the rules with their result", () => {
    const r = runCli(["check", "--config", breach("missing-days"), "--csv"]);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")[0]).toBe("rule,subject,value,limit,unit,result,note");
    expect(r.stdout).toMatch(/^maxMissingDays,usage file,5,≤ 3,days,FAIL,/m);
  });
});

describe("check: bad config exits 2, bad data exits 3", () => {
  it("a threshold out of range", () => {
    const r = runCli(["check", "--config", "fixtures/config/invalid/wrong-type.config.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wrong-type.config.yaml:7:\d+/);
    expect(r.stdout).toBe("");
  });

  it("a usage file with a bad token count", () => {
    const r = runCli(["check", "--config", "fixtures/config/invalid/bad-data.config.yaml"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/usage-bad.csv:3:2/);
  });

  it("no config at all is a usage error naming what is missing", () => {
    const r = runCli(["check"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no usage file given/);
  });
});

describe("maxCostAtRisk (Monte Carlo, src/scenarios/simulate.ts)", () => {
  it("a limit of USD 1,000 on the hedged cost's 95% Cost-at-Risk is breached", () => {
    const { code, doc } = check(["--config", breach("cost-at-risk")]);
    expect(code).toBe(1);
    expect(failed(doc)).toEqual(["maxCostAtRisk"]);
    const rule = doc.rules.find((r) => r.rule === "maxCostAtRisk")!;
    expect(rule.value).toBeGreaterThan(1000);
    expect(rule.max).toBe(1000);
  });

  it("Cost-at-Risk equals P95 − mean of `simulate` with the same seed, paths and volatility", () => {
    const { doc } = check(["--config", breach("cost-at-risk")]);
    const sim = runCli(["simulate", "--config", breach("cost-at-risk"), "--vol", "0.45", "--paths", "2000", "--json"]);
    expect(sim.code, sim.stderr).toBe(0);
    const hedged = (JSON.parse(sim.stdout) as { hedged: { costAtRisk95: number } }).hedged;
    expect(doc.rules.find((r) => r.rule === "maxCostAtRisk")!.value).toBeCloseTo(hedged.costAtRisk95, 2);
  });
});
