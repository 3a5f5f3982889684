/**
 * `report.html`: one self-contained file — inline CSS and inline SVG, no script, no external resource
 * (a Content-Security-Policy of default-src 'none' makes the browser refuse any that slipped in), so
 * it opens offline, in a mail attachment or an archive. Every value from an input goes through the
 * `html` tag and is escaped. Each chart sits beside the table of the numbers it draws.
 */
import { planAnswerSentences } from "../views/plan-answer.js";
import { formatRuleValue } from "../views/check.js";
import { html, join, trusted, type Markup } from "./escape.js";
import { REPORT_STYLE } from "./style.js";
import { table } from "./table.js";
import { hedgeBookSection } from "./book-section.js";
import { contractsChart, curveChart, distributionChart, scenarioChart, usageChart } from "../svg/charts.js";
import type { ReportModel } from "../views/report.js";
import { OUTCOME_FIGURES_HEAD, outcomeFigures, twistDefinition } from "../views/scenarios.js";
import { carLevelColumn, companyTable, distributionTable, usageTable } from "../views/report-rows.js";
import { executiveSummary } from "../views/executive.js";
import { PLAN_SOURCE_USE, planSourceHuman } from "../views/plan-source.js";
import { fmtBillions, fmtInt, fmtMoney, fmtPct, fmtPrice, fmtSignedPct } from "../render/format.js";

function figure(chart: Markup, data: Markup): Markup {
  return html`<div class="figure">${chart}<div class="data">${data}</div></div>`;
}

function verdict(pass: boolean | null): Markup {
  return pass === null
    ? html`<span class="skip">not evaluated</span>`
    : pass
      ? html`<span class="pass">pass</span>`
      : html`<span class="fail">FAIL</span>`;
}

function kpi(value: string, label: string): Markup {
  return html`<div class="kpi"><b>${value}</b><span>${label}</span></div>`;
}

function executiveSection(m: ReportModel): Markup {
  const e = executiveSummary(m);
  const signOff = html`<table class="signoff"><thead><tr><th class="text"></th><th class="text">name</th><th class="text">signature</th><th class="text">date</th></tr></thead><tbody>${e.signOff.map((r) => html`<tr><th class="text">${r}</th><td></td><td></td><td></td></tr>`)}</tbody></table>`;
  return html`<section id="executive" class="exec"><h2>Executive summary</h2><dl>${e.headlines.map((h) => html`<dt>${h.label}</dt><dd>${h.text}</dd>`)}</dl><h3>Decisions needed</h3><ol>${e.decisions.map((d) => html`<li>${d}</li>`)}</ol><h3>Sign-off</h3>${signOff}</section>`;
}

function summarySection(m: ReportModel): Markup {
  const s = m.summary;
  const items: Markup[] = [
    kpi(
      `${fmtInt(s.contracts)} contracts`,
      `long, ${s.horizon.from ?? "–"} … ${s.horizon.to ?? "–"} (${s.horizon.months} months)`,
    ),
    kpi(
      fmtPct(s.achievedRatio, 1),
      `of forecast tokens hedged (${fmtBillions(s.hedgedTokens)} of ${fmtBillions(s.forecastTokens)})`,
    ),
    kpi(
      fmtMoney(s.lockedInCost),
      `locked in${s.averageLockedInPrice !== null ? ` at ${fmtPrice(s.averageLockedInPrice)} ${m.plan.contract.quoteUnit}` : ""}`,
    ),
    kpi(fmtMoney(s.initialMargin), "initial margin"),
  ];
  if (s.expectedHedgedCost !== null && s.expectedUnhedgedCost !== null) {
    items.push(
      kpi(fmtMoney(s.expectedHedgedCost), `expected hedged cost (unhedged ${fmtMoney(s.expectedUnhedgedCost)})`),
    );
  }
  if (s.costAtRisk !== null && s.costAtRiskConfidence !== null)
    items.push(kpi(fmtMoney(s.costAtRisk), `Cost-at-Risk ${Math.round(s.costAtRiskConfidence * 100)}% (hedged)`));
  if (s.budget !== null)
    items.push(
      kpi(
        fmtMoney(s.budget),
        s.probabilityOverBudget !== null
          ? `budget; P(hedged cost over it) ${fmtPct(s.probabilityOverBudget, 1)}`
          : "budget",
      ),
    );
  if (s.checkPass !== null)
    items.push(
      kpi(s.checkPass ? "all rules pass" : `${s.breaches} breach${s.breaches === 1 ? "" : "es"}`, "policy check"),
    );
  const illustrative = m.plan.contract.illustrative
    ? html`<p class="illustrative">The contract specification ${m.plan.contract.name} is illustrative: no exchange has published a specification for AI-token futures.</p>`
    : html``;
  const warnings = m.warnings.map((w) => html`<p class="warning">${w}</p>`);
  return html`<section id="summary"><h2>Summary</h2><div class="kpis">${items}</div>${illustrative}${warnings}</section>`;
}

