/**
 * All hedge-accounting effectiveness figures for one hedging relationship (docs/METHODOLOGY.md): the dollar-offset test
 * (cumulative and per period), the regression test, and the cash-flow hedge reserve with its ineffectiveness.
 * The result is the shape `tokenhedge effectiveness --json` prints.
 */
import { DEFAULT_TINY_FRACTION, dollarOffsetTest, type DollarOffsetPeriod } from "./dollar-offset.js";
import {
  REGRESSION_MIN_R_SQUARED,
  regressionTestOrNull,
  type RegressionDirection,
  type RegressionTestResult,
} from "./regression-test.js";
import { cashFlowHedgeReserve } from "./reserve.js";
import type { ValueChanges } from "./value-changes.js";

export interface EffectivenessOptions {
  /** Which series is y in the regression test; default "hedge-on-item" (y = ΔHedge). */
  direction?: RegressionDirection;
  /** Fraction defining a "tiny" dollar-offset denominator; default 0.01 (see dollar-offset.ts). */
  tinyFraction?: number;
  /**
   * The entity's designated R² threshold (the config's thresholds.minEffectiveness.rSquared). Only a stricter one
   * than REGRESSION_MIN_R_SQUARED applies: a policy limit cannot loosen the common "highly effective" criterion.
   */
  minRSquared?: number;
}

export interface EffectivenessResult {
  dollarOffset: {
    /** −ΣΔhedge/ΣΔitem; null when ΣΔitem = 0. */
    cumulative: number | null;
    pass: boolean;
    cumulativeHedge: number;
    cumulativeItem: number;
    byPeriod: DollarOffsetPeriod[];
  };
  /** null when the regression cannot be run (fewer than 3 periods, a constant series); the reason is a warning. */
  regression: RegressionTestResult | null;
  /** Cash-flow hedge reserve by the lower-of rule, signed as the hedge's cumulative result. */
  reserve: number;
  /** Hedge cumulative − reserve. */
  ineffectiveness: number;
  warnings: string[];
}

export function assessEffectiveness(changes: ValueChanges, options: EffectivenessOptions = {}): EffectivenessResult {
  const offset = dollarOffsetTest(changes, options.tinyFraction ?? DEFAULT_TINY_FRACTION);
  const regression = regressionTestOrNull(
    changes,
    options.direction ?? "hedge-on-item",
    Math.max(REGRESSION_MIN_R_SQUARED, options.minRSquared ?? 0),
  );
  const { reserve, ineffectiveness } = cashFlowHedgeReserve(offset.cumulativeHedge, offset.cumulativeItem);
  const warnings = [...offset.warnings];
  if (regression.reason) warnings.push(regression.reason);
  const { cumulativeHedge, cumulativeItem } = offset;
  if (cumulativeHedge !== 0 && cumulativeItem !== 0 && Math.sign(cumulativeHedge) === Math.sign(cumulativeItem)) {
    warnings.push(
      "the hedge and the hedged item moved in the same direction overall: " +
        "the hedge added to the exposure instead of offsetting it",
    );
  }
  return {
    dollarOffset: {
      cumulative: offset.cumulative,
      pass: offset.pass,
      cumulativeHedge: offset.cumulativeHedge,
      cumulativeItem: offset.cumulativeItem,
      byPeriod: offset.byPeriod,
    },
    regression: regression.result,
    reserve,
    ineffectiveness,
    warnings,
  };
}
