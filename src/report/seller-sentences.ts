/**
 * A seller's (`--side short`) answer sentences for `scenarios` and `simulate`. A seller's figures are net costs with
 * revenue negative (src/scenarios/grid.ts, simulate.ts), so these sentences speak of revenue = −net cost, and of the
 * Cost-at-Risk of the net cost as what it is for a seller: the revenue shortfall below the expected revenue at that
 * confidence (Revenue-at-Risk). A seller's budget is not built (the pipeline leaves it out), so no budget appears.
 * Pure text, human output only, beside the buyer's sentences in risk-sentences.ts.
 */
import type { ScenarioResult } from "../scenarios/grid.js";
import type { ParametricResult } from "../scenarios/parametric.js";
import type { SimulationResult } from "../scenarios/simulate.js";
import { fmtInt, fmtMoneyShort, fmtPct, fmtSignedPct } from "./render/format.js";

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
export function sellerSimulateSentence(r: SimulationResult, contracts: number, initialMargin: number): string {
  const u = r.unhedged;
  const h = r.hedged;
  return (
    [
      shortfallClause(contracts, "95%", u.costAtRisk95, h.costAtRisk95),
      `expected revenue ${fmtMoneyShort(-u.mean)} unhedged → ${fmtMoneyShort(-h.mean)} hedged`,
      `peak margin outflow P95 ${fmtMoneyShort(r.peakMargin.p95)} on top of ${fmtMoneyShort(initialMargin)} initial margin (${fmtInt(r.paths)} paths)`,
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

const shockWord = (s: number): string => fmtSignedPct(s, 0);
const volumeWord = (c: string): string =>
  /^p\d+$/.test(c) ? c.toUpperCase() : c.startsWith("x") ? `×${c.slice(1)}` : c;
const range = (lo: number, hi: number): string =>
  fmtMoneyShort(lo) === fmtMoneyShort(hi) ? fmtMoneyShort(lo) : `${fmtMoneyShort(lo)}–${fmtMoneyShort(hi)}`;

/**
 * "At the P50 volume the hedged revenue is $2.90M–$3.10M across price shocks -50% … +100% (unhedged $1.50M–$6.00M);
 * lowest of 18 scenarios $2.10M (P10 volume, -50% shock); largest margin outflow $581K (+100% shock)."
 */
export function sellerScenariosSentence(results: readonly ScenarioResult[]): string {
  const cases = results.map((r) => r.volumeCase as string);
  const lead = cases.includes("p50") ? "p50" : cases.includes("mean") ? "mean" : cases[0];
  if (lead === undefined) return "No scenarios to run.";
  const rows = results.filter((r) => r.volumeCase === lead);
  const shocks = [...new Set(results.map((r) => r.priceShock))].sort((a, b) => a - b);
  const hedged = rows.map((r) => -r.hedgedCost);
  const unhedged = rows.map((r) => -r.unhedgedCost);
  const parts = [
    `At the ${volumeWord(lead)} volume the hedged revenue is ${range(Math.min(...hedged), Math.max(...hedged))}` +
      (shocks.length > 1
        ? ` across price shocks ${shockWord(shocks[0]!)} … ${shockWord(shocks[shocks.length - 1]!)}`
        : ` at a ${shockWord(shocks[0]!)} price shock`) +
      ` (unhedged ${range(Math.min(...unhedged), Math.max(...unhedged))})`,
  ];
  // The seller's worst scenario is the least revenue: the largest net cost.
  const worst = results.reduce((w, r) => (r.hedgedCost > w.hedgedCost ? r : w));
  parts.push(
    `lowest of ${fmtInt(results.length)} scenario${results.length === 1 ? "" : "s"} ${fmtMoneyShort(-worst.hedgedCost)} (${volumeWord(worst.volumeCase)} volume, ${shockWord(worst.priceShock)} shock)`,
  );
  const withMargin = results.filter((r) => r.margin !== null);
  if (withMargin.length > 0) {
    const peak = withMargin.reduce((w, r) => (r.margin!.peakOutflow > w.margin!.peakOutflow ? r : w));
    parts.push(
      peak.margin!.peakOutflow > 0
        ? `largest margin outflow ${fmtMoneyShort(peak.margin!.peakOutflow)} (${shockWord(peak.priceShock)} shock)`
        : "no margin outflow in any scenario",
    );
  }
  return `${parts.join("; ")}.`;
}
