/** The report's hedge-book sections in Markdown: the book's P&L, trades to target, liquidity, rolls, month on month. */
import type { ReportHedgeBook } from "../views/report.js";
import { fmtInt, fmtMoney, fmtPct, fmtPrice, fmtSignedPct } from "../render/format.js";
import { mdEscape, mdTable } from "./table.js";

const signed = (n: number | null): string => (n === null ? "–" : n > 0 ? `+${fmtInt(n)}` : fmtInt(n));
const change = (
  c: { old: number | null; new: number | null; change: number | null },
  f: (n: number) => string,
): string =>
  c.old === null && c.new === null
    ? "–"
    : c.old === null
      ? `– → ${f(c.new!)}`
      : c.new === null
        ? `${f(c.old)} → –`
        : c.change === 0
          ? f(c.new)
          : `${f(c.old)} → ${f(c.new)}`;

export function hedgeBookMarkdown(h: ReportHedgeBook): string {
  const out: string[] = [];
  if (h.book) {
    const b = h.book;
    const t = b.totals;
    out.push("## Hedge book\n");
    out.push(
      `${mdEscape(b.file)}: ${fmtInt(b.trades)} trades, ${b.side} hedge, rebalance ${b.rebalance}. Realised P&L ${fmtMoney(t.realisedPnl)}, unrealised ${fmtMoney(t.unrealisedPnl)}, variation margin to date ${fmtMoney(t.variationMarginToDate)}; to trade: buy ${fmtInt(t.buyContracts)}, sell ${fmtInt(t.sellContracts)}.\n`,
    );
    out.push(
      mdTable(
        ["month", "status", "net", "avg open", "mark", "realised P&L", "unrealised P&L", "locked in"],
        b.mark.months.map((m) => [
          m.month,
          m.status,
          signed(m.netContracts),
          fmtPrice(m.averageOpenPrice, 4),
          fmtPrice(m.markPrice, 3),
          fmtMoney(m.realisedPnl),
          m.unrealisedPnl === null ? "–" : fmtMoney(m.unrealisedPnl),
          fmtPrice(m.lockedInPrice, 4),
        ]),
      ),
    );
    out.push("### Trades to target\n");
    out.push(
      mdTable(
        ["month", "target", "held", "trade", "after-trade ratio", "futures", "flags"],
        b.months.map((m) => [
          m.month,
          signed(m.targetContracts),
          signed(m.heldContracts),
          m.trade.side === "none" ? "–" : `${m.trade.side} ${fmtInt(m.trade.contracts)}`,
          fmtPct(m.afterTradeRatio, 1),
          fmtPrice(m.futuresPrice, 3),
          m.flags.join(", "),
        ]),
      ),
    );
  }
  const l = h.liquidity;
  out.push("## Liquidity stress\n");
  out.push(
    `Variation margin of ${fmtInt(l.contracts)} contracts along daily price paths; cash buffer to hold ${fmtMoney(l.cashBuffer)} (initial margin ${fmtMoney(l.initialMargin)} included).\n`,
  );
  const rows = l.gaps.map((g) => [
    `day-one gap ${fmtSignedPct(g.gap, 0)}`,
    fmtMoney(g.fundingNeed),
    fmtMoney(g.cashBuffer),
  ]);
  if (l.simulated)
    rows.push([
      `simulated P95 / P99 (${fmtInt(l.simulated.paths)} paths)`,
      `${fmtMoney(l.simulated.p95FundingNeed)} / ${fmtMoney(l.simulated.p99FundingNeed)}`,
      fmtMoney(l.simulated.cashBuffer),
    ]);
  out.push(mdTable(["stress", "peak funding need", "cash buffer"], rows));
  if (h.rolls) {
    out.push("## Beyond the curve: stack and roll\n");
    out.push(`${h.rolls.months.length} month(s) stacked in ${h.rolls.stackMonth} and rolled forward.\n`);
    out.push(
      mdTable(
        ["curve shift at the rolls", "roll P&L", "funding need"],
        h.rolls.scenarios.map((s) => [fmtSignedPct(s.shift, 0), fmtMoney(s.rollPnl), fmtMoney(s.fundingNeed)]),
      ),
    );
  }
  if (h.monthOnMonth) {
    const d = h.monthOnMonth;
    out.push("## Month on month\n");
    out.push(
      `Against ${mdEscape(d.old.file)}: contracts ${change(d.totals.contracts, fmtInt)}, locked-in cost ${change(d.totals.lockedInCost, fmtMoney)}, cost at risk ${change(d.totals.costAtRisk, fmtMoney)}.\n`,
    );
    out.push(
      mdTable(
        ["month", "status", "forecast tokens", "target", "held", "trade", "locked-in cost"],
        d.months.map((m) => [
          m.month,
          m.status,
          change(m.forecastTokens, fmtInt),
          change(m.targetContracts, fmtInt),
          change(m.heldContracts, fmtInt),
          m.trade.old === m.trade.new ? (m.trade.new ?? "–") : `${m.trade.old ?? "–"} → ${m.trade.new ?? "–"}`,
          change(m.lockedInCost, fmtMoney),
        ]),
      ),
    );
  }
  return out.join("\n");
}
