import { Command, Option } from "commander";
import { requireComplete, type HedgeConfig } from "../../config/index.js";
import {
  bandsFor,
  costAtRiskRule,
  effectivenessRules,
  hedgeRatioBandRules,
  missingDaysRule,
  overHedgeProbability,
  overHedgeRule,
  staleDataRule,
  summarise,
  type CheckSummary,
  type OverHedgeEstimate,
  type RuleResult,
} from "../../config/rules.js";
import { checkCsv, checkDocument, checkHuman, type CheckMeta } from "../../report/views/check.js";
import { EXIT } from "../../errors.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { parseAsOf, parseIntOption } from "../options.js";
import { addConfigOption, resolveForCommand } from "../config-options.js";
import { loadPlanFromConfig, type ConfiguredPlanInputs } from "../plan-inputs.js";
import { loadEffectiveness } from "./effectiveness.js";
import type { CommandEnv, RunContext } from "./shared.js";
import { simulate, type SimulationResult } from "../../scenarios/simulate.js";
import { volumeMatrix } from "../../scenarios/volumes.js";
import { quantileSorted } from "../../scenarios/select.js";
import { addMonths } from "../../time/period.js";

/** Volatility when the config gives none: the same illustrative 30% a year as `simulate`, and said to be so. */
export const DEFAULT_PRICE_VOLATILITY = 0.3;

/** What check and report take from the Monte Carlo (src/scenarios/simulate.ts). */
export interface SimulationFigures {
  /** Cost-at-Risk of the hedged cost over the horizon at the config's confidence: P(c) − mean (DESIGN.md §5). */
  costAtRisk: number | null;
  confidence: number;
  note: string;
  result: SimulationResult | null;
}

/**
 * The Monte Carlo of the plan with the config's simulation settings: GBM index prices with
 * `simulation.priceVolatility`, volume from the forecast's seeded sample paths, `volumePriceCorrelation`
 * between them, starting the day after the last usage month (as `simulate` does by default, so both agree
 * and the figures do not move with the run date).
 */
export function simulateForConfig(inputs: ConfiguredPlanInputs, cfg: HedgeConfig): SimulationFigures {
  const { plan, exposure } = inputs;
  const confidence = cfg.simulation.confidence;
  if (plan.months.length === 0) return { costAtRisk: null, confidence, note: "not evaluated: the plan has no delivery months", result: null };
  const vol = cfg.simulation.priceVolatility ?? DEFAULT_PRICE_VOLATILITY;
  const paths = cfg.simulation.paths;
  const volumes = volumeMatrix(exposure.forecast.samplePaths(paths, cfg.seed), exposure.months.map((m) => m.month), plan.months.map((m) => m.month));
  const lastUsageMonth = exposure.history.months[exposure.history.months.length - 1]!;
  const result = simulate({
    plan,
    volumes,
    model: { kind: "gbm", vol },
    corr: cfg.simulation.volumePriceCorrelation ?? 0,
    seed: cfg.seed,
    asOf: `${addMonths(lastUsageMonth, 1)}-01`,
    ...(cfg.budget !== undefined ? { budget: { kind: "total" as const, usd: cfg.budget } } : {}),
  });
  const sorted = Float64Array.from(result.samples.hedged).sort();
  const costAtRisk = quantileSorted(sorted, confidence) - result.hedged.mean;
  const volNote = cfg.simulation.priceVolatility === undefined ? `default ${DEFAULT_PRICE_VOLATILITY * 100}% (illustrative; set simulation.priceVolatility)` : `${vol * 100}%`;
  return {
    costAtRisk,
    confidence,
    note: `P${Math.round(confidence * 100)} − mean of the hedged cost, ${paths} paths, GBM volatility ${volNote}`,
    result,
  };
}

/** Today in UTC, the default as-of date of a run (the only clock read; `--as-of` replaces it). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The as-of date: --as-of > TOKENHEDGE_AS_OF > config asOf (all resolved into cfg) > today. */
export function asOfFor(cfg: HedgeConfig): string {
  return cfg.asOf ?? todayUtc();
}

/** Over-hedge probability from the forecast's own seeded sample paths. */
export function estimateOverHedge(inputs: ConfiguredPlanInputs, cfg: HedgeConfig): OverHedgeEstimate {
  const paths = inputs.exposure.forecast.samplePaths(cfg.simulation.paths, cfg.seed);
  return overHedgeProbability(inputs.plan, inputs.exposure.months.map((m) => m.month), paths);
}

