/**
 * `tokenhedge hedge-ratio` through the real binary (run `npm run build` first), on Hull's airline example
 * (Options, Futures, and Other Derivatives, Example 3.3 / Table 3.2; fixtures/hull/).
 *
 * Reference values to 6 decimals were computed independently of tokenhedge, in R 4 from the same CSV:
 *   d <- read.csv("fixtures/hull/airline-changes.csv"); f <- lm(spot ~ futures, d)
 *   coef(f)[2] = 0.7776506742; cor(d$spot, d$futures) = 0.9283723459; sd(d$spot) = 0.0262547955;
 *   sd(d$futures) = 0.0313434128; summary(f)$r.squared = 0.8618752126; SE = 0.0863428725;
 *   confint(f)[2, ] = 0.5911182389, 0.9641831096
 * and agree with the book's rounded figures σ_S 0.0263, σ_F 0.0313, ρ 0.928, h* 0.78, 37 contracts.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, runCli, runJson } from "../helpers/run-cli.js";

interface HedgeRatioDoc {
  schemaVersion: number;
  hedgeRatio: number;
  correlation: number | null;
  sigmaSpot: number | null;
  sigmaFutures: number;
  rSquared: number | null;
  standardError: number | null;
  ci95: [number, number] | null;
  observations: number | null;
  contracts?: number;
  contractsUnrounded?: number;
  contractsTailed?: number;
  contractsTailedUnrounded?: number;
  warnings: string[];
}

const HULL = "fixtures/hull/airline-changes.csv";
const six = (x: number | null | undefined): number => Number((x as number).toFixed(6));

describe("hedge-ratio --history (Hull's 15 price changes)", () => {
  const doc = runJson<HedgeRatioDoc>([
    "hedge-ratio",
    "--history",
    HULL,
    "--changes",
    "--exposure",
    "2000000",
    "--contract-size",
    "42000",
  ]);

  it("reproduces h*, ρ, σ_S, σ_F and R² to 6 decimals", () => {
    expect(doc.schemaVersion).toBe(1);
    expect(six(doc.hedgeRatio)).toBe(0.777651);
    expect(six(doc.correlation)).toBe(0.928372);
    expect(six(doc.sigmaSpot)).toBe(0.026255);
    expect(six(doc.sigmaFutures)).toBe(0.031343);
    expect(six(doc.rSquared)).toBe(0.861875);
    expect(six(doc.standardError)).toBe(0.086343);
    expect(doc.ci95!.map(six)).toEqual([0.591118, 0.964183]);
    expect(doc.observations).toBe(15);
  });

  it("matches the book's rounded figures: σ_S 0.0263, σ_F 0.0313, ρ 0.928, h* 0.78, 37 contracts", () => {
    expect(doc.sigmaSpot!.toFixed(4)).toBe("0.0263");
    expect(doc.sigmaFutures.toFixed(4)).toBe("0.0313");
    expect(doc.correlation!.toFixed(3)).toBe("0.928");
    expect(doc.hedgeRatio.toFixed(2)).toBe("0.78");
    // 0.777651 × 2,000,000 / 42,000 = 37.0310 → 37
    expect(doc.contractsUnrounded).toBeCloseTo(37.031, 3);
    expect(doc.contracts).toBe(37);
  });

  it("warns below 12 observations, not at 15", () => {
    expect(doc.warnings).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), "tokenhedge-"));
    const file = join(dir, "short.csv");
    // The first 7 of Hull's changes: 7 observations.
    writeFileSync(file, readFileSync(join(ROOT, HULL), "utf8").split("\n").slice(0, 8).join("\n") + "\n");
    const r = runCli(["hedge-ratio", "--history", file, "--changes", "--json"]);
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/only 7 price changes/);
    expect((JSON.parse(r.stdout) as HedgeRatioDoc).observations).toBe(7);
  });
});

describe("hedge-ratio from statistics", () => {
  it("ρ 0.928, σ_S 0.0263, σ_F 0.0313 → h* = 0.928 × 0.0263/0.0313 = 0.779757 → 37.13 → 37 contracts", () => {
    const doc = runJson<HedgeRatioDoc>([
      "hedge-ratio",
      "--rho",
      "0.928",
      "--sigma-spot",
      "0.0263",
      "--sigma-futures",
      "0.0313",
      "--exposure",
      "2000000",
      "--contract-size",
      "42000",
    ]);
    expect(six(doc.hedgeRatio)).toBe(0.779757);
    expect(six(doc.rSquared)).toBe(0.861184); // 0.928²
    expect(doc.standardError).toBeNull();
    expect(doc.ci95).toBeNull();
    expect(doc.observations).toBeNull();
    expect(doc.contracts).toBe(37);
    expect(doc.contractsUnrounded).toBeCloseTo(37.1313, 4);
  });

  it("covariance form: Cov = ρσ_Sσ_F = 0.000763913 → h* = Cov/σ_F² = 0.779757", () => {
    const cov = 0.928 * 0.0263 * 0.0313;
    const doc = runJson<HedgeRatioDoc>(["hedge-ratio", "--covariance", String(cov), "--sigma-futures", "0.0313"]);
    expect(six(doc.hedgeRatio)).toBe(0.779757);
    expect(doc.correlation).toBeNull();
  });

  it("tailed count by hand with S0 1.94, F0 1.99: 0.779757 × 3,880,000 / 83,580 = 36.198 → 36 nearest, 37 up", () => {
    const args = [
      "hedge-ratio",
      "--rho",
      "0.928",
      "--sigma-spot",
      "0.0263",
      "--sigma-futures",
      "0.0313",
      "--exposure",
      "2000000",
      "--contract-size",
      "42000",
      "--spot",
      "1.94",
      "--futures",
      "1.99",
    ];
    const doc = runJson<HedgeRatioDoc>(args);
    expect(doc.contractsTailedUnrounded).toBeCloseTo(36.1985, 3);
    expect(doc.contractsTailed).toBe(36);
    const up = runJson<HedgeRatioDoc>([...args, "--rounding", "up"]);
    expect(up.contractsTailed).toBe(37);
    expect(up.contracts).toBe(38); // 37.13 up
    // --round is the alias of --rounding (one spelling per concept, plan's): same figures
    const alias = runJson<HedgeRatioDoc>([...args, "--round", "up"]);
    expect(alias.contractsTailed).toBe(37);
    expect(alias.contracts).toBe(38);
    const down = runJson<HedgeRatioDoc>([...args, "--rounding", "down"]);
    expect(down.contracts).toBe(37); // 37.13 down
  });
});

describe("hedge-ratio usage errors (exit 2)", () => {
  it.each([
    [["hedge-ratio"], /missing --history or statistics/],
    [["hedge-ratio", "--history", HULL, "--rho", "0.9"], /cannot be combined/],
    [["hedge-ratio", "--rho", "0.9", "--sigma-futures", "0.1"], /--rho needs --sigma-spot/],
    [
      ["hedge-ratio", "--rho", "0.9", "--sigma-spot", "0.1", "--sigma-futures", "0.1", "--exposure", "10"],
      /missing --contract-size/,
    ],
    [
      ["hedge-ratio", "--rho", "1.5", "--sigma-spot", "0.1", "--sigma-futures", "0.1"],
      /--rho must be between -1 and 1/,
    ],
  ])("%j", (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("a history with a missing column is bad data (exit 3) naming the flag", () => {
    const r = runCli(["hedge-ratio", "--history", HULL, "--spot-column", "jet"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no jet column/);
  });
});

describe("hedge-ratio: the position line says the trade", () => {
  it("a negative h* is a sale for a long hedger, with the interval through 0 said", () => {
    // fixtures/acme/price-history.csv: h* = −0.147278 (R² 0.0106), N* = −12 tailed.
    const r = runCli([
      "hedge-ratio",
      "--history",
      "fixtures/acme/price-history.csv",
      "--exposure",
      "80000",
      "--contract-size",
      "1000",
      "--spot",
      "2.18",
      "--futures",
      "2.10",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      "position:  sell 12 futures (h* is negative: the opposite of a long hedge of a forecast purchase)",
    );
    expect(r.stdout).toContain("the 95% interval of h* includes 0 (R² 0.0106)");
    expect(r.stdout).not.toMatch(/buy -\d/);
  });

  it("Hull's airline: buy 37, and no note (the interval 0.59 … 0.96 excludes 0)", () => {
    const r = runCli([
      "hedge-ratio",
      "--history",
      "fixtures/hull/airline-changes.csv",
      "--changes",
      "--exposure",
      "2000000",
      "--contract-size",
      "42000",
    ]);
    expect(r.stdout).toContain("position:  buy 37 futures (long hedge of a forecast purchase)");
    expect(r.stdout).not.toContain("includes 0");
  });
});
