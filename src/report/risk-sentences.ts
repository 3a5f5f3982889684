/**
 * The answer of `scenarios` and `simulate` in one sentence, printed after each command's own tables and
 * before the liquidity stress, as `plan` prints its summary line under its table. Pure text, no colours, human
 * output only. Kept apart from the two commands' formatters (src/report/views/scenarios.ts, simulate.ts): it reads
 * their results, it does not lay them out.
 */
import type { ScenarioResult } from "../scenarios/grid.js";
import { levelText, type SimulationView } from "./views/simulate.js";
import type { ParametricResult } from "../scenarios/parametric.js";
import type { Budget } from "../scenarios/budget.js";
import { probOver } from "./views/simulate-parametric.js";
import { fmtInt, fmtMoneyShort, fmtPct, fmtSignedPct } from "./render/format.js";
import { leadCaseClause, marginClause, simulatedMarginClause, worstClause, worstScenario } from "./sentence-parts.js";

/**
 * "At the P50 volume the hedged cost is $1.85M–$3.59M across price shocks -50% … +100% (unhedged $3.01M); worst of
 * 18 scenarios $5.39M (P90 volume, -50% shock), $1.39M over budget; 5 of the 18 over budget; largest margin outflow
 * $581K (-50% shock)."
 */
export function scenariosSentence(results: readonly ScenarioResult[]): string {
  const lead = leadCaseClause(results, "cost", 1);
  if (lead === undefined) return "No scenarios to run.";
  const parts: string[] = [lead];
  const worst = worstScenario(results);
  let worstText = worstClause(results, "worst", 1);
  if (worst.vsBudget !== null) {
    const over = results.filter((r) => r.vsBudget !== null && r.vsBudget > 0).length;
    worstText +=
      (worst.vsBudget > 0
        ? `, ${fmtMoneyShort(worst.vsBudget)} over budget`
        : `, ${fmtMoneyShort(-worst.vsBudget)} under budget`) +
      `; ${fmtInt(over)} of the ${fmtInt(results.length)} over budget`;
  }
  parts.push(worstText);
  const margin = marginClause(results);
  if (margin !== undefined) parts.push(margin);
  return `${parts.join("; ")}.`;
}

/** The Monte Carlo Cost-at-Risk at the run's confidence, unhedged and hedged, with its level as text ("95%"). */
export function carAtLevel(r: SimulationView): { level: string; unhedged: number; hedged: number } {
  const at = r.atConfidence;
  return at
    ? { level: levelText(at.confidence), unhedged: at.unhedged.costAtRisk, hedged: at.hedged.costAtRisk }
    : { level: "95%", unhedged: r.unhedged.costAtRisk95, hedged: r.hedged.costAtRisk95 };
}

/**
 * "Expected cost $3.25M unhedged → $3.25M hedged; Cost-at-Risk 95% $1.93M → $1.98M (+2.5%); P(over budget) 24.0% →
 * 23.9%; peak margin outflow P95 $479K on top of $189K initial margin (5,000 paths)."
 */
export function simulateSentence(r: SimulationView, initialMargin: number): string {
  const u = r.unhedged;
  const h = r.hedged;
  // At the run's confidence (--confidence, simulation.confidence), 95% by default.
  const car = carAtLevel(r);
  const change = car.unhedged > 0 ? ` (${fmtSignedPct(car.hedged / car.unhedged - 1, 1)})` : "";
  const parts = [
    `Expected cost ${fmtMoneyShort(u.mean)} unhedged → ${fmtMoneyShort(h.mean)} hedged`,
    `Cost-at-Risk ${car.level} ${fmtMoneyShort(car.unhedged)} → ${fmtMoneyShort(car.hedged)}${change}`,
  ];
  if (r.probOverBudget !== null && r.probOverBudgetUnhedged !== null)
    parts.push(`P(over budget) ${fmtPct(r.probOverBudgetUnhedged, 1)} → ${fmtPct(r.probOverBudget, 1)}`);
  parts.push(simulatedMarginClause(r, initialMargin));
  return `${parts.join("; ")}.`;
}

/**
 * `simulate --method parametric` in a sentence: "Delta-normal Cost-at-Risk 95% (z·σ) $1.94M unhedged → $2.01M hedged
 * (+3.9%): price $0 → $148K, volume $1.94M → $1.86M; expected cost $3.27M → $3.27M; P(over budget), normal, 24.0% →
 * 23.9%." The parts are the Euler parts the table lists; the basis part only when it is not zero.
 */
export function parametricSentence(r: ParametricResult, budget: Budget | undefined): string {
  const u = r.unhedged;
  const h = r.hedged;
  const change = u.costAtRisk > 0 ? ` (${fmtSignedPct(h.costAtRisk / u.costAtRisk - 1, 1)})` : "";
  const arrow = (a: number, b: number): string => `${fmtMoneyShort(a)} → ${fmtMoneyShort(b)}`;
  const parts = [`price ${arrow(u.parts.price, h.parts.price)}`, `volume ${arrow(u.parts.volume, h.parts.volume)}`];
  if (u.parts.basis !== 0 || h.parts.basis !== 0) parts.push(`basis ${arrow(u.parts.basis, h.parts.basis)}`);
  const out = [
    `Delta-normal Cost-at-Risk ${fmtPct(r.confidence, 0)} (z·σ) ${fmtMoneyShort(u.costAtRisk)} unhedged → ${fmtMoneyShort(h.costAtRisk)} hedged${change}: ${parts.join(", ")}`,
    `expected cost ${arrow(u.mean, h.mean)}`,
  ];
  const pu = probOver(u, budget);
  const ph = probOver(h, budget);
  if (pu !== null && ph !== null) out.push(`P(over budget), normal, ${fmtPct(pu, 1)} → ${fmtPct(ph, 1)}`);
  return `${out.join("; ")}.`;
}
