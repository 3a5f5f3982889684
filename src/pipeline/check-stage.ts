/**
 * The checks stage (`tokenhedge check`, and the check section of `report`): the config's thresholds
 * evaluated against the plan stage, its Monte Carlo and the effectiveness tests. Pure: the shell reads
 * the effectiveness history and the as-of date and passes them in.
 */
import type { HedgeConfig } from "../config/index.js";
import {
  basisRule,
  bandsFor,
  DEFAULT_MIN_BASIS_R_SQUARED,
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
} from "../config/rules.js";
import type { EffectivenessResult } from "../effectiveness/index.js";
import { HedgeError } from "../errors.js";
import type { CheckCompany, CheckMeta } from "../report/views/check.js";
import { Dec } from "../money/decimal.js";
import { companyCostMonths } from "./plan-answer.js";
import { quantileType7Sorted } from "../stats/quantile.js";
import { simulate, type SimulationResult } from "../scenarios/simulate.js";
import { commitmentsFor, companySimulationBasis } from "./simulate-stage.js";
import { volumeMatrix } from "../scenarios/volumes.js";
import { DEFAULT_PRICE_VOLATILITY } from "../defaults.js";
import { forecastOrigin, type PlanStage } from "./plan-stage.js";
import { riskVolatility } from "./risk-volatility.js";

/** The settings of a config run the checks and the report read. */
export type CheckSettings = Pick<
  HedgeConfig,
  "configFile" | "seed" | "simulation" | "budget" | "thresholds" | "effectiveness"
>;

/** What check and report take from the Monte Carlo (src/scenarios/simulate.ts). */
export interface SimulationFigures {
  /** Cost-at-Risk of the hedged cost over the horizon at the config's confidence: P(c) − mean. */
  costAtRisk: number | null;
  confidence: number;
  note: string;
  result: SimulationResult | null;
}

/** The volatility's inputs of a config run: the sizing flags and history, and the config's own volatility. */
export function configRiskInputs(stage: PlanStage, cfg: Pick<CheckSettings, "simulation">) {
  return {
    sizing: stage.inputs.sizing,
    ...(cfg.simulation.priceVolatility !== undefined ? { configPriceVolatility: cfg.simulation.priceVolatility } : {}),
  };
}

/**
 * The Monte Carlo of the plan with the config's simulation settings: GBM index prices with
 * `simulation.priceVolatility`, volume from the forecast's seeded sample paths, `volumePriceCorrelation`
 * between them, starting the day after the last usage month (as `simulate` does by default, so both agree
 * and the figures do not move with the run date).
 */
export function simulateForChecks(stage: PlanStage, cfg: CheckSettings): SimulationFigures {
  const { plan, exposure } = stage;
  const confidence = cfg.simulation.confidence;
  if (plan.months.length === 0)
    return { costAtRisk: null, confidence, note: "not evaluated: the plan has no delivery months", result: null };
  const volatility = riskVolatility(configRiskInputs(stage, cfg));
  const vol = volatility.vol;
  const paths = cfg.simulation.paths;
  const volumes = volumeMatrix(
    exposure.forecast.samplePaths(paths, cfg.seed),
    exposure.months.map((m) => m.month),
    plan.months.map((m) => m.month),
  );
  const result = simulate({
    plan,
    volumes,
    model: { kind: "gbm", vol },
    corr: cfg.simulation.volumePriceCorrelation ?? 0,
    seed: cfg.seed,
    asOf: forecastOrigin(stage),
    // The company's cost (docs/company-cost.md): its own price through the basis, as `simulate` prices it.
    ...(stage.company ? { basis: companySimulationBasis(stage, stage.company) } : {}),
    ...(commitmentsFor(stage) ? { commitments: commitmentsFor(stage)! } : {}),
    ...(cfg.budget !== undefined ? { budget: { kind: "total" as const, usd: cfg.budget } } : {}),
  });
  const sorted = Float64Array.from(result.samples.hedged).sort();
  const costAtRisk = quantileType7Sorted(sorted, confidence) - result.hedged.mean;
  // To a tenth of a point, as the other outputs print it (an estimate from a history is not 5.509458350821532%).
  const percent = Number((vol * 100).toFixed(1));
  const volNote =
    volatility.origin === "default"
      ? `default ${DEFAULT_PRICE_VOLATILITY * 100}% (illustrative; set simulation.priceVolatility)`
      : volatility.origin === "config"
        ? `${percent}%`
        : `${percent}% (${volatility.source})`;
  return {
    costAtRisk,
    confidence,
    note: `P${Math.round(confidence * 100)} − mean of the hedged cost, ${paths} paths, GBM volatility ${volNote}`,
    result,
  };
}