function usageSection(m: ReportModel): Markup {
  const u = m.usage;
  const t = usageTable(u.rows, fmtBillions);
  const data = table(t.head, t.rows);
  return html`<section id="usage"><h2>Usage and forecast</h2>
<p>Usage ${u.firstDay} … ${u.lastDay}, ${fmtInt(u.totalTokens)} tokens; ${u.missingDays.length} day${u.missingDays.length === 1 ? "" : "s"} without rows. Forecast model: <code>${u.model}</code>; tokens are index tokens (weighted by token kind per the contract).</p>
<p>${u.forecastNotes.sentence}</p>
${figure(usageChart(m), data)}</section>`;
}

function curveSection(m: ReportModel): Markup {
  const data = table(
    ["delivery month", `price (${m.plan.contract.quoteUnit})`],
    m.curve.points.map((p) => [p.month, fmtPrice(p.price)]),
  );
  return html`<section id="curve"><h2>Futures curve</h2><p><code>${m.curve.file}</code>: <b>${m.curve.shape}</b> — ${m.curve.reading}.</p>${figure(curveChart(m), data)}</section>`;
}

function contractsSection(m: ReportModel): Markup {
  const data = table(
    ["month", "tenor", "forecast", "ratio", "contracts", "achieved", "futures", "locked-in cost"],
    m.plan.months.map((x) => [
      x.month,
      String(x.tenor),
      fmtBillions(x.forecastTokens),
      fmtPct(x.hedgeRatio, 0),
      fmtInt(x.contracts),
      fmtPct(x.achievedRatio, 1),
      fmtPrice(x.futuresPrice, 3),
      fmtMoney(x.lockedInCost),
    ]),
  );
  const c = m.plan.contract;
  const source = m.planSource
    ? html`<p class="plan-source">${planSourceHuman(m.planSource, PLAN_SOURCE_USE.report).trimEnd().replace(/\n/g, "; ")}</p>`
    : html``;
  return html`<section id="contracts"><h2>Hedge plan: contracts per delivery month</h2>
${source}<p>${c.name}: ${fmtInt(c.contractSize)} ${c.sizeUnit} per contract, quoted in ${c.quoteUnit}; contracts rounded ${m.plan.rounding}${m.plan.volumeCap ? html`; never above the ${m.plan.volumeCap} volume forecast` : html``}.</p>
${figure(contractsChart(m), data)}</section>`;
}

/** The plan's answer in the company's money (escaped like the rest). */
function companySection(m: ReportModel): Markup {
  if (!m.company) return html``;
  const { answer, pricing } = m.company;
  const sentences = planAnswerSentences(answer, pricing).map((l) => html`<li>${l}</li>`);
  const t = companyTable(answer);
  return html`<section id="company"><h2>In the company's money</h2><ul>${join(sentences, "\n")}</ul>${table(t.head, t.rows, [0])}</section>`;
}

