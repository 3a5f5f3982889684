/** `simulate`: the Monte Carlo risk table, the cost histogram and the hedge-ratio sweep. */
import type { HedgePlan } from "../../hedge/plan.js";
import type { Budget } from "../../scenarios/budget.js";
import { describeBudget } from "../../scenarios/budget.js";
import type { RiskFigures, TailRisk } from "../../scenarios/risk.js";
import type { SimulationResult } from "../../scenarios/simulate.js";
import type { CostAtRiskParts, ParametricFigures, ParametricResult } from "../../scenarios/parametric.js";
import { toCents } from "../../money/decimal.js";
import { renderCsv } from "../render/csv.js";
import { fmtInt, fmtMoney, fmtPct } from "../render/format.js";
import { renderHistogram } from "../render/histogram.js";
import { renderLineChart } from "../render/line-chart.js";
import { renderTable } from "../render/table.js";

/** How the simulation's parameters were chosen, for the reader and the JSON. */
export interface SimulationProvenance {
  /** "flag", "history FILE (n monthly changes)", "default", "config". */
  volSource: string;
  meanReversionSource?: string;
  basisSource: string;
  /** The company's price source and basis block (docs/company-cost.md), when the costs are the company's. */
  company?: Record<string, unknown>;
  volumeSource: string;
  budget?: Budget;
  /** Notes to print and to record, e.g. a fallback from OU to GBM. */
  notes: string[];
}

export const SIMULATION_ASSUMPTIONS = [
  "one price factor moves the whole curve; each delivery month settles at F·exp(X(τ) − ½Var X(τ)), so E[settlement] = today's futures price",
  "settlement on the index at the end of the delivery month (slightly more variance than the monthly average the contract settles on)",
  "variation margin at month ends on F(t) = E_t[settlement]; the peak need is the largest cumulative outflow, before initial margin",
  "the sweep hedges r × each month's forecast mean volume with unrounded contracts; the plan itself uses its own rounded contracts",
  "quantiles are type 7 (R and NumPy default); CVaR 95% is the mean of the worst 5% of paths",
];

const cents = (x: number): number => toCents(x);
const round = (x: number, digits: number): number => Number(x.toFixed(digits));

function riskJson(r: RiskFigures): Record<string, number> {
  return {
    mean: cents(r.mean),
    sd: cents(r.sd),
    p5: cents(r.p5),
    p50: cents(r.p50),
    p95: cents(r.p95),
    p99: cents(r.p99),
    costAtRisk95: cents(r.costAtRisk95),
    cvar95: cents(r.cvar95),
  };
}

export function partsJson(x: CostAtRiskParts): Record<string, unknown> {
  return {
    method: x.method,
    price: cents(x.price),
    volume: cents(x.volume),
    basis: cents(x.basis),
    total: cents(x.total),
  };
}

export function parametricJson(r: ParametricResult): Record<string, unknown> {
  const side = (f: ParametricFigures) => ({ mean: cents(f.mean), sd: cents(f.sd), costAtRisk: cents(f.costAtRisk) });
  return {
    method: r.method,
    confidence: r.confidence,
    z: round(r.z, 6),
    unhedged: side(r.unhedged),
    hedged: side(r.hedged),
  };
}

/** The parametric block and the Euler parts, when the stage computed them (simulateStage). */
/** The tail at the run's confidence (simulate-stage.ts), beside the fixed 95% and 99% figures. */
export interface AtConfidence {
  confidence: number;
  unhedged: TailRisk;
  hedged: TailRisk;
}

/** What the simulate views read: the Monte Carlo result, and from the pipeline its delta-normal figures and the tail at the run's confidence. */
export type SimulationView = SimulationResult & { parametric?: ParametricResult; atConfidence?: AtConfidence };

/** 0.9 → "90%", 0.975 → "97.5%". */
export function levelText(confidence: number): string {
  return `${Number((confidence * 100).toFixed(2))}%`;
}

function tailJson(t: TailRisk): Record<string, number> {
  return { quantile: cents(t.quantile), costAtRisk: cents(t.costAtRisk), cvar: cents(t.cvar) };
}