/** Over-hedge probability from the forecast's own seeded sample paths. */
export function estimateOverHedge(stage: PlanStage, cfg: CheckSettings): OverHedgeEstimate {
  const paths = stage.exposure.forecast.samplePaths(cfg.simulation.paths, cfg.seed);
  return overHedgeProbability(
    stage.plan,
    stage.exposure.months.map((m) => m.month),
    paths,
  );
}

/** True when `minEffectiveness` is to be tested against a history: the shell then reads it first. */
export function checksNeedEffectiveness(cfg: CheckSettings): boolean {
  return cfg.thresholds.minEffectiveness !== undefined && cfg.effectiveness !== undefined;
}

export interface CheckRun {
  summary: CheckSummary;
  meta: CheckMeta;
  overHedge: OverHedgeEstimate | null;
  simulation: SimulationFigures | null;
}

export interface CheckExtras {
  /** The Monte Carlo, when the caller has run it already (report); else run here if a rule needs it. */
  simulation?: SimulationFigures | null;
  /** The effectiveness tests of `cfg.effectiveness.history`, when `checksNeedEffectiveness`. */
  effectiveness?: EffectivenessResult | null;
}

/** Evaluate every threshold of the config, in a fixed order (the order of the output's rows). */
export function evaluateChecks(stage: PlanStage, cfg: CheckSettings, asOf: string, extras: CheckExtras = {}): CheckRun {
  const t = cfg.thresholds;
  const rules: RuleResult[] = [];
  let sim: SimulationFigures | null = extras.simulation ?? null;
  if (t.maxCostAtRisk !== undefined) {
    sim ??= simulateForChecks(stage, cfg);
    rules.push(costAtRiskRule(sim.costAtRisk, t.maxCostAtRisk, sim.note));
  }
  let overHedge: OverHedgeEstimate | null = null;
  if (t.maxOverHedgeProbability !== undefined) {
    overHedge = estimateOverHedge(stage, cfg);
    rules.push(overHedgeRule(overHedge, t.maxOverHedgeProbability, cfg.simulation.paths));
  }
  if (t.hedgeRatioBands !== undefined)
    rules.push(...hedgeRatioBandRules(stage.plan, bandsFor(t.hedgeRatioBands, stage.policy)));
  if (t.minEffectiveness !== undefined) {
    if (!cfg.effectiveness) {
      rules.push({
        rule: "minEffectiveness",
        subject: "",
        value: null,
        limit: "needs effectiveness.history",
        unit: "number",
        pass: false,
        note: "thresholds.minEffectiveness is set but the config has no effectiveness: section",
      });
    } else {
      if (!extras.effectiveness)
        throw new HedgeError(
          "INTERNAL",
          "evaluateChecks: minEffectiveness needs the effectiveness result (see checksNeedEffectiveness)",
        );
      rules.push(...effectivenessRules(extras.effectiveness, t.minEffectiveness, cfg.effectiveness.history));
    }
  }
  // The company's price against the index: asked for, or by default for a GPU-hour cross hedge (a weaker link).
  const crossHedge = stage.plan.contract.underlying === "gpu-hour-index";
  if (t.minBasisRSquared !== undefined || crossHedge) {
    const subject = stage.inputs.sizing.history?.file ?? "company price";
    rules.push(
      basisRule(
        stage.company?.basis ?? null,
        t.minBasisRSquared ?? DEFAULT_MIN_BASIS_R_SQUARED,
        stage.plan.totals.contracts,
        subject,
      ),
    );
  }
  if (t.maxMissingDays !== undefined) rules.push(missingDaysRule(stage.inputs.series.missingDays, t.maxMissingDays));
  if (t.maxStaleDays !== undefined) rules.push(staleDataRule(stage.inputs.series.lastDay, asOf, t.maxStaleDays));
  return {
    summary: summarise(rules),
    meta: {
      configFile: cfg.configFile,
      asOf,
      seed: cfg.seed,
      paths: cfg.simulation.paths,
      ...(stage.company ? { company: checkCompany(stage) } : {}),
    },
    overHedge,
    simulation: sim,
  };
}

/** The company's price the money rules stand on, and the expected company and index costs (plan-answer.ts months). */
function checkCompany(stage: PlanStage): CheckCompany {
  const pricing = stage.company!;
  const months = companyCostMonths(stage);
  const sum = (pick: (m: { companyCost: number; indexCost: number }) => number): number =>
    months.reduce((a, m) => a.plus(pick(m)), new Dec(0)).toNumber();
  return {
    priceSource: pricing.source,
    priceSourceDetail: pricing.sourceDetail,
    basis: pricing.basis.method,
    companyCost: sum((m) => m.companyCost),
    indexCost: sum((m) => m.indexCost),
  };
}
