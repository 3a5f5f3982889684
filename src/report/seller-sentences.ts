/**
 * A seller's (`--side short`) answer sentences for `scenarios` and `simulate`. A seller's figures are net costs with
 * revenue negative (src/scenarios/grid.ts, simulate.ts), so these sentences speak of revenue = −net cost, and of the
 * Cost-at-Risk of the net cost as what it is for a seller: the revenue shortfall below the expected revenue at that
 * confidence (Revenue-at-Risk). A seller's budget is not built (the pipeline leaves it out), so no budget appears.
 * Pure text, human output only, beside the buyer's sentences in risk-sentences.ts.
 */
import type { ScenarioResult } from "../scenarios/grid.js";
import type { ParametricResult } from "../scenarios/parametric.js";
import type { SimulationView } from "./views/simulate.js";
import { carAtLevel } from "./risk-sentences.js";
import { fmtInt, fmtMoneyShort, fmtPct, fmtSignedPct } from "./render/format.js";
import { leadCaseClause, marginClause, simulatedMarginClause, worstClause } from "./sentence-parts.js";

/** "narrows the 95% revenue shortfall from $2.00M to $1.10M (-45.0%)", or "widens …", or "leaves … at $X". */
function shortfallClause(contracts: number, confidence: string, unhedged: number, hedged: number, how = ""): string {
  const what = `the ${confidence} revenue shortfall${how}`;
  const lead = `Hedging ${fmtInt(contracts)} contract${contracts === 1 ? "" : "s"} short`;
  if (fmtMoneyShort(unhedged) === fmtMoneyShort(hedged)) return `${lead} leaves ${what} at ${fmtMoneyShort(hedged)}`;
  const verb = hedged < unhedged ? "narrows" : "widens";
  const change = unhedged > 0 ? ` (${fmtSignedPct(hedged / unhedged - 1, 1)})` : "";
  return `${lead} ${verb} ${what} from ${fmtMoneyShort(unhedged)} to ${fmtMoneyShort(hedged)}${change}`;
}

/**
 * "Hedging 629 contracts short narrows the 95% revenue shortfall from $2.00M to $1.10M (-45.0%); expected revenue
 * $3.27M unhedged → $3.27M hedged; peak margin outflow P95 $481K on top of $189K initial margin (5,000 paths)."
 */
export function sellerSimulateSentence(r: SimulationView, contracts: number, initialMargin: number): string {
  const u = r.unhedged;
  const h = r.hedged;
  const car = carAtLevel(r);
  return (
    [
      shortfallClause(contracts, car.level, car.unhedged, car.hedged),
      `expected revenue ${fmtMoneyShort(-u.mean)} unhedged → ${fmtMoneyShort(-h.mean)} hedged`,
      simulatedMarginClause(r, initialMargin),
    ].join("; ") + "."
  );
}

/** "Hedging 629 contracts short narrows the 95% revenue shortfall (delta-normal, z·σ) from … ; expected revenue …." */
export function sellerParametricSentence(r: ParametricResult, contracts: number): string {
  const u = r.unhedged;
  const h = r.hedged;
  return (
    [
      shortfallClause(contracts, fmtPct(r.confidence, 0), u.costAtRisk, h.costAtRisk, " (delta-normal, z·σ)"),
      `expected revenue ${fmtMoneyShort(-u.mean)} unhedged → ${fmtMoneyShort(-h.mean)} hedged`,
    ].join("; ") + "."
  );
}

/**
 * "At the P50 volume the hedged revenue is $2.90M–$3.10M across price shocks -50% … +100% (unhedged $1.50M–$6.00M);
 * lowest of 18 scenarios $2.10M (P10 volume, -50% shock); largest margin outflow $581K (+100% shock)."
 */
export function sellerScenariosSentence(results: readonly ScenarioResult[]): string {
  const lead = leadCaseClause(results, "revenue", -1);
  if (lead === undefined) return "No scenarios to run.";
  // The seller's worst scenario is the least revenue: the largest net cost.
  const parts = [lead, worstClause(results, "lowest", -1)];
  const margin = marginClause(results);
  if (margin !== undefined) parts.push(margin);
  return `${parts.join("; ")}.`;
}
