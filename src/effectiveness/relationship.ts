/**
 * Hedge accounting on the real relationship: the book's actual futures against the forecast purchases designated
 * as the hedged item, tested at every period, under a framework chosen explicitly.
 *
 * Value changes per period t (prices at period ends, P_{t−1} → P_t):
 *   hedge  = Σ over legs held through the period: s·q·size·ΔF_t / unit   (trades dated on or before the end of
 *            period t−1, delivery month not before period t; s = +1 long, −1 short)
 *   item   = −Q_t·ΔS_t / unit, Q_t the designated tokens of the same delivery months (a forecast purchase: a higher
 *            price is a loss), by default the tokens the held contracts cover (a 1:1 designation).
 *
 * Periods with no leg held are left out: the relationship did not exist then.
 *
 * The cumulative dollar offset must hold at every assessment date, not only the last: `cumulativeAtEveryPeriod`
 * lists each period whose inception-to-date ratio is outside 80–125%.
 *
 * Frameworks:
 *   asc815  ASC 815-30-35-3 as amended by ASU 2017-12: for a highly effective cash-flow hedge the whole change in
 *           the hedge's fair value goes to OCI; no ineffectiveness is recorded separately.
 *   ifrs9   IFRS 9 §6.5.11: the reserve is the lower of the hedge's and the hedged item's cumulative changes; the
 *           rest of the hedge's result is ineffectiveness in profit or loss.
 * The hedged item is a price component (IFRS 9 §6.3.7; ASC 815-20-25-15(i)(3), a contractually specified component)
 * only when the purchase contract references the index; otherwise the whole price risk is designated. A forecast
 * that falls below the hedged amount is de-designated for the excess: that part is no longer a hedged item.
 */
import type { BookTrade } from "../book/book.js";
import { cashFlowHedgeReserve } from "./reserve.js";
import type { DollarOffsetPeriod } from "./dollar-offset.js";
import type { ValueChanges } from "./value-changes.js";
import { lastDayOfMonth } from "../time/period.js";

export type Framework = "asc815" | "ifrs9";

export interface PricePeriod {
  /** Period label YYYY-MM: prices observed at its end. */
  period: string;
  spot: number;
  futures: number;
}

export interface RelationshipInput {
  trades: readonly BookTrade[];
  prices: readonly PricePeriod[];
  contractSize: number;
  /** Quantity units per quote unit: 1e6 when quantities are tokens and prices USD/Mtok. */
  quoteUnitSize: number;
  /** Designated tokens per delivery month; default the tokens the book's contracts of that month cover. */
  designatedTokens?: ReadonlyMap<string, number>;
  /** "short": the designated item is a forecast sale (a higher price is a gain): item = +Q_t·ΔS_t. */
  side?: "long" | "short";
}

export function relationshipChanges(i: RelationshipInput): ValueChanges {
  const hedge: number[] = [];
  const item: number[] = [];
  const periods: string[] = [];
  for (let t = 1; t < i.prices.length; t++) {
    const prev = i.prices[t - 1]!;
    const cur = i.prices[t]!;
    const cutoff = lastDayOfMonth(prev.period);
    const byMonth = new Map<string, number>();
    for (const tr of i.trades) {
      if (tr.tradeDate > cutoff || tr.deliveryMonth < cur.period) continue;
      byMonth.set(
        tr.deliveryMonth,
        (byMonth.get(tr.deliveryMonth) ?? 0) + (tr.side === "long" ? tr.contracts : -tr.contracts),
      );
    }
    // Before the first trade (or after the last delivery) there is no relationship to test.
    if (byMonth.size === 0) continue;
    let contracts = 0;
    let designated = 0;
    for (const [month, n] of byMonth) {
      contracts += n;
      designated += i.designatedTokens?.get(month) ?? Math.abs(n) * i.contractSize;
    }
    hedge.push((contracts * i.contractSize * (cur.futures - prev.futures)) / i.quoteUnitSize);
    const sign = i.side === "short" ? 1 : -1;
    item.push((sign * designated * (cur.spot - prev.spot)) / i.quoteUnitSize + 0); // + 0: no −0 in output
    periods.push(cur.period);
  }
  return { hedge, item, periods };
}

export interface EveryPeriodTest {
  /** True when the cumulative ratio is inside the band at every period. */
  pass: boolean;
  failedPeriods: string[];
}

export function cumulativeAtEveryPeriod(byPeriod: readonly DollarOffsetPeriod[]): EveryPeriodTest {
  const failedPeriods = byPeriod.filter((p) => !p.cumulativePass).map((p) => p.period);
  return { pass: failedPeriods.length === 0, failedPeriods };
}

export interface FrameworkAccounting {
  framework: Framework;
  /** Amount in the cash-flow hedge reserve (OCI), signed as the hedge's cumulative result. */
  reserve: number;
  /** Recognised separately in profit or loss. */
  ineffectiveness: number;
  rule: string;
}

export function frameworkAccounting(
  framework: Framework,
  hedgeCumulative: number,
  itemCumulative: number,
): FrameworkAccounting {
  if (framework === "asc815") {
    return {
      framework,
      reserve: hedgeCumulative === 0 ? 0 : hedgeCumulative,
      ineffectiveness: 0,
      rule: "ASC 815 after ASU 2017-12: the whole change in the hedge's fair value is recorded in OCI; no ineffectiveness is recorded separately for a cash-flow hedge",
    };
  }
  const { reserve, ineffectiveness } = cashFlowHedgeReserve(hedgeCumulative, itemCumulative);
  return {
    framework,
    reserve,
    ineffectiveness,
    rule: "IFRS 9 §6.5.11: the reserve is the lower of the hedge's and the hedged item's cumulative changes; the excess of the hedge is ineffectiveness in profit or loss",
  };
}

export interface HedgedItemDesignation {
  kind: "price-component" | "whole-price-risk";
  text: string;
}

export function designateHedgedItem(
  framework: Framework,
  contractReferencesIndex: boolean,
  index: string | null,
): HedgedItemDesignation {
  const ref = framework === "ifrs9" ? "IFRS 9 §6.3.7" : "ASC 815-20-25-15(i)(3)";
  return contractReferencesIndex
    ? {
        kind: "price-component",
        text: `the ${index ?? "index"} price component of the forecast token purchases (${ref}): the purchase contract references the index`,
      }
    : {
        kind: "whole-price-risk",
        text: "the whole price risk of the forecast token purchases: the purchase contract does not reference the index, so no component can be designated",
      };
}

export interface Dedesignation {
  month: string;
  hedgedTokens: number;
  forecastTokens: number;
  /** Hedged − forecast: the part no longer a hedged item. */
  excessTokens: number;
}

/** Months whose forecast has fallen below the hedged amount: the excess is de-designated. */
export function dedesignations(
  months: readonly { month: string; hedgedTokens: number; forecastTokens: number }[],
): Dedesignation[] {
  return months
    .filter((m) => m.hedgedTokens > m.forecastTokens)
    .map((m) => ({
      month: m.month,
      hedgedTokens: m.hedgedTokens,
      forecastTokens: m.forecastTokens,
      excessTokens: m.hedgedTokens - m.forecastTokens,
    }));
}
