/** `plan`'s answer in the company's money: the JSON `company` block and its figures on the fixtures. */
import { describe, expect, it } from "vitest";
import { ACME, PLAN_ARGS, runCli, runJson } from "../helpers/run-cli.js";

interface Figures {
  mean: number;
  sd: number;
  costAtRisk: number;
  parts: { price: number; volume: number; basis: number; total: number };
}
interface Answer {
  priceSource: string;
  basis: { method: string; beta: number; rSquared: number | null } | null;
  pricedAt: string;
  months: { month: string; companyPrice: number; companyCost: number; indexCost: number; committedTokens: number }[];
  totals: { companyCost: number; indexCost: number };
  risk: { unhedged: Figures; hedged: Figures; change: number; priceVolatility: number };
  costOfHedging: { fees: number; marginFunding: number | null; total: number };
  unhedgeable: { basisCostAtRisk: number };
  history: { month: string; companyPrice: number | null }[];
  summary: string[];
}
interface PlanDoc {
  months: { month: string; forecastTokens: number; futuresPrice: number; initialMargin: number; fees: number }[];
  totals: { fees: number };
  company: Answer;
}

const cents = (x: number): number => Math.round(x * 100);

describe("plan: the company's cost beside the index cost", () => {
  const plan = runJson<PlanDoc>(["plan", ACME.usage, ...PLAN_ARGS, "--funding-rate", "5%"]);
  const a = plan.company;

  it("prices each month at the export's own cost per token (2.3995 USD/Mtok over 2026-08..2026-10) and the index at F₀", () => {
    expect(a.priceSource).toBe("usage");
    expect(a.pricedAt).toBe("company");
    for (const [i, m] of a.months.entries()) {
      const pm = plan.months[i]!;
      expect(m.month).toBe(pm.month);
      // companyCost = tokens × S₀ / 1e6 and indexCost = tokens × F₀ / 1e6, to the cent.
      expect(cents(m.companyCost)).toBe(cents((pm.forecastTokens * m.companyPrice) / 1e6));
      expect(cents(m.indexCost)).toBe(cents((pm.forecastTokens * pm.futuresPrice) / 1e6));
      expect(m.companyPrice).toBeCloseTo(2.3995, 4);
    }
    // 2026-12: the price is the same in every month (no price file), so the company cost runs 2.3995/2.10 above the index.
    expect(a.months[0]!.companyCost / a.months[0]!.indexCost).toBeCloseTo(a.months[0]!.companyPrice / 2.1, 6);
  });

  it("history months carry the export's own cost ÷ tokens: 2026-10 is $165,216.69 / 69,031,220,107 tokens = 2.393362 USD/Mtok", () => {
    const ingest = runJson<{ periods: { period: string; tokens: string | number; cost: string | number }[] }>([
      "ingest",
      ACME.usage,
    ]);
    const byMonth = new Map(ingest.periods.map((p) => [p.period, (Number(p.cost) / Number(p.tokens)) * 1e6]));
    expect(a.history).toHaveLength(20);
    for (const h of a.history) expect(h.companyPrice).toBeCloseTo(byMonth.get(h.month)!, 6);
    expect(a.history[a.history.length - 1]).toEqual({ month: "2026-10", companyPrice: 2.393362 });
  });

  it("cost of hedging: fees 634 × 1.50 = 951; margin at 5% a year from 2026-11 through each delivery month", () => {
    expect(a.costOfHedging.fees).toBe(951);
    // Σ IM_m × (months held) = 18,900×2 + 20,100×3 + 21,300×4 + 17,100×5 + 18,000×6 + 19,200×7 + 13,500×8 + 14,400×9
    //   + 15,300×10 + 10,200×11 + 10,800×12 + 11,400×13 = 1,291,800 USD-months; × 5% / 12 = 5,382.50.
    expect(plan.months.map((m) => m.initialMargin)).toEqual([
      18900, 20100, 21300, 17100, 18000, 19200, 13500, 14400, 15300, 10200, 10800, 11400,
    ]);
    expect(a.costOfHedging.marginFunding).toBe(5382.5);
    expect(a.costOfHedging.total).toBe(6333.5);
  });

  it("sticky basis (no --history): the futures add price risk, so the hedged Cost-at-Risk is above the unhedged; parts sum to the total", () => {
    expect(a.basis!.method).toBe("sticky");
    expect(a.risk.unhedged.parts.price).toBe(0);
    expect(a.risk.hedged.costAtRisk).toBeGreaterThan(a.risk.unhedged.costAtRisk);
    for (const f of [a.risk.unhedged, a.risk.hedged])
      expect(f.parts.price + f.parts.volume + f.parts.basis).toBeCloseTo(f.costAtRisk, 4);
    expect(a.summary.join(" ")).toMatch(/these futures hedge none of its cost/);
  });

  it("--basis index: the company's price moves one for one with the index and the hedge lowers the Cost-at-Risk", () => {
    const idx = runJson<PlanDoc>(["plan", ACME.usage, ...PLAN_ARGS, "--basis", "index"]).company;
    expect(idx.basis!.method).toBe("index");
    expect(idx.risk.hedged.costAtRisk).toBeLessThan(idx.risk.unhedged.costAtRisk);
    expect(idx.risk.unhedged.parts.price).toBeGreaterThan(0);
    expect(idx.unhedgeable.basisCostAtRisk).toBe(0);
  });

  it("regression on the export's own price history: the index explains almost none of a list-price buyer's price, and the plan says so", () => {
    const r = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--history", "fixtures/acme/price-history.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/In the company's money/);
    expect(r.stdout).toMatch(/The index explains only 1% of the company's price changes/);
    expect(r.stdout).toMatch(/close to a position on the index, not a hedge/);
  });

  it("--funding-rate refuses a rate outside 0–100% (exit 2)", () => {
    const r = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--funding-rate", "150%"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--funding-rate must be between 0 and 1/);
  });
});
