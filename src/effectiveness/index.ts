/** Hedge-accounting effectiveness: dollar offset, regression, cash-flow hedge reserve. */
export { assessEffectiveness } from "./assess.js";
export type { EffectivenessOptions, EffectivenessResult } from "./assess.js";
export {
  DEFAULT_TINY_FRACTION,
  DOLLAR_OFFSET_LOWER,
  DOLLAR_OFFSET_UPPER,
  dollarOffsetTest,
  offsetRatio,
  withinDollarOffsetBand,
} from "./dollar-offset.js";
export type { DollarOffsetPeriod, DollarOffsetResult } from "./dollar-offset.js";
export {
  REGRESSION_MIN_R_SQUARED,
  REGRESSION_SIGNIFICANCE,
  REGRESSION_SLOPE_LOWER,
  REGRESSION_SLOPE_UPPER,
  regressionTest,
  regressionTestOrNull,
} from "./regression-test.js";
export type { RegressionDirection, RegressionTestResult } from "./regression-test.js";
export { cashFlowHedgeReserve } from "./reserve.js";
export type { CashFlowHedgeReserve } from "./reserve.js";
export { checkValueChanges, valueChangesFromPriceChanges } from "./value-changes.js";
export type { PriceChangeHedge, ValueChanges } from "./value-changes.js";
