/**
 * `report.md`: the report as Markdown for a wiki, a pull request or an e-mail. Charts are the same SVG
 * files as in the HTML, saved beside it (`charts/*.svg`) and linked; each is followed by its table.
 * Text from inputs is escaped so it cannot become Markdown or raw HTML.
 */
import { executiveSummary } from "../views/executive.js";
import type { CompanyPricing } from "../../company/pricing.js";
import type { PlanAnswer } from "../../pipeline/plan-answer.js";
import { planAnswerSentences } from "../views/plan-answer.js";
import type { ReportModel } from "../views/report.js";
import { carLevelColumn, companyTable, distributionTable, usageTable } from "../views/report-rows.js";
import { mdEscape, mdTable } from "./table.js";
export { mdEscape } from "./table.js";
import { hedgeBookMarkdown } from "./book.js";
import { PLAN_SOURCE_USE, planSourceHuman } from "../views/plan-source.js";
import { formatRuleValue } from "../views/check.js";
import { twistDefinition } from "../views/scenarios.js";
import { fmtBillions, fmtInt, fmtMoney, fmtPct, fmtPrice, fmtSignedPct } from "../render/format.js";

/** File names of the charts written beside report.md. */
export const CHART_FILES = {
  usage: "charts/usage-forecast.svg",
  curve: "charts/futures-curve.svg",
  contracts: "charts/contracts.svg",
  distribution: "charts/cost-distribution.svg",
  scenarios: "charts/scenario-costs.svg",
} as const;

/** report.md: its sections in the order report.html has them, one function each. */
export function reportMarkdown(m: ReportModel): string {
  return [
    ...titleLines(m),
    ...executiveLines(m),
    ...summaryLines(m),
    ...usageLines(m),
    ...curveLines(m),
    ...planLines(m),
    ...(m.company ? [companyMarkdown(m.company.answer, m.company.pricing)] : []),
    ...(m.hedgeBook ? [hedgeBookMarkdown(m.hedgeBook)] : []),
    ...distributionLines(m),
    ...scenarioLines(m),
    ...checkLines(m),
    ...effectivenessLines(m),
    ...memoLines(m),
    ...auditLines(m),
  ].join("\n");
}

/** The title and the line under it. */
function titleLines(m: ReportModel): string[] {
  const out: string[] = [];
  out.push(`# ${mdEscape(m.title)}\n`);
  out.push(
    `${m.entity ? `${mdEscape(m.entity)} · ` : ""}as of ${m.asOf} · tokenhedge ${mdEscape(m.audit.toolVersion)}\n`,
  );
  return out;
}

/** The executive summary: headlines, decisions, sign-off. */
function executiveLines(m: ReportModel): string[] {
  const out: string[] = [];
  const e = executiveSummary(m);
  out.push("## Executive summary\n");
  out.push(e.headlines.map((h) => `- **${mdEscape(h.label)}**: ${mdEscape(h.text)}`).join("\n") + "\n");
  out.push("Decisions needed:\n");
  out.push(e.decisions.map((d, i) => `${i + 1}. ${mdEscape(d)}`).join("\n") + "\n");
  out.push(
    mdTable(
      ["sign-off", "name", "signature", "date"],
      e.signOff.map((r) => [r, "", "", ""]),
    ),
  );
  return out;
}

/** The summary figures, the illustrative-contract note and the warnings. */
function summaryLines(m: ReportModel): string[] {
  const out: string[] = [];
  const s = m.summary;
  out.push("## Summary\n");
  const lines = [
    `${fmtInt(s.contracts)} contracts long over ${s.horizon.from ?? "–"} … ${s.horizon.to ?? "–"} (${s.horizon.months} months)`,
    `${fmtPct(s.achievedRatio, 1)} of forecast tokens hedged (${fmtBillions(s.hedgedTokens)} of ${fmtBillions(s.forecastTokens)})`,
    `locked-in cost ${fmtMoney(s.lockedInCost)}${s.averageLockedInPrice !== null ? ` at ${fmtPrice(s.averageLockedInPrice)} ${m.plan.contract.quoteUnit}` : ""}; initial margin ${fmtMoney(s.initialMargin)}`,
  ];
  if (s.expectedHedgedCost !== null && s.expectedUnhedgedCost !== null)
    lines.push(`expected cost ${fmtMoney(s.expectedHedgedCost)} hedged, ${fmtMoney(s.expectedUnhedgedCost)} unhedged`);
  if (s.costAtRisk !== null && s.costAtRiskConfidence !== null)
    lines.push(
      `Cost-at-Risk ${Math.round(s.costAtRiskConfidence * 100)}% of the hedged cost: ${fmtMoney(s.costAtRisk)}`,
    );
  if (s.budget !== null)
    lines.push(
      `budget ${fmtMoney(s.budget)}${s.probabilityOverBudget !== null ? `; probability the hedged cost exceeds it ${fmtPct(s.probabilityOverBudget, 1)}` : ""}`,
    );
  if (s.checkPass !== null)
    lines.push(`policy check: ${s.checkPass ? "every evaluated rule passes" : `${s.breaches} breach(es)`}`);
  out.push(lines.map((l) => `- ${mdEscape(l)}`).join("\n") + "\n");
  if (m.plan.contract.illustrative)
    out.push(
      `> The contract specification ${mdEscape(m.plan.contract.name)} is illustrative: no exchange has published one.\n`,
    );
  for (const w of m.warnings) out.push(`> Warning: ${mdEscape(w)}\n`);
  return out;
}