function parametricFields(r: SimulationResult & { parametric?: ParametricResult }): Record<string, unknown> {
  if (!r.parametric) return {};
  return {
    parametric: parametricJson(r.parametric),
    costAtRiskParts: { unhedged: partsJson(r.parametric.unhedged.parts), hedged: partsJson(r.parametric.hedged.parts) },
  };
}

/** How a seller's figures read, in the table and the JSON. */
export const SELLER_SIMULATION_CONVENTION =
  "side short: a seller's forecast sale hedged with short futures; every cost below is a net cost, revenue negative (−cost = revenue), so the Cost-at-Risk is the revenue shortfall below the mean at that confidence (Revenue-at-Risk)";

export function simulateDocument(plan: HedgePlan, r: SimulationView, p: SimulationProvenance): Record<string, unknown> {
  return {
    command: "simulate",
    seed: r.seed,
    side: r.side,
    ...(r.side === "short" ? { signConvention: SELLER_SIMULATION_CONVENTION } : {}),
    paths: r.paths,
    asOf: r.asOf,
    horizon: {
      from: plan.months[0]?.month ?? null,
      to: plan.months[plan.months.length - 1]?.month ?? null,
      months: plan.months.length,
    },
    model: {
      kind: r.model.kind,
      vol: round(r.model.vol, 6),
      meanReversion: r.model.kind === "ou" ? round(r.model.meanReversion, 6) : null,
      volSource: p.volSource,
      meanReversionSource: p.meanReversionSource ?? null,
    },
    ...(p.company ?? {}),
    ...(p.company
      ? { simulationBasis: { b: round(r.basis.b, 6), source: p.basisSource } }
      : {
          basis: {
            a: round(r.basis.a, 6),
            b: round(r.basis.b, 6),
            noise: round(r.basis.noise, 6),
            source: p.basisSource,
          },
        }),
    corr: r.corr,
    volumeSource: p.volumeSource,
    budget: p.budget ?? null,
    contracts: plan.totals.contracts,
    unhedged: riskJson(r.unhedged),
    hedged: riskJson(r.hedged),
    ...(r.atConfidence
      ? {
          atConfidence: {
            confidence: r.atConfidence.confidence,
            unhedged: tailJson(r.atConfidence.unhedged),
            hedged: tailJson(r.atConfidence.hedged),
          },
        }
      : {}),
    varianceReduction: r.varianceReduction === null ? null : round(r.varianceReduction, 6),
    ...parametricFields(r),
    probOverBudget: r.probOverBudget,
    probOverBudgetUnhedged: r.probOverBudgetUnhedged,
    probOverHedge: r.probOverHedge,
    takeOrPay: r.takeOrPay
      ? {
          meanShortfallCost: cents(r.takeOrPay.meanShortfallCost),
          probabilityOfShortfall: r.takeOrPay.probabilityOfShortfall,
          p95ShortfallCost: cents(r.takeOrPay.p95ShortfallCost),
        }
      : null,
    expectedOverHedgedTokens: Math.round(r.expectedOverHedgedTokens),
    peakMarginP95: cents(r.peakMargin.p95),
    peakMargin: {
      mean: cents(r.peakMargin.mean),
      p50: cents(r.peakMargin.p50),
      p95: cents(r.peakMargin.p95),
      p99: cents(r.peakMargin.p99),
      max: cents(r.peakMargin.max),
    },
    initialMargin: plan.totals.initialMargin,
    sweep: r.sweep.map((s) => ({
      ratio: s.ratio,
      mean: cents(s.mean),
      sd: cents(s.sd),
      costAtRisk95: cents(s.costAtRisk95),
    })),
    minVarianceRatio: r.minVarianceRatio,
    minCarRatio: r.minCarRatio,
    minVarianceRatioExact: r.minVarianceRatioExact === null ? null : round(r.minVarianceRatioExact, 4),
    planRatio: round(r.planRatio, 6),
    months: r.months.map((m) => ({
      month: m.month,
      meanTokens: Math.round(m.meanTokens),
      meanSettlement: round(m.meanSettlement, 6),
      meanUnhedgedCost: cents(m.meanUnhedgedCost),
      meanFuturesPnl: cents(m.meanFuturesPnl),
      meanHedgedCost: cents(m.meanHedgedCost),
    })),
    assumptions: SIMULATION_ASSUMPTIONS,
    notes: p.notes,
  };
}

