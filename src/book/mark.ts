/**
 * Mark to market and realised P&L of the book, per delivery month.
 *
 * Within a month the trades are netted by average cost: L contracts bought at average P_L, S sold at average P_S;
 * the min(L, S) that offset are closed and realise (P_S − P_L)·size/divisor each; the net N = L − S is open at the
 * average price of the larger side P_open, and
 *   open month     unrealised = N·size·(F − P_open)/divisor, F today's curve price;
 *   settled month  the open part realises N·size·(S_T − P_open)/divisor against the final settlement price S_T.
 * Futures settle daily, so every dollar of that P&L has already moved as variation margin: variation margin to
 * date is realised + unrealised, cash received (+) or paid (−).
 *
 * The book's effective locked-in price of a month is what its futures fix for the N units they cover:
 *   Σ sᵢ·qᵢ·Pᵢ / N   (sᵢ = +1 long, −1 short)
 * because a buyer paying S_T for N units and gaining Σ sᵢqᵢ(S_T − Pᵢ) on the futures pays N·S_T − Σ sᵢqᵢ(S_T − Pᵢ)
 * = Σ sᵢqᵢPᵢ, whatever S_T is (the closed-out part's P&L is folded in). Null when the month is flat.
 */
import { Dec, toCents } from "../money/decimal.js";
import type { CurvePoint } from "../curve/parse-curve.js";
import { tradesByMonth, type BookTrade } from "./book.js";

/** settled: a final settlement price is known; closed: flat before settlement; open: marked on the curve; unpriced: neither. */
export type MarkStatus = "open" | "settled" | "closed" | "unpriced";

export interface MonthMark {
  month: string;
  status: MarkStatus;
  trades: number;
  longContracts: number;
  shortContracts: number;
  netContracts: number;
  /** Average price of the open position; null when flat. */
  averageOpenPrice: number | null;
  /** Curve price (open) or final settlement price (settled); null when neither is known. */
  markPrice: number | null;
  realisedPnl: number;
  /** P&L of the open position at the curve; 0 once settled; null when unpriced. */
  unrealisedPnl: number | null;
  variationMarginToDate: number | null;
  /** Σ sᵢqᵢPᵢ / N, quote unit (4 decimals); null when flat. */
  lockedInPrice: number | null;
}

export interface BookMark {
  months: MonthMark[];
  totals: { realisedPnl: number; unrealisedPnl: number; variationMarginToDate: number; openContracts: number };
  warnings: string[];
}

export interface MarkInput {
  trades: readonly BookTrade[];
  curve: readonly CurvePoint[];
  /** Final settlement price by delivery month (quote unit). */
  settlements: ReadonlyMap<string, number>;
  contractSize: number;
  divisor: number;
}

export function markBook(input: MarkInput): BookMark {
  const curve = new Map(input.curve.map((p) => [p.month, p.price]));
  const money = (contracts: Dec, priceMove: Dec): Dec =>
    contracts.times(input.contractSize).times(priceMove).div(input.divisor);
  const months: MonthMark[] = [];
  const warnings: string[] = [];
  for (const [month, list] of tradesByMonth(input.trades)) {
    let L = new Dec(0),
      S = new Dec(0),
      costL = new Dec(0),
      costS = new Dec(0);
    for (const t of list) {
      if (t.side === "long") {
        L = L.plus(t.contracts);
        costL = costL.plus(new Dec(t.contracts).times(t.tradePrice));
      } else {
        S = S.plus(t.contracts);
        costS = costS.plus(new Dec(t.contracts).times(t.tradePrice));
      }
    }
    const avgL = L.isZero() ? null : costL.div(L);
    const avgS = S.isZero() ? null : costS.div(S);
    const closed = Dec.min(L, S);
    const net = L.minus(S);
    const closedPnl = closed.isZero() ? new Dec(0) : money(closed, avgS!.minus(avgL!));
    const openPrice = net.isZero() ? null : net.greaterThan(0) ? avgL! : avgS!;
    const settlement = input.settlements.get(month);
    const curvePrice = curve.get(month);
    const status: MarkStatus =
      settlement !== undefined ? "settled" : net.isZero() ? "closed" : curvePrice !== undefined ? "open" : "unpriced";
    const mark = settlement ?? curvePrice ?? null;
    const openPnl = openPrice === null || mark === null ? new Dec(0) : money(net, new Dec(mark).minus(openPrice));
    const realised = status === "settled" || status === "closed" ? closedPnl.plus(openPnl) : closedPnl;
    const unrealised = status === "open" ? openPnl : new Dec(0);
    if (status === "unpriced")
      warnings.push(
        `${month}: ${net.toNumber()} contracts held, but the month is neither on the curve nor in the settlements; not marked`,
      );
    const signedCost = costL.minus(costS);
    months.push({
      month,
      status,
      trades: list.length,
      longContracts: L.toNumber(),
      shortContracts: S.toNumber(),
      netContracts: net.toNumber(),
      averageOpenPrice: openPrice === null ? null : Number(openPrice.toFixed(4)),
      markPrice: mark,
      realisedPnl: toCents(realised),
      unrealisedPnl: status === "unpriced" ? null : toCents(unrealised),
      variationMarginToDate: status === "unpriced" ? null : toCents(realised.plus(unrealised)),
      lockedInPrice: net.isZero() ? null : Number(signedCost.div(net).toFixed(4)),
    });
  }
  const sum = (pick: (m: MonthMark) => number | null): number =>
    months.reduce((a, m) => a.plus(pick(m) ?? 0), new Dec(0)).toNumber();
  return {
    months,
    totals: {
      realisedPnl: sum((m) => m.realisedPnl),
      unrealisedPnl: sum((m) => m.unrealisedPnl),
      variationMarginToDate: sum((m) => m.variationMarginToDate),
      openContracts: sum((m) => (m.status === "open" ? m.netContracts : 0)),
    },
    warnings,
  };
}
