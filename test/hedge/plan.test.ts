import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/hedge/plan.js";
import { contractSpecSchema } from "../../src/curve/contract.js";
import { policySchema } from "../../src/hedge/policy.js";
import { hedgeRatioFromStatistics } from "../../src/hedge/mvhr.js";
import { mvhrMethod } from "../../src/hedge/methods/mvhr-method.js";
import { quantityMethod } from "../../src/hedge/methods/quantity-method.js";

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
  it("reproduces the worked month of docs/METHODOLOGY.md §5 and a second rung by hand", () => {
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
    expect(dec).toMatchObject({
      tenor: 1,
      hedgeRatio: 0.8,
      contracts: 9,
      hedgedTokens: 9_000_000_000,
      lockedInCost: 18_900,
      initialMargin: 2_700,
      fees: 13.5,
    });
    expect(dec!.achievedRatio).toBeCloseTo(0.7258, 4); // 9 / 12.4
    // Jan: floor(0.6 × 15) = 9; 9 × 1,000 × 2.05 = 18,450.
    expect(jan).toMatchObject({ tenor: 2, hedgeRatio: 0.6, contracts: 9, lockedInCost: 18_450 });
    expect(plan.totals).toMatchObject({
      contracts: 18,
      hedgedTokens: 18_000_000_000,
      lockedInCost: 37_350,
      initialMargin: 5_400,
      fees: 27,
    });
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
    const plan = buildPlan({
      forecast: [f("2026-12", 12_400_000_000)],
      curve: [{ month: "2026-12", price: 2.05 }],
      spec: gpu,
      policy: ladder,
    });
    expect(plan.months[0]).toMatchObject({
      exposureUnits: 2480,
      contracts: 1,
      hedgedTokens: 5_000_000_000,
      lockedInCost: 2050,
    });
    expect(plan.months[0]!.contractsUnrounded).toBeCloseTo(1.984, 12);
  });
});

describe("buildPlan: policy ladder with bands and a P10 volume cap, worked by hand", () => {
  const policy = policySchema.parse({
    ladder: [
      { fromMonth: 1, toMonth: 1, ratio: 0.8, min: 0.7, max: 0.9 },
      { fromMonth: 2, toMonth: 2, ratio: 0.6, min: 0.5, max: 0.7 },
      { fromMonth: 3, toMonth: 3, ratio: 0.4, min: 0.38, max: 0.5 },
    ],
    rounding: "down",
  });
  const month = (m: string, mean: number, p10: number, samples?: number[]) => ({
    month: m,
    mean,
    p10,
    p50: mean,
    p90: mean * 1.2,
    ...(samples ? { samples: Float64Array.from(samples).sort() } : {}),
  });
  const forecast = [
    // 5 simulated volumes; 9 contracts hedge 9e9 tokens: one path (8e9) is below → P(over) = 1/5, E[over] = 1e9/5.
    month("2027-01", 12.4e9, 10.5e9, [8e9, 9.5e9, 11e9, 12e9, 13e9]),
    month("2027-02", 15e9, 8.6e9),
    month("2027-03", 20e9, 7.2e9),
  ];
  const curve = [
    { month: "2027-01", price: 2.1 },
    { month: "2027-02", price: 2.0 },
    { month: "2027-03", price: 1.9 },
  ];
  const plan = buildPlan({ forecast, curve, spec: tokenSpec, policy, options: { volumeCap: "p10" } });
  const [jan, feb, mar] = plan.months;

  it("month 1: floor(0.8 × 12.4) = 9 contracts, under the P10 cap of 10.5e9: not capped", () => {
    expect(jan).toMatchObject({ targetRatio: 0.8, hedgeRatio: 0.8, contracts: 9, capTokens: 10.5e9, flags: [] });
    expect(jan!.probabilityOverHedge).toBe(0.2);
    expect(jan!.expectedOverHedgeTokens).toBe(200_000_000);
  });

  it("month 2: floor(0.6 × 15) = 9 would hedge 9e9 > P10 8.6e9 → 8 contracts, ratio 8.6/15 = 57.33%", () => {
    expect(feb).toMatchObject({ targetRatio: 0.6, contracts: 8, hedgedTokens: 8e9, flags: ["capped"] });
    expect(feb!.hedgeRatio).toBeCloseTo(8.6 / 15, 12);
    expect(feb!.contractsUnrounded).toBeCloseTo(8.6, 12); // the capped count before rounding: 8.6e9 / 1e9
    // Without sample paths there is no over-hedge estimate.
    expect(feb!.probabilityOverHedge).toBeNull();
  });

  it("month 3: floor(0.4 × 20) = 8 > P10 7.2e9 → 7 contracts, ratio 36% < band min 38%: flagged, not hidden", () => {
    expect(mar).toMatchObject({ targetRatio: 0.4, contracts: 7, flags: ["capped", "cap-below-band"] });
    expect(mar!.hedgeRatio).toBeCloseTo(0.36, 12);
    expect(plan.warnings.join("\n")).toMatch(/p10 volume cap holds the ratio below the policy band in 1 month/);
  });

  it("totals: 24 contracts, 2 months capped; without a cap the ladder is followed exactly", () => {
    expect(plan.totals).toMatchObject({ contracts: 24, monthsCapped: 2, monthsOutsideBand: 0 });
    const uncapped = buildPlan({ forecast, curve, spec: tokenSpec, policy });
    expect(uncapped.months.map((m) => m.contracts)).toEqual([9, 9, 8]);
    expect(uncapped.volumeCap).toBeNull();
  });

  it("the pipeline identity holds when capped: contracts = floor(hedgeRatio × forecast / size)", () => {
    for (const m of plan.months) expect(m.contracts).toBe(Math.floor((m.hedgeRatio * m.forecastTokens) / 1e9 + 1e-9));
  });

  it("a quantile basis hedges that volume: p10 of month 1 = 10.5e9 × 0.8 = 8.4 → 8", () => {
    const p = buildPlan({ forecast, curve, spec: tokenSpec, policy, options: { forecastBasis: "p10" } });
    expect(p.months[0]).toMatchObject({ forecastTokens: 10.5e9, forecastBasis: "p10", contracts: 8 });
  });

  it("a curve month the contract does not list is an error", () => {
    const quarterly = { ...tokenSpec, listedMonths: [3, 6, 9, 12] as [number, ...number[]] };
    expect(() => buildPlan({ forecast, curve, spec: quarterly, policy })).toThrow(/2027-01 is not listed/);
  });
});

