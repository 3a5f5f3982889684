/** `scenarios`: price shocks and curve twists × volume cases for the whole horizon, with budget and margin. */
import { makeChalk } from "../render/colour.js";
import type { ScenarioMonth, ScenarioOutcome, ScenarioResult, TwistResult } from "../../scenarios/grid.js";
import type { HedgePlan } from "../../hedge/plan.js";
import { describeBudget, type Budget } from "../../scenarios/budget.js";
import { renderCsv } from "../render/csv.js";
import { fmtInt, fmtMoney, fmtPrice, fmtSignedPct } from "../render/format.js";
import { renderTable } from "../render/table.js";
import { pricingDocument } from "../../company/scenarios.js";
import type { CompanyPricing } from "../../company/pricing.js";
import type { HedgeSide } from "../../book/rebalance.js";

/** What `scenarios` adds to the basic grid; every field optional so older callers keep working. */
export interface ScenarioExtras {
  twists?: TwistResult[];
  budget?: Budget;
  asOf?: string;
  /** The company's pricing: its source and basis are stated in every output. */
  company?: CompanyPricing;
  /** short: a seller's figures, net costs in the JSON (revenue negative), shown as revenue in the table. */
  side?: HedgeSide;
}

export const MARGIN_PATH_ASSUMPTION =
  "each delivery month's futures price moves in a straight line (linear in calendar days) from today's curve on the as-of date " +
  "to its scenario settlement on the last day of the delivery month; variation margin is counted at every month end " +
  "(the cumulative margin is piecewise linear with kinks at month ends, so daily settlement gives the same peak)";

/** The cost fields of one scenario, in the order of the JSON contract (also used by report.json). */
export function scenarioCostFields(s: ScenarioOutcome): Record<string, unknown> {
  return {
    volumeCase: s.volumeCase,
    tokens: s.tokens,
    unhedgedCost: s.unhedgedCost,
    futuresPnl: s.futuresPnl,
    hedgedCost: s.hedgedCost,
    effectivePrice: s.effectivePrice,
    unhedgedEffectivePrice: s.unhedgedEffectivePrice,
    overHedgedTokens: s.overHedgedTokens,
    budget: s.budget,
    vsBudget: s.vsBudget,
    // The company's side (docs/company-cost.md): unhedgedCost above is the company's cost; indexCost the same tokens at the index.
    ...(s.company
      ? {
          companyPrice: s.company.companyPrice,
          companyCost: s.company.companyCost,
          indexCost: s.company.indexCost,
          committedCost: s.company.committedCost,
          shortfallCost: s.company.shortfallCost,
        }
      : {}),
  };
}

/** A scenario month for JSON: the company figures flattened beside the month's own (companyPrice, companyCost, indexCost). */
function monthFields(m: ScenarioMonth): Record<string, unknown> {
  const { company, ...rest } = m;
  return { ...rest, ...(company ?? {}) };
}

function outcomeFields(s: ScenarioOutcome, includeMonths: boolean): Record<string, unknown> {
  return {
    ...scenarioCostFields(s),
    peakMarginOutflow: s.margin?.peakOutflow ?? null,
    peakMarginDate: s.margin?.peakDate ?? null,
    ...(includeMonths ? { months: s.months.map(monthFields), marginFlows: s.margin?.flows ?? null } : {}),
  };
}

export function scenariosDocument(
  plan: HedgePlan,
  results: ScenarioResult[],
  includeMonths: boolean,
  extras: ScenarioExtras = {},
): Record<string, unknown> {
  return {
    command: "scenarios",
    horizon: {
      from: plan.months[0]?.month ?? null,
      to: plan.months[plan.months.length - 1]?.month ?? null,
      months: plan.months.length,
    },
    contracts: plan.totals.contracts,
    asOf: extras.asOf ?? null,
    side: extras.side ?? "long",
    ...(extras.side === "short" ? { signConvention: SELLER_CONVENTION } : {}),
    budget: extras.budget ?? null,
    marginPathAssumption: extras.asOf ? MARGIN_PATH_ASSUMPTION : null,
    ...(extras.company ? pricingDocument(extras.company) : { priceSource: "index", basis: null }),
    scenarios: results.map((s) => {
      const { volumeCase, ...rest } = outcomeFields(s, includeMonths);
      return { priceShock: s.priceShock, volumeCase, ...rest };
    }),
    twists: (extras.twists ?? []).map((t) => ({
      twist: t.twist,
      twistAmount: t.twistAmount,
      ...outcomeFields(t, includeMonths),
    })),
  };
}

