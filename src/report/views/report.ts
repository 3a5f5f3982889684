/**
 * The monthly report (`tokenhedge report`): one model built from every stage's result, rendered as
 * JSON (the canonical document), Markdown, self-contained HTML with inline SVG charts, and CSV tables.
 * Pure: the command reads the files, hashes them and runs the stages; this file only arranges results.
 */
import type { CompanyPricing } from "../../company/pricing.js";
import type { PlanAnswer } from "../../pipeline/plan-answer.js";
import { planAnswerDocument } from "./plan-answer.js";
import { quantileLowerSorted } from "../../stats/quantile.js";
import type { CurvePoint } from "../../curve/parse-curve.js";
import type { ExposureForecast } from "../../hedge/exposure.js";
import type { HedgePlan } from "../../hedge/plan.js";
import type { ScenarioResult, TwistResult } from "../../scenarios/grid.js";
import { riskFigures, tailRisk, type RiskFigures } from "../../scenarios/risk.js";
import type { EffectivenessResult } from "../../effectiveness/index.js";
import type { CheckSummary } from "../../config/rules.js";
import { addMonths } from "../../time/period.js";
import { niceNumber } from "../svg/scale.js";
import type { EffectivenessInputInfo } from "./effectiveness.js";
import { designationMemo, type DesignationMemo } from "./report-memo.js";
import { renderCsv } from "../render/csv.js";
import { planCsv } from "./plan.js";
import { scenarioCostFields, scenariosCsv } from "./scenarios.js";
import { checkCsv } from "./check.js";
import { planMonthsWithBook, type BookSection } from "../../book/section.js";
import type { LiquiditySection } from "../../book/liquidity.js";
import type { RollSection } from "../../book/roll-section.js";
import type { PlanDiff } from "../../book/diff.js";
import { bookDocument } from "./book.js";
import { effectivenessCsv } from "./effectiveness.js";
import { forecastNotes, type ForecastNotes } from "./forecast-notes.js";

export type { ReportInput, ReportInputFile, ReportParameter, ReportSimulationInput } from "./report-input.js";
import type { ReportAudit, ReportInput } from "./report-input.js";
import type { PlanSource } from "../../pipeline/saved-plan-stage.js";

/** Round modelled floats for output: stable digits, no float noise in the document. */
export const r2 = (n: number): number => Math.round(n * 100) / 100;
export const r6 = (n: number): number => Number(n.toFixed(6));
export const rInt = (n: number): number => Math.round(n);

export interface UsageRow {
  month: string;
  actual: number | null;
  mean: number | null;
  lo80: number | null;
  hi80: number | null;
  lo95: number | null;
  hi95: number | null;
}

export interface DistributionBin {
  from: number;
  to: number;
  /** Share of paths in the bin (the first and last bins also hold everything beyond them). */
  unhedged: number;
  hedged: number;
}

/** The report's risk rows: the simulation's risk figures rounded to cents. */
export type RiskRow = RiskFigures;

/** The book's part of the report: P&L, trades to target, liquidity, rolls and the month-on-month comparison. */
export interface ReportHedgeBook {
  book: BookSection | null;
  liquidity: LiquiditySection;
  rolls: RollSection | null;
  /** Against the previous report (--previous DIR); null without one. */
  monthOnMonth: PlanDiff | null;
}

export interface ReportModel {
  title: string;
  /** Where the plan came from when it was read from a saved plan (`report --plan FILE`); absent when planned in this run. */
  planSource?: PlanSource;
  entity: string | null;
  asOf: string;
  summary: {
    horizon: { from: string | null; to: string | null; months: number };
    contracts: number;
    hedgedTokens: number;
    forecastTokens: number;
    achievedRatio: number;
    lockedInCost: number;
    averageLockedInPrice: number | null;
    initialMargin: number;
    expectedUnhedgedCost: number | null;
    expectedHedgedCost: number | null;
    costAtRisk: number | null;
    costAtRiskConfidence: number | null;
    budget: number | null;
    probabilityOverBudget: number | null;
    checkPass: boolean | null;
    breaches: number | null;
  };
  usage: {
    model: string;
    rows: UsageRow[];
    firstDay: string;
    lastDay: string;
    missingDays: string[];
    totalTokens: number | bigint;
    forecastNotes: ForecastNotes;
  };
  curve: { file: string; shape: string; reading: string; points: CurvePoint[] };
  plan: HedgePlan;
  scenarios: ScenarioResult[];
  twists: TwistResult[];
  simulation: {
    paths: number;
    seed: number;
    volatility: number;
    volatilitySource: string;
    corr: number;
    confidence: number;
    /** P(confidence) − mean of the hedged cost, and of the unhedged cost. */
    costAtRisk: number;
    unhedgedCostAtRisk: number;
    unhedged: RiskRow;
    hedged: RiskRow;
    varianceReduction: number | null;
    probabilityOverBudget: number | null;
    probabilityOverHedge: number;
    distribution: DistributionBin[];
  } | null;
  check: CheckSummary | null;
  effectiveness: { input: EffectivenessInputInfo; result: EffectivenessResult } | null;
  memo: DesignationMemo;
  audit: ReportAudit;
  warnings: string[];
  hedgeBook?: ReportHedgeBook;
  /** The plan's answer in the company's money (src/pipeline/plan-answer.ts) and the pricing it stands on. */
  company?: { answer: PlanAnswer; pricing: CompanyPricing | null };
}