/** The sweep as CSV: one row per ratio. */
export function simulateCsv(r: SimulationResult): string {
  return renderCsv(
    ["ratio", "mean", "sd", "costAtRisk95"],
    r.sweep.map((s) => [s.ratio, cents(s.mean), cents(s.sd), cents(s.costAtRisk95)]),
  );
}

function change(h: number, u: number): string {
  return fmtMoney(cents(h - u));
}

function riskTable(r: SimulationView, colour: boolean): string {
  const rows: [string, keyof RiskFigures][] = [
    ["expected cost (mean)", "mean"],
    ["standard deviation", "sd"],
    ["P5", "p5"],
    ["P50 (median)", "p50"],
    ["P95", "p95"],
    ["P99", "p99"],
    ["Cost-at-Risk 95% (P95 − mean)", "costAtRisk95"],
    ["CVaR 95% (mean of worst 5%)", "cvar95"],
  ];
  const body = rows.map(([label, k]) => [
    label,
    fmtMoney(cents(r.unhedged[k])),
    fmtMoney(cents(r.hedged[k])),
    change(r.hedged[k], r.unhedged[k]),
  ]);
  // The run's own level (--confidence, simulation.confidence), when it is not one of the rows already there.
  const at = r.atConfidence;
  if (at && at.confidence !== 0.95) {
    const level = levelText(at.confidence);
    const tail = levelText(1 - at.confidence);
    const extra: [string, keyof TailRisk][] = [
      [`P${level.slice(0, -1)}`, "quantile"],
      [`Cost-at-Risk ${level} (P${level.slice(0, -1)} − mean)`, "costAtRisk"],
      [`CVaR ${level} (mean of worst ${tail})`, "cvar"],
    ];
    for (const [label, k] of extra)
      body.push([
        label,
        fmtMoney(cents(at.unhedged[k])),
        fmtMoney(cents(at.hedged[k])),
        change(at.hedged[k], at.unhedged[k]),
      ]);
  }
  return renderTable({
    head: ["total cost over the horizon", "unhedged", "hedged", "hedged − unhedged"],
    rows: body,
    colour,
  });
}

export function modelLine(r: Pick<SimulationResult, "model" | "basis" | "corr">, p: SimulationProvenance): string {
  const m = r.model;
  const model =
    m.kind === "gbm"
      ? `GBM, volatility ${fmtPct(m.vol, 1)} a year (${p.volSource})`
      : `OU on log price, volatility ${fmtPct(m.vol, 1)} a year (${p.volSource}), mean reversion κ = ${m.meanReversion.toFixed(3)} a year (half-life ${m.meanReversion > 0 ? `${((Math.LN2 / m.meanReversion) * 12).toFixed(1)} months` : "∞"}; ${p.meanReversionSource ?? p.volSource})`;
  const basis = r.basis.byMonth
    ? `company price = S₀ + ${r.basis.b.toFixed(3)} × (index − curve) + basis noise σ(ε)·√tenor (${p.basisSource})`
    : `company price = ${r.basis.a} + ${r.basis.b} × index${r.basis.noise > 0 ? ` + noise (sd ${r.basis.noise} USD/Mtok)` : ""} (${p.basisSource})`;
  return `${model}; settlement centred on the curve\n${basis}; price–volume copula correlation ${r.corr}; volumes: ${p.volumeSource}`;
}

function sweepTable(r: SimulationResult, colour: boolean): string {
  const wanted = new Set([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, r.minVarianceRatio, r.minCarRatio]);
  const planRatio = Math.round(r.planRatio * 100) / 100;
  wanted.add(planRatio);
  const rows = r.sweep
    .filter((s) => wanted.has(s.ratio))
    .map((s) => {
      const tags = [
        s.ratio === r.minVarianceRatio ? "min variance" : "",
        s.ratio === r.minCarRatio ? "min CaR" : "",
        s.ratio === planRatio ? "≈ plan" : "",
      ].filter((t) => t !== "");
      return [
        fmtPct(s.ratio, 0),
        fmtMoney(cents(s.mean)),
        fmtMoney(cents(s.sd)),
        fmtMoney(cents(s.costAtRisk95)),
        tags.join(", "),
      ];
    });
  return renderTable({
    head: ["hedge ratio", "expected cost", "sd", "CaR 95%", ""],
    rows,
    colour,
    align: ["right", "right", "right", "right", "left"],
  });
}