const CSV_HEAD = [
  "priceShock",
  "volumeCase",
  "tokens",
  "unhedgedCost",
  "futuresPnl",
  "hedgedCost",
  "effectivePrice",
  "unhedgedEffectivePrice",
  "overHedgedTokens",
  "budget",
  "vsBudget",
  "peakMarginOutflow",
  "twist",
  "twistAmount",
];

/** One scenario's figures in the CSV's column order, up to the twist columns (report.xlsx's Scenarios sheet too). */
export function scenarioRowValues(s: ScenarioOutcome, priceShock: number | null) {
  return [
    priceShock,
    s.volumeCase,
    s.tokens,
    s.unhedgedCost,
    s.futuresPnl,
    s.hedgedCost,
    s.effectivePrice,
    s.unhedgedEffectivePrice,
    s.overHedgedTokens,
    s.budget,
    s.vsBudget,
    s.margin?.peakOutflow ?? null,
  ];
}

function csvRow(s: ScenarioOutcome, priceShock: number | null, twist: TwistResult | null) {
  return [...scenarioRowValues(s, priceShock), twist?.twist ?? null, twist?.twistAmount ?? null];
}

/** One row per scenario; twist rows have an empty priceShock and name their twist. */
export function scenariosCsv(results: ScenarioResult[], twists: TwistResult[] = []): string {
  return renderCsv(CSV_HEAD, [
    ...results.map((s) => csvRow(s, s.priceShock, null)),
    ...twists.map((t) => csvRow(t, null, t)),
  ]);
}

function caseLabel(c: string): string {
  return c.startsWith("x") ? `×${c.slice(1)}` : c.toUpperCase();
}

