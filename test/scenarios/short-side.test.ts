/**
 * Short hedges in the scenario grid, the Monte Carlo and the delta-normal figures: a seller of
 * capacity holds −N contracts against a forecast sale; its figures are net costs with revenue negative.
 * Worked on twoMonthPlan (test/scenarios/fixtures.ts): 2026-12 9 contracts at 2.10, 12.4 B tokens; 2027-01 10 at 2.00, 12.5 B.
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/scenarios/grid.js";
import { parseBudget } from "../../src/scenarios/budget.js";
import { simulate } from "../../src/scenarios/simulate.js";
import { parametricRisk } from "../../src/scenarios/parametric.js";
import { fixedVolumes } from "../../src/scenarios/volumes.js";
import { twoMonthPlan } from "./fixtures.js";

const AS_OF = "2026-11-01";

describe("short hedge in the scenario grid", () => {
  const plan = twoMonthPlan();

  it("+25%: revenue 12,400 Mtok × 2.625 = 32,550; short P&L −9 × 1,000 × 0.525 = −4,725; hedged revenue 27,825", () => {
    const dec = runScenario(plan, 0.25, "mean", { side: "short" }).months[0]!;
    expect(dec).toMatchObject({
      settlementPrice: 2.625,
      unhedgedCost: -32_550,
      futuresPnl: -4_725,
      hedgedCost: -27_825,
    });
    // Received 27,825 / 12,400 = 2.24395… USD/Mtok, shown as −2.244 in the net-cost convention.
    expect(dec.effectivePrice).toBe(-2.244);
  });

  it("a full hedge receives S₂ + F₁ − F₂ = F₁ whatever the settlement (Hull ch. 3): January at ×0.8 is 10 B tokens on 10 contracts", () => {
    for (const [shock, revenue, pnl] of [
      [0.25, 25_000, -5_000], // 10,000 Mtok × 2.50; −10 × 1,000 × 0.50
      [-0.5, 10_000, 10_000], // 10,000 Mtok × 1.00; −10 × 1,000 × (−1.00)
    ] as const) {
      const jan = runScenario(plan, shock, "x0.8", { side: "short" }).months[1]!;
      expect(jan).toMatchObject({
        tokens: 10_000_000_000,
        unhedgedCost: -revenue,
        futuresPnl: pnl,
        hedgedCost: -20_000,
        effectivePrice: -2,
      });
    }
  });

  it("the short position mirrors the long one: its P&L is minus the long's, its margin peak at +25% is the long's at −25% (9,725)", () => {
    const long = runScenario(plan, -0.25, "mean", { asOf: AS_OF });
    const short = runScenario(plan, 0.25, "mean", { asOf: AS_OF, side: "short" });
    // Long at −25%: 9 × 1,000 × 0.525 + 10 × 1,000 × 0.50 = 4,725 + 5,000 lost.
    expect(long.margin?.peakOutflow).toBe(9_725);
    expect(short.margin?.peakOutflow).toBe(9_725);
    expect(runScenario(plan, -0.25, "mean", { asOf: AS_OF, side: "short" }).margin?.peakOutflow).toBe(0);
    expect(runScenario(plan, 0.25, "mean", { side: "short" }).futuresPnl).toBe(
      -runScenario(plan, 0.25, "mean").futuresPnl,
    );
  });

  it("a budget is a buyer's: the grid refuses one for a short hedge (the pipeline says so first)", () => {
    expect(() => runScenario(plan, 0, "mean", { side: "short", budget: parseBudget("$60,000")! })).toThrow(/buyer/);
  });
});

describe("short hedge in the Monte Carlo", () => {
  const plan = twoMonthPlan();
  const n = 2_000;
  const volumes = fixedVolumes(plan, n);
  const run = (side: "long" | "short") =>
    simulate({ plan, volumes, model: { kind: "gbm", vol: 0.5 }, seed: 9, asOf: AS_OF, side });

  it("every path's net cost is minus the buyer's, so σ is the same and the mean changes sign", () => {
    const long = run("long");
    const short = run("short");
    expect(short.side).toBe("short");
    for (let i = 0; i < n; i++) {
      expect(short.samples.unhedged[i]).toBe(-long.samples.unhedged[i]!);
      expect(short.samples.hedged[i]).toBe(-long.samples.hedged[i]!);
    }
    expect(short.hedged.sd).toBeCloseTo(long.hedged.sd, 6);
    // The seller's Cost-at-Risk is its revenue shortfall: P95 of the net cost − mean = mean revenue − P5 revenue.
    expect(short.hedged.costAtRisk95).toBeCloseTo(long.hedged.mean - long.hedged.p5, 6);
    // With b = 1 the variance-minimising ratio of the seller is 1 too (revenue − short P&L is constant).
    expect(short.minVarianceRatio).toBe(1);
  });

  it("the short's margin calls come when prices rise: its peak need differs from the long's", () => {
    const long = run("long");
    const short = run("short");
    expect(short.peakMargin.p95).toBeGreaterThan(0);
    expect(short.peakMargin.p95).not.toBeCloseTo(long.peakMargin.p95, 0);
  });

  it("delta-normal: the same σ and CaR, the mean negated", () => {
    const input = {
      plan,
      volumes,
      model: { kind: "gbm" as const, vol: 0.5 },
      basis: { a: 0, b: 1, noise: 0.05 },
      corr: 0.3,
      asOf: AS_OF,
    };
    const long = parametricRisk(input);
    const short = parametricRisk({ ...input, side: "short" });
    for (const k of ["unhedged", "hedged"] as const) {
      expect(short[k].mean).toBeCloseTo(-long[k].mean, 6);
      expect(short[k].sd).toBeCloseTo(long[k].sd, 6);
      expect(short[k].costAtRisk).toBeCloseTo(long[k].costAtRisk, 6);
    }
  });
});
