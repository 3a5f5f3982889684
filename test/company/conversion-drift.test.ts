/** A GPU-hour cross hedge: the tokens-per-GPU-hour conversion drifts, and that drift is basis risk. */
import { describe, expect, it } from "vitest";
import { companySimulationBasis } from "../../src/pipeline/simulate-stage.js";
import type { CompanyPricing } from "../../src/company/pricing.js";
import type { HedgePlan } from "../../src/hedge/plan.js";

// One month 12 months ahead; F₀ = 2.00 USD/GPU-hour at k = 4,000,000 tokens per GPU-hour → 0.50 USD/Mtok.
const plan = {
  contract: { underlying: "gpu-hour-index", tokensPerGpuHour: 4_000_000 },
  months: [{ month: "2027-12", futuresPrice: 2, tenor: 12 }],
} as unknown as HedgePlan;
const pricing = (drift: number | null): CompanyPricing =>
  ({
    priceByMonth: new Map([["2027-12", 2.4]]),
    basis: { method: "index", beta: 1, alpha: 0, sigma: 0.01, rSquared: null, observations: 0 },
    conversionDrift: drift === null ? null : { sigma: drift, source: "--k-drift" },
  }) as unknown as CompanyPricing;

describe("the conversion drift in the simulation's basis", () => {
  it("σ_k 20% a year at 12 months: √((0.01·√12)² + (1 × 0.50 × 0.20 × √1)²) = √(0.0012 + 0.01) = 0.105830", () => {
    const b = companySimulationBasis({ plan }, pricing(0.2));
    expect(b.byMonth!.noise[0]).toBeCloseTo(Math.sqrt(0.0012 + 0.01), 9);
    expect(b.byMonth!.noise[0]).toBeCloseTo(0.10583, 5);
    // a = S₀ − β·F₀ per Mtok = 2.40 − 0.50 = 1.90.
    expect(b.byMonth!.a[0]).toBeCloseTo(1.9, 12);
  });

  it("without a drift only σ(ε)·√tenor = 0.034641 is left", () => {
    expect(companySimulationBasis({ plan }, pricing(null)).byMonth!.noise[0]).toBeCloseTo(0.01 * Math.sqrt(12), 12);
  });
});
