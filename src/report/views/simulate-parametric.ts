/**
 * `simulate --method parametric`: the delta-normal Cost-at-Risk and its Euler parts on their own, without price
 * paths (src/scenarios/parametric.ts gives the formulas). The JSON keeps the Monte Carlo document's names where a
 * field means the same (seed, paths, model, basis, parametric, costAtRiskParts, varianceReduction, probOverBudget).
 */
import type { HedgePlan } from "../../hedge/plan.js";
import type { Budget } from "../../scenarios/budget.js";
import { describeBudget } from "../../scenarios/budget.js";
import type { ParametricFigures, ParametricResult } from "../../scenarios/parametric.js";
import type { Basis } from "../../scenarios/simulate.js";
import type { PriceModel } from "../../scenarios/price-model.js";
import { normalSurvival } from "../../stats/normal.js";
import { toCents } from "../../money/decimal.js";
import { renderCsv } from "../render/csv.js";
import { fmtInt, fmtMoney, fmtPct } from "../render/format.js";
import { renderTable } from "../render/table.js";
import {
  modelLine,
  parametricJson,
  partsJson,
  SELLER_SIMULATION_CONVENTION,
  type SimulationProvenance,
} from "./simulate.js";
import type { HedgeSide } from "../../book/rebalance.js";

export interface ParametricRun {
  result: ParametricResult;
  model: PriceModel;
  basis: Basis;
  corr: number;
  seed: number;
  /** Volume sample paths behind Var(volume). */
  paths: number;
  asOf: string;
}

export const PARAMETRIC_ASSUMPTIONS = [
  "total cost linearised around the means (first order) and taken as normal: CaR = z·σ, z = Φ⁻¹(confidence)",
  "left out (second order): the products of volume and price moves, and the skew of the lognormal price and of the volume; the Monte Carlo (simulate without --method parametric) keeps them",
  "the variance of volume comes from the forecast's sample paths; the price covariance across months is exact for the lognormal settlement",
  "Cost-at-Risk parts by Euler allocation, part = z·Cov(part, total)/σ: price + volume + basis = total exactly",
];

const cents = (x: number): number => toCents(x);
const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** 1 − Var hedged / Var unhedged; null when the unhedged cost has no variance. */
function varianceReduction(r: ParametricResult): number | null {
  const u = r.unhedged.sd ** 2;
  return u > 0 ? 1 - r.hedged.sd ** 2 / u : null;
}

/** P(cost > budget) for a normal cost; a rate budget scales with the volume, which a single normal does not carry. */
export function probOver(f: ParametricFigures, budget: Budget | undefined): number | null {
  if (!budget || budget.kind !== "total") return null;
  if (f.sd === 0) return f.mean > budget.usd ? 1 : 0;
  return round(normalSurvival((budget.usd - f.mean) / f.sd), 6);
}

export function parametricDocument(
  plan: HedgePlan,
  run: ParametricRun,
  p: SimulationProvenance,
): Record<string, unknown> {
  const { result: r, model } = run;
  const vr = varianceReduction(r);
  return {
    command: "simulate",
    method: "parametric",
    seed: run.seed,
    paths: run.paths,
    asOf: run.asOf,
    horizon: {
      from: plan.months[0]?.month ?? null,
      to: plan.months[plan.months.length - 1]?.month ?? null,
      months: plan.months.length,
    },
    model: {
      kind: model.kind,
      vol: round(model.vol, 6),
      meanReversion: model.kind === "ou" ? round(model.meanReversion, 6) : null,
      volSource: p.volSource,
      meanReversionSource: p.meanReversionSource ?? null,
    },
    ...(p.company ?? {}),
    ...(p.company
      ? { simulationBasis: { b: round(run.basis.b, 6), source: p.basisSource } }
      : {
          basis: {
            a: round(run.basis.a, 6),
            b: round(run.basis.b, 6),
            noise: round(run.basis.noise, 6),
            source: p.basisSource,
          },
        }),
    corr: run.corr,
    volumeSource: p.volumeSource,
    budget: p.budget ?? null,
    contracts: plan.totals.contracts,
    parametric: parametricJson(r),
    costAtRiskParts: { unhedged: partsJson(r.unhedged.parts), hedged: partsJson(r.hedged.parts) },
    varianceReduction: vr === null ? null : round(vr, 6),
    probOverBudget: probOver(r.hedged, p.budget),
    probOverBudgetUnhedged: probOver(r.unhedged, p.budget),
    initialMargin: plan.totals.initialMargin,
    assumptions: PARAMETRIC_ASSUMPTIONS,
    notes: p.notes,
  };
}