function distributionSection(m: ReportModel): Markup {
  const s = m.simulation;
  const chart = distributionChart(m);
  if (!s || !chart) {
    const rows = m.scenarios.filter((x) => x.volumeCase === "p50");
    const data = table(
      ["price shock", "unhedged cost", "hedged cost"],
      rows.map((x) => [fmtSignedPct(x.priceShock), fmtMoney(x.unhedgedCost), fmtMoney(x.hedgedCost)]),
    );
    return html`<section id="distribution"><h2>Hedged vs unhedged cost</h2><p>No Monte Carlo simulation in this run; the scenario grid at the median volume instead.</p>${figure(scenarioChart(m), data)}</section>`;
  }
  const bins = distributionTable(s.distribution);
  const data = table(bins.head, bins.rows);
  // The config's own level beside the fixed 95% figures, as the headline states it.
  const level = s.confidence !== 0.95 ? carLevelColumn(s) : undefined;
  const risk = table(
    ["", "mean", "sd", "P5", "P50", "P95", "P99", "CaR 95%", "CVaR 95%", ...(level ? [level.head] : [])],
    (["unhedged", "hedged"] as const).map((k) => {
      const f = s[k];
      return [
        k,
        fmtMoney(f.mean),
        fmtMoney(f.sd),
        fmtMoney(f.p5),
        fmtMoney(f.p50),
        fmtMoney(f.p95),
        fmtMoney(f.p99),
        fmtMoney(f.costAtRisk95),
        fmtMoney(f.cvar95),
        ...(level ? [fmtMoney(level[k])] : []),
      ];
    }),
  );
  return html`<section id="distribution"><h2>Hedged vs unhedged cost (Monte Carlo)</h2>
<p>${fmtInt(s.paths)} paths, seed ${s.seed}; index prices GBM with volatility ${fmtPct(s.volatility, 0)} (${s.volatilitySource}), volume from the forecast's sample paths, price–volume correlation ${s.corr}. Variance reduction ${s.varianceReduction === null ? "–" : fmtPct(s.varianceReduction, 1)}; P(some month over-hedged) ${fmtPct(s.probabilityOverHedge, 1)}.</p>
${figure(chart, data)}<h3>Risk figures of the total cost</h3>${risk}</section>`;
}

function scenariosSection(m: ReportModel): Markup {
  const data = table(
    ["volume", "price shock", ...OUTCOME_FIGURES_HEAD],
    m.scenarios.map((s) => [s.volumeCase.toUpperCase(), fmtSignedPct(s.priceShock), ...outcomeFigures(s)]),
  );
  // The curve twists `scenarios` runs by default: the front and the back of the curve moving apart.
  const twists =
    m.twists.length > 0
      ? html`<h3>Curve twists</h3><p>By ${fmtPct(m.twists[0]!.twistAmount, 0)}: ${twistDefinition(m.twists[0]!.twistAmount)}.</p>${table(
          ["volume", "twist", ...OUTCOME_FIGURES_HEAD],
          m.twists.map((t) => [t.volumeCase.toUpperCase(), t.twist, ...outcomeFigures(t)]),
        )}`
      : html``;
  return html`<section id="scenarios"><h2>Scenario grid</h2><p>Every delivery month settles at the futures price shocked by the given percentage; the volume case puts every month at that quantile of its own forecast.</p>${data}${twists}</section>`;
}

function checkSection(m: ReportModel): Markup {
  if (!m.check) return html``;
  const rows = m.check.rules.map((r) => [
    html`<code>${r.rule}</code>`,
    r.subject,
    formatRuleValue(r),
    r.limit,
    verdict(r.pass),
    r.note ?? "",
  ]);
  return html`<section id="check"><h2>Policy check</h2><p>${m.check.pass ? "Every evaluated rule passes." : `${m.check.breaches} rule${m.check.breaches === 1 ? " is" : "s are"} breached.`}</p>${table(["rule", "subject", "value", "limit", "result", "note"], rows, [1, 5])}</section>`;
}

function effectivenessSection(m: ReportModel): Markup {
  const e = m.effectiveness;
  if (!e) return html``;
  const d = e.result.dollarOffset;
  const g = e.result.regression;
  const rows = d.byPeriod.map((p) => [
    p.period,
    fmtMoney(p.hedge),
    fmtMoney(p.item),
    fmtPct(p.ratio, 1),
    verdict(p.pass),
    fmtPct(p.cumulativeRatio, 1),
    verdict(p.cumulativePass),
  ]);
  return html`<section id="effectiveness"><h2>Hedge effectiveness</h2>
<p>History <code>${e.input.file}</code>. Dollar offset (cumulative −ΣΔhedge/ΣΔitem): <b>${fmtPct(d.cumulative, 1)}</b> ${verdict(d.pass)} (80%–125%). ${
    g
      ? html`Regression (${g.direction === "hedge-on-item" ? "Δhedge on Δhedged item" : "Δhedged item on Δhedge"}): slope ${g.slope.toFixed(4)}, intercept ${g.intercept.toFixed(2)}, R² ${g.rSquared.toFixed(4)}, F ${g.fStatistic === null ? "∞" : g.fStatistic.toFixed(2)}, p ${g.pValue.toExponential(2)} ${verdict(g.pass)}.`
      : html`Regression not run.`
  } Cash-flow hedge reserve ${fmtMoney(e.result.reserve)}, ineffectiveness ${fmtMoney(e.result.ineffectiveness)}.</p>
<div class="data">${table(["period", "Δ hedge", "Δ hedged item", "offset", "", "cumulative", ""], rows)}</div></section>`;
}

