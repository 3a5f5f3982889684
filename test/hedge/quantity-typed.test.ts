/** The quantity method from typed-in statistics (--volume-sd, --price-sd, correlations). */
import { describe, expect, it } from "vitest";
import { quantityMethod } from "../../src/hedge/methods/quantity-method.js";
import type { MonthContext } from "../../src/hedge/methods/types.js";

const ctx: MonthContext = {
  month: "2027-03",
  tenor: 3,
  forecast: { month: "2027-03", mean: 10e9, p10: 10e9, p50: 10e9, p90: 10e9 },
  exposureTokens: 10e9,
  futuresPrice: 2,
  tokensPerUnit: 1,
  priceScale: 1,
  rung: undefined,
};

describe("N* = [E[Q]·Cov(P, F) + E[P]·Cov(Q, F)]/Var(F) from typed-in statistics", () => {
  // A constructed case in closed form (not a published figure): the company pays the index, P = F, so
  // Cov(P, F) = Var(F) = σ_F²; E[Q] = 10e9 tokens, E[P] = F₀ = 2.00, σ_F = 0.4 (--price-sd), σ_Q = 2e9 (--volume-sd).
  it("ρ = −0.5: N* = [10e9 × 0.16 + 2 × (−0.5 × 2e9 × 0.4)]/0.16 = 10e9 − 5e9 = 5e9 tokens, ratio 0.5", () => {
    const m = quantityMethod({ correlation: -0.5, volumeSd: 2e9, priceSd: 0.4, crossHedge: false });
    const r = m.ratioFor(ctx);
    expect(r.ratio).toBeCloseTo(0.5, 12);
    expect(r.detail!.quantityTermTokens).toBeCloseTo(-5e9, 0);
    expect(r.detail!.sigmaVolumeTokens).toBe(2e9);
    expect(r.detail!.sigmaFutures).toBe(0.4);
  });

  it("McKinnon's point, ρ > 0: ρ = 0.3 gives [1.6e9 + 2 × 0.24e9]/0.16 = 13e9 tokens, above expected volume (ratio 1.3)", () => {
    const m = quantityMethod({ correlation: 0.3, volumeSd: 2e9, priceSd: 0.4, crossHedge: false });
    expect(m.ratioFor(ctx).ratio).toBeCloseTo(1.3, 12);
    expect(m.summary).toMatchObject({ volumeSd: 2e9, priceSd: 0.4 });
  });

  it("--price-sd is enough for a non-zero correlation (no --price-vol or --history needed)", () => {
    expect(() => quantityMethod({ correlation: 0.3, volumeSd: 2e9, priceSd: 0.4, crossHedge: false })).not.toThrow();
    expect(() => quantityMethod({ correlation: 0.3, crossHedge: false })).toThrow(/needs the futures price volatility/);
  });
});
