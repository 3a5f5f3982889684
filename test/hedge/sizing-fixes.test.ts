/** `--tail` is for the minimum-variance hedge only; a quarterly listing counts months ahead. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { completeCurve } from "../../src/curve/complete-curve.js";
import { contractSpecSchema, parseContractSpec } from "../../src/curve/contract.js";
import { parseCurve } from "../../src/curve/parse-curve.js";
import { HedgeError } from "../../src/errors.js";
import { mvhrMethod } from "../../src/hedge/methods/mvhr-method.js";
import { hedgeRatioFromSeries, hedgeRatioFromStatistics } from "../../src/hedge/mvhr.js";
import { buildPlan } from "../../src/hedge/plan.js";
import { policySchema } from "../../src/hedge/policy.js";
import { percentageChangeRatio } from "../../src/hedge/tailing.js";

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/curves/${name}`, import.meta.url), "utf8");
const f = (month: string, mean: number) => ({ month, mean, p10: mean * 0.9, p50: mean, p90: mean * 1.1 });

const tokenSpec = contractSpecSchema.parse({
  name: "test token contract",
  illustrative: true,
  underlying: "token-index",
  quoteUnit: "USD/Mtok",
  contractSize: 1_000_000_000,
  sizeUnit: "tokens",
  tickSize: 0.01,
  currency: "USD",
  initialMargin: 300,
  maintenanceMargin: 240,
  feePerContract: 1.5,
});
const band = policySchema.parse({
  ladder: [{ fromMonth: 1, toMonth: 12, ratio: 0.8, min: 0.7, max: 0.9 }],
  rounding: "down",
});

describe("--tail is for the minimum-variance hedge (Hull ch. 3), never for a volume ladder", () => {
  it("a policy ladder with --tail is refused (exit 2), instead of pushing 80% × 2.2/2.0 = 88% … outside a band", () => {
    const run = () =>
      buildPlan({
        forecast: [f("2026-12", 10e9)],
        curve: [{ month: "2026-12", price: 2 }],
        spec: tokenSpec,
        policy: band,
        options: { tail: { spotPrice: 2.6 } },
      });
    expect(run).toThrow(HedgeError);
    expect(run).toThrow(/--tail applies to the minimum-variance hedge/);
    try {
      run();
    } catch (e) {
      expect((e as HedgeError).exitCode).toBe(2);
      expect((e as HedgeError).details.hint).toMatch(/--method mvhr/);
    }
  });

  it("the mvhr hedge is tailed: N* = ĥ·S₀·Q/(F₀·size) = 0.9 × 2.2 × 10e9 / (2.0 × 1e9) = 9.9 → 9 (down)", () => {
    const h = hedgeRatioFromStatistics({ correlation: 0.9, sigmaSpot: 0.1, sigmaFutures: 0.1 }); // ĥ = 0.9·0.1/0.1
    const plan = buildPlan({
      forecast: [f("2026-12", 10e9)],
      curve: [{ month: "2026-12", price: 2 }],
      spec: tokenSpec,
      policy: band,
      options: { method: mvhrMethod(h, "stats"), tail: { spotPrice: 2.2 } },
    });
    expect(plan.months[0]!.contractsUnrounded).toBeCloseTo(9.9, 10);
    expect(plan.months[0]!).toMatchObject({ contracts: 9, tailFactor: 1.1 });
  });

  it("ĥ for the tail comes from percentage changes: returns built with r_S = 0.8·r_F + e, e ⟂ r_F, give ĥ = 0.8", () => {
    // r_F = (0.04, −0.02, 0.01), mean 0.01, centred (0.03, −0.03, 0); e = (0.005, 0.005, −0.01) sums to 0 and is
    // orthogonal to the centred r_F, so the OLS slope of r_S on r_F is 0.8 exactly.
    const rF = [0.04, -0.02, 0.01];
    const e = [0.005, 0.005, -0.01];
    const levels = (start: number, r: number[]) => r.reduce((xs, x) => [...xs, xs[xs.length - 1]! * (1 + x)], [start]);
    const spot = levels(
      100,
      rF.map((x, i) => 0.8 * x + e[i]!),
    );
    const futures = levels(50, rF);
    const h = percentageChangeRatio({
      kind: "levels",
      spot,
      futures,
      file: "h.csv",
      periods: ["1", "2", "3", "4"],
      spotColumn: "spot",
      futuresColumn: "futures",
    });
    expect(h.hedgeRatio).toBeCloseTo(0.8, 12);
    // On price changes the slope is about 0.8 × S/F ≈ 1.6 (ΔS moves a 100 price, ΔF a 50 one): tailing that by S₀/F₀
    // would count the price ratio twice.
    expect(hedgeRatioFromSeries({ kind: "levels", spot, futures }).hedgeRatio).toBeGreaterThan(1.5);
    expect(() =>
      percentageChangeRatio({
        kind: "changes",
        spot,
        futures,
        file: "h.csv",
        periods: [],
        spotColumn: "spot",
        futuresColumn: "futures",
      }),
    ).toThrow(/price levels/);
  });
});

describe("a quarterly listing: tenor in months ahead, unlisted months hedged in the next listed contract", () => {
  // fixtures/curves/quarterly-curve.csv: 2026-12 2.10, 2027-03 1.93, (2027-06 interpolated (1.93 + 1.63)/2 = 1.78),
  // 2027-09 1.63, 2027-12 1.50; the contract lists March, June, September, December.
  const spec = parseContractSpec(fixture("quarterly-contract.yaml"), "quarterly-contract.yaml");
  const curve = completeCurve(
    parseCurve(fixture("quarterly-curve.csv"), "quarterly-curve.csv"),
    spec.listedMonths,
    spec.name,
  ).points;
  const months = ["2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"];
  const forecast = months.map((m) => f(m, 10e9));
  const policy = policySchema.parse({
    ladder: [
      { fromMonth: 1, toMonth: 3, ratio: 0.8 },
      { fromMonth: 4, toMonth: 6, ratio: 0.5 },
      { fromMonth: 7, toMonth: 24, ratio: 0.3 },
    ],
    rounding: "down",
  });
  const plan = buildPlan({ forecast, curve, spec, policy });

  it("every forecast month is in the plan; tenors count calendar months, so 2027-03 is tenor 4 (0.5), not row 2 (0.8)", () => {
    // Worked example, 10e9 tokens a month, contracts of 1e9, rounding down:
    //   Dec tenor 1 0.8 → 8 in Dec @2.10; Jan 2, Feb 3: 0.8 → 8 each in Mar @1.93;
    //   Mar tenor 4 0.5 → 5 @1.93; Apr 5, May 6: 0.5 → 5 each in Jun @1.78; Jun tenor 7 0.3 → 3 @1.78.
    expect(
      plan.months.map((m) => [m.month, m.contractMonth, m.tenor, m.hedgeRatio, m.contracts, m.futuresPrice]),
    ).toEqual([
      ["2026-12", "2026-12", 1, 0.8, 8, 2.1],
      ["2027-01", "2027-03", 2, 0.8, 8, 1.93],
      ["2027-02", "2027-03", 3, 0.8, 8, 1.93],
      ["2027-03", "2027-03", 4, 0.5, 5, 1.93],
      ["2027-04", "2027-06", 5, 0.5, 5, 1.78],
      ["2027-05", "2027-06", 6, 0.5, 5, 1.78],
      ["2027-06", "2027-06", 7, 0.3, 3, 1.78],
    ]);
    // Locked-in, per contract 1,000 Mtok × price: Dec 8 × 2,100 = 16,800; Mar (8 + 8 + 5) × 1,930 = 40,530;
    // Jun (5 + 5 + 3) × 1,780 = 23,140; total 80,470.
    expect(plan.totals.lockedInCost).toBe(80_470);
  });

  it("the months hedged in a later contract are flagged and named, never silently bare", () => {
    const flagged = plan.months.filter((m) => m.flags.includes("later-contract")).map((m) => m.month);
    expect(flagged).toEqual(["2027-01", "2027-02", "2027-04", "2027-05"]);
    expect(plan.warnings.join("\n")).toMatch(
      /no contract listed for 4 months: hedged in the next listed delivery month.*2027-01 in 2027-03/,
    );
  });

  it("forecast months past the curve are named in the warnings; the plan starts at the curve's first month", () => {
    const p = buildPlan({ forecast: [f("2026-11", 10e9), ...forecast], curve: curve.slice(0, 2), spec, policy });
    expect(p.months.map((m) => m.month)).toEqual(["2026-12", "2027-01", "2027-02", "2027-03"]);
    const w = p.warnings.join("\n");
    expect(w).toMatch(/no listed contract after 2027-03: forecast months 2027-04, 2027-05, 2027-06 are not hedged/);
  });
});