/** Usage and forecast: the chart and its table. */
function usageLines(m: ReportModel): string[] {
  const out: string[] = [];
  out.push("## Usage and forecast\n");
  out.push(`Usage ${m.usage.firstDay} … ${m.usage.lastDay}; forecast model ${mdEscape(m.usage.model)}.\n`);
  out.push(`${mdEscape(m.usage.forecastNotes.sentence)}\n`);
  out.push(`![Monthly tokens, history and forecast](${CHART_FILES.usage})\n`);
  const usage = usageTable(m.usage.rows, fmtInt);
  out.push(mdTable(usage.head, usage.rows));
  return out;
}

/** The futures curve: its shape, chart and table. */
function curveLines(m: ReportModel): string[] {
  const out: string[] = [];
  out.push("## Futures curve\n");
  out.push(`${mdEscape(m.curve.file)}: **${mdEscape(m.curve.shape)}** — ${mdEscape(m.curve.reading)}.\n`);
  out.push(`![Futures curve](${CHART_FILES.curve})\n`);
  out.push(
    mdTable(
      ["delivery month", `price (${m.plan.contract.quoteUnit})`],
      m.curve.points.map((p) => [p.month, fmtPrice(p.price)]),
    ),
  );
  return out;
}

/** The hedge plan: where it came from, the chart and the month table. */
function planLines(m: ReportModel): string[] {
  const out: string[] = [];
  out.push("## Hedge plan\n");
  if (m.planSource)
    out.push(mdEscape(planSourceHuman(m.planSource, PLAN_SOURCE_USE.report).trimEnd().replace(/\n/g, "; ")) + "\n");
  out.push(`![Contracts per delivery month](${CHART_FILES.contracts})\n`);
  out.push(
    mdTable(
      [
        "month",
        "tenor",
        "forecast tokens",
        "ratio",
        "contracts",
        "hedged tokens",
        "achieved",
        "futures",
        "locked-in cost",
      ],
      m.plan.months.map((x) => [
        x.month,
        String(x.tenor),
        fmtInt(x.forecastTokens),
        fmtPct(x.hedgeRatio, 0),
        fmtInt(x.contracts),
        fmtInt(x.hedgedTokens),
        fmtPct(x.achievedRatio, 1),
        fmtPrice(x.futuresPrice, 3),
        fmtMoney(x.lockedInCost),
      ]),
    ),
  );
  return out;
}

/** Hedged vs unhedged cost: the Monte Carlo distribution and risk figures, or the scenario chart without one. */
function distributionLines(m: ReportModel): string[] {
  const out: string[] = [];
  out.push("## Hedged vs unhedged cost\n");
  const sim = m.simulation;
  if (sim && sim.distribution.length > 0) {
    out.push(
      `Monte Carlo of ${fmtInt(sim.paths)} paths (seed ${sim.seed}), GBM volatility ${fmtPct(sim.volatility, 0)} (${mdEscape(sim.volatilitySource)}).\n`,
    );
    out.push(`![Cost distribution](${CHART_FILES.distribution})\n`);
    const bins = distributionTable(sim.distribution);
    out.push(mdTable(bins.head, bins.rows));
    // The config's own level beside the fixed 95% figures, as the headline states it.
    const level = sim.confidence !== 0.95 ? carLevelColumn(sim) : undefined;
    out.push(
      mdTable(
        ["", "mean", "P95", "CaR 95%", "CVaR 95%", ...(level ? [level.head] : [])],
        (["unhedged", "hedged"] as const).map((k) => [
          k,
          fmtMoney(sim[k].mean),
          fmtMoney(sim[k].p95),
          fmtMoney(sim[k].costAtRisk95),
          fmtMoney(sim[k].cvar95),
          ...(level ? [fmtMoney(level[k])] : []),
        ]),
      ),
    );
  } else {
    out.push(`No simulation in this run: the scenario grid at the median volume.\n`);
    out.push(`![Scenario costs](${CHART_FILES.scenarios})\n`);
  }
  return out;
}

