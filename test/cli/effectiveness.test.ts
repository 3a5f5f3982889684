/**
 * `tokenhedge effectiveness` through the real binary, on histories whose answers are worked by hand below.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/run-cli.js";

interface Doc {
  schemaVersion: number;
  input: { kind: string; priceColumns?: string };
  dollarOffset: {
    cumulative: number;
    pass: boolean;
    cumulativeHedge: number;
    cumulativeItem: number;
    byPeriod: {
      period: string;
      hedge: number;
      item: number;
      ratio: number;
      pass: boolean;
      cumulativeRatio: number;
      cumulativePass: boolean;
    }[];
  };
  regression: {
    direction: string;
    statement: string;
    slope: number;
    intercept: number;
    rSquared: number;
    fStatistic: number;
    pValue: number;
    observations: number;
    pass: boolean;
  };
  reserve: number;
  ineffectiveness: number;
  pass: boolean;
}

function doc(args: string[]): Doc {
  const r = runCli(["effectiveness", ...args, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

/**
 * Two-sided p-value of Student's t with 3 degrees of freedom, in closed form:
 * F(t) = 1/2 + (1/π)[θ + sinθ·cosθ] with θ = atan(t/√3), so p = 1 − (2/π)(θ + sinθ·cosθ).
 * The F(1, 3) test of the slope has the same p-value with t = √F.
 */
function pValueT3(t: number): number {
  const theta = Math.atan(Math.abs(t) / Math.sqrt(3));
  return 1 - (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta));
}

describe("worked example 1: value changes (fixtures/effectiveness/worked-values.csv)", () => {
  // hedge: 100, −50, 80, −30, 60 (Σ 160)   item: −110, 45, −90, 35, −55 (Σ −175)
  const d = doc(["--history", "fixtures/effectiveness/worked-values.csv"]);

  it("dollar offset: cumulative −160/−175 = 0.9142857 (pass); per period 100/110, 50/45, 80/90, 30/35, 60/55", () => {
    expect(d.schemaVersion).toBe(1);
    expect(d.dollarOffset.cumulative).toBeCloseTo(160 / 175, 9);
    expect(d.dollarOffset.pass).toBe(true);
    expect(d.dollarOffset.byPeriod.map((p) => p.ratio)).toEqual(
      [100 / 110, 50 / 45, 80 / 90, 30 / 35, 60 / 55].map((x) => Number(x.toFixed(10))),
    );
    expect(d.dollarOffset.byPeriod.every((p) => p.pass)).toBe(true);
    // Through period 2 the cumulative is 50/65 = 0.769: outside 80–125%.
    expect(d.dollarOffset.byPeriod[1]!.cumulativeRatio).toBeCloseTo(50 / 65, 9);
    expect(d.dollarOffset.byPeriod[1]!.cumulativePass).toBe(false);
  });

  it("regression hedge-on-item: x̄ = −35, ȳ = 32, Sxx = 20350, Sxy = −19200, Syy = 18280", () => {
    // deviations x: −75, 80, −55, 70, −20   y: 68, −82, 48, −62, 28
    const slope = -19200 / 20350; // −0.943489
    const r2 = (19200 * 19200) / (20350 * 18280); // 0.990973
    const f = (r2 / (1 - r2)) * 3; // n − 2 = 3
    expect(d.regression.direction).toBe("hedge-on-item");
    expect(d.regression.statement).toMatch(/ΔHedge \(y\) regressed on ΔHedged item \(x\)/);
    expect(d.regression.slope).toBeCloseTo(slope, 9);
    expect(d.regression.intercept).toBeCloseTo(32 - slope * -35, 8);
    expect(d.regression.rSquared).toBeCloseTo(r2, 9);
    expect(d.regression.fStatistic).toBeCloseTo(f, 6);
    expect(d.regression.pValue).toBeCloseTo(pValueT3(Math.sqrt(f)), 9);
    expect(d.regression.pass).toBe(true);
  });

  it("reserve: lower of |160| and |−175| = 160, no ineffectiveness", () => {
    expect(d.reserve).toBe(160);
    expect(d.ineffectiveness).toBe(0);
    expect(d.pass).toBe(true);
  });

  it("item-on-hedge: slope Sxy/Syy = −19200/18280, same R²", () => {
    const e = doc(["--history", "fixtures/effectiveness/worked-values.csv", "--regress", "item-on-hedge"]);
    expect(e.regression.direction).toBe("item-on-hedge");
    expect(e.regression.slope).toBeCloseTo(-19200 / 18280, 9);
    expect(e.regression.rSquared).toBeCloseTo(d.regression.rSquared, 12);
  });
});

