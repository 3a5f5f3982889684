/** Stack-and-roll legs past the curve and the liquidity stress of the position, as human text. */
import type { RollSection } from "../../book/roll-section.js";
import type { LiquiditySection } from "../../book/liquidity.js";
import { fmtInt, fmtMoney, fmtPrice, fmtSignedPct } from "../render/format.js";
import { renderTable } from "../render/table.js";

export function rollHuman(r: RollSection, colour: boolean): string {
  const legs = renderTable({
    head: ["month", "forecast B tok", "ratio", "contracts", "legs (contract: open → roll date)"],
    rows: r.months.map((m) => [
      m.month,
      (m.forecastTokens / 1e9).toFixed(2),
      `${(m.hedgeRatio * 100).toFixed(1)}%`,
      fmtInt(m.contracts),
      m.legs.map((l) => `${l.contract}: ${l.openDate} → ${l.closeDate ?? "delivery"}`).join("; "),
    ]),
    colour,
  });
  const scen = renderTable({
    head: ["curve shift at the rolls", "roll P&L", "funding need"],
    rows: r.scenarios.map((s) => [fmtSignedPct(s.shift, 0), fmtMoney(s.rollPnl), fmtMoney(s.fundingNeed)]),
    colour,
  });
  return (
    `beyond the last listed month: ${r.months.length} month${r.months.length === 1 ? "" : "s"} stacked in ${r.stackMonth} at ${fmtPrice(r.stackPrice, 3)} and rolled forward\n` +
    legs +
    "roll P&L on a constant-shape curve (today's curve by tenor) moved by each shift; a losing roll is paid in cash before the hedged purchase gains:\n" +
    scen
  );
}

export function liquidityHuman(l: LiquiditySection, colour: boolean): string {
  const rows = l.gaps.map((g) => [
    `day-one gap ${fmtSignedPct(g.gap, 0)}`,
    fmtMoney(g.dayOneMargin),
    fmtMoney(g.fundingNeed),
    fmtMoney(g.cashBuffer),
  ]);
  const s = l.simulated;
  if (s) {
    rows.push([
      `simulated P95 (${fmtInt(s.paths)} paths, σ ${fmtSignedPct(s.volatility, 0).replace("+", "")}${s.gap ? `, gap ${fmtSignedPct(s.gap, 0)}` : ""})`,
      "",
      fmtMoney(s.p95FundingNeed),
      "",
    ]);
    rows.push(["simulated P99", "", fmtMoney(s.p99FundingNeed), fmtMoney(s.cashBuffer)]);
  }
  const table = renderTable({
    head: ["liquidity stress", "day-one margin", "peak funding need", "cash buffer (+ initial margin)"],
    rows,
    colour,
  });
  return `variation margin of ${fmtInt(l.contracts)} contracts along daily price paths; initial margin ${fmtMoney(l.initialMargin)}\n${table}cash buffer to hold: ${fmtMoney(l.cashBuffer)}\n`;
}
