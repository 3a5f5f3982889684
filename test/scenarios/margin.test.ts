import { describe, expect, it } from "vitest";
import { marginDates, variationMarginPath } from "../../src/scenarios/margin.js";
import { runScenario } from "../../src/scenarios/grid.js";
import { twoMonthPlan } from "./fixtures.js";

describe("variation margin along a straight price path", () => {
  it("counts month ends after the as-of date through the last delivery month", () => {
    expect(marginDates("2026-11-01", "2027-01")).toEqual(["2026-11-30", "2026-12-31", "2027-01-31"]);
    expect(marginDates("2026-11-30", "2026-12")).toEqual(["2026-12-31"]);
  });

  it("pays the loss of a price fall in proportion to the days elapsed", () => {
    // 9 contracts of 1,000 Mtok at 2.10, settling at 1.05 (−50%) on 2026-12-31, 60 days after 2026-11-01.
    // On 2026-11-30 (29 days) the price is 29/60 of the way: −9,450 × 29/60 = −4,567.50.
    const path = variationMarginPath({
      legs: [{ month: "2026-12", contracts: 9, futuresPrice: 2.1, settlementPrice: 1.05 }],
      contractSize: 1_000_000_000,
      divisor: 1_000_000,
      asOf: "2026-11-01",
    });
    expect(path.flows).toEqual([
      { date: "2026-11-30", flow: -4_567.5, cumulative: -4_567.5 },
      { date: "2026-12-31", flow: -4_882.5, cumulative: -9_450 },
    ]);
    expect(path).toMatchObject({ peakOutflow: 9_450, peakDate: "2026-12-31" });
  });

  it("has no outflow when prices rise, and ends at the scenario's futures P&L", () => {
    const s = runScenario(twoMonthPlan(), 0.25, "mean", { asOf: "2026-11-01" });
    expect(s.margin!.peakOutflow).toBe(0);
    expect(s.margin!.peakDate).toBeNull();
    expect(s.margin!.flows.at(-1)!.cumulative).toBe(s.futuresPnl);
    const sum = s.margin!.flows.reduce((a, f) => a + Math.round(f.flow * 100), 0) / 100;
    expect(sum).toBe(s.futuresPnl);
  });
});
