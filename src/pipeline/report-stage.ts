/**
 * The report stage (`tokenhedge report`): the plan stage, its Monte Carlo, the checks, the effectiveness
 * tests and the scenario grid → the report model → the text of every report file. Pure: the shell hashes
 * the inputs, reads the effectiveness history and writes the files.
 */
import { planAnswer } from "./plan-answer.js";
import { describeSource, type HedgeConfig, type ResolvedConfig } from "../config/index.js";
import { analyseCurve } from "../curve/shape.js";
import { toJson } from "../report/json.js";
import { reportHtml } from "../report/html/report.js";
import { CHART_FILES, reportMarkdown } from "../report/markdown/report.js";
import { contractsChart, curveChart, distributionChart, scenarioChart, usageChart } from "../report/svg/charts.js";
import { configEntries } from "../report/views/config.js";
import { reportWorkbook } from "../report/views/report-workbook.js";
import { excelCsv } from "../report/render/excel-csv.js";
import {
  buildReport,
  reportCsvFiles,
  reportDocument,
  type ReportInputFile,
  type ReportModel,
} from "../report/views/report.js";
import { DEFAULT_PRICE_SHOCKS, DEFAULT_VOLUME_CASES, scenarioGrid, twistGrid } from "../scenarios/grid.js";
import { DEFAULT_TWIST } from "../scenarios/defaults.js";
import { configRiskInputs, evaluateChecks, simulateForChecks } from "./check-stage.js";
import { riskVolatility } from "./risk-volatility.js";
import type { EffectivenessRun } from "./effectiveness-stage.js";
import { forecastOrigin, type PlanStage } from "./plan-stage.js";
import { liquidityStage } from "./liquidity-stage.js";
import { diffPlans } from "../book/diff.js";
import type { Framework } from "../effectiveness/relationship.js";

/** Tokens the book holds per delivery month after its trades (for the memo's de-designation test). */
function bookHedgedTokens(stage: PlanStage): Map<string, number> {
  const size = stage.plan.contract.contractSize * (stage.plan.contract.tokensPerGpuHour ?? 1);
  return new Map(
    stage.position
      .book!.mark.months.filter((m) => m.status === "open")
      .map((m) => [m.month, Math.abs(m.netContracts) * size]),
  );
}

/** Every input file a report reads, with its role, for the audit block (the shell hashes the bytes). */
export function reportInputFiles(cfg: HedgeConfig): { role: string; path: string }[] {
  const files: { role: string; path: string }[] = [];
  if (cfg.configFile) files.push({ role: "config", path: cfg.configFile });
  for (const path of cfg.usage.files) files.push({ role: "usage", path });
  files.push({ role: "curve", path: cfg.curve });
  if (typeof cfg.contract === "string") files.push({ role: "contract", path: cfg.contract });
  if (typeof cfg.policy === "string") files.push({ role: "policy", path: cfg.policy });
  if (cfg.effectiveness) files.push({ role: "effectiveness history", path: cfg.effectiveness.history });
  if (cfg.book) files.push({ role: "hedge book", path: cfg.book });
  if (cfg.settlements) files.push({ role: "settlements", path: cfg.settlements });
  if (cfg.events) files.push({ role: "events", path: cfg.events });
  if (cfg.volumePlan) files.push({ role: "volume plan", path: cfg.volumePlan });
  return files;
}

/** The resolved settings with their sources, for the report's parameter table (inline documents shortened). */
export function reportParameters(resolved: ResolvedConfig): { key: string; value: unknown; source: string }[] {
  return configEntries(resolved).map((e) => ({
    key: e.key,
    value:
      (e.key === "contract" || e.key === "policy") && typeof e.value === "object" && e.value !== null
        ? "(inline)"
        : e.value,
    source: describeSource(e.source),
  }));
}

export interface ReportStageInput {
  stage: PlanStage;
  cfg: HedgeConfig;
  resolved: ResolvedConfig;
  asOf: string;
  toolVersion: string;
  /** The input files with their SHA-256 (reportInputFiles, hashed by the shell). */
  hashes: ReportInputFile[];
  /** The effectiveness tests of `cfg.effectiveness`, or null when the config has none. */
  effectiveness: EffectivenessRun | null;
  /** The previous month's report.json (`--previous DIR`), for the month-on-month section. */
  previous?: { file: string; document: unknown } | null;
  /** The accounting framework chosen (`--framework`); null leaves the memo framework-neutral. */
  accounting?: { framework: Framework; contractReferencesIndex: boolean } | null;
}

