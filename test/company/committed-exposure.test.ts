/** Commitments are already hedged: the plan sizes contracts on the uncommitted remainder only. */
import { describe, expect, it } from "vitest";
import { parseCommitments } from "../../src/company/commitments.js";
import { uncommittedExposure } from "../../src/company/committed-exposure.js";
import { buildPlan } from "../../src/hedge/plan.js";
import { flatPolicy } from "../../src/hedge/policy.js";
import { tokenSpec } from "../scenarios/fixtures.js";

const file = parseCommitments(
  "provider,model,kind,from,to,tokensPerMonth,usdPerMtok\nopenai,gpt-4.1,*,2027-01,2027-01,4000000000,1.90\n",
  "c.csv",
);
const mix = [
  { provider: "openai", model: "gpt-4.1", kind: "input", share: 0.5 },
  { provider: "anthropic", model: "claude", kind: "input", share: 0.5 },
];
const month = (m: string, mean: number) => ({ month: m, mean, p10: mean * 0.5, p50: mean, p90: mean * 1.5 });

describe("the uncommitted remainder", () => {
  it("takes min(V·share, C) out of every quantile and leaves months without commitments alone", () => {
    // 2027-01: V = 10e9, gpt-4.1 half = 5e9 ≥ C = 4e9 → remainder 6e9; P10 5e9 → half 2.5e9 < C → remainder 2.5e9;
    // P90 15e9 → 7.5e9 covered, 4e9 used → 11e9. 2026-12 has no commitment: unchanged.
    const r = uncommittedExposure([month("2026-12", 10e9), month("2027-01", 10e9)], file.commitments, mix);
    expect(r.months[0]).toEqual(month("2026-12", 10e9));
    expect(r.months[1]).toMatchObject({ mean: 6e9, p10: 2.5e9, p50: 6e9, p90: 11e9 });
    expect(r.committed).toEqual([
      { month: "2027-01", committedTokens: 4e9, forecastTokens: 10e9, uncommittedTokens: 6e9 },
    ]);
  });

  it("means the remainder over sample paths (not the remainder of the mean): below the commitment nothing is left of the covered half", () => {
    // Paths 4e9, 10e9, 16e9: covered halves 2e9, 5e9, 8e9 → used 2e9, 4e9, 4e9 → remainders 2e9, 6e9, 12e9; mean 20e9/3.
    const f = { ...month("2027-01", 10e9), samples: Float64Array.from([4e9, 10e9, 16e9]) };
    const r = uncommittedExposure([f], file.commitments, mix);
    expect(Array.from(r.months[0]!.samples!)).toEqual([2e9, 6e9, 12e9]);
    expect(r.months[0]!.mean).toBeCloseTo(20e9 / 3, 0);
  });

  it("the plan hedges 80% of the remainder: 2027-01 sizes on 6e9 (4 contracts), 2026-12 on 10e9 (8)", () => {
    const forecast = [month("2026-12", 10e9), month("2027-01", 10e9)];
    const r = uncommittedExposure(forecast, file.commitments, mix);
    const plan = buildPlan({
      forecast,
      curve: [
        { month: "2026-12", price: 2.1 },
        { month: "2027-01", price: 2.0 },
      ],
      spec: tokenSpec,
      policy: flatPolicy(0.8, "down", 2),
      options: { hedgeable: new Map([["2027-01", { forecast: r.months[1]!, committedTokens: 4e9 }]]) },
    });
    const [dec, jan] = plan.months;
    expect(dec).toMatchObject({ forecastTokens: 10e9, contracts: 8, achievedRatio: 0.8 });
    expect(dec!.committedTokens).toBeUndefined();
    // floor(0.8 × 6e9 / 1e9) = floor(4.8) = 4 contracts; the month's forecast stays the whole 10e9.
    expect(jan).toMatchObject({
      forecastTokens: 10e9,
      committedTokens: 4e9,
      hedgeableTokens: 6e9,
      contracts: 4,
      hedgedTokens: 4e9,
    });
    expect(jan!.achievedRatio).toBeCloseTo(4 / 6, 12);
    // Totals: 12 contracts over a 16e9 remainder.
    expect(plan.totals).toMatchObject({ forecastTokens: 20e9, hedgeableTokens: 16e9, contracts: 12 });
    expect(plan.totals.achievedRatio).toBeCloseTo(12 / 16, 12);
  });
});
