import { describe, expect, it } from "vitest";
import { gapStress, pathFundingNeed, simulatedStress, type LiquidityInput } from "../../src/book/liquidity.js";

// 100 long Jan at 2.00 and 50 long Feb at 1.90, 1e9-token contracts quoted per Mtok; as of 2026-12-31 the Jan leg
// settles on day 31, the Feb leg on day 59. Margin per unit move of X: 100 × 1,000 × 2.00 = 200,000 and
// 50 × 1,000 × 1.90 = 95,000. Initial margin 150 × $300 = $45,000.
const input: LiquidityInput = {
  legs: [
    { month: "2027-01", contracts: 100, futuresPrice: 2 },
    { month: "2027-02", contracts: 50, futuresPrice: 1.9 },
  ],
  contractSize: 1e9,
  divisor: 1e6,
  asOf: "2026-12-31",
  initialMargin: 45_000,
};

describe("liquidity stress", () => {
  it("a day-one gap of −50% pays half the position's value at once", () => {
    // (200,000 + 95,000) × −0.5 = −147,500; buffer 147,500 + 45,000 = 192,500.
    expect(gapStress(input, -0.5)).toEqual({
      gap: -0.5,
      dayOneMargin: -147_500,
      fundingNeed: 147_500,
      cashBuffer: 192_500,
    });
    expect(gapStress(input, 0.3).fundingNeed).toBe(0);
  });

  it("follows the path, freezing a leg once it settles", () => {
    const x = [1, ...Array(10).fill(0.8), ...Array(21).fill(1.2), ...Array(28).fill(0.1)];
    // Days 1–10: 295,000 × (0.8 − 1) = −59,000 (the peak, first reached on day 1).
    // Day 31 the Jan leg settles at 1.2 (+40,000); days 32–59 Feb at 0.1: 40,000 + 95,000 × (0.1 − 1) = −45,500.
    expect(pathFundingNeed(input, x)).toEqual({ fundingNeed: 59_000, day: 1 });
    const late = [1, ...Array(31).fill(1.2), ...Array(28).fill(0.1)];
    // Only the Feb leg is open at 0.1: 40,000 − 85,500 = −45,500 on day 32.
    expect(pathFundingNeed(input, late)).toEqual({ fundingNeed: 45_500, day: 32 });
  });

  it("without volatility every simulated path is the gap path: P95 = P99 = the gap's need", () => {
    const s = simulatedStress(input, { paths: 50, seed: 1, volatility: 0, gap: -0.5 });
    expect([s.meanFundingNeed, s.p95FundingNeed, s.p99FundingNeed, s.maxFundingNeed]).toEqual([
      147_500, 147_500, 147_500, 147_500,
    ]);
    expect(s.cashBuffer).toBe(192_500);
  });

  it("simulated paths: seeded, ordered quantiles, and a gap only adds to the need", () => {
    const a = simulatedStress(input, { paths: 400, seed: 42, volatility: 0.45 });
    expect(simulatedStress(input, { paths: 400, seed: 42, volatility: 0.45 })).toEqual(a);
    expect(a.p95FundingNeed).toBeGreaterThan(a.meanFundingNeed);
    expect(a.p99FundingNeed).toBeGreaterThanOrEqual(a.p95FundingNeed);
    expect(a.maxFundingNeed).toBeGreaterThanOrEqual(a.p99FundingNeed);
    const gapped = simulatedStress(input, { paths: 400, seed: 42, volatility: 0.45, gap: -0.5 });
    expect(gapped.p95FundingNeed).toBeGreaterThan(a.p95FundingNeed);
    // Rough scale check: the Jan leg alone over ~31 days at 45% has σ√t ≈ 0.45·√(31/365) ≈ 0.13, so a P95 move of
    // the whole position is of the order of 295,000 × 0.13 × 1.65 ≈ 63,000; well under the −50% gap's 147,500.
    expect(a.p95FundingNeed).toBeGreaterThan(20_000);
    expect(a.p95FundingNeed).toBeLessThan(147_500);
  });
});
