import { describe, expect, it } from "vitest";
import { runScenario, runTwist, scenarioGrid, twistGrid, volumeFor } from "../../src/scenarios/grid.js";
import { twistShocks } from "../../src/scenarios/twist.js";
import { parseBudget } from "../../src/scenarios/budget.js";
import { twoMonthPlan } from "./fixtures.js";

describe("scenario grid", () => {
  const plan = twoMonthPlan();

  it("reproduces the worked month of docs/METHODOLOGY.md §5 in a +25% scenario, with a rate budget per month", () => {
    const s = runScenario(plan, 0.25, "mean", { budget: parseBudget("2.0/Mtok")! });
    const dec = s.months[0]!;
    expect(dec).toMatchObject({
      month: "2026-12",
      settlementPrice: 2.625,
      unhedgedCost: 32_550,
      futuresPnl: 4_725,
      hedgedCost: 27_825,
      effectivePrice: 2.244,
    });
    // Budget 2.0 USD/Mtok × 12,400 Mtok = 24,800; hedged 27,825 is 3,025 over.
    expect(dec.budget).toBe(24_800);
    expect(dec.vsBudget).toBe(3_025);
    // January: 12,500 Mtok × 2.50 = 31,250; 10 × 1,000 × 0.50 = 5,000; hedged 26,250; budget 25,000.
    expect(s.months[1]).toMatchObject({ unhedgedCost: 31_250, futuresPnl: 5_000, hedgedCost: 26_250, vsBudget: 1_250 });
    expect(s).toMatchObject({
      unhedgedCost: 63_800,
      futuresPnl: 9_725,
      hedgedCost: 54_075,
      budget: 49_800,
      vsBudget: 4_275,
    });
    expect(s.hedgedCost).toBe(s.unhedgedCost - s.futuresPnl);
  });

  it("a total budget applies to the horizon, not to months", () => {
    const s = runScenario(plan, 0.25, "mean", { budget: parseBudget("$60,000")! });
    expect(s.budget).toBe(60_000);
    expect(s.vsBudget).toBe(-5_925); // 54,075 − 60,000
    expect(s.months[0]!.vsBudget).toBeNull();
  });

  it("multiplier volume cases scale the forecast mean and count over-hedged tokens", () => {
    // x0.5: 6.2 B tokens in December against 9 B hedged → 2.8 B over-hedged; January 6.25 B vs 10 B → 3.75 B.
    const s = runScenario(plan, 0.25, "x0.5");
    expect(s.months[0]).toMatchObject({ tokens: 6_200_000_000, overHedgedTokens: 2_800_000_000 });
    expect(s.overHedgedTokens).toBe(6_550_000_000);
    // December: 6,200 Mtok × 2.625 = 16,275; hedged 16,275 − 4,725 = 11,550; 11,550 / 6,200 = 1.86290… USD/Mtok.
    expect(s.months[0]).toMatchObject({ unhedgedCost: 16_275, hedgedCost: 11_550, effectivePrice: 1.8629 });
    expect(volumeFor(plan.months[0]!, "x1.2")).toBe(14_880_000_000);
  });

  it("orders the grid volume case by volume case, shock by shock", () => {
    const grid = scenarioGrid(plan, [-0.5, 0], ["p10", "p90"]);
    expect(grid.map((g) => `${g.volumeCase}${g.priceShock}`)).toEqual(["p10-0.5", "p100", "p90-0.5", "p900"]);
  });
});

describe("curve twists", () => {
  it("shock the front and the back in opposite directions, linearly across tenors", () => {
    expect(twistShocks(3, 0.2, "front-up")).toEqual([0.2, 0, -0.2]);
    expect(twistShocks(5, 0.1, "front-down")).toEqual([-0.1, -0.05, 0, 0.05, 0.1]);
    expect(twistShocks(1, 0.1, "front-down")).toEqual([-0.1]);
  });

  it("settle each month at its own shocked price", () => {
    // Front up 20% over two months: December +20% (2.52), January −20% (1.60).
    const t = runTwist(twoMonthPlan(), "front-up", 0.2, "mean");
    expect(t.months.map((m) => m.settlementPrice)).toEqual([2.52, 1.6]);
    // Futures P&L: 9,000 Mtok × 0.42 = 3,780 and 10,000 Mtok × (−0.40) = −4,000 → −220.
    expect(t.futuresPnl).toBe(-220);
    expect(twistGrid(twoMonthPlan(), 0.2, ["mean"]).map((x) => x.twist)).toEqual(["front-up", "front-down"]);
  });

  it("can need margin before the scenario ends even when the total futures P&L is a gain", () => {
    // Front down 20%: December settles at 1.68 on 2026-12-31 (−3,780), January at 2.40 on 2027-01-31 (+4,000).
    // As of 2026-11-01, straight paths; cumulative margin at the month ends (days elapsed 29, 60, 91):
    //   11-30: −3,780·29/60 + 4,000·29/91 = −1,827.00 + 1,274.73 = −552.27
    //   12-31: −3,780 + 4,000·60/91 = −3,780 + 2,637.36 = −1,142.64   ← peak outflow
    //   01-31: −3,780 + 4,000 = +220
    const t = runTwist(twoMonthPlan(), "front-down", 0.2, "mean", { asOf: "2026-11-01" });
    expect(t.futuresPnl).toBe(220);
    expect(t.margin!.flows).toEqual([
      { date: "2026-11-30", flow: -552.27, cumulative: -552.27 },
      { date: "2026-12-31", flow: -590.37, cumulative: -1_142.64 },
      { date: "2027-01-31", flow: 1_362.64, cumulative: 220 },
    ]);
    expect(t.margin!.peakOutflow).toBe(1_142.64);
    expect(t.margin!.peakDate).toBe("2026-12-31");
  });
});
