/**
 * Trades to target: what to buy or sell in each delivery month to take the book from what it holds to what the
 * plan wants, month by month.
 *
 * Positions are signed net contracts (long positive, short negative). A buyer of tokens hedges long, a seller of
 * capacity hedges short (`side`); in the hedge's own direction d = +1 (long) or −1 (short) the rule is the same:
 *   held·d < target·d   → trade up to the target (a layered programme adds each month);
 *   held·d > maximum·d  → over-hedged: `both` unwinds down to the maximum, `add-only` never unwinds and flags it;
 *   otherwise           → no trade (within the band: no churn).
 * The maximum is the band's upper ratio where the policy has one (else the target itself), and never above the
 * volume cap. A trade never takes the book past zero to the other side (net short for a buyer) unless
 * `allowShort`: the held position of a buyer that is already net short is bought back to the target.
 * Unwinds are priced on today's curve, with the P&L they realise against the trades' average price.
 */
import { Dec, toCents } from "../money/decimal.js";

export type HedgeSide = "long" | "short";
export type RebalanceRule = "both" | "add-only";
export type TradeSide = "buy" | "sell" | "none";

/**
 * - `over-hedged`: held beyond the month's maximum (sold down under `both`; kept under `add-only`);
 * - `unwind-blocked`: `add-only` kept an over-hedge it would otherwise have sold;
 * - `short-refused`: the target or a trade would have left a buyer net short (or a seller net long);
 * - `wrong-side-held`: the book already holds the month on the other side of the hedge;
 * - `not-planned`: held, but the plan has no target for this month (no trade proposed).
 */
export type RebalanceFlag = "over-hedged" | "unwind-blocked" | "short-refused" | "wrong-side-held" | "not-planned";

export interface TargetMonth {
  month: string;
  /** Forecast tokens of the month (the plan's basis). */
  forecastTokens: number;
  /** Contracts the plan wants, signed (long +, short −). */
  targetContracts: number;
  /** The most the policy allows, signed like the target (|maximum| ≥ |target|). */
  maximumContracts: number;
  /** Today's futures price of the month (quote unit). */
  futuresPrice: number;
}

export interface HeldMonth {
  month: string;
  /** Net contracts held, signed. */
  contracts: number;
  /** Average price of the open position (quote unit); null when flat. */
  averagePrice: number | null;
}

export interface RebalanceInput {
  months: readonly TargetMonth[];
  held: readonly HeldMonth[];
  side: HedgeSide;
  rebalance: RebalanceRule;
  allowShort: boolean;
  contractSize: number;
  /** 1e6 for USD/Mtok quotes, 1 for USD/GPU-hour. */
  divisor: number;
  /** Tokens per unit of contract size (1, or k for GPU-hour contracts). */
  tokensPerUnit: number;
}

export interface MonthRebalance {
  month: string;
  forecastTokens: number | null;
  targetContracts: number | null;
  maximumContracts: number | null;
  heldContracts: number;
  trade: { side: TradeSide; contracts: number };
  afterTradeContracts: number;
  /** |after| · size · tokensPerUnit / forecast; null without a forecast. */
  afterTradeRatio: number | null;
  futuresPrice: number | null;
  /** Money value of the trade at today's price, USD (contracts · size · F / divisor). */
  tradeValue: number;
  /** P&L an unwind realises against the held position's average price, USD; 0 for an addition. */
  unwindPnl: number;
  flags: RebalanceFlag[];
}

export interface DeskTrade {
  month: string;
  side: "buy" | "sell";
  contracts: number;
  /** Today's futures price: the limit a desk works from. */
  price: number;
  value: number;
  reason: "to-target" | "unwind-over-hedge" | "close-wrong-side";
}

export interface RebalanceResult {
  months: MonthRebalance[];
  trades: DeskTrade[];
  totals: { buyContracts: number; sellContracts: number; unwindPnl: number; monthsOverHedged: number };
  warnings: string[];
}

