import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/hedge/plan.js";
import { contractSpecSchema } from "../../src/curve/contract.js";
import { policySchema } from "../../src/hedge/policy.js";
import { parseBook } from "../../src/book/book.js";
import { bookSection, planMonthsWithBook } from "../../src/book/section.js";
import { bookHuman, bookTradesCsv } from "../../src/report/views/book.js";
import { diffPlans } from "../../src/book/diff.js";
import { diffHuman } from "../../src/report/views/diff.js";

const spec = contractSpecSchema.parse({
  name: "c",
  illustrative: true,
  underlying: "token-index",
  quoteUnit: "USD/Mtok",
  contractSize: 1e9,
  sizeUnit: "tokens",
  tickSize: 0.01,
  currency: "USD",
  initialMargin: 300,
  maintenanceMargin: 240,
});
const curve = [
  { month: "2027-01", price: 2.0 },
  { month: "2027-02", price: 1.9 },
];
const f = (month: string, mean: number) => ({ month, mean, p10: mean * 0.9, p50: mean, p90: mean * 1.1 });
const policy = policySchema.parse({ ladder: [{ fromMonth: 1, toMonth: 2, ratio: 1 }] });

describe("the book against the plan", () => {
  const book = parseBook(
    "trade_id,trade_date,contract,delivery_month,side,contracts,trade_price\nT0,2026-10-01,c,2026-12,long,50,2.20\nT1,2026-11-02,c,2027-01,long,80,2.10\n",
    "book.csv",
  );
  const plan = buildPlan({ forecast: [f("2027-01", 70e9), f("2027-02", 40e9)], curve, spec, policy });
  const s = bookSection({
    plan,
    spec,
    book,
    settlements: new Map([["2026-12", 2.15]]),
    settlementsFile: "settlements.csv",
    curve,
    side: "long",
    rebalance: "both",
    allowShort: false,
  });

  it("sells the over-hedge, buys the new month, and marks the settled and the open months", () => {
    // Jan: target 70, held 80 → sell 10 at 2.00 ($20,000; realises 10 × 1,000 × (2.00 − 2.10) = −$1,000).
    // Feb: target 40, held 0 → buy 40 at 1.90 ($76,000).
    expect(s.deskTrades).toEqual([
      { month: "2027-01", side: "sell", contracts: 10, price: 2, value: 20_000, reason: "unwind-over-hedge" },
      { month: "2027-02", side: "buy", contracts: 40, price: 1.9, value: 76_000, reason: "to-target" },
    ]);
    // Dec settled at 2.15: 50 × 1,000 × (2.15 − 2.20) = −$2,500 realised; Jan open: 80 × 1,000 × (2.00 − 2.10) = −$8,000.
    expect(s.totals).toMatchObject({
      buyContracts: 40,
      sellContracts: 10,
      unwindPnl: -1000,
      realisedPnl: -2500,
      unrealisedPnl: -8000,
      variationMarginToDate: -10_500,
      openContracts: 80,
    });
    const months = planMonthsWithBook(plan.months, s);
    expect(months.map((m) => [m.month, m.targetContracts, m.heldContracts, m.trade])).toEqual([
      ["2027-01", 70, 80, { side: "sell", contracts: 10 }],
      ["2027-02", 40, 0, { side: "buy", contracts: 40 }],
    ]);
  });

  it("renders the trades, the desk list and the P&L", () => {
    const out = bookHuman(s, false);
    expect(out).toContain("1. SELL 10 2027-01 at 2.000 ($20,000.00; unwind-over-hedge)");
    expect(out).toContain("2. BUY 40 2027-02 at 1.900 ($76,000.00; to-target)");
    expect(out).toMatch(/2026-12 .*settled .*-\$2,500\.00/);
    expect(bookTradesCsv(s)).toBe(
      "month,side,contracts,price,value,reason\n2027-01,sell,10,2,20000,unwind-over-hedge\n2027-02,buy,40,1.9,76000,to-target\n",
    );
  });

  it("diff renders old → new with the change", () => {
    const next = buildPlan({ forecast: [f("2027-01", 60e9), f("2027-02", 40e9)], curve, spec, policy });
    const out = diffHuman(
      diffPlans(
        { months: plan.months, totals: plan.totals },
        "a.json",
        { months: next.months, totals: next.totals },
        "b.json",
      ),
      false,
    );
    // Jan: 70 → 60 contracts; locked in 70 × 1,000 × 2.00 = 140,000 → 120,000.
    expect(out).toMatch(/2027-01 .*changed .*70\.00 → 60\.00 \(-10\.00\) .*70 → 60 \(-10\)/);
    expect(out).toContain("$140,000.00 → $120,000.00 (-$20,000.00)");
    expect(out).toContain("1 changed, 0 added, 0 removed, 1 unchanged.");
  });
});