/** $1.23M / $456.7K: short money for heat-map cells. */
export function fmtCompactMoney(n: number): string {
  const a = Math.abs(n);
  const sign = n < 0 ? "-" : "";
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(2)}M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(1)}K`;
  return `${sign}$${a.toFixed(0)}`;
}

function pctOf(diff: number, base: number): string {
  if (base === 0) return "–";
  const p = (diff / base) * 100;
  return `${p > 0 ? "+" : ""}${p.toFixed(1)}%`;
}

/** A seller's JSON figures are net costs; this is said in the document (`signConvention`). */
export const SELLER_CONVENTION =
  "side short: unhedgedCost, hedgedCost, effective prices and indexCost are net costs with revenue negative (−hedgedCost is the revenue after the hedge); futuresPnl is the short position's P&L";

/** +1 for a buyer; −1 for a seller, whose net costs the table shows as revenue (received). */
function shownSign(side: HedgeSide | undefined): 1 | -1 {
  return side === "short" ? -1 : 1;
}

function flip(n: number | null, sign: 1 | -1): number | null {
  return n === null ? null : sign * n;
}

/** A scenario's figures as the tables print them (OUTCOME_FIGURES_HEAD; report.html's scenario grid too). */
export function outcomeFigures(s: ScenarioOutcome, sign: 1 | -1 = 1): string[] {
  return [
    fmtInt(s.tokens),
    fmtMoney(sign * s.unhedgedCost),
    fmtMoney(s.futuresPnl),
    fmtMoney(sign * s.hedgedCost),
    fmtPrice(flip(s.effectivePrice, sign)),
    fmtPrice(flip(s.unhedgedEffectivePrice, sign)),
  ];
}

function outcomeCells(s: ScenarioOutcome, withBudget: boolean, withMargin: boolean, sign: 1 | -1 = 1): string[] {
  return [
    ...outcomeFigures(s, sign),
    fmtInt(s.overHedgedTokens),
    ...(withBudget ? [s.vsBudget === null ? "–" : fmtMoney(s.vsBudget)] : []),
    ...(withMargin ? [s.margin ? fmtMoney(s.margin.peakOutflow) : "–"] : []),
    ...(s.company ? [fmtMoney(sign * s.company.indexCost)] : []),
  ];
}

/** "front-up = first month +20%, last month −20%, linear in between; front-down the reverse" (scenarios, the report). */
export function twistDefinition(amount: number): string {
  const pct = (amount * 100).toFixed(0);
  return `front-up = first month +${pct}%, last month −${pct}%, linear in between; front-down the reverse`;
}

export const OUTCOME_FIGURES_HEAD = [
  "tokens",
  "unhedged cost",
  "futures P&L",
  "hedged cost",
  "USD/Mtok hedged",
  "USD/Mtok unhedged",
];
const OUTCOME_HEAD = [...OUTCOME_FIGURES_HEAD, "over-hedged tokens"];
const SELLER_HEAD = [
  "tokens",
  "unhedged revenue",
  "futures P&L",
  "hedged revenue",
  "USD/Mtok received",
  "USD/Mtok unhedged",
  "over-hedged tokens",
];

/**
 * Heat map: rows are parallel price shocks, columns volume cases; each cell is the hedged cost with a plain-text
 * mark against the budget ("OVER +3.1%" / "ok -4.0%"), or, without a budget, its change against the reference
 * scenario (0% shock at the P50 or first volume case). Colour (red over / green under) is only an extra.
 */
export function heatMap(results: ScenarioResult[], colour: boolean, side?: HedgeSide): string {
  const sign = shownSign(side);
  const shocks = [...new Set(results.map((r) => r.priceShock))];
  const cases = [...new Set(results.map((r) => r.volumeCase))];
  const find = (s: number, c: string) => results.find((r) => r.priceShock === s && r.volumeCase === c);
  const reference = find(0, cases.includes("p50") ? "p50" : cases[0]!) ?? results[0];
  const chalk = makeChalk(colour);
  const rows = shocks.map((s) => [
    fmtSignedPct(s),
    ...cases.map((c) => {
      const r = find(s, c);
      if (!r) return "";
      if (r.budget !== null && r.vsBudget !== null) {
        const over = r.vsBudget > 0;
        const mark = `${over ? "OVER" : "ok"} ${pctOf(r.vsBudget, r.budget)}`;
        return `${fmtCompactMoney(r.hedgedCost)} ${colour ? (over ? chalk.red(mark) : chalk.green(mark)) : mark}`;
      }
      // Red is worse: a higher cost for a buyer, a lower revenue for a seller (a higher net cost either way).
      const diff = reference ? r.hedgedCost - reference.hedgedCost : 0;
      const mark = reference ? pctOf(sign * diff, sign * reference.hedgedCost) : "";
      return `${fmtCompactMoney(sign * r.hedgedCost)} ${colour ? (diff > 0 ? chalk.red(mark) : diff < 0 ? chalk.green(mark) : mark) : mark}`;
    }),
  ]);
  const withBudget = results.some((r) => r.budget !== null);
  const title = withBudget
    ? "hedged cost against budget (price shock × volume case; OVER = above budget, % of budget)"
    : `hedged ${sign < 0 ? "revenue" : "cost"} (price shock × volume case; % against the 0% ${reference ? caseLabel(reference.volumeCase) : ""} scenario)`;
  return `${title}\n` + renderTable({ head: ["price shock", ...cases.map(caseLabel)], rows, colour });
}

function monthTable(months: ScenarioMonth[], colour: boolean, sign: 1 | -1 = 1): string {
  const withBudget = months.some((m) => m.vsBudget !== null);
  const [u, h] = sign < 0 ? ["unhedged revenue", "hedged revenue"] : ["unhedged cost", "hedged cost"];
  return renderTable({
    head: [
      "month",
      "shock",
      "settlement",
      "tokens",
      u,
      "futures P&L",
      h,
      "USD/Mtok",
      ...(withBudget ? ["vs budget"] : []),
      "over-hedged",
    ],
    rows: months.map((m) => [
      m.month,
      fmtSignedPct(m.priceShock, 1),
      fmtPrice(m.settlementPrice),
      fmtInt(m.tokens),
      fmtMoney(sign * m.unhedgedCost),
      fmtMoney(m.futuresPnl),
      fmtMoney(sign * m.hedgedCost),
      fmtPrice(flip(m.effectivePrice, sign)),
      ...(withBudget ? [m.vsBudget === null ? "–" : fmtMoney(m.vsBudget)] : []),
      fmtInt(m.overHedgedTokens),
    ]),
    colour,
  });
}

function marginTable(s: ScenarioOutcome, colour: boolean): string {
  if (!s.margin || s.margin.flows.length === 0) return "";
  return renderTable({
    head: ["month end", "margin flow", "cumulative"],
    rows: s.margin.flows.map((f) => [f.date, fmtMoney(f.flow), fmtMoney(f.cumulative)]),
    colour,
  });
}

export function scenariosHuman(
  plan: HedgePlan,
  results: ScenarioResult[],
  colour: boolean,
  extras: ScenarioExtras = {},
  showMonths = false,
): string {
  const twists = extras.twists ?? [];
  const all: ScenarioOutcome[] = [...results, ...twists];
  const withBudget = all.some((s) => s.budget !== null);
  const withMargin = all.some((s) => s.margin !== null);
  const sign = shownSign(extras.side);
  const head = sign < 0 ? SELLER_HEAD : OUTCOME_HEAD;
  const extraHead = [
    ...(withBudget ? ["vs budget"] : []),
    ...(withMargin ? ["peak margin out"] : []),
    ...(extras.company ? [sign < 0 ? "index revenue" : "index cost"] : []),
  ];
  const table = renderTable({
    head: ["volume", "price shock", ...head, ...extraHead],
    rows: results.map((s) => [
      caseLabel(s.volumeCase),
      fmtSignedPct(s.priceShock),
      ...outcomeCells(s, withBudget, withMargin, sign),
    ]),
    colour,
  });
  const first = plan.months[0]?.month ?? "–";
  const last = plan.months[plan.months.length - 1]?.month ?? "–";
  let out =
    `P&L scenarios over ${first} … ${last} (${plan.months.length} months, ${fmtInt(plan.totals.contracts)} contracts ${sign < 0 ? "short" : "long"}):\n` +
    (sign < 0
      ? "side short: a seller's forecast sale hedged with short futures; revenue = tokens × price, hedged revenue = revenue + futures P&L (Hull: S₂ + F₁ − F₂ received)\n"
      : "") +
    `price shock = settlement vs the futures curve; volume = every month at that quantile of its forecast (×m = m × the forecast mean)\n` +
    companyLine(extras.company, extras.side) +
    (extras.budget
      ? `budget: ${describeBudget(extras.budget)}; vs budget = hedged cost − budget (positive = over)\n`
      : "") +
    table;
  if (twists.length > 0) {
    const amount = twists[0]!.twistAmount;
    out +=
      `\ncurve twists by ${fmtSignedPct(amount)}: ${twistDefinition(amount)}\n` +
      renderTable({
        head: ["volume", "twist", ...head, ...extraHead],
        rows: twists.map((t) => [caseLabel(t.volumeCase), t.twist, ...outcomeCells(t, withBudget, withMargin, sign)]),
        colour,
      });
  }
  if (results.length > 0) out += `\n${heatMap(results, colour, extras.side)}`;
  if (withMargin) {
    const worst = all.reduce((w, s) => ((s.margin?.peakOutflow ?? 0) > (w.margin?.peakOutflow ?? 0) ? s : w), all[0]!);
    const name =
      "priceShock" in worst
        ? `${fmtSignedPct((worst as ScenarioResult).priceShock)} shock`
        : `${(worst as TwistResult).twist} twist`;
    out +=
      `\nvariation margin from ${extras.asOf}: ${MARGIN_PATH_ASSUMPTION}.\n` +
      `largest peak outflow ${fmtMoney(worst.margin?.peakOutflow ?? 0)}${worst.margin?.peakDate ? ` on ${worst.margin.peakDate}` : ""} (${name}; margin does not depend on volume), ` +
      `on top of initial margin ${fmtMoney(plan.totals.initialMargin)}\n`;
  }
  if (showMonths) {
    for (const s of results) {
      out += `\n${fmtSignedPct(s.priceShock)} shock, ${caseLabel(s.volumeCase)} volume, per month:\n${monthTable(s.months, colour, sign)}${marginTable(s, colour)}`;
    }
    for (const t of twists) {
      out += `\n${t.twist} twist ${fmtSignedPct(t.twistAmount)}, ${caseLabel(t.volumeCase)} volume, per month:\n${monthTable(t.months, colour, sign)}${marginTable(t, colour)}`;
    }
  }
  return out;
}

/** Which price the costs are at and how it follows the index, in words. */
export function companyLine(p: CompanyPricing | undefined, side?: HedgeSide): string {
  if (!p)
    return "costs at the index price (the usage file has no cost; give --prices FILE for the company's own price)\n";
  const b = p.basis;
  const basis =
    b.method === "sticky"
      ? "sticky (the company's price ignores the index: futures hedge none of it)"
      : b.method === "index"
        ? `index (the company ${side === "short" ? "receives" : "pays"} the index)`
        : `regression on changes, β ${b.beta.toFixed(3)}, R² ${b.rSquared?.toFixed(2) ?? "–"}, σ(ε) ${b.sigma.toFixed(4)}/Mtok over ${b.observations} changes`;
  if (side === "short")
    return `unhedged revenue = the tokens at the company's price, ${p.sourceDetail}; index revenue beside it; basis: ${basis}\n`;
  return `unhedged cost = the company's cost at ${p.sourceDetail}; index cost beside it; basis: ${basis}\n`;
}
