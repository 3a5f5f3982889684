/**
 * The hedge plan: per delivery month, the forecast exposure, the target ratio from the policy, the
 * contract count and what it locks in (DESIGN.md §4–5). A consumer of tokens is short tokens, so the
 * hedge is a long futures position.
 */
import { Dec, toCents } from "../money/decimal.js";
import type { ContractSpec } from "../curve/contract.js";
import { quoteDivisor } from "../curve/contract.js";
import type { CurvePoint } from "../curve/parse-curve.js";
import { sizeContracts } from "./contracts.js";
import { rungFor, type HedgePolicy } from "./policy.js";

/** Forecast volume of one month in tokens (index tokens). */
export interface VolumeForecastMonth {
  month: string;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface PlanMonth {
  month: string;
  /** 1 = first hedged delivery month. */
  tenor: number;
  forecastTokens: number;
  forecastP10: number;
  forecastP50: number;
  forecastP90: number;
  hedgeRatio: number;
  /** Exposure in the contract's unit (tokens, or GPU-hours for a cross hedge). */
  exposureUnits: number;
  contractsUnrounded: number;
  contracts: number;
  hedgedTokens: number;
  achievedRatio: number;
  futuresPrice: number;
  lockedInCost: number;
  initialMargin: number;
  fees: number;
}

export interface PlanTotals {
  forecastTokens: number;
  contracts: number;
  hedgedTokens: number;
  achievedRatio: number;
  lockedInCost: number;
  /** Locked-in cost per hedged Mtok (token contracts) or per hedged GPU-hour. */
  averageLockedInPrice: number | null;
  initialMargin: number;
  fees: number;
}

export interface HedgePlan {
  contract: { name: string; underlying: ContractSpec["underlying"]; quoteUnit: string; contractSize: number; sizeUnit: string; illustrative: boolean; tokensPerGpuHour: number | null };
  rounding: HedgePolicy["rounding"];
  months: PlanMonth[];
  totals: PlanTotals;
  warnings: string[];
}

export interface PlanInput {
  forecast: VolumeForecastMonth[];
  curve: CurvePoint[];
  spec: ContractSpec;
  policy: HedgePolicy;
}

/** Tokens represented by one unit of the contract's size: 1 for tokens, k tokens per GPU-hour for a cross hedge. */
export function tokensPerUnit(spec: ContractSpec): number {
  return spec.underlying === "token-index" ? 1 : spec.tokensPerGpuHour!;
}

export function buildPlan({ forecast, curve, spec, policy }: PlanInput): HedgePlan {
  const warnings: string[] = [];
  const byMonth = new Map(forecast.map((f) => [f.month, f]));
  const perUnit = tokensPerUnit(spec);
  const divisor = quoteDivisor(spec);
  const months: PlanMonth[] = [];
  const listed = spec.listedMonths ? new Set(spec.listedMonths) : undefined;

  for (const point of curve) {
    const f = byMonth.get(point.month);
    if (!f) {
      warnings.push(`${point.month}: no forecast for this delivery month (it is not after the usage history); not hedged`);
      continue;
    }
    if (listed && !listed.has(Number(point.month.slice(5, 7)))) {
      warnings.push(`${point.month}: the contract does not list this calendar month; not hedged`);
      continue;
    }
    const tenor = months.length + 1;
    const rung = rungFor(policy, tenor);
    if (!rung) warnings.push(`${point.month}: tenor ${tenor} is beyond the policy ladder; ratio 0`);
    const ratio = rung?.ratio ?? 0;
    const forecastTokens = Math.round(f.mean);
    const exposure = new Dec(forecastTokens).div(perUnit);
    const { unrounded, contracts } = sizeContracts(ratio, exposure, spec.contractSize, policy.rounding);
    const hedgedTokens = contracts * spec.contractSize * perUnit;
    const lockedIn = new Dec(contracts).times(spec.contractSize).times(point.price).div(divisor);
    months.push({
      month: point.month,
      tenor,
      forecastTokens,
      forecastP10: Math.round(f.p10),
      forecastP50: Math.round(f.p50),
      forecastP90: Math.round(f.p90),
      hedgeRatio: ratio,
      exposureUnits: exposure.toNumber(),
      contractsUnrounded: unrounded,
      contracts,
      hedgedTokens,
      achievedRatio: forecastTokens > 0 ? hedgedTokens / forecastTokens : 0,
      futuresPrice: point.price,
      lockedInCost: toCents(lockedIn),
      initialMargin: toCents(new Dec(contracts).times(spec.initialMargin)),
      fees: toCents(new Dec(contracts).times(spec.feePerContract)),
    });
  }

  const sum = (pick: (m: PlanMonth) => number): number => months.reduce((acc, m) => acc.plus(pick(m)), new Dec(0)).toNumber();
  const hedgedTokens = sum((m) => m.hedgedTokens);
  const forecastTokens = sum((m) => m.forecastTokens);
  const lockedInCost = sum((m) => m.lockedInCost);
  const hedgedUnits = hedgedTokens / perUnit;
  return {
    contract: {
      name: spec.name,
      underlying: spec.underlying,
      quoteUnit: spec.quoteUnit,
      contractSize: spec.contractSize,
      sizeUnit: spec.sizeUnit,
      illustrative: spec.illustrative,
      tokensPerGpuHour: spec.tokensPerGpuHour ?? null,
    },
    rounding: policy.rounding,
    months,
    totals: {
      forecastTokens,
      contracts: sum((m) => m.contracts),
      hedgedTokens,
      achievedRatio: forecastTokens > 0 ? hedgedTokens / forecastTokens : 0,
      lockedInCost,
      averageLockedInPrice: hedgedUnits > 0 ? Number(new Dec(lockedInCost).times(divisor).div(hedgedUnits).toFixed(4)) : null,
      initialMargin: sum((m) => m.initialMargin),
      fees: sum((m) => m.fees),
    },
    warnings,
  };
}
