/** The one-page executive summary that leads report.html and report.md: headline money rounded, the detail follows in the sections. */
import type { ReportModel } from "./report.js";
import { fmtBillions, fmtInt, fmtMoneyShort, fmtPct } from "../render/format.js";

export interface ExecutiveSummary {
  /** Label → headline sentence, in reading order. */
  headlines: { label: string; text: string }[];
  decisions: string[];
  signOff: readonly string[];
}

export const SIGN_OFF_ROLES = ["Prepared by", "Reviewed by", "Approved by"] as const;

export function executiveSummary(m: ReportModel): ExecutiveSummary {
  const s = m.summary;
  const span = `${s.horizon.from ?? "–"} … ${s.horizon.to ?? "–"} (${s.horizon.months} months)`;
  const headlines: { label: string; text: string }[] = [];
  // The forecast's cost as plan prints it (mean tokens × price, each month to the cent): at the company's own price
  // when it has one, and at the futures curve; the Monte Carlo's means are "Its cost" below, named as simulated.
  const totals = m.company?.answer.totals;
  const exposure = totals
    ? m.company?.pricing
      ? `, an expected ${fmtMoneyShort(totals.companyCost)} at the company's own price (${fmtMoneyShort(totals.indexCost)} at today's futures prices)`
      : `, an expected ${fmtMoneyShort(totals.indexCost)} at today's futures prices`
    : "";
  headlines.push({
    label: "Exposure",
    text: `${fmtBillions(s.forecastTokens)} tokens forecast over ${span}${exposure}.`,
  });
  headlines.push({
    label: "Recommendation",
    text: `Buy ${fmtInt(s.contracts)} ${m.plan.contract.name} contracts, hedging ${fmtPct(s.achievedRatio, 1)} of the forecast (${fmtBillions(s.hedgedTokens)} tokens), locking in ${fmtMoneyShort(s.lockedInCost)}.`,
  });
  const sim = m.simulation;
  if (sim) {
    const conf = s.costAtRiskConfidence !== null ? Math.round(s.costAtRiskConfidence * 100) : 95;
    // At the config's confidence, the level the label names (simulation.confidence; 95% by default).
    const u = sim.unhedgedCostAtRisk;
    const h = sim.costAtRisk;
    const verdict =
      h < u ? `down ${fmtPct((u - h) / u, 0)}` : "no lower hedged: on these inputs the hedge does not reduce this risk";
    headlines.push({
      label: "What it buys",
      text: `Cost-at-Risk (${conf}%) ${fmtMoneyShort(u)} unhedged → ${fmtMoneyShort(h)} hedged (${verdict}).`,
    });
  }
  const cost =
    s.expectedHedgedCost !== null && s.expectedUnhedgedCost !== null
      ? `; simulated mean cost ${fmtMoneyShort(s.expectedHedgedCost)} hedged against ${fmtMoneyShort(s.expectedUnhedgedCost)} unhedged`
      : "";
  headlines.push({
    label: "Its cost",
    text: `Initial margin ${fmtMoneyShort(s.initialMargin)} held with the broker${cost}.`,
  });
  if (s.budget !== null)
    headlines.push({
      label: "Budget",
      text: `${fmtMoneyShort(s.budget)}${s.probabilityOverBudget !== null ? `; probability the hedged cost exceeds it ${fmtPct(s.probabilityOverBudget, 1)}` : ""}.`,
    });
  const decisions = [
    `Approve the purchase of ${fmtInt(s.contracts)} contracts over ${span}.`,
    `Fund the initial margin of ${fmtMoneyShort(s.initialMargin)} and a cash buffer for variation margin.`,
  ];
  if (s.checkPass === false)
    decisions.push(
      `Accept or resolve ${s.breaches} policy breach${s.breaches === 1 ? "" : "es"} (Policy check section).`,
    );
  if (m.plan.contract.illustrative)
    decisions.push(
      `Confirm the contract specification: ${m.plan.contract.name} is illustrative, not a listed product.`,
    );
  return { headlines, decisions, signOff: SIGN_OFF_ROLES };
}
