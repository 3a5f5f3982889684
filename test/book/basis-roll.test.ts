import { describe, expect, it } from "vitest";
import { basisHedge } from "../../src/book/basis.js";
import { rollSchedule, stackAndRoll } from "../../src/book/stack-roll.js";
import { rollSection } from "../../src/book/roll-section.js";
import { parseRollLegs } from "../../src/book/roll-legs.js";
import { readFileSync } from "node:fs";
import { contractSpecSchema } from "../../src/curve/contract.js";
import { policySchema } from "../../src/hedge/policy.js";

describe("effective price with basis (Hull, Options, Futures, and Other Derivatives, ch. 3)", () => {
  it("short hedge: 50 million yen, September futures shorted at 0.7800, closed at 0.7250 with spot 0.7200 (cents per yen)", () => {
    const r = basisHedge({ side: "short", f1: 0.78, f2: 0.725, s2: 0.72, quantity: 50_000_000 });
    // gain 0.7800 − 0.7250 = 0.0550; basis 0.7200 − 0.7250 = −0.0050;
    // effective price S₂ + F₁ − F₂ = 0.7200 + 0.0550 = 0.7750 = F₁ + b₂ = 0.7800 − 0.0050.
    expect(r.futuresGain).toBe(0.055);
    expect(r.finalBasis).toBe(-0.005);
    expect(r.effectivePrice).toBe(0.775);
    // 50,000,000 yen × 0.7750 cents = 38,750,000 cents = $387,500.
    expect(r.total! / 100).toBe(387_500);
  });

  it("long hedge: 20,000 barrels, December futures bought at $68.00, closed at $69.10 with spot $70.00", () => {
    const r = basisHedge({ side: "long", f1: 68, f2: 69.1, s2: 70, quantity: 20_000 });
    // gain 69.10 − 68.00 = 1.10; basis 70.00 − 69.10 = 0.90; price paid 70.00 − 1.10 = 68.90 = 68.00 + 0.90.
    expect(r.futuresGain).toBe(1.1);
    expect(r.finalBasis).toBe(0.9);
    expect(r.effectivePrice).toBe(68.9);
    expect(r.total).toBe(1_378_000); // 68.90 × 20,000
  });

  it("the same expression S₂ + F₁ − F₂ is received by a short hedger and paid by a long one", () => {
    const short = basisHedge({ side: "short", f1: 2.1, f2: 1.9, s2: 1.95 });
    const long = basisHedge({ side: "long", f1: 2.1, f2: 1.9, s2: 1.95 });
    // 1.95 + 2.10 − 1.90 = 2.15 for both; the short gains 0.20, the long loses 0.20.
    expect(short.effectivePrice).toBe(2.15);
    expect(long.effectivePrice).toBe(2.15);
    expect(short.futuresGain).toBe(0.2);
    expect(long.futuresGain).toBe(-0.2);
  });
});

describe("stack and roll", () => {
  it("reproduces Hull's oil producer rolling six-month contracts (100,000 barrels to sell in June of the next year)", () => {
    // Hull ch. 3, "Rolling the hedge forward" (the table of the example; years differ between editions):
    // short October at 88.20, closed 87.40; short March at 87.00, closed 86.50; short July at 86.30, closed 85.90;
    // spot 89.00 at the start, 86.00 at the end.
    const r = stackAndRoll({
      side: "short",
      quantity: 100_000,
      initialSpot: 89,
      finalSpot: 86,
      legs: [
        { contract: "Oct", openDate: "Apr", closeDate: "Sep", openPrice: 88.2, closePrice: 87.4 },
        { contract: "Mar", openDate: "Sep", closeDate: "Feb", openPrice: 87.0, closePrice: 86.5 },
        { contract: "Jul", openDate: "Feb", closeDate: "Jun", openPrice: 86.3, closePrice: 85.9 },
      ],
    });
    // (88.20 − 87.40) + (87.00 − 86.50) + (86.30 − 85.90) = 0.80 + 0.50 + 0.40 = 1.70 per barrel → $170,000.
    expect(r.legs.map((l) => l.gainPerUnit)).toEqual([0.8, 0.5, 0.4]);
    expect(r.gainPerUnit).toBe(1.7);
    expect(r.totalGain).toBe(170_000);
    // The price fell 3.00; the producer receives 86.00 + 1.70 = 87.70 a barrel.
    expect(r.spotChange).toBe(-3);
    expect(r.effectivePrice).toBe(87.7);
  });

  const curve = [
    { month: "2027-01", price: 2.0 },
    { month: "2027-02", price: 1.9 },
    { month: "2027-03", price: 1.8 },
  ];

  it("plans the legs for a month past the curve: stacked in the last listed month, rolled into the latest listed", () => {
    const plan = rollSchedule({
      asOf: "2026-12-15",
      curve,
      month: "2027-07",
      contracts: 10,
      contractSize: 1e9,
      divisor: 1e6,
      shifts: [0],
    });
    // Three months listed ahead (W = 3). Stack in 2027-03; roll 2027-02-28 into 2027-02 + 3 = 2027-05;
    // roll 2027-04-30 into 2027-04 + 3 = 2027-07, the exposure month itself.
    expect(plan.stackMonth).toBe("2027-03");
    expect(plan.legs).toEqual([
      { contract: "2027-03", openDate: "2026-12-15", closeDate: "2027-02-28" },
      { contract: "2027-05", openDate: "2027-02-28", closeDate: "2027-04-30" },
      { contract: "2027-07", openDate: "2027-04-30", closeDate: null },
    ]);
  });

  it("prices the rolls on a constant-shape curve under shifts; a losing roll's cash is the funding need", () => {
    const plan = rollSchedule({
      asOf: "2026-12-15",
      curve,
      month: "2027-07",
      contracts: 10,
      contractSize: 1e9,
      divisor: 1e6,
      shifts: [0, -0.5],
    });
    const [flat, crash] = plan.scenarios;
    // No shift (backwardation kept): 2027-03 opened at the tenor-3 price 1.80, closed at the tenor-1 price 2.00:
    // +0.20 × 10 × 1,000 = +$2,000; 2027-05 opened at tenor 3 (1.80), closed at 2.00: +$2,000. Roll P&L +$4,000.
    expect(flat!.legs.map((l) => [l.openPrice, l.closePrice, l.pnl])).toEqual([
      [1.8, 2, 2000],
      [1.8, 2, 2000],
      [1.8, null, 0],
    ]);
    expect(flat!.rollPnl).toBe(4000);
    expect(flat!.fundingNeed).toBe(0);
    // Curve 50% lower at the rolls: closed at 1.00 (−0.80 × 10,000 Mtok = −$8,000), reopened at 0.90, closed at
    // 1.00 (+$1,000): cumulative −8,000 then −7,000 → funding need $8,000.
    expect(crash!.legs.map((l) => l.pnl)).toEqual([-8000, 1000, 0]);
    expect(crash!.rollPnl).toBe(-7000);
    expect(crash!.fundingNeed).toBe(8000);
  });
});