describe("worked example 2: prices (fixtures/effectiveness/worked-prices.csv)", () => {
  // Levels spot 10.00, 10.50, 10.20, 10.90; futures 9.80, 10.20, 10.00, 10.60
  // ΔS 0.5, −0.3, 0.7; ΔF 0.4, −0.2, 0.6. N = 2, QF = 1000, QA = 2000:
  // hedge = N·QF·ΔF = 800, −400, 1200; item = −QA·ΔS = −1000, 600, −1400.
  const args = ["--contracts", "2", "--contract-size", "1000", "--exposure", "2000"];
  const d = doc(["--history", "fixtures/effectiveness/worked-prices.csv", ...args]);

  it("derives value changes from price levels", () => {
    expect(d.input).toMatchObject({ kind: "prices", priceColumns: "levels" });
    expect(d.dollarOffset.byPeriod.map((p) => [p.period, p.hedge, p.item])).toEqual([
      ["2026-02", 800, -1000],
      ["2026-03", -400, 600],
      ["2026-04", 1200, -1400],
    ]);
  });

  it("dollar offset 1600/1800 = 0.8889 passes; period 2 (400/600 = 0.667) fails; period 1 sits on the 80% bound and passes", () => {
    expect(d.dollarOffset.cumulative).toBeCloseTo(1600 / 1800, 9);
    expect(d.dollarOffset.pass).toBe(true);
    expect(d.dollarOffset.byPeriod.map((p) => p.pass)).toEqual([true, false, true]);
  });

  it("regression: slope −1760000/2240000 = −11/14 fails the −0.80 bound although R² = 0.99725", () => {
    // x = item: mean −600, deviations −400, 1200, −800 → Sxx = 2,240,000
    // y = hedge: mean 1600/3, deviations 800/3, −2800/3, 2000/3 → Syy = 4,160,000/3; Sxy = −1,760,000
    const r2 = (1760000 * 1760000) / (2240000 * (4160000 / 3));
    expect(d.regression.slope).toBeCloseTo(-11 / 14, 9);
    expect(d.regression.rSquared).toBeCloseTo(r2, 9);
    // F(1, 1): p = 1 − (2/π)·atan(√F) (Student's t with 1 df is Cauchy)
    const f = r2 / (1 - r2);
    expect(d.regression.fStatistic).toBeCloseTo(f, 5);
    expect(d.regression.pValue).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(Math.sqrt(f)), 9);
    expect(d.regression.pass).toBe(false);
    expect(d.pass).toBe(false);
  });

  it("--changes on the same data given as changes gives the same figures", () => {
    const c = doc(["--history", "fixtures/effectiveness/worked-price-changes.csv", "--changes", ...args]);
    expect(c.input.priceColumns).toBe("changes");
    expect(c.dollarOffset).toEqual(d.dollarOffset);
    expect(c.regression).toEqual(d.regression);
  });
});

