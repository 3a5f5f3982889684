import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  roundContractCount,
  roundContracts,
  roundToLot,
  sizeContracts,
  sizeTailedContracts,
} from "../../src/hedge/contracts.js";
import { Dec } from "../../src/money/decimal.js";

describe("sizeContracts: N = h·Q/size under each rounding rule", () => {
  // The worked month of docs/METHODOLOGY.md §5: 12,400,000,000 tokens × 80% / 1,000,000,000 = 9.92 contracts.
  const Q = 12_400_000_000;
  const size = 1_000_000_000;

  it.each([
    ["down", 9],
    ["up", 10],
    ["nearest", 10],
  ] as const)("9.92 rounded %s is %i", (rounding, expected) => {
    const n = sizeContracts(0.8, Q, size, rounding);
    expect(n.unrounded).toBeCloseTo(9.92, 12);
    expect(n.contracts).toBe(expected);
  });

  it("nearest rounds 9.5 up and 9.49 down", () => {
    expect(sizeContracts(0.5, 19_000_000_000, size, "nearest").contracts).toBe(10); // 9.5
    expect(sizeContracts(0.5, 18_980_000_000, size, "nearest").contracts).toBe(9); // 9.49
  });

  it("an exact multiple is not lost to binary rounding: 0.8 × 12.5e9 / 1e9 = 10", () => {
    // In float64, 0.8 * 12.5e9 / 1e9 may land a hair under 10; floor would then say 9.
    expect(sizeContracts(0.8, 12_500_000_000, size, "down").contracts).toBe(10);
    expect(sizeContracts(0.7, 10_000_000_000, size, "up").contracts).toBe(7);
  });

  it("property: rounding down never hedges above the target, up never below", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1e12 }), (pct, q) => {
        const ratio = pct / 100;
        const down = sizeContracts(ratio, q, size, "down").contracts;
        const up = sizeContracts(ratio, q, size, "up").contracts;
        // Compare in integers: contracts·size·100 against pct·q.
        expect(BigInt(down) * BigInt(size) * 100n <= BigInt(pct) * BigInt(q)).toBe(true);
        expect(BigInt(up) * BigInt(size) * 100n >= BigInt(pct) * BigInt(q)).toBe(true);
        expect(up - down).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("minimum lot: counts in whole multiples of the lot, by the same rule", () => {
  // 9.92 contracts: lot 5 → 9.92/5 = 1.984 lots → down 5, up 10, nearest 10; lot 3 → 3.307 lots → 9, 12, 9.
  it.each([
    [5, "down", 5],
    [5, "up", 10],
    [5, "nearest", 10],
    [3, "down", 9],
    [3, "up", 12],
    [3, "nearest", 9],
  ] as const)("lot %i, %s → %i", (lot, rounding, expected) => {
    expect(sizeContracts(0.8, 12_400_000_000, 1_000_000_000, rounding, lot).contracts).toBe(expected);
  });

  it("a target below one lot rounds down to nothing", () => {
    expect(roundToLot(new Dec("3.2"), "down", 5)).toBe(0);
    expect(roundToLot(new Dec("3.2"), "nearest", 5)).toBe(5); // 0.64 lots
    expect(() => roundToLot(new Dec(1), "down", 0)).toThrow(RangeError);
  });
});

describe("tailed count h·(S₀·Q)/(F₀·size), by hand", () => {
  it("Hull's airline numbers with S₀ = 1.94, F₀ = 1.99: 0.78 × 3,880,000 / 83,580 = 36.2096 → 36", () => {
    // 1.94 × 2,000,000 = 3,880,000 USD of jet fuel; 1.99 × 42,000 = 83,580 USD per heating-oil contract.
    const n = sizeTailedContracts(0.78, 2_000_000, 42_000, 1.94, 1.99, "nearest");
    expect(n.unrounded).toBeCloseTo(36.20962, 4);
    expect(n.contracts).toBe(36);
    expect(sizeTailedContracts(0.78, 2_000_000, 42_000, 1.94, 1.99, "up").contracts).toBe(37);
  });

  it("the worked month (docs/METHODOLOGY.md §5) tailed at S₀ = 2.20, F₀ = 2.10: 9.92 × 2.2/2.1 = 10.3924 → 10 (down)", () => {
    const n = sizeTailedContracts(0.8, 12_400_000_000, 1_000_000_000, 2.2, 2.1, "down");
    expect(n.unrounded).toBeCloseTo(10.392381, 5);
    expect(n.contracts).toBe(10);
  });
});

describe("properties", () => {
  it("contracts scale linearly with exposure: N(k·Q) = k·N(Q) unrounded, and floor(k·x) ≥ k·floor(x)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 1e11 }),
        fc.integer({ min: 1, max: 50 }),
        (pct, q, k) => {
          const one = sizeContracts(pct / 100, q, 1_000_000_000, "down");
          const many = sizeContracts(pct / 100, k * q, 1_000_000_000, "down");
          expect(many.unrounded).toBeCloseTo(k * one.unrounded, 6);
          expect(many.contracts).toBeGreaterThanOrEqual(k * one.contracts);
          expect(many.contracts).toBeLessThan(k * (one.contracts + 1));
        },
      ),
    );
  });

  it("with a lot, rounding down still never hedges above the target", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 10 }),
        (pct, q, lot) => {
          const n = sizeContracts(pct / 100, q, 1_000_000_000, "down", lot).contracts;
          expect(n % lot).toBe(0);
          expect(BigInt(n) * 1_000_000_000n * 100n <= BigInt(pct) * BigInt(q)).toBe(true);
        },
      ),
    );
  });
});

describe("the two rounding families: the plan's counts against Hull's signed N*", () => {
  it("agree on non-negative counts: 37.14 → down 37, up 38, nearest 37; 9.5 → nearest 10", () => {
    for (const [x, rule, want] of [
      [37.14, "down", 37],
      [37.14, "up", 38],
      [37.14, "nearest", 37],
      [9.5, "nearest", 10],
    ] as const) {
      expect(roundContracts(new Dec(x), rule)).toBe(want);
      expect(roundContractCount(x, rule).value).toBe(want);
    }
  });

  it("differ on a negative count: the plan's down is floor (−3.5 → −4), N*'s down is toward zero (−3.5 → −3)", () => {
    expect(roundContracts(new Dec(-3.5), "down")).toBe(-4);
    expect(roundContractCount(-3.5, "down").value).toBe(-3);
    expect(roundContracts(new Dec(-3.5), "up")).toBe(-3);
    expect(roundContractCount(-3.5, "up").value).toBe(-4);
  });
});
