import { describe, expect, it } from "vitest";
import { cashFlowHedgeReserve } from "../../src/effectiveness/reserve.js";

describe("cash-flow hedge reserve, lower-of rule", () => {
  it("over-hedge: hedge +110,000 vs item −100,000 → reserve 100,000, ineffectiveness 10,000", () => {
    // lower of |110,000| and |−100,000| is 100,000, signed as the hedge (+); 110,000 − 100,000 = 10,000 to P&L.
    expect(cashFlowHedgeReserve(110_000, -100_000)).toEqual({ reserve: 100_000, ineffectiveness: 10_000 });
  });

  it("under-hedge: hedge +90,000 vs item −100,000 → reserve 90,000, no ineffectiveness", () => {
    expect(cashFlowHedgeReserve(90_000, -100_000)).toEqual({ reserve: 90_000, ineffectiveness: 0 });
  });

  it("losses: hedge −120,000 vs item +100,000 → reserve −100,000, ineffectiveness −20,000", () => {
    expect(cashFlowHedgeReserve(-120_000, 100_000)).toEqual({ reserve: -100_000, ineffectiveness: -20_000 });
    // under-hedged loss: everything in the reserve
    expect(cashFlowHedgeReserve(-70_000, 100_000)).toEqual({ reserve: -70_000, ineffectiveness: 0 });
  });

  it("a perfect hedge and an empty one", () => {
    expect(cashFlowHedgeReserve(100_000, -100_000)).toEqual({ reserve: 100_000, ineffectiveness: 0 });
    const none = cashFlowHedgeReserve(0, -100_000);
    expect(Object.is(none.reserve, 0) && Object.is(none.ineffectiveness, 0)).toBe(true);
  });
});
