import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/hedge/plan.js";
import { contractSpecSchema } from "../../src/curve/contract.js";
import { policySchema } from "../../src/hedge/policy.js";
import { rebalanceBook, type HeldMonth, type RebalanceRule } from "../../src/book/rebalance.js";
import { targetsFromPlan } from "../../src/book/targets.js";
import { addMonths } from "../../src/time/period.js";

const spec = contractSpecSchema.parse({
  name: "test token contract",
  illustrative: true,
  underlying: "token-index",
  quoteUnit: "USD/Mtok",
  contractSize: 1_000_000_000,
  sizeUnit: "tokens",
  tickSize: 0.01,
  currency: "USD",
  initialMargin: 300,
  maintenanceMargin: 240,
});
const f = (month: string, mean: number) => ({ month, mean, p10: mean * 0.9, p50: mean, p90: mean * 1.1 });

function rebalanceOne(policy: unknown, forecastTokens: number, held: HeldMonth[], rebalance: RebalanceRule) {
  const plan = buildPlan({
    forecast: [f("2027-01", forecastTokens)],
    curve: [{ month: "2027-01", price: 2.0 }],
    spec,
    policy: policySchema.parse(policy),
  });
  return rebalanceBook({
    months: targetsFromPlan(plan, "long"),
    held,
    side: "long",
    rebalance,
    allowShort: false,
    contractSize: spec.contractSize,
    divisor: 1e6,
    tokensPerUnit: 1,
  });
}

