/**
 * A hedge plan's months as rebalancing targets: the plan's contracts are the target, and the most the policy
 * allows is the band's upper ratio of the month's exposure (rounded down to whole lots, and never above the
 * volume cap), or the target itself where the policy has no band. A seller's hedge is short: both are negative.
 */
import { Dec } from "../money/decimal.js";
import { roundToLot } from "../hedge/contracts.js";
import type { HedgePlan } from "../hedge/plan.js";
import type { HedgeSide, HeldMonth, TargetMonth } from "./rebalance.js";
import { netContracts, tradesByMonth, type BookTrade } from "./book.js";

export function targetsFromPlan(plan: HedgePlan, side: HedgeSide): TargetMonth[] {
  const d = side === "long" ? 1 : -1;
  const size = plan.contract.contractSize;
  const perUnit = plan.contract.tokensPerGpuHour ?? 1;
  return plan.months.map((m) => {
    let maximum = m.contracts;
    if (m.band?.max != null) {
      let limit = roundToLot(new Dec(m.band.max).times(m.exposureUnits).div(size), "down", plan.lot);
      if (m.capTokens !== null)
        limit = Math.min(limit, roundToLot(new Dec(m.capTokens).div(perUnit).div(size), "down", plan.lot));
      maximum = Math.max(m.contracts, limit);
    }
    return {
      month: m.month,
      forecastTokens: m.forecastTokens,
      targetContracts: m.contracts * d,
      maximumContracts: maximum * d,
      futuresPrice: m.futuresPrice,
    };
  });
}

/**
 * What the book holds in months not yet settled or closed, for rebalancing: net contracts and the open position's
 * average price, from the trades at full precision (the marks round it to 4 decimals for display).
 */
export function heldFromBook(
  trades: readonly BookTrade[],
  marks: readonly { month: string; status: string }[],
): HeldMonth[] {
  const open = new Set(marks.filter((m) => m.status === "open" || m.status === "unpriced").map((m) => m.month));
  const out: HeldMonth[] = [];
  for (const [month, list] of tradesByMonth(trades)) {
    if (!open.has(month)) continue;
    const net = netContracts(list);
    const side = net > 0 ? "long" : "short";
    const same = list.filter((t) => t.side === side);
    const qty = same.reduce((a, t) => a.plus(t.contracts), new Dec(0));
    const cost = same.reduce((a, t) => a.plus(new Dec(t.contracts).times(t.tradePrice)), new Dec(0));
    out.push({ month, contracts: net, averagePrice: net === 0 ? null : cost.div(qty).toNumber() });
  }
  return out;
}
