/**
 * The report's tables as rows of text that both documents print (report.html and report.md), so the
 * two show the same figures formatted the same way. Each renderer escapes and lays out the cells.
 */
import type { PlanAnswer } from "../../pipeline/plan-answer.js";
import { fmtMoney, fmtPct, fmtPrice } from "../render/format.js";
import type { DistributionBin, ReportModel, UsageRow } from "./report.js";
import { levelText } from "./simulate.js";

export interface TextTable {
  head: string[];
  rows: string[][];
}

/** A month of history shows its actual; a forecast month its mean and intervals (`fmt` formats tokens). */
export function usageTable(rows: readonly UsageRow[], fmt: (tokens: number) => string): TextTable {
  const n = (v: number | null): string => (v === null ? "" : fmt(v));
  return {
    head: ["month", "actual", "forecast", "80% low", "80% high", "95% low", "95% high"],
    rows: rows.map((r) => {
      const forecast = (v: number | null): string => (r.actual !== null ? "" : n(v));
      return [
        r.month,
        n(r.actual),
        forecast(r.mean),
        forecast(r.lo80),
        forecast(r.hi80),
        forecast(r.lo95),
        forecast(r.hi95),
      ];
    }),
  };
}

/** The histogram's bins; the first and last are open (they hold everything beyond them). */
export function distributionTable(bins: readonly DistributionBin[]): TextTable {
  return {
    head: ["total cost from", "to", "unhedged", "hedged"],
    rows: bins.map((b, i) => [
      i === 0 ? "(below)" : fmtMoney(b.from),
      i === bins.length - 1 ? "(above)" : fmtMoney(b.to),
      fmtPct(b.unhedged, 1),
      fmtPct(b.hedged, 1),
    ]),
  };
}

/** The plan's months in the company's own price beside the index's. */
export function companyTable(a: PlanAnswer): TextTable {
  return {
    head: ["month", "company USD/Mtok", "company cost", "index cost"],
    rows: a.months.map((x) => [x.month, fmtPrice(x.companyPrice, 4), fmtMoney(x.companyCost), fmtMoney(x.indexCost)]),
  };
}

/** The Cost-at-Risk column at the config's own level (simulation.confidence), for the risk tables beside the 95% one. */
export function carLevelColumn(sim: NonNullable<ReportModel["simulation"]>): {
  head: string;
  unhedged: number;
  hedged: number;
} {
  return {
    head: `CaR ${levelText(sim.confidence)}`,
    unhedged: sim.unhedgedCostAtRisk,
    hedged: sim.costAtRisk,
  };
}