function usageRows(e: ExposureForecast): UsageRow[] {
  const rows: UsageRow[] = e.history.months.map((m, i) => ({
    month: m,
    actual: rInt(e.history.values[i]!),
    mean: null,
    lo80: null,
    hi80: null,
    lo95: null,
    hi95: null,
  }));
  const last = e.history.months[e.history.months.length - 1]!;
  e.forecast.points.forEach((p, i) => {
    rows.push({
      month: addMonths(last, i + 1),
      actual: null,
      mean: rInt(p.mean),
      lo80: rInt(p.lo80),
      hi80: rInt(p.hi80),
      lo95: rInt(p.lo95),
      hi95: rInt(p.hi95),
    });
  });
  return rows;
}

/** Risk figures recomputed from the samples by a plain sort (risk.ts), so every figure of the report comes from the same draws. */
function riskRow(samples: Float64Array): RiskRow {
  const f: RiskFigures = riskFigures(samples);
  return {
    mean: r2(f.mean),
    sd: r2(f.sd),
    p5: r2(f.p5),
    p50: r2(f.p50),
    p95: r2(f.p95),
    p99: r2(f.p99),
    costAtRisk95: r2(f.costAtRisk95),
    cvar95: r2(f.cvar95),
  };
}

/**
 * Histogram of the hedged and unhedged total cost on common bins: nice bin edges spanning the 0.5%
 * to 99.5% quantiles of both samples; the outer bins also count the tails beyond them.
 */
export function costDistribution(unhedged: ArrayLike<number>, hedged: ArrayLike<number>, bins = 14): DistributionBin[] {
  const su = Float64Array.from(unhedged).sort();
  const sh = Float64Array.from(hedged).sort();
  if (su.length === 0 || sh.length === 0) return [];
  const lo = Math.min(quantileLowerSorted(su, 0.005), quantileLowerSorted(sh, 0.005));
  const hi = Math.max(quantileLowerSorted(su, 0.995), quantileLowerSorted(sh, 0.995));
  // Bin width: a nice number near (hi − lo)/bins (Heckbert's rounding, scale.ts); edges on its multiples.
  const step = niceNumber(Math.max(hi - lo, 1e-9) / bins, true);
  const first = Math.floor(lo / step);
  const edges: number[] = [];
  for (let k = first; edges.length < 2 || edges[edges.length - 1]! < hi; k++)
    edges.push(Number((k * step).toPrecision(12)));
  const count = (s: Float64Array): number[] => {
    const counts = new Array<number>(edges.length - 1).fill(0);
    for (const v of s) {
      let k = 0;
      while (k < counts.length - 1 && v >= edges[k + 1]!) k++;
      counts[k]! += 1;
    }
    return counts.map((c) => r6(c / s.length));
  };
  const cu = count(su);
  const ch = count(sh);
  return edges.slice(0, -1).map((from, k) => ({ from, to: edges[k + 1]!, unhedged: cu[k]!, hedged: ch[k]! }));
}

export function buildReport(i: ReportInput): ReportModel {
  const t = i.plan.totals;
  const sim = i.simulation;
  const simulation = sim
    ? {
        paths: sim.result.paths,
        seed: sim.result.seed,
        volatility: sim.volatility,
        volatilitySource: sim.volatilitySource,
        corr: sim.result.corr,
        confidence: sim.confidence,
        costAtRisk: r2(sim.costAtRisk),
        unhedgedCostAtRisk: r2(tailRisk(sim.result.samples.unhedged, sim.confidence).costAtRisk),
        unhedged: riskRow(sim.result.samples.unhedged),
        hedged: riskRow(sim.result.samples.hedged),
        varianceReduction: sim.result.varianceReduction === null ? null : r6(sim.result.varianceReduction),
        probabilityOverBudget: sim.result.probOverBudget === null ? null : r6(sim.result.probOverBudget),
        probabilityOverHedge: r6(sim.result.probOverHedge),
        distribution: costDistribution(sim.result.samples.unhedged, sim.result.samples.hedged),
      }
    : null;
  return {
    title: i.title,
    entity: i.entity,
    asOf: i.asOf,
    summary: {
      horizon: {
        from: i.plan.months[0]?.month ?? null,
        to: i.plan.months[i.plan.months.length - 1]?.month ?? null,
        months: i.plan.months.length,
      },
      contracts: t.contracts,
      hedgedTokens: t.hedgedTokens,
      forecastTokens: t.forecastTokens,
      achievedRatio: r6(t.achievedRatio),
      lockedInCost: t.lockedInCost,
      averageLockedInPrice: t.averageLockedInPrice,
      initialMargin: t.initialMargin,
      expectedUnhedgedCost: simulation ? simulation.unhedged.mean : null,
      expectedHedgedCost: simulation ? simulation.hedged.mean : null,
      costAtRisk: simulation ? simulation.costAtRisk : null,
      costAtRiskConfidence: simulation ? simulation.confidence : null,
      budget: i.budget,
      probabilityOverBudget: simulation ? simulation.probabilityOverBudget : null,
      checkPass: i.check ? i.check.pass : null,
      breaches: i.check ? i.check.breaches : null,
    },
    usage: {
      model: i.exposure.forecast.model,
      rows: usageRows(i.exposure),
      firstDay: i.series.firstDay,
      lastDay: i.series.lastDay,
      missingDays: i.series.missingDays,
      totalTokens: i.series.totalTokens,
      forecastNotes: forecastNotes(i.exposure.forecast),
    },
    curve: {
      file: i.curve.file,
      shape: i.curve.analysis.shape,
      reading: i.curve.analysis.reading,
      points: i.curve.points,
    },
    plan: i.plan,
    scenarios: i.scenarios,
    twists: i.twists,
    simulation,
    check: i.check,
    effectiveness: i.effectiveness,
    memo: designationMemo(i),
    audit: {
      toolVersion: i.toolVersion,
      asOf: i.asOf,
      seed: i.seed,
      configFile: i.configFile,
      inputs: i.inputs,
      parameters: i.parameters,
    },
    warnings: i.warnings,
  };
}