describe("buildPlan with the mvhr and quantity methods", () => {
  const policy = policySchema.parse({
    ladder: [
      { fromMonth: 1, toMonth: 1, ratio: 0.8, min: 0.7, max: 0.9 },
      { fromMonth: 2, toMonth: 2, ratio: 0.6, min: 0.5, max: 0.7 },
    ],
  });
  const forecast = [f("2027-01", 12.4e9), f("2027-02", 15e9)];
  const curve = [
    { month: "2027-01", price: 2.1 },
    { month: "2027-02", price: 2.0 },
  ];
  // Hull's h* = 0.78 (from his statistics).
  const hull = hedgeRatioFromStatistics({ correlation: 0.928, sigmaSpot: 0.0263, sigmaFutures: 0.0313 });

  it("mvhr: h* = 0.78 for every month; 78% is inside month 1's band, above month 2's (kept, flagged)", () => {
    const plan = buildPlan({ forecast, curve, spec: tokenSpec, policy, options: { method: mvhrMethod(hull, "Hull") } });
    expect(plan.method.name).toBe("mvhr");
    const [jan, feb] = plan.months;
    expect(jan!.targetRatio).toBeCloseTo(0.7797571885, 9);
    expect(jan).toMatchObject({ contracts: 9, flags: [] }); // floor(0.77976 × 12.4) = floor(9.669) = 9
    expect(feb).toMatchObject({ contracts: 11, flags: ["above-band"] }); // floor(0.77976 × 15) = floor(11.696) = 11
    expect(feb!.hedgeRatio).toBeCloseTo(0.7797571885, 9);
    expect(plan.warnings.join("\n")).toMatch(/mvhr ratio is above the policy band in 1 month \(kept, not clipped\)/);
  });

  it("mvhr against a GPU-hour contract scales h* by k/1e6 (a GPU-hour of exposure is k tokens)", () => {
    const gpu = contractSpecSchema.parse({
      ...tokenSpec,
      underlying: "gpu-hour-index",
      quoteUnit: "USD/GPU-hour",
      sizeUnit: "gpu-hours",
      contractSize: 100,
      tokensPerGpuHour: 5_000_000,
    });
    const h = hedgeRatioFromStatistics({ covariance: 0.0003, sigmaFutures: 0.05 }); // 0.0003/0.0025 = 0.12
    const plan = buildPlan({
      forecast: [f("2027-01", 12.4e9)],
      curve: [curve[0]!],
      spec: gpu,
      policy,
      options: { method: mvhrMethod(h, "test") },
    });
    // 0.12 × 5 = 0.6; 12.4e9 / 5e6 = 2,480 GPU-hours × 0.6 = 1,488 / 100 = 14.88 → 14.
    expect(plan.months[0]!.targetRatio).toBeCloseTo(0.6, 12);
    expect(plan.months[0]!.contracts).toBe(14);
  });

  it("quantity: N* = E[Q] + E[P]·ρ·σ_Q/σ_F, by hand", () => {
    // E[Q] = 12e9, σ_Q = 1.2e9 (from P10/P90 = E[Q] ∓ 1.2816·σ_Q), F₀ = E[P] = 2.00, v = 0.5, t = 3 months:
    // σ_F = 2 × 0.5 × √(3/12) = 0.5; N* = 12e9 + 2.00 × (−0.4) × 1.2e9 / 0.5 = 12e9 − 1.92e9 = 10.08e9 tokens
    // → ratio 0.84, floor(10.08) = 10 contracts.
    const z = 1.2815515655446004;
    const month = { month: "2027-03", mean: 12e9, p10: 12e9 - z * 1.2e9, p50: 12e9, p90: 12e9 + z * 1.2e9, step: 3 };
    const method = quantityMethod({ correlation: -0.4, priceVolatility: 0.5, crossHedge: false });
    const plan = buildPlan({
      forecast: [month],
      curve: [{ month: "2027-03", price: 2 }],
      spec: tokenSpec,
      policy,
      options: { method },
    });
    const m = plan.months[0]!;
    expect(m.targetRatio).toBeCloseTo(0.84, 10);
    expect(m.contracts).toBe(10);
    expect(m.methodDetail!.positionTokens).toBeCloseTo(10.08e9, 0);
    expect(m.methodDetail!.quantityTermTokens).toBeCloseTo(-1.92e9, 0);
    // With ρ = 0 the volume term vanishes and the hedge is the expected volume (P = F: the company pays the index).
    const zero = buildPlan({
      forecast: [month],
      curve: [{ month: "2027-03", price: 2 }],
      spec: tokenSpec,
      policy,
      options: { method: quantityMethod({ correlation: 0, crossHedge: false }) },
    });
    expect(zero.months[0]!.targetRatio).toBeCloseTo(1, 12);
  });

  it("quantity: demand rising with prices pushes N* above expected volume, and the cap shows the conflict", () => {
    const z = 1.2815515655446004;
    const month = { month: "2027-03", mean: 12e9, p10: 12e9 - z * 1.2e9, p50: 12e9, p90: 12e9 + z * 1.2e9, step: 3 };
    const method = quantityMethod({ correlation: 0.4, priceVolatility: 0.5, crossHedge: false });
    const plan = buildPlan({
      forecast: [month],
      curve: [{ month: "2027-03", price: 2 }],
      spec: tokenSpec,
      policy,
      options: { method, volumeCap: "p10" },
    });
    const m = plan.months[0]!;
    expect(m.targetRatio).toBeCloseTo(1.16, 10); // (12 + 1.92)/12
    // P10 = 12e9 − 1.5379e9 = 10.462e9 → 10 contracts at most.
    expect(m.contracts).toBe(10);
    expect(m.flags).toEqual(["above-band", "capped"]);
    expect(plan.warnings.join("\n")).toMatch(/exceeds E\[Q\]/);
  });

  it("quantity on a GPU-hour contract without a history is a usage error", () => {
    expect(() => quantityMethod({ correlation: 0, crossHedge: true })).toThrow(/needs --history/);
    expect(() => quantityMethod({ correlation: 0.3, crossHedge: false })).toThrow(/volatility/);
  });
});

