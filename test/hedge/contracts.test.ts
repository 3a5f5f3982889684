import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sizeContracts } from "../../src/hedge/contracts.js";

describe("sizeContracts: N = h·Q/size under each rounding rule", () => {
  // DESIGN.md §5 worked month: 12,400,000,000 tokens × 80% / 1,000,000,000 = 9.92 contracts.
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