export function parametricHuman(
  plan: HedgePlan,
  run: ParametricRun,
  p: SimulationProvenance,
  colour: boolean,
  side: HedgeSide = "long",
): string {
  const { result: r } = run;
  const first = plan.months[0]?.month ?? "–";
  const last = plan.months[plan.months.length - 1]?.month ?? "–";
  const lines = [
    `Delta-normal Cost-at-Risk (no price paths) over ${first} … ${last} (${plan.months.length} months), as of ${run.asOf}; confidence ${fmtPct(r.confidence, 0)}, z ${r.z.toFixed(4)}`,
    modelLine(run, p),
    `plan: ${fmtInt(plan.totals.contracts)} contracts ${side}`,
    ...(side === "short" ? [SELLER_SIMULATION_CONVENTION] : []),
    ...p.notes.map((n) => `note: ${n}`),
  ];
  const row = (label: string, pick: (f: ParametricFigures) => number) => [
    label,
    fmtMoney(cents(pick(r.unhedged))),
    fmtMoney(cents(pick(r.hedged))),
    fmtMoney(cents(pick(r.hedged) - pick(r.unhedged))),
  ];
  const table = renderTable({
    head: ["total cost over the horizon", "unhedged", "hedged", "hedged − unhedged"],
    rows: [
      row("expected cost (mean)", (f) => f.mean),
      row("standard deviation σ", (f) => f.sd),
      row(`Cost-at-Risk ${fmtPct(r.confidence, 0)} = z·σ`, (f) => f.costAtRisk),
      row("  of which price", (f) => f.parts.price),
      row("  of which volume", (f) => f.parts.volume),
      row("  of which basis", (f) => f.parts.basis),
    ],
    colour,
  });
  const facts: string[] = [];
  const vr = varianceReduction(r);
  if (vr !== null) facts.push(`variance reduction: ${fmtPct(vr, 1)} (1 − σ² hedged / σ² unhedged)`);
  if (p.budget) {
    const h = probOver(r.hedged, p.budget);
    const u = probOver(r.unhedged, p.budget);
    facts.push(
      h === null || u === null
        ? `budget ${describeBudget(p.budget)}: a rate budget moves with the volume; its probability needs the Monte Carlo (simulate without --method parametric)`
        : `P(cost over budget ${describeBudget(p.budget)}), normal: hedged ${fmtPct(h, 1)}, unhedged ${fmtPct(u, 1)}`,
    );
  }
  facts.push(
    "Cost-at-Risk parts: Euler allocation on the delta-normal covariance, part = z·Cov(part, total)/σ; the parts sum to the total.",
  );
  facts.push(
    "First order: the products of volume and price moves and the skew of prices are left out; simulate without --method parametric runs the Monte Carlo beside it.",
  );
  return `${lines.join("\n")}\n${table}${facts.join("\n")}\n`;
}

/** The figures as CSV: one row per figure, unhedged and hedged in USD. */
export function parametricCsv(run: ParametricRun): string {
  const { unhedged: u, hedged: h } = run.result;
  const rows: [string, (f: ParametricFigures) => number][] = [
    ["mean", (f) => f.mean],
    ["sd", (f) => f.sd],
    ["costAtRisk", (f) => f.costAtRisk],
    ["price", (f) => f.parts.price],
    ["volume", (f) => f.parts.volume],
    ["basis", (f) => f.parts.basis],
  ];
  return renderCsv(
    ["figure", "unhedged", "hedged"],
    rows.map(([name, pick]) => [name, cents(pick(u)), cents(pick(h))]),
  );
}
