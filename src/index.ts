/**
 * Library API: the same pure functions the CLI uses, with no process, file or console access, so a
 * notebook or another service gets the CLI's exact numbers.
 */
export { HedgeError, EXIT, type ErrorCode, type ErrorDetails } from "./errors.js";
export {
  ingestUsage,
  totalsByPeriod,
  completeMonths,
  parseMapFlag,
  type UsageSeries,
  type UsageRecord,
  type PeriodTotal,
} from "./ingest/index.js";
// Several usage series → one, as the CLI combines several input files.
export { combineUsage, type CombinedUsage, type UsageSource, type UsageOverlap } from "./ingest/series/combine.js";
export {
  forecastSeries,
  type TimeSeries,
  type ForecastResult,
  type PeriodForecast,
  type ForecastOptions,
} from "./forecast/index.js";
export { parseCurveCsv, type FuturesCurve, type CurvePoint } from "./curve/parse-curve.js";
export { analyseCurve, type CurveAnalysis, type CurveShape } from "./curve/shape.js";
export { parseContractSpec, contractSpecSchema, type ContractSpec } from "./curve/contract.js";
export { parsePolicy, policySchema, flatPolicy, type HedgePolicy, type Rounding } from "./hedge/policy.js";
export { sizeContracts, optimalContracts, tailedContracts } from "./hedge/contracts.js";
export { buildPlan, type HedgePlan, type PlanMonth, type VolumeForecastMonth } from "./hedge/plan.js";
export { forecastExposure, monthlyIndexTokens, type ExposureForecast } from "./hedge/exposure.js";
export { monthOutcome, type MonthOutcome } from "./scenarios/pnl.js";
export {
  scenarioGrid,
  runScenario,
  DEFAULT_PRICE_SHOCKS,
  DEFAULT_VOLUME_CASES,
  type ScenarioResult,
  type VolumeCase,
} from "./scenarios/grid.js";
export { toJson, SCHEMA_VERSION } from "./report/json.js";
export { forecastMonthlyFromDaily, backtest, createRng, type BacktestReport } from "./forecast/index.js";
export { curveReport, type CurveReport } from "./curve/curve-report.js";
export { hedgeRatioFromSeries, hedgeRatioFromStatistics, type HedgeRatioResult } from "./hedge/mvhr.js";
export {
  quantityRiskHedgeFromMoments,
  quantityRiskHedgeFromSample,
  type QuantityRiskHedge,
} from "./hedge/quantity-risk.js";
export { simulate, type SimulationInput, type SimulationResult } from "./scenarios/simulate.js";
export {
  assessEffectiveness,
  valueChangesFromPriceChanges,
  cashFlowHedgeReserve,
  type EffectivenessResult,
} from "./effectiveness/index.js";
export { parseHistoryCsv, type HistoryColumns } from "./effectiveness/history-csv.js";
export { parsePriceHistory, type PriceHistory } from "./hedge/methods/price-history.js";
export {
  parseConfigText,
  resolveConfig,
  requireComplete,
  type HedgeConfig,
  type ResolvedConfig,
} from "./config/index.js";
// The pipeline (src/pipeline/): plan, check and report from parsed inputs, exactly as the CLI runs them.
export {
  buildPlanStage,
  choosePriceModel,
  simulateStage,
  forecastOrigin,
  evaluateChecks,
  simulateForChecks,
  checksNeedEffectiveness,
  runEffectiveness,
  hedgeRatioInputs,
  hedgeRatioView,
  forecastStage,
  forecastHorizon,
  buildReportStage,
  reportOutputs,
  reportInputFiles,
  type PipelineInputs,
  type PolicyChoice,
  type SizingSettings,
  type PlanStage,
  type CheckRun,
  type CheckSettings,
  type SimulationFigures,
  type EffectivenessRun,
  type HedgeRatioSettings,
  type HedgeRatioInputs,
  type LoadedSeries,
  type ForecastSettings,
  type ForecastProgressDisplay,
  type ReportStageInput,
} from "./pipeline/index.js";
export { summarise, type CheckSummary, type RuleResult } from "./config/rules.js";
