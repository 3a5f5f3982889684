/** `plan`: the hedge plan per delivery month with totals. */
import type { HedgePlan } from "../../hedge/plan.js";
import { renderCsv } from "../render/csv.js";
import { fmtInt, fmtMoney, fmtPct, fmtPrice } from "../render/format.js";
import { renderTable } from "../render/table.js";

export function planDocument(plan: HedgePlan, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    command: "plan",
    ...extra,
    contract: plan.contract,
    rounding: plan.rounding,
    months: plan.months,
    totals: plan.totals,
    warnings: plan.warnings,
  };
}

const CSV_COLUMNS = [
  "month", "tenor", "forecastTokens", "hedgeRatio", "contractsUnrounded", "contracts", "hedgedTokens", "achievedRatio",
  "futuresPrice", "lockedInCost", "initialMargin", "fees",
] as const;

export function planCsv(plan: HedgePlan): string {
  return renderCsv(
    [...CSV_COLUMNS],
    plan.months.map((m) => CSV_COLUMNS.map((c) => m[c])),
  );
}

export function planSummary(plan: HedgePlan): string {
  const t = plan.totals;
  const unit = plan.contract.underlying === "token-index" ? "/Mtok" : "/GPU-hour";
  return (
    `Hedges ${fmtPct(t.achievedRatio, 1)} of the next ${plan.months.length} months' forecast tokens with ${fmtInt(t.contracts)} contracts; ` +
    `locks in ${fmtMoney(t.lockedInCost)}${t.averageLockedInPrice !== null ? ` at an average ${fmtPrice(t.averageLockedInPrice)} USD${unit}` : ""}; ` +
    `initial margin ${fmtMoney(t.initialMargin)}, fees ${fmtMoney(t.fees)}.`
  );
}

export function planHuman(plan: HedgePlan, colour: boolean): string {
  const t = plan.totals;
  const table = renderTable({
    head: ["month", "forecast tokens", "ratio", "contracts", "hedged tokens", "achieved", "futures", "locked-in cost", "initial margin"],
    rows: plan.months.map((m) => [
      m.month,
      fmtInt(m.forecastTokens),
      fmtPct(m.hedgeRatio, 0),
      `${fmtInt(m.contracts)}`,
      fmtInt(m.hedgedTokens),
      fmtPct(m.achievedRatio, 1),
      fmtPrice(m.futuresPrice, 3),
      fmtMoney(m.lockedInCost),
      fmtMoney(m.initialMargin),
    ]),
    footer: [["total", fmtInt(t.forecastTokens), "", fmtInt(t.contracts), fmtInt(t.hedgedTokens), fmtPct(t.achievedRatio, 1), "", fmtMoney(t.lockedInCost), fmtMoney(t.initialMargin)]],
    colour,
  });
  const c = plan.contract;
  const head = `${c.name}${c.illustrative ? " [ILLUSTRATIVE]" : ""}: ${fmtInt(c.contractSize)} ${c.sizeUnit} per contract, quoted ${c.quoteUnit}; contracts rounded ${plan.rounding}` +
    (c.tokensPerGpuHour !== null ? `\ncross hedge: ${fmtInt(c.tokensPerGpuHour)} tokens per GPU-hour (an assumption: an error in it mis-sizes the hedge one for one)` : "");
  return `${head}\n${table}\n${planSummary(plan)}\n`;
}
