/** The hedge book beside the plan: trades to target per month, the desk's trade list, and the book's P&L. */
import { planMonthsWithBook, type BookSection } from "../../book/section.js";
import type { HedgePlan } from "../../hedge/plan.js";
import type { BookStage } from "../../pipeline/book-stage.js";
import { rollHuman } from "./stress.js";
import type { RebalanceFlag } from "../../book/rebalance.js";
import { fmtInt, fmtMoney, fmtPct, fmtPrice } from "../render/format.js";
import { renderTable } from "../render/table.js";
import { renderCsv } from "../render/csv.js";

const FLAG_TEXT: Record<RebalanceFlag, string> = {
  "over-hedged": "over-hedged",
  "unwind-blocked": "add-only: kept",
  "short-refused": "short refused",
  "wrong-side-held": "wrong side held",
  "not-planned": "not in plan",
};

const signed = (n: number | null): string => (n === null ? "–" : n > 0 ? `+${fmtInt(n)}` : fmtInt(n));
const billions = (n: number | null): string => (n === null ? "–" : (n / 1e9).toFixed(2));

/** The book's part of the plan JSON document. */
export function bookDocument(s: BookSection): Record<string, unknown> {
  return {
    file: s.file,
    settlementsFile: s.settlementsFile,
    side: s.side,
    rebalance: s.rebalance,
    allowShort: s.allowShort,
    trades: s.trades,
    months: s.mark.months,
    totals: s.totals,
  };
}

/** Trades to target: per month, the contracts the plan wants, those held, and the trade between them. */
function tradesTable(s: BookSection, colour: boolean): string {
  return renderTable({
    head: [
      "month",
      "forecast B tok",
      "target",
      "held",
      "trade",
      "after",
      "after ratio",
      "futures",
      "trade value",
      "unwind P&L",
      "flags",
    ],
    rows: s.months.map((m) => [
      m.month,
      billions(m.forecastTokens),
      signed(m.targetContracts),
      signed(m.heldContracts),
      m.trade.side === "none" ? "–" : `${m.trade.side} ${fmtInt(m.trade.contracts)}`,
      signed(m.afterTradeContracts),
      fmtPct(m.afterTradeRatio, 1),
      fmtPrice(m.futuresPrice, 3),
      m.tradeValue === 0 ? "–" : fmtMoney(m.tradeValue),
      m.unwindPnl === 0 ? "–" : fmtMoney(m.unwindPnl),
      m.flags.map((f) => FLAG_TEXT[f]).join(", "),
    ]),
    footer: [
      [
        "total",
        "",
        "",
        "",
        `buy ${fmtInt(s.totals.buyContracts)} / sell ${fmtInt(s.totals.sellContracts)}`,
        "",
        "",
        "",
        "",
        fmtMoney(s.totals.unwindPnl),
        "",
      ],
    ],
    colour,
  });
}

/** Mark to market: per month, the open position, its mark and the P&L realised, unrealised and margined. */
function marksTable(s: BookSection, colour: boolean): string {
  return renderTable({
    head: [
      "month",
      "status",
      "long",
      "short",
      "net",
      "avg open",
      "mark",
      "realised P&L",
      "unrealised P&L",
      "margin to date",
      "locked in",
    ],
    rows: s.mark.months.map((m) => [
      m.month,
      m.status,
      fmtInt(m.longContracts),
      fmtInt(m.shortContracts),
      signed(m.netContracts),
      fmtPrice(m.averageOpenPrice, 4),
      fmtPrice(m.markPrice, 3),
      fmtMoney(m.realisedPnl),
      m.unrealisedPnl === null ? "–" : fmtMoney(m.unrealisedPnl),
      m.variationMarginToDate === null ? "–" : fmtMoney(m.variationMarginToDate),
      fmtPrice(m.lockedInPrice, 4),
    ]),
    footer: [
      [
        "total",
        "",
        "",
        "",
        signed(s.totals.openContracts),
        "",
        "",
        fmtMoney(s.totals.realisedPnl),
        fmtMoney(s.totals.unrealisedPnl),
        fmtMoney(s.totals.variationMarginToDate),
        "",
      ],
    ],
    colour,
  });
}

/** The desk's trade list, numbered, priced on today's curve. */
function deskTradeList(s: BookSection): string {
  return s.deskTrades.length === 0
    ? "no trades: the book is on target\n"
    : s.deskTrades
        .map(
          (t, k) =>
            `  ${k + 1}. ${t.side.toUpperCase()} ${fmtInt(t.contracts)} ${t.month} at ${fmtPrice(t.price, 3)} (${fmtMoney(t.value)}; ${t.reason})`,
        )
        .join("\n") + "\n";
}

export function bookHuman(s: BookSection, colour: boolean): string {
  const trades = tradesTable(s, colour);
  const marks = marksTable(s, colour);
  const desk = deskTradeList(s);
  return [
    `book ${s.file}: ${fmtInt(s.trades)} trades; ${s.side} hedge; rebalance ${s.rebalance}${s.allowShort ? "; net short allowed" : ""}`,
    "trades to target (contracts signed: long +, short −)",
    trades + "trades for the desk, priced on today's curve:",
    desk,
    `mark to market${s.settlementsFile ? ` (settled months against ${s.settlementsFile})` : " (no --settlements: past months unpriced)"}`,
    marks,
  ].join("\n");
}

export function bookTradesCsv(s: BookSection): string {
  return renderCsv(
    ["month", "side", "contracts", "price", "value", "reason"],
    s.deskTrades.map((t) => [t.month, t.side, t.contracts, t.price, t.value, t.reason]),
  );
}

/**
 * The plan document with the position: `side`, months carrying `targetContracts`, `heldContracts`, `trade` and
 * `afterTradeRatio` (with a book), the desk's `trades[]`, the `book` (marks, P&L) and the `rolls` past the curve.
 */
export function withPosition(
  doc: Record<string, unknown>,
  plan: HedgePlan,
  position: BookStage,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...doc, side: position.side, rebalance: position.rebalance };
  if (position.book) {
    out.months = planMonthsWithBook(plan.months, position.book);
    out.trades = position.book.deskTrades;
    out.book = bookDocument(position.book);
  }
  out.rolls = position.rolls;
  // Keep the warnings last, as every document has them.
  const { warnings, ...rest } = out;
  return { ...rest, warnings: [...(warnings as string[]), ...(position.book?.warnings ?? [])] };
}

/** The human plan's extra sections: the side, the book and the months past the curve. */
export function positionHuman(position: BookStage, colour: boolean): string {
  const parts: string[] = [];
  if (position.side === "short")
    parts.push(
      "short hedge (a seller of capacity): the contracts above are sold futures; the locked-in amount is revenue\n",
    );
  if (position.book) parts.push(bookHuman(position.book, colour));
  if (position.rolls) parts.push(rollHuman(position.rolls, colour));
  return parts.length > 0 ? `\n${parts.join("\n")}` : "";
}
