/**
 * One month of the hedge plan (plan.ts builds the whole): the months to hedge and the contract each is hedged in
 * (hedgeSlots), then per month the method's target ratio, the band and sign checks, the contract count by the
 * policy's rounding and lot (contracts.ts), the volume cap, and what the contracts lock in.
 */
import { Dec, toCents } from "../money/decimal.js";
import { monthsBetween } from "../time/period.js";
import type { ContractSpec } from "../curve/contract.js";
import type { CurvePoint } from "../curve/parse-curve.js";
import { roundToLot, sizeContracts, sizeTailedContracts } from "./contracts.js";
import { rungFor, type HedgePolicy } from "./policy.js";
import type { HedgeRatioMethod, MonthContext, VolumeForecastMonth } from "./methods/types.js";
import { overHedge, volumeAt } from "./methods/volume.js";
import type { PlanFlag, PlanMonth, PlanOptions } from "./plan-types.js";

const EPS = 1e-12;

/** The plan-wide settings every month is sized with (resolved once by buildPlan). */
export interface MonthSizing {
  spec: ContractSpec;
  policy: HedgePolicy;
  opts: PlanOptions;
  method: HedgeRatioMethod;
  /** The volume hedged: "mean" or a quantile ("p50"). */
  basis: string;
  /** The volume-cap quantile, or null. */
  cap: string | null;
  lot: number;
  /** Tokens per unit of the contract's size (1, or k tokens per GPU-hour). */
  perUnit: number;
  /** The quote divisor (curve/contract.ts). */
  divisor: number;
  priceScale: number;
}

/** The months whose ratio fell outside the policy band, was negative, or was held below the band by the cap. */
export interface OutsideBand {
  above: string[];
  below: string[];
  capBelow: string[];
  negative: string[];
}

/**
 * One month of the plan. `firstMonth` is the plan's first month (undefined for the first itself): the tenor counts
 * from it. The method's warning goes to `warnings`, and a month outside the band or negative to `outside`.
 */
