/**
 * Dollar-offset test of hedge effectiveness (ASC 815 practice; the 80–125% range of IAS 39 AG105(b) before
 * IFRS 9): the ratio of the hedge's change in value to the hedged item's, sign-flipped,
 *   ratio = −ΣΔhedge / ΣΔitem,
 * passes when 0.80 ≤ ratio ≤ 1.25 (the "80–125%" band; both bounds inclusive, docs/METHODOLOGY.md). It is computed
 * cumulatively (inception to date — the usual basis) and for each period on its own.
 *
 * The ratio is unstable when the hedged item barely moves (the "small-dollar" problem): a few dollars of noise
 * swing it far outside the band. We therefore flag a denominator as tiny when
 *   cumulative:  |ΣΔitem| < f · Σ|ΔItemₜ|            (the item's moves nearly cancel out)
 *   per period:  |ΔItemₜ| < f · (Σ|ΔItemₛ|)/n         (this period's move is small against a typical one)
 * with f = 1% by default (`tinyFraction`). A tiny denominator is reported as a warning; the test result stands.
 * A zero denominator gives no ratio (null) and a failed period.
 */
import { sum } from "../stats/descriptive.js";
import { checkValueChanges, type ValueChanges } from "./value-changes.js";

export const DOLLAR_OFFSET_LOWER = 0.8;
export const DOLLAR_OFFSET_UPPER = 1.25;
/** Default fraction below which a denominator counts as tiny (see file comment). */
export const DEFAULT_TINY_FRACTION = 0.01;
/**
 * Ratios within this distance of a bound count as on it: floating-point noise (0.8 computed as 0.7999999999999999)
 * must not fail a hedge that sits exactly on the boundary.
 */
const BOUND_TOLERANCE = 1e-12;

export interface DollarOffsetPeriod {
  period: string;
  /** ΔHedge this period. */
  hedge: number;
  /** ΔItem this period. */
  item: number;
  /** −ΔHedge/ΔItem for this period alone; null when ΔItem = 0. */
  ratio: number | null;
  pass: boolean;
  /** Inception-to-date sums and ratio through this period. */
  cumulativeHedge: number;
  cumulativeItem: number;
  cumulativeRatio: number | null;
  cumulativePass: boolean;
}

export interface DollarOffsetResult {
  /** −ΣΔhedge/ΣΔitem over all periods; null when ΣΔitem = 0. */
  cumulative: number | null;
  pass: boolean;
  cumulativeHedge: number;
  cumulativeItem: number;
  byPeriod: DollarOffsetPeriod[];
  warnings: string[];
}

/** −hedge/item, or null when item is 0. */
export function offsetRatio(hedge: number, item: number): number | null {
  if (item === 0) return null;
  const ratio = -hedge / item;
  return ratio === 0 ? 0 : ratio; // no −0 in output
}

/** True when the ratio lies in [0.80, 1.25]. */
export function withinDollarOffsetBand(ratio: number | null): boolean {
  return (
    ratio !== null && ratio >= DOLLAR_OFFSET_LOWER - BOUND_TOLERANCE && ratio <= DOLLAR_OFFSET_UPPER + BOUND_TOLERANCE
  );
}

export function dollarOffsetTest(changes: ValueChanges, tinyFraction = DEFAULT_TINY_FRACTION): DollarOffsetResult {
  const periods = checkValueChanges(changes);
  const { hedge, item } = changes;
  const n = hedge.length;
  const totalAbsItem = sum(item.map(Math.abs));
  const typicalAbsItem = totalAbsItem / n;
  const warnings: string[] = [];
  const byPeriod: DollarOffsetPeriod[] = [];
  const tinyPeriods: string[] = [];
  const zeroPeriods: string[] = [];
  for (let i = 0; i < n; i++) {
    const h = hedge[i] as number;
    const it = item[i] as number;
    const cumulativeHedge = sum(hedge.slice(0, i + 1));
    const cumulativeItem = sum(item.slice(0, i + 1));
    const ratio = offsetRatio(h, it);
    const cumulativeRatio = offsetRatio(cumulativeHedge, cumulativeItem);
    const label = periods[i] as string;
    if (it === 0) zeroPeriods.push(label);
    else if (Math.abs(it) < tinyFraction * typicalAbsItem) tinyPeriods.push(label);
    byPeriod.push({
      period: label,
      hedge: h,
      item: it,
      ratio,
      pass: withinDollarOffsetBand(ratio),
      cumulativeHedge,
      cumulativeItem,
      cumulativeRatio,
      cumulativePass: withinDollarOffsetBand(cumulativeRatio),
    });
  }
  const cumulativeHedge = sum(hedge);
  const cumulativeItem = sum(item);
  const cumulative = offsetRatio(cumulativeHedge, cumulativeItem);
  const pct = `${(tinyFraction * 100).toFixed(tinyFraction * 100 < 1 ? 2 : 0)}%`;
  if (totalAbsItem === 0) {
    warnings.push("the hedged item never changed in value: the dollar-offset ratio is undefined");
  } else if (cumulativeItem === 0) {
    warnings.push("the hedged item's cumulative change is zero: the cumulative dollar-offset ratio is undefined");
  } else if (Math.abs(cumulativeItem) < tinyFraction * totalAbsItem) {
    warnings.push(
      `the hedged item's cumulative change (${cumulativeItem}) is below ${pct} of the sum of its absolute ` +
        `period changes (${totalAbsItem}): the cumulative ratio is dominated by noise (small-dollar problem)`,
    );
  }
  if (zeroPeriods.length > 0 && totalAbsItem !== 0) {
    warnings.push(`the hedged item did not change in period(s) ${zeroPeriods.join(", ")}: no period ratio there`);
  }
  if (tinyPeriods.length > 0) {
    warnings.push(
      `tiny hedged-item change (below ${pct} of its mean absolute change) in period(s) ` +
        `${tinyPeriods.join(", ")}: those period ratios are unreliable`,
    );
  }
  return {
    cumulative,
    pass: withinDollarOffsetBand(cumulative),
    cumulativeHedge,
    cumulativeItem,
    byPeriod,
    warnings,
  };
}