describe("months past the curve in the plan", () => {
  it("sizes them by the policy and stacks them in the last listed month", () => {
    const spec = contractSpecSchema.parse({
      name: "c",
      underlying: "token-index",
      quoteUnit: "USD/Mtok",
      contractSize: 1e9,
      sizeUnit: "tokens",
      tickSize: 0.01,
      currency: "USD",
      initialMargin: 300,
      maintenanceMargin: 240,
    });
    const months = ["2027-01", "2027-02", "2027-03", "2027-04", "2027-05"];
    const r = rollSection({
      forecast: months.map((month) => ({ month, mean: 10e9, p10: 9e9, p50: 10e9, p90: 11e9 })),
      curve: [
        { month: "2027-01", price: 2.0 },
        { month: "2027-02", price: 1.9 },
        { month: "2027-03", price: 1.8 },
      ],
      spec,
      policy: policySchema.parse({ ladder: [{ fromMonth: 1, toMonth: 5, ratio: 1 }] }),
      asOf: "2026-12-15",
      side: "long",
      shifts: [0, -0.5],
    })!;
    // 2027-04 and 2027-05: 10 contracts each, stacked in 2027-03 at 1.80, rolled on 2027-02-28 into the month itself.
    expect(r.stackMonth).toBe("2027-03");
    expect(r.months.map((m) => [m.month, m.contracts, m.legs.map((l) => l.contract)])).toEqual([
      ["2027-04", 10, ["2027-03", "2027-04"]],
      ["2027-05", 10, ["2027-03", "2027-05"]],
    ]);
    // No shift: each closes at the tenor-1 price 2.00: +0.20 × 10,000 Mtok = +$2,000 each, +$4,000 together.
    // −50%: closes at 1.00: −0.80 × 10,000 = −$8,000 each, both on 2027-02-28: funding need $16,000.
    expect(r.scenarios).toEqual([
      { shift: 0, rollPnl: 4000, fundingNeed: 0 },
      { shift: -0.5, rollPnl: -16_000, fundingNeed: 16_000 },
    ]);
  });
});

describe("parseRollLegs", () => {
  it("reads the fixture of Hull's legs and refuses a bad price with its place", () => {
    const legs = parseRollLegs(readFileSync("fixtures/hull/stack-and-roll.csv", "utf8"), "stack-and-roll.csv");
    expect(legs.map((l) => [l.contract, l.openPrice, l.closePrice])).toEqual([
      ["Oct 2014", 88.2, 87.4],
      ["Mar 2015", 87, 86.5],
      ["Jul 2015", 86.3, 85.9],
    ]);
    expect(stackAndRoll({ side: "short", legs, quantity: 100_000, initialSpot: 89, finalSpot: 86 }).totalGain).toBe(
      170_000,
    );
    expect(() =>
      parseRollLegs("contract,open_date,close_date,open_price,close_price\nOct,2014-04,2014-09,x,1\n", "r.csv"),
    ).toThrow(/open_price "x"/);
  });
});