describe("trades to target", () => {
  // 80 contracts held (bought at 2.10) when the forecast was 100 B tokens; the forecast falls to 70 B tokens.
  const held: HeldMonth[] = [{ month: "2027-01", contracts: 80, averagePrice: 2.1 }];
  const ladder = { ladder: [{ fromMonth: 1, toMonth: 1, ratio: 0.8, max: 1.0 }], rounding: "down" };

  it("sells the 10 contracts above a 100% maximum ratio, priced on the curve", () => {
    const r = rebalanceOne(ladder, 70e9, held, "both");
    const m = r.months[0]!;
    // target 0.8 × 70 = 56 contracts, maximum 1.0 × 70 = 70; held 80 > 70 → sell 80 − 70 = 10.
    expect(m.targetContracts).toBe(56);
    expect(m.maximumContracts).toBe(70);
    expect(m.heldContracts).toBe(80);
    expect(m.trade).toEqual({ side: "sell", contracts: 10 });
    expect(m.afterTradeContracts).toBe(70);
    expect(m.afterTradeRatio).toBe(1); // 70 × 1e9 / 70e9
    // 10 contracts × 1e9 tokens × $2.00/Mtok / 1e6 = $20,000; realised (2.00 − 2.10) × 10 × 1,000 Mtok = −$1,000.
    expect(m.tradeValue).toBe(20_000);
    expect(m.unwindPnl).toBe(-1_000);
    expect(m.flags).toEqual(["over-hedged"]);
    expect(r.trades).toEqual([
      { month: "2027-01", side: "sell", contracts: 10, price: 2, value: 20_000, reason: "unwind-over-hedge" },
    ]);
  });

  it("with a flat 100% target the same month sells the same 10", () => {
    const r = rebalanceOne({ ladder: [{ fromMonth: 1, toMonth: 1, ratio: 1 }] }, 70e9, held, "both");
    expect(r.months[0]!.trade).toEqual({ side: "sell", contracts: 10 });
  });

  it("add-only: no trade, flagged and warned", () => {
    const r = rebalanceOne(ladder, 70e9, held, "add-only");
    expect(r.months[0]!.trade).toEqual({ side: "none", contracts: 0 });
    expect(r.months[0]!.afterTradeContracts).toBe(80);
    expect(r.months[0]!.flags).toEqual(["over-hedged", "unwind-blocked"]);
    expect(r.trades).toEqual([]);
    expect(r.warnings.join("\n")).toContain("2027-01 holds 80 > 70");
  });

  it("within the band (between target and maximum) there is no trade", () => {
    // forecast 90 B: target 72, maximum 90; 80 held lies between → no churn.
    const r = rebalanceOne(ladder, 90e9, held, "both");
    expect(r.months[0]!.trade).toEqual({ side: "none", contracts: 0 });
    expect(r.months[0]!.flags).toEqual([]);
  });

  it("a layered 80/50/20 programme on buckets of 1,200 re-planned six months later trades 360 / 360 / 240", () => {
    const layered = policySchema.parse({
      ladder: [
        { fromMonth: 1, toMonth: 6, ratio: 0.8 },
        { fromMonth: 7, toMonth: 12, ratio: 0.5 },
        { fromMonth: 13, toMonth: 18, ratio: 0.2 },
      ],
    });
    const months = (from: string, n: number) => Array.from({ length: n }, (_, k) => addMonths(from, k));
    const planFrom = (first: string) => {
      const ms = months(first, 18);
      return buildPlan({
        forecast: ms.map((m) => f(m, 1_200e9)),
        curve: ms.map((m) => ({ month: m, price: 2 })),
        spec,
        policy: layered,
      });
    };
    // First plan, from 2027-01: 0.8 × 1,200 = 960, 0.5 × 1,200 = 600, 0.2 × 1,200 = 240 per month; the desk buys it all.
    const first = planFrom("2027-01");
    const held: HeldMonth[] = first.months.map((m) => ({ month: m.month, contracts: m.contracts, averagePrice: 2 }));
    expect(first.months.map((m) => m.contracts)).toEqual([
      ...Array(6).fill(960),
      ...Array(6).fill(600),
      ...Array(6).fill(240),
    ]);
    // Six months on the first bucket has settled (dropped from the book); the plan now starts at 2027-07.
    const later = planFrom("2027-07");
    const open = held.filter((h) => h.month >= "2027-07");
    const r = rebalanceBook({
      months: targetsFromPlan(later, "long"),
      held: open,
      side: "long",
      rebalance: "both",
      allowShort: false,
      contractSize: 1e9,
      divisor: 1e6,
      tokensPerUnit: 1,
    });
    // 2027-07..12 now tenor 1–6: 960 − 600 = 360; 2028-01..06 tenor 7–12: 600 − 240 = 360; 2028-07..12 new: 240 − 0 = 240.
    expect(r.months.map((m) => m.trade.contracts)).toEqual([
      ...Array(6).fill(360),
      ...Array(6).fill(360),
      ...Array(6).fill(240),
    ]);
    expect(r.months.every((m) => m.trade.side === "buy")).toBe(true);
    expect(r.totals).toEqual({
      buyContracts: 6 * (360 + 360 + 240),
      sellContracts: 0,
      unwindPnl: 0,
      monthsOverHedged: 0,
    });
  });

  it("never leaves a buyer net short unless allowed", () => {
    const months = [
      { month: "2027-01", forecastTokens: 10e9, targetContracts: -5, maximumContracts: -5, futuresPrice: 2 },
    ];
    const base = {
      months,
      held: [],
      side: "long" as const,
      rebalance: "both" as const,
      contractSize: 1e9,
      divisor: 1e6,
      tokensPerUnit: 1,
    };
    const refused = rebalanceBook({ ...base, allowShort: false });
    expect(refused.months[0]!.trade).toEqual({ side: "none", contracts: 0 });
    expect(refused.months[0]!.flags).toEqual(["short-refused"]);
    expect(refused.warnings.join()).toContain("--allow-short");
    const allowed = rebalanceBook({ ...base, allowShort: true });
    expect(allowed.months[0]!.trade).toEqual({ side: "sell", contracts: 5 });
    expect(allowed.months[0]!.afterTradeContracts).toBe(-5);
  });

  it("a buyer already net short buys back to the target", () => {
    const months = [
      { month: "2027-01", forecastTokens: 10e9, targetContracts: 8, maximumContracts: 8, futuresPrice: 2 },
    ];
    const r = rebalanceBook({
      months,
      held: [{ month: "2027-01", contracts: -3, averagePrice: 2.2 }],
      side: "long",
      rebalance: "both",
      allowShort: false,
      contractSize: 1e9,
      divisor: 1e6,
      tokensPerUnit: 1,
    });
    // −3 → 8: buy 11; the 3 short closed realise (2.2 − 2.0) × 3 × 1,000 = $600.
    expect(r.months[0]!.trade).toEqual({ side: "buy", contracts: 11 });
    expect(r.months[0]!.unwindPnl).toBe(600);
    expect(r.months[0]!.flags).toEqual(["wrong-side-held"]);
    expect(r.trades[0]!.reason).toBe("close-wrong-side");
  });

  it("a short hedger (seller of capacity) sizes the same rule in the other direction", () => {
    const plan = buildPlan({
      forecast: [f("2027-01", 70e9)],
      curve: [{ month: "2027-01", price: 2 }],
      spec,
      policy: policySchema.parse({ ladder: [{ fromMonth: 1, toMonth: 1, ratio: 0.8, max: 1 }] }),
    });
    const r = rebalanceBook({
      months: targetsFromPlan(plan, "short"),
      held: [{ month: "2027-01", contracts: -80, averagePrice: 2.1 }],
      side: "short",
      rebalance: "both",
      allowShort: false,
      contractSize: 1e9,
      divisor: 1e6,
      tokensPerUnit: 1,
    });
    // short 80 against a maximum of short 70: buy back 10; the short realises (2.10 − 2.00) × 10 × 1,000 = +$1,000.
    expect(r.months[0]!.targetContracts).toBe(-56);
    expect(r.months[0]!.trade).toEqual({ side: "buy", contracts: 10 });
    expect(r.months[0]!.unwindPnl).toBe(1_000);
  });

  it("a held month the plan does not cover is reported, not traded", () => {
    const r = rebalanceBook({
      months: [],
      held: [{ month: "2028-06", contracts: 4, averagePrice: 1.5 }],
      side: "long",
      rebalance: "both",
      allowShort: false,
      contractSize: 1e9,
      divisor: 1e6,
      tokensPerUnit: 1,
    });
    expect(r.months[0]!.flags).toEqual(["not-planned"]);
    expect(r.trades).toEqual([]);
  });
});
