/**
 * The pipeline, assembled once. Every command that plans goes through these stages; the shell
 * (src/cli/) only reads files, resolves flags and config into a `PipelineInputs`, and prints.
 *
 *   PipelineInputs (inputs.ts)          parsed usage, curve, contract, policy choice, sizing, seed, provenance
 *     └─ buildPlanStage (plan-stage.ts)  usage cost and contract in one currency (currency.ts) → completed curve → policy → exposure forecast → hedge plan   = PlanStage
 *          ├─ scenarios                  scenarioGrid / twistGrid (src/scenarios/grid.ts) on stage.plan
 *          ├─ simulateStage              choosePriceModel (price-model-choice.ts) → Monte Carlo
 *          ├─ evaluateChecks             the config's thresholds as rules (check-stage.ts, rules in src/config/rules.ts)
 *          └─ buildReportStage           simulation + checks + effectiveness + scenarios → report model → reportOutputs
 *   runEffectiveness (effectiveness-stage.ts)  history text → effectiveness tests (used by effectiveness, check, report)
 *   forecastStage (forecast-stage.ts)  a loaded usage or period,value series → forecast, monthly totals, backtest
 *   hedgeRatioInputs → hedgeRatioView (hedge-ratio-stage.ts)  statistics or price-history text → h* and contract counts
 *
 * To change what every command plans with (e.g. a new input such as held positions, or pricing the
 * exposure at the company's own price), add the field to `PipelineInputs`, fill it in the shell
 * (src/cli/plan-inputs.ts, both from flags and from a config), and read it in `buildPlanStage`.
 *
 * Pure like the rest of the core: no file, console, process, clock or unseeded randomness.
 */
export type { PipelineInputs, PolicyChoice, SizingSettings, HedgeMethodName, PositionSettings } from "./inputs.js";
export { buildBookStage, budgetForSide, type BookStage } from "./book-stage.js";
export {
  liquidityStage,
  positionLegs,
  DEFAULT_GAPS,
  DEFAULT_STRESS_PATHS,
  type LiquiditySettings,
} from "./liquidity-stage.js";
export { buildPlanStage, resolvePolicy, planOptionsFor, forecastOrigin, type PlanStage } from "./plan-stage.js";
export { companyPricingFor, type CompanySettings } from "./company-stage.js";
export type { PlanSource } from "./saved-plan-stage.js";
export { checkCostCurrency, usageCostCurrency } from "./currency.js";
export { DEFAULT_PRICE_VOLATILITY } from "../defaults.js";
export { choosePriceModel, type PriceModelSettings, type PriceModelChoice } from "./price-model-choice.js";
export { riskVolatility, type RiskVolatility, type VolatilityOrigin } from "./risk-volatility.js";
export { companyCostMonths } from "./plan-answer.js";
export {
  simulateStage,
  parametricStage,
  companySimulationBasis,
  type SimulateSettings,
  type ParametricSettings,
} from "./simulate-stage.js";
export {
  evaluateChecks,
  simulateForChecks,
  estimateOverHedge,
  checksNeedEffectiveness,
  type CheckRun,
  type CheckExtras,
  type CheckSettings,
  type SimulationFigures,
} from "./check-stage.js";
export { runEffectiveness, type EffectivenessRun, type EffectivenessSettings } from "./effectiveness-stage.js";
export {
  forecastStage,
  forecastHorizon,
  type LoadedSeries,
  type ForecastSettings,
  type ForecastProgressDisplay,
} from "./forecast-stage.js";
export {
  hedgeRatioInputs,
  hedgeRatioView,
  hedgeRatioStatistics,
  hedgeRatioExposure,
  type HedgeRatioSettings,
  type HedgeRatioInputs,
} from "./hedge-ratio-stage.js";
export {
  buildReportStage,
  reportOutputs,
  reportInputFiles,
  reportParameters,
  type ReportStageInput,
} from "./report-stage.js";