function memoSection(m: ReportModel): Markup {
  const memo = m.memo;
  const sections = memo.sections.map((s) => html`<h3>${s.heading}</h3>${s.paragraphs.map((p) => html`<p>${p}</p>`)}`);
  const designations = table(
    ["delivery month", "contracts", "designated tokens", "forecast tokens", "share of forecast", "futures price"],
    memo.designations.map((d) => [
      d.month,
      fmtInt(d.contracts),
      fmtInt(d.designatedTokens),
      fmtInt(d.forecastTokens),
      fmtPct(d.shareOfForecast, 1),
      fmtPrice(d.futuresPrice, 3),
    ]),
  );
  return html`<section id="memo" class="memo"><h2>${memo.title}</h2><p><i>References: ${memo.references}. Drafted from the inputs of this report; to be reviewed and adopted by the accounting function.</i></p>${sections}<h3>Designated quantities</h3>${designations}</section>`;
}

function auditSection(m: ReportModel): Markup {
  const a = m.audit;
  const inputs = table(
    ["input", "path", "SHA-256", "bytes"],
    a.inputs.map((f) => [f.role, html`<code>${f.path}</code>`, html`<code>${f.sha256}</code>`, fmtInt(f.bytes)]),
    [1, 2],
  );
  const params = table(
    ["parameter", "value", "from"],
    a.parameters.map((p) => [
      html`<code>${p.key}</code>`,
      typeof p.value === "string" ? p.value : JSON.stringify(p.value),
      p.source,
    ]),
    [1, 2],
  );
  return html`<section id="audit"><h2>Audit</h2>
<table><tbody><tr><th class="text">tool</th><td class="text">tokenhedge ${a.toolVersion}</td></tr><tr><th class="text">as of</th><td class="text">${a.asOf}</td></tr><tr><th class="text">seed</th><td class="text">${String(a.seed)}</td></tr><tr><th class="text">config</th><td class="text">${a.configFile ?? "(none)"}</td></tr></tbody></table>
<h3>Inputs</h3>${inputs}<h3>Resolved parameters</h3>${params}</section>`;
}

const TOC: readonly [string, string][] = [
  ["executive", "Executive summary"],
  ["summary", "Summary"],
  ["usage", "Usage and forecast"],
  ["curve", "Futures curve"],
  ["contracts", "Hedge plan"],
  ["distribution", "Hedged vs unhedged cost"],
  ["scenarios", "Scenario grid"],
  ["check", "Policy check"],
  ["effectiveness", "Hedge effectiveness"],
  ["memo", "Hedge designation memo"],
  ["audit", "Audit"],
];

export function reportHtml(m: ReportModel): string {
  const present = TOC.filter(([id]) =>
    id === "check" ? m.check !== null : id === "effectiveness" ? m.effectiveness !== null : true,
  );
  const body = join(
    [
      executiveSection(m),
      summarySection(m),
      usageSection(m),
      curveSection(m),
      contractsSection(m),
      companySection(m),
      hedgeBookSection(m),
      distributionSection(m),
      scenariosSection(m),
      checkSection(m),
      effectivenessSection(m),
      memoSection(m),
      auditSection(m),
    ],
    "\n",
  );
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${m.title}</title>
<style>${trusted(REPORT_STYLE)}</style>
</head>
<body>
<header><h1>${m.title}</h1><p class="meta">${m.entity ? html`${m.entity} · ` : html``}as of ${m.asOf} · tokenhedge ${m.audit.toolVersion}</p></header>
<nav><ol>${present.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ol></nav>
${body}
<footer>Generated by tokenhedge ${m.audit.toolVersion} as of ${m.asOf}. Figures are modelled estimates; contract specifications marked illustrative are not listed products.</footer>
</body>
</html>
`;
  return page.text;
}