/** The scenario grid. */
function scenarioLines(m: ReportModel): string[] {
  const out: string[] = [];
  out.push("## Scenario grid\n");
  out.push(
    mdTable(
      ["volume", "price shock", "unhedged cost", "futures P&L", "hedged cost", "USD/Mtok hedged"],
      m.scenarios.map((x) => [
        x.volumeCase.toUpperCase(),
        fmtSignedPct(x.priceShock),
        fmtMoney(x.unhedgedCost),
        fmtMoney(x.futuresPnl),
        fmtMoney(x.hedgedCost),
        fmtPrice(x.effectivePrice),
      ]),
    ),
  );
  if (m.twists.length > 0) {
    const amount = m.twists[0]!.twistAmount;
    out.push("### Curve twists\n");
    out.push(`By ${fmtPct(amount, 0)}: ${twistDefinition(amount)}.\n`);
    out.push(
      mdTable(
        ["volume", "twist", "unhedged cost", "futures P&L", "hedged cost", "USD/Mtok hedged"],
        m.twists.map((t) => [
          t.volumeCase.toUpperCase(),
          t.twist,
          fmtMoney(t.unhedgedCost),
          fmtMoney(t.futuresPnl),
          fmtMoney(t.hedgedCost),
          fmtPrice(t.effectivePrice),
        ]),
      ),
    );
  }
  return out;
}

/** The policy check, when the run has one. */
function checkLines(m: ReportModel): string[] {
  const out: string[] = [];
  if (!m.check) return [];
  out.push("## Policy check\n");
  out.push(
    mdTable(
      ["rule", "subject", "value", "limit", "result"],
      m.check.rules.map((r) => [
        r.rule,
        r.subject,
        formatRuleValue(r),
        r.limit,
        r.pass === null ? "not evaluated" : r.pass ? "pass" : "FAIL",
      ]),
      [0, 1, 3, 4],
    ),
  );
  return out;
}

/** The hedge-effectiveness test, when the run has one. */
function effectivenessLines(m: ReportModel): string[] {
  const out: string[] = [];
  if (!m.effectiveness) return [];
  const d = m.effectiveness.result.dollarOffset;
  const g = m.effectiveness.result.regression;
  out.push("## Hedge effectiveness\n");
  out.push(
    mdEscape(
      `History ${m.effectiveness.input.file}: dollar offset ${fmtPct(d.cumulative, 1)} (${d.pass ? "pass" : "FAIL"}); ` +
        (g
          ? `regression ${g.direction}: slope ${g.slope.toFixed(4)}, R² ${g.rSquared.toFixed(4)}, p ${g.pValue.toExponential(2)} (${g.pass ? "pass" : "FAIL"}); `
          : "regression not run; ") +
        `reserve ${fmtMoney(m.effectiveness.result.reserve)}, ineffectiveness ${fmtMoney(m.effectiveness.result.ineffectiveness)}.`,
    ) + "\n",
  );
  return out;
}

/** The designation memo and its designated quantities. */
function memoLines(m: ReportModel): string[] {
  const out: string[] = [];
  out.push(`## ${mdEscape(m.memo.title)}\n`);
  out.push(
    `*References: ${mdEscape(m.memo.references)}. Drafted from the inputs of this report; to be reviewed and adopted by the accounting function.*\n`,
  );
  for (const sec of m.memo.sections) {
    out.push(`### ${mdEscape(sec.heading)}\n`);
    for (const p of sec.paragraphs) out.push(`${mdEscape(p)}\n`);
  }
  out.push("### Designated quantities\n");
  out.push(
    mdTable(
      ["delivery month", "contracts", "designated tokens", "forecast tokens", "share of forecast"],
      m.memo.designations.map((d) => [
        d.month,
        fmtInt(d.contracts),
        fmtInt(d.designatedTokens),
        fmtInt(d.forecastTokens),
        fmtPct(d.shareOfForecast, 1),
      ]),
    ),
  );
  return out;
}

/** The audit block: tool, as-of, seed, config, inputs and parameters. */
function auditLines(m: ReportModel): string[] {
  const out: string[] = [];
  out.push("## Audit\n");
  out.push(
    mdTable(
      ["", ""],
      [
        ["tool", `tokenhedge ${m.audit.toolVersion}`],
        ["as of", m.asOf],
        ["seed", String(m.audit.seed)],
        ["config", m.audit.configFile ?? "(none)"],
      ],
      [0, 1],
    ),
  );
  out.push(
    mdTable(
      ["input", "path", "SHA-256", "bytes"],
      m.audit.inputs.map((f) => [f.role, f.path, f.sha256, fmtInt(f.bytes)]),
      [0, 1, 2],
    ),
  );
  out.push(
    mdTable(
      ["parameter", "value", "from"],
      m.audit.parameters.map((p) => [p.key, typeof p.value === "string" ? p.value : JSON.stringify(p.value), p.source]),
      [0, 1, 2],
    ),
  );
  return out;
}

/** The plan's answer in the company's money: the sentences a treasurer reads, and the month table. */
function companyMarkdown(a: PlanAnswer, pricing: CompanyPricing | null): string {
  const out = ["## In the company's money\n"];
  out.push(
    planAnswerSentences(a, pricing)
      .map((l) => `- ${mdEscape(l)}`)
      .join("\n") + "\n",
  );
  const t = companyTable(a);
  out.push(mdTable(t.head, t.rows));
  return out.join("\n");
}