export interface CheckRun {
  summary: CheckSummary;
  meta: CheckMeta;
  overHedge: OverHedgeEstimate | null;
  simulation: SimulationFigures | null;
}

/** Evaluate every threshold of the config. Shared with `report`, which prints the same rules. */
export function evaluateChecks(ctx: RunContext, cfg: HedgeConfig, inputs: ConfiguredPlanInputs, asOf: string, simulation?: SimulationFigures | null): CheckRun {
  const t = cfg.thresholds;
  const rules: RuleResult[] = [];
  let sim: SimulationFigures | null = simulation ?? null;
  if (t.maxCostAtRisk !== undefined) {
    sim ??= simulateForConfig(inputs, cfg);
    rules.push(costAtRiskRule(sim.costAtRisk, t.maxCostAtRisk, sim.note));
  }
  let overHedge: OverHedgeEstimate | null = null;
  if (t.maxOverHedgeProbability !== undefined) {
    overHedge = estimateOverHedge(inputs, cfg);
    rules.push(overHedgeRule(overHedge, t.maxOverHedgeProbability, cfg.simulation.paths));
  }
  if (t.hedgeRatioBands !== undefined) rules.push(...hedgeRatioBandRules(inputs.plan, bandsFor(t.hedgeRatioBands, inputs.policy)));
  if (t.minEffectiveness !== undefined) {
    if (!cfg.effectiveness) {
      rules.push({ rule: "minEffectiveness", subject: "", value: null, limit: "needs effectiveness.history", unit: "number", pass: false, note: "thresholds.minEffectiveness is set but the config has no effectiveness: section" });
    } else {
      const { result } = loadEffectiveness(ctx, cfg.effectiveness);
      rules.push(...effectivenessRules(result, t.minEffectiveness, cfg.effectiveness.history));
    }
  }
  if (t.maxMissingDays !== undefined) rules.push(missingDaysRule(inputs.series.missingDays, t.maxMissingDays));
  if (t.maxStaleDays !== undefined) rules.push(staleDataRule(inputs.series.lastDay, asOf, t.maxStaleDays));
  return {
    summary: summarise(rules),
    meta: { configFile: cfg.configFile, asOf, seed: cfg.seed, paths: cfg.simulation.paths },
    overHedge,
    simulation: sim,
  };
}

interface CheckFlags extends OutputFlags {
  config?: string;
}

export function checkCommand(env: CommandEnv): Command {
  const { ctx } = env;
  const cmd = addConfigOption(new Command("check"))
    .description("evaluate the config's thresholds (Cost-at-Risk, over-hedge probability, hedge-ratio bands, effectiveness, data quality); exit 1 on a breach")
    .addOption(new Option("--as-of <date>", "the run date for the stale-data rule (default: today, UTC)").argParser(parseAsOf))
    .addOption(new Option("--seed <n>", "seed of every random draw (default: the config's, else 42)").argParser(parseIntOption("--seed", 0, 2 ** 32 - 1)))
    .addOption(new Option("--paths <n>", "simulated paths (default: the config's simulation.paths)").argParser(parseIntOption("--paths", 100, 1_000_000)))
    .addHelpText(
      "after",
      `
Exit codes: 0 every rule passes · 1 a rule is breached (the table is printed first) · 2 bad config · 3 bad data.

Examples:
  tokenhedge check --config fixtures/config/acme.config.yaml --as-of 2026-11-05
  tokenhedge check --config hedge.config.yaml --json > check.json`,
    );
  return env.output(cmd).action((flags: CheckFlags, self: Command) => {
    const cfg = requireComplete(resolveForCommand(ctx, self));
    const inputs = loadPlanFromConfig(ctx, cfg);
    warn(ctx, [...inputs.exposure.forecast.warnings, ...inputs.plan.warnings]);
    const run = evaluateChecks(ctx, cfg, inputs, asOfFor(cfg));
    emit(ctx, flags, {
      json: () => checkDocument(run.summary, run.meta),
      csv: () => checkCsv(run.summary),
      human: () => checkHuman(run.summary, run.meta, ctx.colour),
    }, inputs.files);
    // A breach is a result, not an error: the output above is complete, only the exit code says so.
    if (!run.summary.pass) ctx.exitCode = EXIT.breach;
  });
}