export interface SimulateHumanOptions {
  colour: boolean;
  /** Terminal columns for the charts (default 80). */
  width?: number;
  /** Braille and block-character charts; else plain ASCII. */
  unicode?: boolean;
}

/** Parametric CaR beside the Monte Carlo one, and its Euler parts (price + volume + basis = total). */
function parametricTable(r: SimulationView, q: ParametricResult, colour: boolean): string {
  const row = (label: string, pick: (f: ParametricFigures) => number, mc?: [number, number]) => [
    label,
    fmtMoney(cents(pick(q.unhedged))),
    fmtMoney(cents(pick(q.hedged))),
    mc ? `${fmtMoney(cents(mc[0]))} / ${fmtMoney(cents(mc[1]))}` : "",
  ];
  // The Monte Carlo figure beside it is at the same level: the run's, or 95%.
  const at = r.atConfidence?.confidence === q.confidence ? r.atConfidence : undefined;
  const mcCar: [number, number] | undefined = at
    ? [at.unhedged.costAtRisk, at.hedged.costAtRisk]
    : q.confidence === 0.95
      ? [r.unhedged.costAtRisk95, r.hedged.costAtRisk95]
      : undefined;
  const table = renderTable({
    head: [`delta-normal (z ${q.z.toFixed(4)}, first order)`, "unhedged", "hedged", "Monte Carlo unhedged / hedged"],
    rows: [
      row("standard deviation", (f) => f.sd, [r.unhedged.sd, r.hedged.sd]),
      row(`Cost-at-Risk ${levelText(q.confidence)} = z·σ`, (f) => f.costAtRisk, mcCar),
      row("  of which price", (f) => f.parts.price),
      row("  of which volume", (f) => f.parts.volume),
      row("  of which basis", (f) => f.parts.basis),
      row("  parts summed", (f) => f.parts.total),
    ],
    colour,
  });
  return `${table}Cost-at-Risk parts: Euler allocation on the delta-normal covariance, part = z·Cov(part, total)/σ; the parts sum to the total.\n`;
}

export function simulateHuman(
  plan: HedgePlan,
  r: SimulationView,
  p: SimulationProvenance,
  opts: SimulateHumanOptions,
): string {
  const { colour } = opts;
  const width = Math.max(40, Math.min(opts.width ?? 80, 120));
  const first = plan.months[0]?.month ?? "–";
  const last = plan.months[plan.months.length - 1]?.month ?? "–";
  const lines: string[] = [];
  lines.push(
    `Monte Carlo of ${fmtInt(r.paths)} paths (seed ${r.seed}) over ${first} … ${last} (${plan.months.length} months), as of ${r.asOf}`,
  );
  lines.push(modelLine(r, p));
  lines.push(
    `plan: ${fmtInt(plan.totals.contracts)} contracts ${r.side}, ${fmtPct(r.planRatio, 1)} of forecast tokens`,
  );
  if (r.side === "short") lines.push(SELLER_SIMULATION_CONVENTION);
  for (const n of p.notes) lines.push(`note: ${n}`);
  let out = lines.join("\n") + "\n" + riskTable(r, colour);
  if (r.parametric) out += parametricTable(r, r.parametric, colour);

  out += simulateFacts(plan, r, p).join("\n") + "\n\n";
  out += costHistogram(r, width, colour, opts.unicode ?? false);
  out += "\n";
  out += sweepSection(r, width, colour, opts.unicode ?? false);
  return out;
}