describe("effectiveness: outputs and errors", () => {
  it("prints a table naming the regression direction and the reserve", () => {
    const r = runCli(["effectiveness", "--history", "fixtures/effectiveness/worked-values.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dollar offset .*91\.4% pass/);
    expect(r.stdout).toMatch(/regression, ΔHedge \(y\) regressed on ΔHedged item \(x\): slope -0\.9435/);
    expect(r.stdout).toMatch(/reserve .*\$160\.00/);
  });

  it("--csv prints one row per period", () => {
    const r = runCli(["effectiveness", "--history", "fixtures/effectiveness/worked-values.csv", "--csv"]);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("period,hedge,item,ratio,pass,cumulativeHedge,cumulativeItem,cumulativeRatio,cumulativePass");
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^2026-01,100,-110,/); // negative numbers are not quoted as formulas
  });

  it("a price history without --contracts is a usage error naming the flag", () => {
    const r = runCli(["effectiveness", "--history", "fixtures/effectiveness/worked-prices.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--contracts/);
  });

  it("a bad number is a data error with line and column", () => {
    const r = runCli(["effectiveness", "--history", "fixtures/effectiveness/bad-number.csv"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/bad-number.csv:3:2: cannot read "1,250" as a number/);
  });

  it("a duplicated or out-of-order period is refused at its line, not tested in file order", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-eff-"));
    // 2026-02 twice: used in file order it would count one month's offset twice in the cumulative test.
    writeFileSync(join(dir, "dup.csv"), "period,hedge,item\n2026-01,100,-110\n2026-02,-50,45\n2026-02,-50,45\n");
    const dup = runCli(["effectiveness", "--history", join(dir, "dup.csv")]);
    expect(dup.code).toBe(3);
    expect(dup.stderr).toMatch(/dup\.csv:4:1: period 2026-02 appears twice \(lines 3 and 4\)/);
    writeFileSync(join(dir, "order.csv"), "period,hedge,item\n2026-02,100,-110\n2026-01,-50,45\n");
    const order = runCli(["effectiveness", "--history", join(dir, "order.csv")]);
    expect(order.code).toBe(3);
    expect(order.stderr).toMatch(/order\.csv:3:1: periods are not in order: 2026-01 after 2026-02/);
  });

  it("warns on stderr when the hedged item's cumulative change is tiny (small-dollar problem)", () => {
    // Σ item = 100 − 99.5 = 0.5 against Σ|item| = 199.5: 0.25%, below the 1% threshold
    const dir = mkdtempSync(join(tmpdir(), "th-eff-"));
    writeFileSync(join(dir, "tiny.csv"), "period,hedge,item\n2026-01,-100,100\n2026-02,99,-99.5\n2026-03,1,-1\n");
    const r = runCli(["effectiveness", "--history", join(dir, "tiny.csv"), "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the hedged item's cumulative change \(-0\.5\) .*\(small-dollar problem\)/);
    expect(() => JSON.parse(r.stdout)).not.toThrow(); // stdout stays valid JSON
  });

  it("no --history and no config is a usage error", () => {
    const r = runCli(["effectiveness"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing --history/);
  });

  it("reads its settings from the config (the Acme price history, 60 contracts of 1e9 tokens against 6e10 tokens)", () => {
    const d = doc(["--config", "fixtures/config/acme.config.yaml"]);
    expect(d.input).toMatchObject({ kind: "prices", priceColumns: "levels" });
    expect(d.dollarOffset.byPeriod).toHaveLength(23);
    // hedge = 60 · 1e9 · ΔF / 1e6 = 60,000 · ΔF; the first ΔF is 2.4943 − 2.5500 = −0.0557 → −3,342
    expect(d.dollarOffset.byPeriod[0]!.hedge).toBeCloseTo(-3342, 6);
    // item = −6e10 · ΔS / 1e6 = −60,000 · ΔS; the first ΔS is 2.5601 − 2.6200 = −0.0599 → 3,594
    expect(d.dollarOffset.byPeriod[0]!.item).toBeCloseTo(3594, 6);
    // a flag still overrides the config
    expect(
      doc(["--config", "fixtures/config/acme.config.yaml", "--regress", "item-on-hedge"]).regression.direction,
    ).toBe("item-on-hedge");
  });
});