/** The report model and the warnings to print (the forecast's, the plan's and the effectiveness tests'). */
export function buildReportStage(i: ReportStageInput): { model: ReportModel; warnings: string[] } {
  const { stage, cfg } = i;
  const sim = simulateForChecks(stage, cfg);
  const volatility = riskVolatility(configRiskInputs(stage, cfg));
  const hasThresholds = Object.keys(cfg.thresholds).length > 0;
  const check = hasThresholds
    ? evaluateChecks(stage, cfg, i.asOf, { simulation: sim, effectiveness: i.effectiveness?.result ?? null }).summary
    : null;
  // As `scenarios` runs them: the margin path from the forecast origin (scenarios.csv's peakMarginOutflow), the side.
  const scenarioOptions = {
    asOf: forecastOrigin(stage),
    side: stage.position.side,
    ...(cfg.budget !== undefined ? { budget: { kind: "total" as const, usd: cfg.budget } } : {}),
    ...(stage.company ? { company: stage.company } : {}),
  };
  const scenarios = scenarioGrid(stage.plan, DEFAULT_PRICE_SHOCKS, DEFAULT_VOLUME_CASES, scenarioOptions);
  const twists = twistGrid(stage.plan, DEFAULT_TWIST, DEFAULT_VOLUME_CASES, scenarioOptions);
  const warnings = [
    ...stage.exposure.forecast.warnings,
    ...stage.plan.warnings,
    ...(i.effectiveness?.result.warnings ?? []),
  ];
  const model = buildReport({
    title: cfg.report.title ?? "Token hedge report",
    entity: cfg.report.entity ?? null,
    toolVersion: i.toolVersion,
    asOf: i.asOf,
    seed: cfg.seed,
    configFile: cfg.configFile,
    inputs: i.hashes,
    parameters: reportParameters(i.resolved),
    series: stage.inputs.series,
    exposure: stage.exposure,
    curve: {
      file: cfg.curve,
      points: stage.curve.points,
      analysis: analyseCurve(stage.curve.points, stage.inputs.spec.tickSize),
    },
    spec: stage.inputs.spec,
    policy: stage.policy,
    plan: stage.plan,
    scenarios,
    twists,
    simulation:
      sim.result && sim.costAtRisk !== null
        ? {
            result: sim.result,
            confidence: sim.confidence,
            costAtRisk: sim.costAtRisk,
            volatility: volatility.vol,
            volatilitySource:
              volatility.origin === "default"
                ? "illustrative default; set simulation.priceVolatility"
                : volatility.origin === "config"
                  ? "simulation.priceVolatility in the config"
                  : volatility.source,
          }
        : null,
    check,
    effectiveness: i.effectiveness,
    budget: cfg.budget ?? null,
    ...(i.accounting
      ? {
          accounting: {
            ...i.accounting,
            ...(stage.position.book ? { hedgedTokensByMonth: bookHedgedTokens(stage) } : {}),
          },
        }
      : {}),
    warnings,
  });
  const withBook: ReportModel = {
    ...model,
    ...(stage.source ? { planSource: stage.source } : {}),
    company: { answer: planAnswer(stage), pricing: stage.company },
    hedgeBook: {
      book: stage.position.book,
      // Paths start at the forecast origin, as the scenarios' margin path does: the run date changes nothing here.
      liquidity: liquidityStage(stage, {
        asOf: forecastOrigin(stage),
        seed: cfg.seed,
        volatility: volatility.vol,
      }),
      rolls: stage.position.rolls,
      monthOnMonth: null,
    },
  };
  // Month on month: the previous report against this one, compared as documents (what a reader of both sees).
  if (i.previous)
    withBook.hedgeBook!.monthOnMonth = diffPlans(
      i.previous.document,
      i.previous.file,
      JSON.parse(toJson(reportDocument(withBook))),
      "this report",
    );
  return {
    model: withBook,
    warnings: [
      ...warnings,
      ...(stage.position.book?.warnings ?? []),
      ...(withBook.hedgeBook!.monthOnMonth?.warnings ?? []),
    ],
  };
}

/** What `report` writes beyond its fixed files. */
export interface ReportFormats {
  /** report.xlsx: the tables as a workbook (`--xlsx`). */
  xlsx?: boolean;
  /** The CSV tables for Excel: a UTF-8 byte-order mark and ASCII headers (`--excel`). */
  excel?: boolean;
}

/**
 * File name (relative to the report directory) → its content: JSON, Markdown, HTML, CSV tables and SVG charts,
 * and report.xlsx (bytes) when asked for.
 */
export function reportOutputs(model: ReportModel, formats: ReportFormats = {}): Record<string, string | Uint8Array> {
  const csv = Object.entries(reportCsvFiles(model)).map(([name, text]) => [
    name,
    formats.excel ? excelCsv(text) : text,
  ]);
  const outputs: Record<string, string | Uint8Array> = {
    "report.json": toJson(reportDocument(model)),
    "report.md": reportMarkdown(model),
    "report.html": reportHtml(model),
    ...Object.fromEntries(csv),
    [CHART_FILES.usage]: usageChart(model).text + "\n",
    [CHART_FILES.curve]: curveChart(model).text + "\n",
    [CHART_FILES.contracts]: contractsChart(model).text + "\n",
  };
  const dist = distributionChart(model);
  if (dist) outputs[CHART_FILES.distribution] = dist.text + "\n";
  else outputs[CHART_FILES.scenarios] = scenarioChart(model).text + "\n";
  if (formats.xlsx) outputs["report.xlsx"] = reportWorkbook(model);
  return outputs;
}
