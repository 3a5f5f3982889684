/**
 * The config's thresholds as rules (`tokenhedge check`): each rule has a value, a limit and a verdict,
 * so a CI job can fail a build on a breach and a reader can see by how much. Pure: the plan, the
 * simulated figures and the data-quality facts are passed in.
 */
import type { HedgePlan } from "../hedge/plan.js";
import { roundToLot } from "../hedge/contracts.js";
import { Dec } from "../money/decimal.js";
import type { HedgePolicy } from "../hedge/policy.js";
import { dayToEpochDays } from "../time/period.js";
import type { Thresholds } from "./schema.js";
import {
  REGRESSION_SIGNIFICANCE,
  REGRESSION_SLOPE_LOWER,
  REGRESSION_SLOPE_UPPER,
} from "../effectiveness/regression-test.js";

/** ratio and probability are shown as percentages; number as a plain decimal (R²). */
export type RuleUnit = "USD" | "ratio" | "probability" | "days" | "number";

export interface RuleResult {
  /** Stable id for scripts: `maxCostAtRisk`, `hedgeRatioBand`, `maxOverHedgeProbability`, `minEffectiveness.rSquared`, … */
  rule: string;
  /** What the value is about, e.g. `2026-12 (tenor 1)`; empty for a whole-plan rule. */
  subject: string;
  value: number | null;
  /** The limit as numbers: the value must be ≥ min and ≤ max (either may be absent). */
  min?: number;
  max?: number;
  /** The limit as a reader checks it: `≤ $600,000.00`, `70% – 90%`, `≥ 0.80`. */
  limit: string;
  unit: RuleUnit;
  /** null: not evaluated (the reason is in `note`); not evaluated is not a breach. */
  pass: boolean | null;
  note?: string;
  /** hedgeRatioBand: passes only as whole contracts (the policy's rounding and lot of a ratio inside the band). */
  withinRounding?: true;
}

/** Values within this distance of a limit count as on it (0.8 computed as 0.7999999999999999 must pass). */
const EPS = 1e-12;

const pct = (x: number): string => `${Number((x * 100).toFixed(2))}%`;

/** The limit in the rule's unit, for people. */
export function limitText(unit: RuleUnit, min?: number, max?: number): string {
  const f = (x: number): string =>
    unit === "ratio" || unit === "probability" ? pct(x) : unit === "USD" ? `$${x.toLocaleString("en-US")}` : String(x);
  if (min !== undefined && max !== undefined) return `${f(min)} – ${f(max)}`;
  if (max !== undefined) return `≤ ${f(max)}`;
  if (min !== undefined) return `≥ ${f(min)}`;
  return "";
}

export function atMost(value: number, limit: number): boolean {
  return value <= limit + EPS;
}

export function atLeast(value: number, limit: number): boolean {
  return value >= limit - EPS;
}

export interface Band {
  fromMonth: number;
  toMonth: number;
  min: number;
  max: number;
  /** The policy's own band (`hedgeRatioBands: policy`): whole contracts by the policy's rounding also honour it. */
  byPolicy?: true;
}

/** The bands to test: the config's own list, or the policy ladder's min/max (`hedgeRatioBands: policy`). */
export function bandsFor(setting: Thresholds["hedgeRatioBands"], policy: HedgePolicy): Band[] {
  if (setting === undefined) return [];
  if (setting !== "policy")
    return setting.map((b) => ({ fromMonth: b.fromMonth, toMonth: b.toMonth, min: b.min, max: b.max }));
  return policy.ladder.map((r) => ({
    fromMonth: r.fromMonth,
    toMonth: r.toMonth,
    min: r.min ?? r.ratio,
    max: r.max ?? r.ratio,
    byPolicy: true,
  }));
}

/**
 * The contract counts a policy band allows: its min and max sized as the plan sizes a ratio (× exposure, × the tail
 * factor when tailed, ÷ contract size) and rounded by the plan's own rule and lot. A band without min and max is the
 * rung's single ratio; rounding down can only reach it from below, so the ratio test alone would fail every month.
 */
function policyContracts(plan: HedgePlan, m: HedgePlan["months"][number], band: Band): { lo: number; hi: number } {
  const count = (ratio: number): number =>
    roundToLot(
      new Dec(ratio)
        .times(m.exposureUnits)
        .times(m.tailFactor ?? 1)
        .div(plan.contract.contractSize),
      plan.rounding,
      plan.lot,
    );
  return { lo: count(band.min), hi: count(band.max) };
}

/**
 * One rule per delivery month: the achieved ratio (hedged tokens / forecast tokens, after rounding to
 * whole contracts) must lie within the band of its tenor. A policy band also passes when the month's contracts are
 * what the policy's rounding and lot make of a ratio inside the band (noted): whole contracts cannot do better.
 * Months outside every band are not tested.
 */
