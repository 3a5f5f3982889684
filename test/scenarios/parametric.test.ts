/** Delta-normal Cost-at-Risk and its Euler parts, against worked examples and the Monte Carlo. */
import { describe, expect, it } from "vitest";
import { contractSpecSchema } from "../../src/curve/contract.js";
import { buildPlan } from "../../src/hedge/plan.js";
import { flatPolicy } from "../../src/hedge/policy.js";
import { eulerParts, parametricRisk } from "../../src/scenarios/parametric.js";
import { simulate } from "../../src/scenarios/simulate.js";
import { fixedVolumes } from "../../src/scenarios/volumes.js";

describe("scenarios/parametric: Euler parts of the delta-normal Cost-at-Risk", () => {
  it("Euler parts sum to the total: Var V 4, Var Π 9, Cov 1, Var B 2 → σ² = 4 + 9 + 2 + 2 = 17", () => {
    const z = 1.644854;
    const p = eulerParts(4, 9, 1, 2, z);
    // volume z·(4 + 1)/√17, price z·(9 + 1)/√17, basis z·2/√17; sum z·17/√17 = z·√17.
    expect(p.volume).toBeCloseTo((z * 5) / Math.sqrt(17), 12);
    expect(p.price).toBeCloseTo((z * 10) / Math.sqrt(17), 12);
    expect(p.basis).toBeCloseTo((z * 2) / Math.sqrt(17), 12);
    expect(p.total).toBeCloseTo(z * Math.sqrt(17), 12);
  });
});

describe("one delivery month in closed form, and the Monte Carlo within its error", () => {
  const spec = contractSpecSchema.parse({
    name: "t",
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
  const f = { month: "2027-11", mean: 10e9, p10: 10e9, p50: 10e9, p90: 10e9 };
  // 0.5 × 10e9 / 1e9 = 5 contracts; settlement 2027-11-30, one year (365 days) after the as-of date.
  const plan = buildPlan({
    forecast: [f],
    curve: [{ month: "2027-11", price: 2 }],
    spec,
    policy: flatPolicy(0.5, "down", 1),
  });
  const model = { kind: "gbm" as const, vol: 0.3 };
  const basis = { a: 0, b: 1, noise: 0.5 };
  const n = 40_000;
  const volumes = fixedVolumes(plan, n);
  const q = parametricRisk({ plan, volumes, model, basis, corr: 0, asOf: "2026-11-30" });
  // sd(S) = F·√(e^{σ²τ} − 1) = 2·√(e^0.09 − 1) = 0.6137571; price part: unhedged 10,000 Mtok × 0.6137571 = 6,137.571,
  // hedged (10,000 − 5 × 1,000) × 0.6137571 = 3,068.786; basis: η·Q/1e6 = 0.5 × 10,000 = 5,000; no volume risk.
  const sdS = 2 * Math.sqrt(Math.expm1(0.09));
  const sdU = Math.hypot(10_000 * sdS, 5_000);
  const sdH = Math.hypot(5_000 * sdS, 5_000);

  it("σ and CaR by hand: unhedged √(6,137.571² + 5,000²) = 7,916.4, hedged √(3,068.786² + 5,000²) = 5,866.6", () => {
    expect(q.unhedged.sd).toBeCloseTo(sdU, 6);
    expect(q.hedged.sd).toBeCloseTo(sdH, 6);
    expect(sdU).toBeCloseTo(7916.4, 0);
    expect(q.unhedged.costAtRisk).toBeCloseTo(q.z * sdU, 6);
    expect(q.unhedged.mean).toBeCloseTo(20_000, 6); // 10,000 Mtok × 2.00
  });

  it("the parts: volume 0, basis z·5,000²/σ, price z·(10,000·sd S)²/σ; they sum to z·σ", () => {
    const p = q.unhedged.parts;
    expect(p.volume).toBe(0);
    expect(p.basis).toBeCloseTo((q.z * 25e6) / sdU, 6);
    expect(p.price).toBeCloseTo((q.z * (10_000 * sdS) ** 2) / sdU, 6);
    expect(p.price + p.volume + p.basis).toBeCloseTo(q.unhedged.costAtRisk, 6);
  });

  it("the Monte Carlo sd agrees within 3% (seed 7, 40,000 paths)", () => {
    // Error bound: the sample sd's relative standard error is ≈ √((κ − 1)/(4n)); κ (kurtosis) of this lognormal-plus-
    // normal cost is below 4, so it is under √(3/160,000) = 0.43%; 3% is about seven standard errors.
    const mc = simulate({ plan, volumes, model, basis, seed: 7, asOf: "2026-11-30" });
    expect(Math.abs(mc.unhedged.sd / q.unhedged.sd - 1)).toBeLessThan(0.03);
    expect(Math.abs(mc.hedged.sd / q.hedged.sd - 1)).toBeLessThan(0.03);
  });
});

describe("a basis given per month (the company's own price) is the one used", () => {
  const spec = contractSpecSchema.parse({
    name: "t",
    illustrative: true,
    underlying: "token-index",
    quoteUnit: "USD/Mtok",
    contractSize: 1_000_000_000,
    sizeUnit: "tokens",
    tickSize: 0.01,
    currency: "USD",
    initialMargin: 300,
    maintenanceMargin: 240,
  });
  const plan = buildPlan({
    forecast: [{ month: "2027-11", mean: 1e9, p10: 1e9, p50: 1e9, p90: 1e9 }],
    curve: [{ month: "2027-11", price: 2 }],
    spec,
    policy: flatPolicy(0, "down", 1),
  });
  // Two volume paths, 0.9e9 and 1.1e9 tokens; a sticky company price of 3.00 (b = 0) with a basis noise of 0.10.
  const volumes = { paths: 2, months: 1, data: Float64Array.from([0.9e9, 1.1e9]) };
  const basis = { a: 0, b: 0, noise: 0, byMonth: { a: [3], noise: [0.1] } };
  const q = parametricRisk({ plan, volumes, model: { kind: "gbm", vol: 0.3 }, basis, corr: 0, asOf: "2026-11-30" });

  it("volume: 3.00 × (900, 1,100) Mtok = 2,700 and 3,300 → sample sd √(2 × 300²) = 424.26; no price risk at b = 0", () => {
    // Before the per-month basis was read, P̄ was a = 0 and the volume part vanished.
    expect(q.unhedged.mean).toBeCloseTo(3000, 9);
    expect(q.unhedged.parts.price).toBe(0);
    // Basis: E[Q²] = (0.81e18 + 1.21e18)/2 = 1.01e18 → Var B = 0.1² × 1.01e18 / 1e12 = 10,100.
    expect(q.unhedged.sd).toBeCloseTo(Math.sqrt(180_000 + 10_100), 9);
    expect(q.unhedged.parts.volume + q.unhedged.parts.basis).toBeCloseTo(q.unhedged.costAtRisk, 9);
  });
});