/** The canonical JSON document of the report (report.json). */
export function reportDocument(m: ReportModel): Record<string, unknown> {
  return {
    command: "report",
    title: m.title,
    entity: m.entity,
    asOf: m.asOf,
    summary: m.summary,
    usage: m.usage,
    curve: m.curve,
    ...(m.planSource ? { planSource: m.planSource } : {}),
    plan: {
      contract: m.plan.contract,
      method: m.plan.method,
      rounding: m.plan.rounding,
      volumeCap: m.plan.volumeCap,
      months: m.hedgeBook?.book ? planMonthsWithBook(m.plan.months, m.hedgeBook.book) : m.plan.months,
      totals: m.plan.totals,
    },
    scenarios: m.scenarios.map((s) => ({ priceShock: s.priceShock, ...scenarioCostFields(s) })),
    twists: m.twists.map((t) => ({ twist: t.twist, twistAmount: t.twistAmount, ...scenarioCostFields(t) })),
    simulation: m.simulation,
    check: m.check
      ? { pass: m.check.pass, breaches: m.check.breaches, notEvaluated: m.check.notEvaluated, rules: m.check.rules }
      : null,
    effectiveness: m.effectiveness
      ? {
          input: m.effectiveness.input,
          dollarOffset: {
            cumulative: m.effectiveness.result.dollarOffset.cumulative,
            pass: m.effectiveness.result.dollarOffset.pass,
          },
          regression: m.effectiveness.result.regression,
          reserve: m.effectiveness.result.reserve,
          ineffectiveness: m.effectiveness.result.ineffectiveness,
        }
      : null,
    ...(m.hedgeBook
      ? {
          book: m.hedgeBook.book
            ? {
                ...bookDocument(m.hedgeBook.book),
                trades: m.hedgeBook.book.deskTrades,
                months: m.hedgeBook.book.months,
                marks: m.hedgeBook.book.mark.months,
              }
            : null,
          liquidity: m.hedgeBook.liquidity,
          rolls: m.hedgeBook.rolls,
          monthOnMonth: m.hedgeBook.monthOnMonth,
        }
      : {}),
    ...(m.company ? { company: planAnswerDocument(m.company.answer, m.company.pricing) } : {}),
    designationMemo: m.memo,
    audit: m.audit,
    warnings: m.warnings,
  };
}

/** The CSV tables written beside the report, by file name (text cells guarded by renderCsv). */
export function reportCsvFiles(m: ReportModel): Record<string, string> {
  const files: Record<string, string> = {
    "forecast.csv": renderCsv(
      ["month", "actual", "mean", "lo80", "hi80", "lo95", "hi95"],
      m.usage.rows.map((r) => [r.month, r.actual, r.mean, r.lo80, r.hi80, r.lo95, r.hi95]),
    ),
    "curve.csv": renderCsv(
      ["month", "price"],
      m.curve.points.map((p) => [p.month, p.price]),
    ),
    "plan.csv": planCsv(m.plan),
    "scenarios.csv": scenariosCsv(m.scenarios, m.twists),
    "inputs.csv": renderCsv(
      ["role", "path", "sha256", "bytes"],
      m.audit.inputs.map((f) => [f.role, f.path, f.sha256, f.bytes]),
    ),
  };
  if (m.simulation) {
    // The first and last bins are open (they hold the tails beyond them): no bound there, as report.md shows.
    const bins = m.simulation.distribution;
    files["cost-distribution.csv"] = renderCsv(
      ["from", "to", "unhedged", "hedged"],
      bins.map((b, i) => [i === 0 ? null : b.from, i === bins.length - 1 ? null : b.to, b.unhedged, b.hedged]),
    );
  }
  if (m.check) files["check.csv"] = checkCsv(m.check);
  if (m.effectiveness) files["effectiveness.csv"] = effectivenessCsv(m.effectiveness.result);
  return files;
}