export function sizeMonth(
  slot: HedgeSlot,
  s: MonthSizing,
  firstMonth: string | undefined,
  warnings: string[],
  outside: OutsideBand,
): PlanMonth {
  const { spec, policy, opts, method, basis, cap, lot, perUnit, divisor, priceScale } = s;
  const { point, f, contractMonth } = slot;
  const tenor = firstMonth === undefined ? 1 : monthsBetween(firstMonth, f.month) + 1;
  const rung = rungFor(policy, tenor);
  const forecastTokens = Math.round(volumeAt(f, basis));
  const committed = opts.hedgeable?.get(f.month);
  // The exposure the hedge answers for: the whole volume, or the part no commitment has priced already.
  const h = committed?.forecast ?? f;
  const exposureTokens = committed ? Math.round(volumeAt(h, basis)) : forecastTokens;
  const ctx: MonthContext = {
    month: f.month,
    tenor,
    forecast: h,
    exposureTokens,
    futuresPrice: point.price,
    tokensPerUnit: perUnit,
    priceScale,
    rung,
  };
  const m = method.ratioFor(ctx);
  if (m.warning) warnings.push(m.warning);
  const target = m.ratio;
  const flags: PlanFlag[] = [];
  if (point.interpolated) flags.push("interpolated-price");
  if (contractMonth !== f.month) flags.push("later-contract");
  const band =
    rung && (rung.min !== undefined || rung.max !== undefined)
      ? { min: rung.min ?? null, max: rung.max ?? null }
      : null;
  if (band?.max != null && target > band.max + EPS) {
    flags.push("above-band");
    outside.above.push(`${point.month} ${pct(target)} > ${pct(band.max)}`);
  }
  if (band?.min != null && target < band.min - EPS) {
    flags.push("below-band");
    outside.below.push(`${point.month} ${pct(target)} < ${pct(band.min)}`);
  }
  let ratio = target;
  if (ratio < 0) {
    flags.push("negative-ratio");
    outside.negative.push(`${point.month} ${pct(target)}`);
    ratio = 0;
  }
  const exposure = new Dec(exposureTokens).div(perUnit);
  const tailFactor = opts.tail ? opts.tail.spotPrice / point.price : null;
  const count = opts.tail
    ? sizeTailedContracts(ratio, exposure, spec.contractSize, opts.tail.spotPrice, point.price, policy.rounding, lot)
    : sizeContracts(ratio, exposure, spec.contractSize, policy.rounding, lot);
  let contracts = count.contracts;
  let unrounded = count.unrounded;
  // The cap bounds the hedged tokens, after rounding: it binds only when the contracts would hedge more than the
  // cap quantile, and then the count is the most whole lots that fit under it.
  const capTokens = cap ? Math.floor(volumeAt(h, cap)) : null;
  if (capTokens !== null) {
    const maxContracts = roundToLot(new Dec(capTokens).div(perUnit).div(spec.contractSize), "down", lot);
    if (contracts > maxContracts) {
      contracts = maxContracts;
      flags.push("capped");
      if (exposureTokens > 0) ratio = Math.min(ratio, capTokens / exposureTokens);
      // Report the count the capped ratio implies (cap/size when the ratio itself was lowered).
      unrounded = Math.min(unrounded, new Dec(capTokens).div(perUnit).div(spec.contractSize).toNumber());
      if (band?.min != null && ratio < band.min - EPS) {
        flags.push("cap-below-band");
        outside.capBelow.push(`${point.month} ${pct(ratio)} < ${pct(band.min)}`);
      }
    }
  }
  if (contracts === 0 && count.unrounded > 0 && lot > 1) flags.push("below-lot");
  const hedgedTokens = Math.round(contracts * spec.contractSize * perUnit);
  const lockedIn = new Dec(contracts).times(spec.contractSize).times(point.price).div(divisor);
  const over = overHedge(h.samples, hedgedTokens);
  return {
    month: f.month,
    contractMonth,
    tenor,
    forecastTokens,
    forecastBasis: basis,
    forecastP10: Math.round(f.p10),
    forecastP50: Math.round(f.p50),
    forecastP90: Math.round(f.p90),
    targetRatio: target,
    hedgeRatio: ratio,
    band,
    capQuantile: cap,
    capTokens,
    exposureUnits: exposure.toNumber(),
    contractsUnrounded: unrounded,
    contracts,
    hedgedTokens,
    achievedRatio: exposureTokens > 0 ? hedgedTokens / exposureTokens : 0,
    futuresPrice: point.price,
    futuresPriceInterpolated: Boolean(point.interpolated),
    tailFactor,
    lockedInCost: toCents(lockedIn),
    initialMargin: toCents(new Dec(contracts).times(spec.initialMargin)),
    fees: toCents(new Dec(contracts).times(spec.feePerContract)),
    probabilityOverHedge: over ? over.probability : null,
    expectedOverHedgeTokens: over ? Math.round(over.expectedTokens) : null,
    flags,
    methodDetail: m.detail ?? null,
    ...(committed ? { committedTokens: committed.committedTokens, hedgeableTokens: exposureTokens } : {}),
  };
}

export interface HedgeSlot {
  point: CurvePoint;
  f: VolumeForecastMonth;
  contractMonth: string;
}

/**
 * The months to hedge and the contract each is hedged in: every forecast month from the curve's first delivery month
 * to its last, in its own contract when the curve lists it, else in the nearest listed month after it (a quarterly
 * listing leaves two months in three without a contract). Curve months without a forecast, and forecast months past
 * the curve, are named in the warnings; forecast months before the curve's first month (the current month, whose
 * contract is no longer quoted) are outside the plan's horizon, as before.
 */
export function hedgeSlots(
  curve: readonly CurvePoint[],
  forecast: readonly VolumeForecastMonth[],
  warnings: string[],
): HedgeSlot[] {
  const byMonth = new Map(forecast.map((f) => [f.month, f]));
  for (const p of curve)
    if (!byMonth.has(p.month))
      warnings.push(`${p.month}: no forecast for this delivery month (it is not after the usage history); not hedged`);
  const first = curve[0]?.month;
  const last = curve[curve.length - 1]?.month;
  if (first === undefined || last === undefined) return [];
  const beyond = forecast.filter((f) => f.month > last).map((f) => f.month);
  if (beyond.length > 0)
    warnings.push(`no listed contract after ${last}: forecast months ${beyond.join(", ")} are not hedged`);
  const slots: HedgeSlot[] = [];
  let j = 0;
  for (const f of [...forecast].sort((a, b) => (a.month < b.month ? -1 : 1))) {
    if (f.month < first || f.month > last) continue;
    while (curve[j]!.month < f.month) j++;
    slots.push({ point: curve[j]!, f, contractMonth: curve[j]!.month });
  }
  return slots;
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
