import { html, join, type Markup } from "./escape.js";
import { table } from "./table.js";
import type { ReportModel } from "../views/report.js";
import { fmtInt, fmtMoney, fmtPct, fmtPrice, fmtSignedPct } from "../render/format.js";

/**
 * The hedge book's P&L and trades (with a book), the liquidity stress and the month-on-month comparison, each its own
 * section with its own heading, as report.md has them (escaped like the rest): a report without a book has no
 * "Hedge book" heading over its liquidity figures.
 */
export function hedgeBookSection(m: ReportModel): Markup {
  const h = m.hedgeBook;
  if (!h) return html``;
  const sections: Markup[] = [];
  const parts: Markup[] = [];
  if (h.book) {
    const b = h.book;
    parts.push(
      html`<p><code>${b.file}</code>: ${fmtInt(b.trades)} trades, ${b.side} hedge, rebalance ${b.rebalance}. Realised P&amp;L ${fmtMoney(b.totals.realisedPnl)}, unrealised ${fmtMoney(b.totals.unrealisedPnl)}, variation margin to date ${fmtMoney(b.totals.variationMarginToDate)}.</p>`,
    );
    parts.push(
      table(
        ["month", "status", "net", "mark", "realised P&L", "unrealised P&L", "locked in"],
        b.mark.months.map((x) => [
          x.month,
          x.status,
          fmtInt(x.netContracts),
          fmtPrice(x.markPrice, 3),
          fmtMoney(x.realisedPnl),
          x.unrealisedPnl === null ? "–" : fmtMoney(x.unrealisedPnl),
          fmtPrice(x.lockedInPrice, 4),
        ]),
        [1],
      ),
    );
    parts.push(html`<h3>Trades to target</h3>`);
    parts.push(
      table(
        ["month", "target", "held", "trade", "after-trade ratio", "flags"],
        b.months.map((x) => [
          x.month,
          x.targetContracts === null ? "–" : fmtInt(x.targetContracts),
          fmtInt(x.heldContracts),
          x.trade.side === "none" ? "–" : `${x.trade.side} ${fmtInt(x.trade.contracts)}`,
          fmtPct(x.afterTradeRatio, 1),
          x.flags.join(", "),
        ]),
        [3, 5],
      ),
    );
    sections.push(html`<section id="book"><h2>Hedge book</h2>${join(parts, "\n")}</section>`);
    parts.length = 0;
  }
  const l = h.liquidity;
  parts.push(
    html`<p>Cash buffer to hold ${fmtMoney(l.cashBuffer)} (initial margin ${fmtMoney(l.initialMargin)} included).</p>`,
  );
  parts.push(
    table(
      ["stress", "peak funding need", "cash buffer"],
      [
        ...l.gaps.map((g) => [
          `day-one gap ${fmtSignedPct(g.gap, 0)}`,
          fmtMoney(g.fundingNeed),
          fmtMoney(g.cashBuffer),
        ]),
        ...(l.simulated
          ? [
              [
                `simulated P95 / P99 (${fmtInt(l.simulated.paths)} paths)`,
                `${fmtMoney(l.simulated.p95FundingNeed)} / ${fmtMoney(l.simulated.p99FundingNeed)}`,
                fmtMoney(l.simulated.cashBuffer),
              ],
            ]
          : []),
      ],
      [0],
    ),
  );
  sections.push(html`<section id="liquidity"><h2>Liquidity stress</h2>${join(parts, "\n")}</section>`);
  parts.length = 0;
  if (h.monthOnMonth) {
    const d = h.monthOnMonth;
    const c = (x: { old: number | null; new: number | null }, f: (n: number) => string): string =>
      `${x.old === null ? "–" : f(x.old)} → ${x.new === null ? "–" : f(x.new)}`;
    parts.push(html`<p>Against <code>${d.old.file}</code>.</p>`);
    parts.push(
      table(
        ["month", "status", "target", "held", "trade", "locked-in cost"],
        d.months.map((x) => [
          x.month,
          x.status,
          c(x.targetContracts, fmtInt),
          c(x.heldContracts, fmtInt),
          `${x.trade.old ?? "–"} → ${x.trade.new ?? "–"}`,
          c(x.lockedInCost, fmtMoney),
        ]),
        [1, 4],
      ),
    );
    sections.push(html`<section id="month-on-month"><h2>Month on month</h2>${join(parts, "\n")}</section>`);
  }
  return join(sections, "\n");
}
