/** `diff`: month on month between two saved plans or reports, as a table and as JSON. */
import type { NumberChange, PlanDiff } from "../../book/diff.js";
import { fmtInt, fmtMoney, fmtPct } from "../render/format.js";
import { renderTable } from "../render/table.js";

export function diffDocument(d: PlanDiff): Record<string, unknown> {
  return { command: "diff", old: d.old, new: d.new, months: d.months, totals: d.totals, warnings: d.warnings };
}

type Fmt = (n: number) => string;
const billions: Fmt = (n) => (n / 1e9).toFixed(2);
const pct: Fmt = (n) => fmtPct(n, 1);

/** "81.28 → 70.00 (−11.28)", or one side when the other is missing. */
function cell(c: NumberChange, f: Fmt, signedChange: Fmt = f): string {
  if (c.old === null && c.new === null) return "–";
  if (c.old === null) return `– → ${f(c.new!)}`;
  if (c.new === null) return `${f(c.old)} → –`;
  if (c.change === 0) return f(c.new);
  return `${f(c.old)} → ${f(c.new)} (${c.change! > 0 ? "+" : ""}${signedChange(c.change!)})`;
}

export function diffHuman(d: PlanDiff, colour: boolean): string {
  const table = renderTable({
    head: ["month", "status", "forecast B tok", "target", "held", "trade", "locked-in cost", "P(over)"],
    rows: d.months.map((m) => [
      m.month,
      m.status,
      cell(m.forecastTokens, billions),
      cell(m.targetContracts, fmtInt),
      cell(m.heldContracts, fmtInt),
      m.trade.old === m.trade.new ? (m.trade.new ?? "–") : `${m.trade.old ?? "–"} → ${m.trade.new ?? "–"}`,
      cell(m.lockedInCost, fmtMoney),
      cell(m.probabilityOverHedge, pct, (n) => `${(n * 100).toFixed(1)} pt`),
    ]),
    colour,
  });
  const t = d.totals;
  const lines = [
    `old: ${d.old.file} (${d.old.command})   new: ${d.new.file} (${d.new.command})`,
    table,
    `forecast B tok: ${cell(t.forecastTokens, billions)}`,
    `contracts:      ${cell(t.contracts, fmtInt)}`,
    `locked-in cost: ${cell(t.lockedInCost, fmtMoney)}`,
    `cost at risk:   ${cell(t.costAtRisk, fmtMoney)}`,
    `realised P&L:   ${cell(t.realisedPnl, fmtMoney)}`,
    `unrealised P&L: ${cell(t.unrealisedPnl, fmtMoney)}`,
  ];
  const counts = (["changed", "added", "removed", "unchanged"] as const)
    .map((s) => `${d.months.filter((m) => m.status === s).length} ${s}`)
    .join(", ");
  return `${lines.join("\n")}\n${counts}.\n`;
}