/** The figures beside the risk table: variance reduction, budget, over-hedging, take-or-pay and margin. */
function simulateFacts(plan: HedgePlan, r: SimulationResult, p: SimulationProvenance): string[] {
  const facts: string[] = [];
  if (r.varianceReduction !== null)
    facts.push(`variance reduction: ${fmtPct(r.varianceReduction, 1)} (1 − Var hedged / Var unhedged)`);
  if (p.budget && r.probOverBudget !== null) {
    facts.push(
      `P(cost over budget ${describeBudget(p.budget)}): hedged ${fmtPct(r.probOverBudget, 1)}, unhedged ${fmtPct(r.probOverBudgetUnhedged, 1)}`,
    );
  }
  facts.push(
    `over-hedging: P(some month's hedge above its realised volume) ${fmtPct(r.probOverHedge, 1)}; expected over-hedged tokens ${fmtInt(Math.round(r.expectedOverHedgedTokens))}`,
  );
  if (r.takeOrPay) {
    facts.push(
      `take-or-pay: P(volume falls below a commitment in some month) ${fmtPct(r.takeOrPay.probabilityOfShortfall, 1)}; ` +
        `shortfall paid for unused committed tokens: mean ${fmtMoney(r.takeOrPay.meanShortfallCost)}, P95 ${fmtMoney(r.takeOrPay.p95ShortfallCost)}`,
    );
  }
  facts.push(
    `variation margin at month ends, peak cumulative outflow: P50 ${fmtMoney(cents(r.peakMargin.p50))}, P95 ${fmtMoney(cents(r.peakMargin.p95))}, P99 ${fmtMoney(cents(r.peakMargin.p99))}` +
      ` (plus initial margin ${fmtMoney(plan.totals.initialMargin)})`,
  );
  return facts;
}

/** The histogram of total cost, hedged vs unhedged, from a little below the lower P5 to the higher P99. */
function costHistogram(r: SimulationResult, width: number, colour: boolean, unicode: boolean): string {
  // The edge bins hold the tails.
  const hi = Math.max(r.unhedged.p99, r.hedged.p99);
  const lo5 = Math.min(r.unhedged.p5, r.hedged.p5);
  const lo = lo5 - 0.15 * (hi - lo5);
  return renderHistogram(
    [
      { name: "unhedged", values: r.samples.unhedged, mean: r.unhedged.mean, p95: r.unhedged.p95 },
      { name: "hedged", values: r.samples.hedged, mean: r.hedged.mean, p95: r.hedged.p95 },
    ],
    {
      bins: 16,
      barWidth: Math.max(10, Math.floor((width - 36) / 2)),
      width,
      unit: "money",
      colour,
      unicode,
      lo,
      hi,
      label: "total cost",
      title: "distribution of total cost, hedged vs unhedged",
    },
  );
}

/** The hedge-ratio sweep: its chart, where variance and CaR are least against the plan, and its table. */
function sweepSection(r: SimulationResult, width: number, colour: boolean, unicode: boolean): string {
  let out = renderLineChart(
    [
      { name: "sd", values: r.sweep.map((s) => s.sd) },
      { name: "CaR 95%", values: r.sweep.map((s) => s.costAtRisk95) },
    ],
    {
      width,
      height: 12,
      x: r.sweep.map((s) => s.ratio),
      yUnit: "money",
      formatX: (x) => fmtPct(x, 0),
      colour,
      unicode,
      title: "hedge-ratio sweep: risk of the total hedged cost against a uniform hedge ratio (same draws)",
      markers: [{ x: Math.round(r.planRatio * 100) / 100, label: `plan ${fmtPct(r.planRatio, 1)}` }],
    },
  );
  out +=
    `minimum variance at ${fmtPct(r.minVarianceRatio, 0)}` +
    (r.minVarianceRatioExact !== null ? ` (h* = Cov(U, G)/Var(G) = ${fmtPct(r.minVarianceRatioExact, 1)})` : "") +
    `; minimum CaR 95% at ${fmtPct(r.minCarRatio, 0)}; the plan hedges ${fmtPct(r.planRatio, 1)}\n`;
  const top = r.sweep[r.sweep.length - 1]?.ratio ?? 1.5;
  if (r.minVarianceRatioExact !== null && r.minVarianceRatioExact > top) {
    out += `note: the variance-minimising ratio ${fmtPct(r.minVarianceRatioExact, 1)} lies beyond the sweep's ${fmtPct(top, 0)}\n`;
  }
  if (r.minVarianceRatioExact !== null && r.minVarianceRatioExact > 1.005) {
    out +=
      `note: minimising variance would hedge more than the forecast volume (volume rises with price: McKinnon 1967); ` +
      `a cap on hedged volume (e.g. at a low volume quantile) forbids it — the two goals conflict here\n`;
  }
  out += sweepTable(r, colour);
  return out;
}
