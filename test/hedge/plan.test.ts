import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/hedge/plan.js";
import { contractSpecSchema } from "../../src/curve/contract.js";
import { policySchema } from "../../src/hedge/policy.js";

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

const ladder = policySchema.parse({
  ladder: [
    { fromMonth: 1, toMonth: 1, ratio: 0.8 },
    { fromMonth: 2, toMonth: 2, ratio: 0.6 },
  ],
  rounding: "down",
});

const f = (month: string, mean: number) => ({ month, mean, p10: mean * 0.9, p50: mean, p90: mean * 1.1 });

describe("buildPlan", () => {
  it("reproduces the DESIGN.md worked month and a second rung by hand", () => {
    const plan = buildPlan({
      forecast: [f("2026-12", 12_400_000_000), f("2027-01", 15_000_000_000)],
      curve: [
        { month: "2026-12", price: 2.1 },
        { month: "2027-01", price: 2.05 },
      ],
      spec: tokenSpec,
      policy: ladder,
    });
    const [dec, jan] = plan.months;
    // Dec: floor(0.8 × 12.4) = 9; 9 × 1,000 Mtok × 2.10 = 18,900; margin 9 × 300; fees 9 × 1.50.
    expect(dec).toMatchObject({ tenor: 1, hedgeRatio: 0.8, contracts: 9, hedgedTokens: 9_000_000_000, lockedInCost: 18_900, initialMargin: 2_700, fees: 13.5 });
    expect(dec!.achievedRatio).toBeCloseTo(0.7258, 4); // 9 / 12.4
    // Jan: floor(0.6 × 15) = 9; 9 × 1,000 × 2.05 = 18,450.
    expect(jan).toMatchObject({ tenor: 2, hedgeRatio: 0.6, contracts: 9, lockedInCost: 18_450 });
    expect(plan.totals).toMatchObject({ contracts: 18, hedgedTokens: 18_000_000_000, lockedInCost: 37_350, initialMargin: 5_400, fees: 27 });
    // Average locked-in price: 37,350 / 18,000 Mtok = 2.075.
    expect(plan.totals.averageLockedInPrice).toBe(2.075);
  });

  it("skips curve months without a forecast and gives tenors beyond the ladder ratio 0, with warnings", () => {
    const plan = buildPlan({
      forecast: [f("2027-01", 10e9), f("2027-02", 10e9), f("2027-03", 10e9)],
      curve: [
        { month: "2026-12", price: 2 },
        { month: "2027-01", price: 2 },
        { month: "2027-02", price: 2 },
        { month: "2027-03", price: 2 },
      ],
      spec: tokenSpec,
      policy: ladder,
    });
    expect(plan.months.map((m) => m.month)).toEqual(["2027-01", "2027-02", "2027-03"]);
    expect(plan.months[2]).toMatchObject({ tenor: 3, hedgeRatio: 0, contracts: 0 });
    expect(plan.warnings.join("\n")).toMatch(/2026-12.*no forecast/);
    expect(plan.warnings.join("\n")).toMatch(/tenor 3 is beyond the policy ladder/);
  });

  it("cross hedge with GPU-hour futures: contracts = h · (Q / k) / size", () => {
    const gpu = contractSpecSchema.parse({
      ...tokenSpec,
      underlying: "gpu-hour-index",
      quoteUnit: "USD/GPU-hour",
      sizeUnit: "gpu-hours",
      contractSize: 1000,
      tokensPerGpuHour: 5_000_000,
    });
    // 12.4e9 tokens / 5e6 = 2,480 GPU-hours; × 0.8 = 1,984; / 1,000 = 1.984 → 1 contract (down).
    const plan = buildPlan({ forecast: [f("2026-12", 12_400_000_000)], curve: [{ month: "2026-12", price: 2.05 }], spec: gpu, policy: ladder });
    expect(plan.months[0]).toMatchObject({ exposureUnits: 2480, contracts: 1, hedgedTokens: 5_000_000_000, lockedInCost: 2050 });
    expect(plan.months[0]!.contractsUnrounded).toBeCloseTo(1.984, 12);
  });
});
