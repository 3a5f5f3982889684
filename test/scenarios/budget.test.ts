import { describe, expect, it } from "vitest";
import { budgetAmount, parseBudget } from "../../src/scenarios/budget.js";

describe("budget", () => {
  it("reads a USD total or a USD/Mtok rate", () => {
    expect(parseBudget("2500000")).toEqual({ kind: "total", usd: 2_500_000 });
    expect(parseBudget("$2,500,000.50")).toEqual({ kind: "total", usd: 2_500_000.5 });
    expect(parseBudget("2.0/Mtok")).toEqual({ kind: "rate", usdPerMtok: 2 });
    expect(parseBudget("1.85 USD/Mtok")).toEqual({ kind: "rate", usdPerMtok: 1.85 });
    for (const bad of ["", "abc", "-5", "0", "2,50", "1e6", "2/kWh"]) expect(parseBudget(bad)).toBeUndefined();
  });

  it("turns a rate into money for a number of tokens", () => {
    // 1.85 USD/Mtok × 1,234.5678 Mtok = 2,283.95043 → 2,283.95.
    expect(budgetAmount({ kind: "rate", usdPerMtok: 1.85 }, 1_234_567_800)).toBe(2_283.95);
    expect(budgetAmount({ kind: "total", usd: 100 }, 1)).toBe(100);
  });
});