export function hedgeRatioBandRules(plan: HedgePlan, bands: readonly Band[]): RuleResult[] {
  const out: RuleResult[] = [];
  for (const m of plan.months) {
    const band = bands.find((b) => m.tenor >= b.fromMonth && m.tenor <= b.toMonth);
    if (!band) continue;
    const inside = atLeast(m.achievedRatio, band.min) && atMost(m.achievedRatio, band.max);
    const lots = !inside && band.byPolicy ? policyContracts(plan, m, band) : undefined;
    const byRounding = lots !== undefined && m.contracts >= lots.lo && m.contracts <= lots.hi;
    out.push({
      rule: "hedgeRatioBand",
      subject: `${m.month} (tenor ${m.tenor})`,
      value: m.achievedRatio,
      min: band.min,
      max: band.max,
      limit: limitText("ratio", band.min, band.max),
      unit: "ratio",
      pass: inside || byRounding,
      ...(byRounding
        ? {
            withinRounding: true,
            note: `${m.contracts} contract(s) are the policy's rounding (${plan.rounding}, lot ${plan.lot}) of ${
              band.min === band.max ? pct(band.min) : `${pct(band.min)} – ${pct(band.max)}`
            }: whole contracts reach no closer`,
          }
        : {}),
    });
  }
  return out;
}

export interface OverHedgeEstimate {
  /** Largest over delivery months of P(realised tokens < hedged tokens). */
  probability: number;
  month: string | null;
  byMonth: { month: string; probability: number }[];
}

/**
 * Over-hedge probability per delivery month from simulated volume paths (docs/METHODOLOGY.md: a hedge above
 * the volume that materialises is partly speculative): the share of paths whose volume for the month
 * falls below the tokens the plan hedges. `paths[j][i]` is path j's volume in `months[i]`.
 */
export function overHedgeProbability(
  plan: HedgePlan,
  months: readonly string[],
  paths: readonly ArrayLike<number>[],
): OverHedgeEstimate {
  const index = new Map(months.map((m, i) => [m, i]));
  const byMonth: { month: string; probability: number }[] = [];
  for (const m of plan.months) {
    const i = index.get(m.month);
    if (i === undefined || paths.length === 0) continue;
    let below = 0;
    for (const p of paths) if ((p[i] ?? 0) < m.hedgedTokens) below++;
    byMonth.push({ month: m.month, probability: below / paths.length });
  }
  let worst: { month: string; probability: number } | null = null;
  for (const b of byMonth) if (!worst || b.probability > worst.probability) worst = b;
  return { probability: worst?.probability ?? 0, month: worst?.month ?? null, byMonth };
}

export function overHedgeRule(estimate: OverHedgeEstimate, max: number, paths: number): RuleResult {
  return {
    rule: "maxOverHedgeProbability",
    subject: estimate.month ? `worst month ${estimate.month}` : "",
    value: estimate.probability,
    max,
    limit: limitText("probability", undefined, max),
    unit: "probability",
    pass: atMost(estimate.probability, max),
    note: `share of ${paths} simulated volume paths below the hedged tokens, worst delivery month`,
  };
}

export function costAtRiskRule(costAtRisk: number | null, max: number, note: string): RuleResult {
  return {
    rule: "maxCostAtRisk",
    subject: "hedged cost over the horizon",
    value: costAtRisk,
    max,
    limit: limitText("USD", undefined, max),
    unit: "USD",
    pass: costAtRisk === null ? null : atMost(costAtRisk, max),
    note,
  };
}

export function missingDaysRule(missingDays: readonly string[], max: number): RuleResult {
  const shown = missingDays.slice(0, 5).join(", ") + (missingDays.length > 5 ? ", …" : "");
  return {
    rule: "maxMissingDays",
    subject: "usage file",
    value: missingDays.length,
    max,
    limit: limitText("days", undefined, max),
    unit: "days",
    pass: missingDays.length <= max,
    ...(missingDays.length > 0 ? { note: `days with no usage rows: ${shown}` } : {}),
  };
}

/** The R² at which `basisRSquared` is evaluated by default for a GPU-hour cross hedge. */
export const DEFAULT_MIN_BASIS_R_SQUARED = 0.8;

/**
 * How much of the company's price the index explains: R² of the basis regression on changes (src/company/basis.ts).
 * A sticky price scores 0 (the index explains none of it), a company paying the index 1. A plan without contracts
 * hedges nothing, so the rule is not evaluated.
 */
export function basisRule(
  basis: { method: string; rSquared: number | null; beta: number; observations: number } | null,
  min: number,
  contracts: number,
  subject: string,
): RuleResult {
  const base = { rule: "basisRSquared", subject, min, limit: limitText("number", min), unit: "number" as const };
  if (contracts === 0) return { ...base, value: null, pass: null, note: "the plan holds no contracts" };
  if (!basis)
    return {
      ...base,
      value: null,
      pass: null,
      note: "no company price (the usage has no cost and no --prices): the exposure is valued at the index",
    };
  if (basis.method === "index")
    return { ...base, value: 1, pass: true, note: "basis index: the company pays the index" };
  if (basis.method === "sticky") {
    return {
      ...base,
      value: 0,
      pass: false,
      note: "basis sticky: the company's price ignores the index, so the futures hedge none of its cost (give company.history or --history for a regression basis)",
    };
  }
  const r2 = basis.rSquared;
  return {
    ...base,
    value: r2,
    pass: r2 === null ? false : atLeast(r2, min),
    note: `ΔS = β·ΔF + ε on ${basis.observations} changes, β ${basis.beta.toFixed(3)}${r2 !== null && r2 < min ? ": the index explains too little of the company's price for a highly effective hedge" : ""}`,
  };
}

