import { describe, expect, it } from "vitest";
import { parseBook } from "../../src/book/book.js";
import { markBook } from "../../src/book/mark.js";

const book = parseBook(
  [
    "trade_id,trade_date,contract,delivery_month,side,contracts,trade_price",
    "T1,2026-10-30,c,2026-12,long,65,2.10",
    "T2,2026-10-30,c,2027-01,long,69,2.05",
    "T3,2026-11-27,c,2027-01,short,9,2.12",
    "T4,2026-11-27,c,2027-02,long,72,1.98",
  ].join("\n"),
  "book.csv",
);

describe("markBook", () => {
  const mark = markBook({
    trades: book.trades,
    curve: [{ month: "2027-01", price: 2.02 }],
    settlements: new Map([["2026-12", 2.07]]),
    contractSize: 1e9,
    divisor: 1e6,
  });

  it("realises a settled month against its final settlement price", () => {
    // 65 × 1,000 Mtok × (2.07 − 2.10) = −$1,950.00; the 65 contracts fixed $2.10/Mtok.
    expect(mark.months[0]).toMatchObject({
      month: "2026-12",
      status: "settled",
      netContracts: 65,
      markPrice: 2.07,
      realisedPnl: -1950,
      unrealisedPnl: 0,
      variationMarginToDate: -1950,
      lockedInPrice: 2.1,
    });
  });

  it("splits an open month into the closed-out part (realised) and the open part (marked on the curve)", () => {
    // 9 of the 69 long closed by the short at 2.12: 9 × 1,000 × (2.12 − 2.05) = +$630 realised;
    // 60 open at 2.05 marked at 2.02: 60 × 1,000 × (2.02 − 2.05) = −$1,800 unrealised; margin to date −$1,170;
    // locked in (69 × 2.05 − 9 × 2.12) / 60 = (141.45 − 19.08) / 60 = 2.0395.
    expect(mark.months[1]).toMatchObject({
      month: "2027-01",
      status: "open",
      longContracts: 69,
      shortContracts: 9,
      netContracts: 60,
      averageOpenPrice: 2.05,
      realisedPnl: 630,
      unrealisedPnl: -1800,
      variationMarginToDate: -1170,
      lockedInPrice: 2.0395,
    });
  });

  it("a month neither on the curve nor settled is left unmarked, with a warning", () => {
    expect(mark.months[2]).toMatchObject({
      month: "2027-02",
      status: "unpriced",
      unrealisedPnl: null,
      variationMarginToDate: null,
      lockedInPrice: 1.98,
    });
    expect(mark.warnings).toEqual([
      "2027-02: 72 contracts held, but the month is neither on the curve nor in the settlements; not marked",
    ]);
  });

  it("a month closed out before settlement is realised in full and needs no price", () => {
    const flat = parseBook(
      "trade_id,trade_date,contract,delivery_month,side,contracts,trade_price\nA,2026-07-15,c,2026-11,long,60,2.24\nB,2026-10-29,c,2026-11,short,60,2.15\n",
      "b.csv",
    );
    const m = markBook({ trades: flat.trades, curve: [], settlements: new Map(), contractSize: 1e9, divisor: 1e6 });
    // 60 × 1,000 × (2.15 − 2.24) = −$5,400, realised; nothing open.
    expect(m.months[0]).toMatchObject({
      status: "closed",
      netContracts: 0,
      realisedPnl: -5400,
      unrealisedPnl: 0,
      variationMarginToDate: -5400,
      lockedInPrice: null,
    });
    expect(m.warnings).toEqual([]);
  });

  it("totals the book", () => {
    // realised −1,950 + 630 = −1,320; unrealised −1,800; margin −1,950 − 1,170 = −3,120; open 60 (2027-01 only).
    expect(mark.totals).toEqual({
      realisedPnl: -1320,
      unrealisedPnl: -1800,
      variationMarginToDate: -3120,
      openContracts: 60,
    });
  });

  it("the locked-in price is what a buyer pays whatever the settlement: N·S_T − futures P&L = Σ s·q·P", () => {
    for (const settle of [1.5, 2.07, 3.2]) {
      const m = markBook({
        trades: book.trades.slice(1, 3),
        curve: [],
        settlements: new Map([["2027-01", settle]]),
        contractSize: 1e9,
        divisor: 1e6,
      }).months[0]!;
      const paid = 60 * 1000 * settle - m.realisedPnl; // buying 60,000 Mtok at S_T, less the futures gain
      expect(paid / 60_000).toBeCloseTo(m.lockedInPrice!, 10);
    }
  });
});
