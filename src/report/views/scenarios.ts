/** `scenarios`: the price-shock × volume-case grid for the whole horizon. */
import type { ScenarioResult } from "../../scenarios/grid.js";
import type { HedgePlan } from "../../hedge/plan.js";
import { renderCsv } from "../render/csv.js";
import { fmtInt, fmtMoney, fmtPrice, fmtSignedPct } from "../render/format.js";
import { renderTable } from "../render/table.js";

export function scenariosDocument(plan: HedgePlan, results: ScenarioResult[], includeMonths: boolean): Record<string, unknown> {
  return {
    command: "scenarios",
    horizon: { from: plan.months[0]?.month ?? null, to: plan.months[plan.months.length - 1]?.month ?? null, months: plan.months.length },
    contracts: plan.totals.contracts,
    scenarios: results.map((s) => ({
      priceShock: s.priceShock,
      volumeCase: s.volumeCase,
      tokens: s.tokens,
      unhedgedCost: s.unhedgedCost,
      futuresPnl: s.futuresPnl,
      hedgedCost: s.hedgedCost,
      effectivePrice: s.effectivePrice,
      unhedgedEffectivePrice: s.unhedgedEffectivePrice,
      overHedgedTokens: s.overHedgedTokens,
      ...(includeMonths ? { months: s.months } : {}),
    })),
  };
}

export function scenariosCsv(results: ScenarioResult[]): string {
  return renderCsv(
    ["priceShock", "volumeCase", "tokens", "unhedgedCost", "futuresPnl", "hedgedCost", "effectivePrice", "unhedgedEffectivePrice", "overHedgedTokens"],
    results.map((s) => [s.priceShock, s.volumeCase, s.tokens, s.unhedgedCost, s.futuresPnl, s.hedgedCost, s.effectivePrice, s.unhedgedEffectivePrice, s.overHedgedTokens]),
  );
}

export function scenariosHuman(plan: HedgePlan, results: ScenarioResult[], colour: boolean): string {
  const table = renderTable({
    head: ["volume", "price shock", "tokens", "unhedged cost", "futures P&L", "hedged cost", "USD/Mtok hedged", "USD/Mtok unhedged", "over-hedged tokens"],
    rows: results.map((s) => [
      s.volumeCase.toUpperCase(),
      fmtSignedPct(s.priceShock),
      fmtInt(s.tokens),
      fmtMoney(s.unhedgedCost),
      fmtMoney(s.futuresPnl),
      fmtMoney(s.hedgedCost),
      fmtPrice(s.effectivePrice),
      fmtPrice(s.unhedgedEffectivePrice),
      fmtInt(s.overHedgedTokens),
    ]),
    colour,
  });
  const first = plan.months[0]?.month ?? "–";
  const last = plan.months[plan.months.length - 1]?.month ?? "–";
  return (
    `P&L scenarios over ${first} … ${last} (${plan.months.length} months, ${fmtInt(plan.totals.contracts)} contracts long):\n` +
    `price shock = settlement vs the futures curve; volume = every month at that quantile of its forecast\n` +
    table
  );
}