/** Days from the last usage day to the as-of date (0 when the data runs past it). */
export function staleDays(lastDay: string, asOf: string): number {
  return Math.max(0, dayToEpochDays(asOf) - dayToEpochDays(lastDay));
}

export function staleDataRule(lastDay: string, asOf: string, max: number): RuleResult {
  const days = staleDays(lastDay, asOf);
  return {
    rule: "maxStaleDays",
    subject: "usage file",
    value: days,
    max,
    limit: limitText("days", undefined, max),
    unit: "days",
    pass: days <= max,
    note: `last usage day ${lastDay}, as of ${asOf}`,
  };
}

export interface EffectivenessFigures {
  dollarOffset: {
    cumulative: number | null;
    pass: boolean;
    byPeriod?: readonly { period: string; cumulativePass: boolean }[];
  };
  regression: { rSquared: number; slope?: number; pValue?: number; pass: boolean } | null;
}

export function effectivenessRules(
  e: EffectivenessFigures,
  min: NonNullable<Thresholds["minEffectiveness"]>,
  history: string,
): RuleResult[] {
  const out: RuleResult[] = [];
  if (min.rSquared !== undefined) {
    const r2 = e.regression?.rSquared ?? null;
    out.push({
      rule: "minEffectiveness.rSquared",
      subject: history,
      value: r2,
      min: min.rSquared,
      limit: limitText("number", min.rSquared),
      unit: "number",
      pass: r2 === null ? false : atLeast(r2, min.rSquared),
      ...(r2 === null ? { note: "the regression could not be run on this history" } : {}),
    });
    // R² alone does not make the regression test: the slope must offset (−1.25 … −0.8) and be significant.
    const reg = e.regression;
    if (reg?.slope !== undefined) {
      out.push({
        rule: "minEffectiveness.slope",
        subject: history,
        value: reg.slope,
        min: REGRESSION_SLOPE_LOWER,
        max: REGRESSION_SLOPE_UPPER,
        limit: limitText("number", REGRESSION_SLOPE_LOWER, REGRESSION_SLOPE_UPPER),
        unit: "number",
        pass: atLeast(reg.slope, REGRESSION_SLOPE_LOWER) && atMost(reg.slope, REGRESSION_SLOPE_UPPER),
        note: "slope of the regression of the hedge's value changes on the hedged item's",
      });
    }
    if (reg?.pValue !== undefined) {
      out.push({
        rule: "minEffectiveness.pValue",
        subject: history,
        value: reg.pValue,
        max: REGRESSION_SIGNIFICANCE,
        limit: `< ${REGRESSION_SIGNIFICANCE}`,
        unit: "number",
        pass: reg.pValue < REGRESSION_SIGNIFICANCE,
        note: "p-value of the slope's F test",
      });
    }
  }
  if (min.dollarOffset === true) {
    out.push({
      rule: "minEffectiveness.dollarOffset",
      subject: history,
      value: e.dollarOffset.cumulative,
      min: 0.8,
      max: 1.25,
      limit: limitText("ratio", 0.8, 1.25),
      unit: "ratio",
      pass: e.dollarOffset.pass,
      note: "cumulative dollar-offset ratio −ΣΔhedge/ΣΔitem",
    });
  }
  if (min.dollarOffsetEveryPeriod === true && e.dollarOffset.byPeriod) {
    // The test is made at every assessment date: an interim failure counts even when the last period passes.
    const failed = e.dollarOffset.byPeriod.filter((p) => !p.cumulativePass).map((p) => p.period);
    out.push({
      rule: "minEffectiveness.dollarOffsetEveryPeriod",
      subject: history,
      value: failed.length,
      max: 0,
      limit: limitText("number", undefined, 0),
      unit: "number",
      pass: failed.length === 0,
      note:
        failed.length === 0
          ? "cumulative ratio within 80–125% at every period"
          : `cumulative ratio outside 80–125% in ${failed.join(", ")}`,
    });
  }
  return out;
}

export interface CheckSummary {
  rules: RuleResult[];
  breaches: number;
  notEvaluated: number;
  pass: boolean;
}

export function summarise(rules: RuleResult[]): CheckSummary {
  const breaches = rules.filter((r) => r.pass === false).length;
  return { rules, breaches, notEvaluated: rules.filter((r) => r.pass === null).length, pass: breaches === 0 };
}
