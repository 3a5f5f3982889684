import { describe, expect, it } from "vitest";
import { monthOutcome } from "../../src/scenarios/pnl.js";

describe("scenarios/pnl: long hedge P&L (the worked month of docs/METHODOLOGY.md §5)", () => {
  // 9 contracts of 1,000,000,000 tokens bought at F0 = 2.10 USD/Mtok; settlement +25% → 2.625.
  const base = {
    tokens: 12_400_000_000,
    contracts: 9,
    contractSize: 1_000_000_000,
    divisor: 1_000_000,
    tokensPerUnit: 1,
    futuresPrice: 2.1,
  };

  it("settlement +25% at the forecast volume", () => {
    const o = monthOutcome({ ...base, settlementPrice: 2.625 });
    expect(o.unhedgedCost).toBe(32_550); // 12,400 Mtok × 2.625
    expect(o.futuresPnl).toBe(4_725); // 9 × 1,000 Mtok × (2.625 − 2.10)
    expect(o.hedgedCost).toBe(27_825); // 32,550 − 4,725
    expect(o.effectivePrice).toBe(2.244); // 27,825 / 12,400
  });

  it("no price change: the futures P&L is zero and hedged = unhedged", () => {
    const o = monthOutcome({ ...base, settlementPrice: 2.1 });
    expect(o.futuresPnl).toBe(0);
    expect(o.hedgedCost).toBe(o.unhedgedCost);
    expect(o.unhedgedCost).toBe(26_040); // 12,400 × 2.10
  });

  it("settlement −50%: the long futures lose, so the hedged cost is above the unhedged", () => {
    const o = monthOutcome({ ...base, settlementPrice: 1.05 });
    expect(o.unhedgedCost).toBe(13_020); // 12,400 × 1.05
    expect(o.futuresPnl).toBe(-9_450); // 9,000 × (1.05 − 2.10)
    expect(o.hedgedCost).toBe(22_470);
  });

  it("a fully hedged volume locks in the futures price whatever the settlement", () => {
    for (const s of [0.7, 1.9, 2.1, 3.3, 5]) {
      const o = monthOutcome({ ...base, tokens: 9_000_000_000, settlementPrice: s });
      expect(o.effectivePrice).toBe(2.1);
    }
  });

  it("GPU-hour cross hedge: token cost through k tokens per GPU-hour", () => {
    // 10,000,000,000 tokens at k = 5,000,000 → 2,000 GPU-hours; 1 contract of 1,000 GPU-hours at 2.00, settles 2.50.
    const o = monthOutcome({
      tokens: 10_000_000_000,
      contracts: 1,
      contractSize: 1000,
      divisor: 1,
      tokensPerUnit: 5_000_000,
      futuresPrice: 2,
      settlementPrice: 2.5,
    });
    expect(o.unhedgedCost).toBe(5_000); // 2,000 × 2.50
    expect(o.futuresPnl).toBe(500); // 1,000 × 0.50
    expect(o.hedgedCost).toBe(4_500);
    expect(o.effectivePrice).toBe(0.45); // 4,500 USD / 10,000 Mtok
  });
});