export function rebalanceBook(input: RebalanceInput): RebalanceResult {
  const d = input.side === "long" ? 1 : -1;
  const heldBy = new Map(input.held.map((h) => [h.month, h]));
  const planned = new Set(input.months.map((m) => m.month));
  const out: MonthRebalance[] = [];
  const trades: DeskTrade[] = [];
  const warnings: string[] = [];
  const value = (contracts: number, price: number): number =>
    toCents(new Dec(contracts).times(input.contractSize).times(price).div(input.divisor));

  for (const m of input.months) {
    const h = heldBy.get(m.month);
    const held = h?.contracts ?? 0;
    const flags: RebalanceFlag[] = [];
    // Work in the hedge's direction: x·d is the size of the hedge, negative on the wrong side.
    let target = m.targetContracts * d;
    if (target < 0 && !input.allowShort) {
      flags.push("short-refused");
      target = 0;
    }
    const maximum = Math.max(m.maximumContracts * d, target);
    const have = held * d;
    if (have < 0) flags.push("wrong-side-held");
    let after = have;
    let reason: DeskTrade["reason"] = "to-target";
    if (have < target) {
      after = target;
      reason = have < 0 ? "close-wrong-side" : "to-target";
    } else if (have > maximum) {
      flags.push("over-hedged");
      if (input.rebalance === "both") {
        after = maximum;
        reason = "unwind-over-hedge";
      } else flags.push("unwind-blocked");
    }
    const change = (after - have) * d;
    const side: TradeSide = change > 0 ? "buy" : change < 0 ? "sell" : "none";
    const contracts = Math.abs(change);
    // An unwind (reducing the open position) realises P&L against the position's average price.
    const reducing = side !== "none" && Math.sign(change) !== Math.sign(held) && held !== 0;
    const closed = reducing ? Math.min(contracts, Math.abs(held)) : 0;
    const unwindPnl =
      closed > 0 && h?.averagePrice != null
        ? toCents(
            new Dec(closed)
              .times(Math.sign(held))
              .times(input.contractSize)
              .times(new Dec(m.futuresPrice).minus(h.averagePrice))
              .div(input.divisor),
          )
        : 0;
    const afterSigned = after * d;
    out.push({
      month: m.month,
      forecastTokens: m.forecastTokens,
      targetContracts: target * d,
      maximumContracts: maximum * d,
      heldContracts: held,
      trade: { side, contracts },
      afterTradeContracts: afterSigned,
      afterTradeRatio:
        m.forecastTokens > 0
          ? (Math.abs(afterSigned) * input.contractSize * input.tokensPerUnit) / m.forecastTokens
          : null,
      futuresPrice: m.futuresPrice,
      tradeValue: value(contracts, m.futuresPrice),
      unwindPnl,
      flags,
    });
    if (side !== "none")
      trades.push({
        month: m.month,
        side,
        contracts,
        price: m.futuresPrice,
        value: value(contracts, m.futuresPrice),
        reason,
      });
  }
  for (const h of input.held) {
    if (planned.has(h.month) || h.contracts === 0) continue;
    out.push({
      month: h.month,
      forecastTokens: null,
      targetContracts: null,
      maximumContracts: null,
      heldContracts: h.contracts,
      trade: { side: "none", contracts: 0 },
      afterTradeContracts: h.contracts,
      afterTradeRatio: null,
      futuresPrice: null,
      tradeValue: 0,
      unwindPnl: 0,
      flags: ["not-planned"],
    });
    warnings.push(
      `${h.month}: the book holds ${h.contracts} contracts but the plan has no target for this month; no trade proposed`,
    );
  }
  out.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const blocked = out
    .filter((m) => m.flags.includes("unwind-blocked"))
    .map((m) => `${m.month} holds ${Math.abs(m.heldContracts)} > ${Math.abs(m.maximumContracts!)}`);
  if (blocked.length > 0)
    warnings.push(
      `rebalance add-only: over-hedged in ${blocked.length} month${blocked.length === 1 ? "" : "s"}, not unwound: ${blocked.join("; ")}`,
    );
  const refused = out.filter((m) => m.flags.includes("short-refused")).map((m) => m.month);
  if (refused.length > 0)
    warnings.push(
      `a net ${input.side === "long" ? "short" : "long"} position was asked for in ${refused.join(", ")}; held at 0 (pass --allow-short to take it)`,
    );
  const sum = (xs: number[]): number => xs.reduce((a, x) => a.plus(x), new Dec(0)).toNumber();
  return {
    months: out,
    trades,
    totals: {
      buyContracts: sum(trades.filter((t) => t.side === "buy").map((t) => t.contracts)),
      sellContracts: sum(trades.filter((t) => t.side === "sell").map((t) => t.contracts)),
      unwindPnl: sum(out.map((m) => m.unwindPnl)),
      monthsOverHedged: out.filter((m) => m.flags.includes("over-hedged")).length,
    },
    warnings,
  };
}