describe("cross hedge: sensitivity of the contracts to tokens per GPU-hour, by hand", () => {
  const gpu = contractSpecSchema.parse({
    ...tokenSpec,
    underlying: "gpu-hour-index",
    quoteUnit: "USD/GPU-hour",
    sizeUnit: "gpu-hours",
    contractSize: 100,
    tokensPerGpuHour: 5_000_000,
  });
  const plan = buildPlan({
    forecast: [f("2027-01", 12.4e9)],
    curve: [{ month: "2027-01", price: 2 }],
    spec: gpu,
    policy: ladder,
  });

  it("k = 5M: 12.4e9 / 5e6 = 2,480 GPU-h × 0.8 / 100 = 19.84 → 19 contracts", () => {
    expect(plan.months[0]!.contracts).toBe(19);
    expect(plan.conversion!.tokensPerGpuHour).toBe(5_000_000);
    expect(plan.warnings[0]).toMatch(/conversion is an assumption and itself a risk/);
  });

  it("k −25% (3.75M): 26.45 → 26 (+7); k +25% (6.25M): 15.87 → 15 (−4); the plan covers 76.6% × (1 + error)", () => {
    const byChange = new Map(plan.conversion!.sensitivity.map((s) => [s.change, s]));
    expect(byChange.get(-0.25)).toMatchObject({ tokensPerGpuHour: 3_750_000, contracts: 26, contractsChange: 7 });
    expect(byChange.get(0.25)).toMatchObject({ tokensPerGpuHour: 6_250_000, contracts: 15, contractsChange: -4 });
    // 19 contracts × 100 GPU-h × 5e6 = 9.5e9 tokens = 76.61% of 12.4e9; with the true k 25% lower they cover 57.46%.
    expect(byChange.get(-0.25)!.achievedRatioIfTrue).toBeCloseTo((9.5 / 12.4) * 0.75, 12);
  });
});
