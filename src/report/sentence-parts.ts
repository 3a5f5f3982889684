/**
 * The clauses a buyer's (risk-sentences.ts) and a seller's (seller-sentences.ts) answer sentences share:
 * how a volume case, a shock and a money range are said, which case leads, the lead case's hedged
 * range, the largest margin outflow and the simulated margin. A seller's figures are net costs with
 * revenue negative, so a clause about money takes the sign that turns them into what the reader is told.
 */
import type { ScenarioResult } from "../scenarios/grid.js";
import type { SimulationResult } from "../scenarios/simulate.js";
import { fmtInt, fmtMoneyShort, fmtSignedPct } from "./render/format.js";

/** "P50", "mean", "×1.2": a volume case as a reader says it. */
function volumeWord(c: string): string {
  if (/^p\d+$/.test(c)) return c.toUpperCase();
  if (c.startsWith("x")) return `×${c.slice(1)}`;
  return c;
}

const shockWord = (s: number): string => fmtSignedPct(s, 0);

/** "$1.85M–$3.59M", or one figure when both ends print the same. */
const moneyRange = (lo: number, hi: number): string =>
  fmtMoneyShort(lo) === fmtMoneyShort(hi) ? fmtMoneyShort(lo) : `${fmtMoneyShort(lo)}–${fmtMoneyShort(hi)}`;

/** The case the sentence leads with: the median volume, else the mean, else the first case run. */
function leadCase(results: readonly ScenarioResult[]): string | undefined {
  const cases = results.map((r) => r.volumeCase as string);
  return cases.includes("p50") ? "p50" : cases.includes("mean") ? "mean" : cases[0];
}

/**
 * "At the P50 volume the hedged cost is $1.85M–$3.59M across price shocks -50% … +100% (unhedged $3.01M)",
 * or undefined when no scenario ran; `what` names the money (cost, revenue) and `sign` turns a net cost
 * into it (−1 for a seller's revenue).
 */
export function leadCaseClause(results: readonly ScenarioResult[], what: string, sign: 1 | -1): string | undefined {
  const lead = leadCase(results);
  if (lead === undefined) return undefined;
  const rows = results.filter((r) => r.volumeCase === lead);
  const shocks = [...new Set(results.map((r) => r.priceShock))].sort((a, b) => a - b);
  const hedged = rows.map((r) => sign * r.hedgedCost);
  const unhedged = rows.map((r) => sign * r.unhedgedCost);
  return (
    `At the ${volumeWord(lead)} volume the hedged ${what} is ${moneyRange(Math.min(...hedged), Math.max(...hedged))}` +
    (shocks.length > 1
      ? ` across price shocks ${shockWord(shocks[0]!)} … ${shockWord(shocks[shocks.length - 1]!)}`
      : ` at a ${shockWord(shocks[0]!)} price shock`) +
    ` (unhedged ${moneyRange(Math.min(...unhedged), Math.max(...unhedged))})`
  );
}

/** The scenario with the largest hedged net cost: a buyer's worst cost, a seller's lowest revenue. */
export function worstScenario(results: readonly ScenarioResult[]): ScenarioResult {
  return results.reduce((w, r) => (r.hedgedCost > w.hedgedCost ? r : w));
}

/** "worst of 18 scenarios $5.39M (P90 volume, -50% shock)": `word` and `sign` as the reader is told it. */
export function worstClause(results: readonly ScenarioResult[], word: string, sign: 1 | -1): string {
  const worst = worstScenario(results);
  return `${word} of ${fmtInt(results.length)} scenario${results.length === 1 ? "" : "s"} ${fmtMoneyShort(sign * worst.hedgedCost)} (${volumeWord(worst.volumeCase)} volume, ${shockWord(worst.priceShock)} shock)`;
}

/** "largest margin outflow $581K (-50% shock)", or undefined when no scenario ran the margin path. */
export function marginClause(results: readonly ScenarioResult[]): string | undefined {
  const withMargin = results.filter((r) => r.margin !== null);
  if (withMargin.length === 0) return undefined;
  const peak = withMargin.reduce((w, r) => (r.margin!.peakOutflow > w.margin!.peakOutflow ? r : w));
  return peak.margin!.peakOutflow > 0
    ? `largest margin outflow ${fmtMoneyShort(peak.margin!.peakOutflow)} (${shockWord(peak.priceShock)} shock)`
    : "no margin outflow in any scenario";
}

/** "peak margin outflow P95 $479K on top of $189K initial margin (5,000 paths)" */
export function simulatedMarginClause(r: SimulationResult, initialMargin: number): string {
  return `peak margin outflow P95 ${fmtMoneyShort(r.peakMargin.p95)} on top of ${fmtMoneyShort(initialMargin)} initial margin (${fmtInt(r.paths)} paths)`;
}
