/**
 * The hedge plan: per delivery month, the forecast exposure, the target ratio from a method (the policy ladder,
 * the minimum-variance ratio of a price history, or the price-and-volume risk hedge), an optional cap at a low
 * quantile of the volume forecast, the contract count and what it locks in (docs/METHODOLOGY.md). A consumer of
 * tokens is short tokens, so the hedge is a long futures position.
 *
 * Nothing is clipped silently: a method ratio outside the policy band is kept and flagged; a ratio the volume cap
 * lowers is reported as `hedgeRatio` beside the method's `targetRatio`, and flagged `capped`.
 *
 * Files: plan-types.ts holds the plan's shape, plan-month.ts sizes one month, this file assembles the plan (the
 * months, their warnings and totals, and for a cross hedge the sensitivity to the tokens-per-GPU-hour assumption).
 */
import { HedgeError } from "../errors.js";
import { Dec } from "../money/decimal.js";
import type { ContractSpec } from "../curve/contract.js";
import { quoteDivisor } from "../curve/contract.js";
import { checkListedMonths } from "../curve/complete-curve.js";
import { resolveGpuConversion, type GpuConversion } from "../curve/gpu-conversion.js";
import { policyMethod } from "./methods/policy-ladder.js";
import { hedgeSlots, sizeMonth, type MonthSizing, type OutsideBand } from "./plan-month.js";
import type { HedgePlan, KSensitivity, PlanConversion, PlanInput, PlanMonth, PlanTotals } from "./plan-types.js";

export type { VolumeForecastMonth } from "./methods/types.js";
export type {
  HedgePlan,
  KSensitivity,
  PlanConversion,
  PlanFlag,
  PlanInput,
  PlanMonth,
  PlanOptions,
  PlanTotals,
} from "./plan-types.js";

export const DEFAULT_K_SENSITIVITY: readonly number[] = [-0.25, -0.1, 0.1, 0.25];

/** Tokens represented by one unit of the contract's size: 1 for tokens, k tokens per GPU-hour for a cross hedge. */
export function tokensPerUnit(spec: ContractSpec, conversion?: GpuConversion | null): number {
  if (spec.underlying === "token-index") return 1;
  return (conversion ?? resolveGpuConversion(spec))!.tokensPerGpuHour;
}

export function buildPlan(input: PlanInput): HedgePlan {
  const { forecast, curve, spec, policy } = input;
  const opts = input.options ?? {};
  const method = opts.method ?? policyMethod(policy);
  const basis = opts.forecastBasis ?? "mean";
  const cap = opts.volumeCap ?? null;
  const lot = opts.lot ?? spec.minimumLot ?? 1;
  const conversion = opts.conversion !== undefined ? opts.conversion : resolveGpuConversion(spec);
  const perUnit = spec.underlying === "token-index" ? 1 : conversion!.tokensPerGpuHour;
  const divisor = quoteDivisor(spec);
  const priceScale = (perUnit * divisor) / 1_000_000;
  checkListedMonths({ file: "the curve", points: curve }, spec.listedMonths, spec.name);
  // Tailing sizes on values with a ratio estimated on percentage changes (Hull ch. 3); a ladder's ratios are shares of
  // volume, so S₀/F₀ would push its months outside their band: tailing is for the minimum-variance hedge only.
  if (opts.tail && method.name !== "mvhr") {
    throw new HedgeError(
      "USAGE",
      `--tail applies to the minimum-variance hedge, not to the ${method.name} method's volume ratios`,
      {
        value: String(opts.tail.spotPrice),
        expected: "--tail together with --method mvhr",
        hint: "add --method mvhr --history FILE (price levels), or drop --tail",
      },
    );
  }

  const warnings: string[] = [...method.warnings];
  const months: PlanMonth[] = [];
  const outside: OutsideBand = { above: [], below: [], capBelow: [], negative: [] };
  const sizing: MonthSizing = { spec, policy, opts, method, basis, cap, lot, perUnit, divisor, priceScale };
  for (const slot of hedgeSlots(curve, forecast, warnings))
    months.push(sizeMonth(slot, sizing, months[0]?.month, warnings, outside));
  planWarnings({ months, outside, methodName: method.name, cap, curve, forecast }, warnings);

  const totals = planTotals(months, spec.contractSize, divisor);
  const planConversion =
    conversion && spec.underlying === "gpu-hour-index" ? crossHedgeConversion(input, conversion, totals) : null;
  if (planConversion) warnings.unshift(planConversion.warning);

  return {
    contract: {
      name: spec.name,
      underlying: spec.underlying,
      quoteUnit: spec.quoteUnit,
      contractSize: spec.contractSize,
      sizeUnit: spec.sizeUnit,
      illustrative: spec.illustrative,
      tokensPerGpuHour: spec.underlying === "gpu-hour-index" ? perUnit : null,
      minimumLot: spec.minimumLot ?? 1,
    },
    method: { name: method.name, description: method.description, ...method.summary },
    rounding: policy.rounding,
    lot,
    forecastBasis: basis,
    volumeCap: cap,
    tailing: opts.tail ?? null,
    conversion: planConversion,
    months,
    totals,
    warnings,
  };
}

/**
 * The plan-wide warnings, appended in this order: months outside the band, months whose ratio was negative, the
 * cap holding ratios below the band, months hedged in a later contract, interpolated prices. A plan with no month
 * although the curve has some is an error (an empty plan with exit 0 would tell CI the hedge is in place).
 */
function planWarnings(
  p: {
    months: readonly PlanMonth[];
    outside: OutsideBand;
    methodName: string;
    cap: string | null;
    curve: PlanInput["curve"];
    forecast: PlanInput["forecast"];
  },
  warnings: string[],
): void {
  const { months, outside, methodName, cap, curve, forecast } = p;
  for (const side of ["above", "below"] as const) {
    const list = outside[side];
    if (list.length > 0) {
      warnings.push(
        `the ${methodName} ratio is ${side} the policy band in ${list.length} month${list.length === 1 ? "" : "s"} (kept, not clipped): ${list.join("; ")}`,
      );
    }
  }
  if (months.length === 0 && curve.length > 0) {
    // An empty plan with exit 0 would tell CI the hedge is in place.
    const fc = forecast.map((f) => f.month).sort();
    const cv = curve.map((p) => p.month);
    const span = (ms: string[]): string =>
      ms.length === 0 ? "none" : ms.length === 1 ? ms[0]! : `${ms[0]} to ${ms[ms.length - 1]}`;
    throw new HedgeError(
      "INPUT_INVALID",
      `nothing to hedge: no delivery month of the curve (${span(cv)}) has a forecast (${span(fc)})`,
      {
        expected: "a curve with delivery months after the usage history",
        hint:
          fc.length > 0 && cv[cv.length - 1]! < fc[0]!
            ? "the curve ends before the forecast starts: use a newer curve (its months must follow the usage history)"
            : "check the curve and the usage file belong together",
      },
    );
  }
  if (outside.negative.length > 0) {
    warnings.push(
      `the ${methodName} ratio asks for a short futures position in ${outside.negative.length} month${outside.negative.length === 1 ? "" : "s"}; a long hedge plan holds 0 contracts there: ${outside.negative.join("; ")}`,
    );
  }
  if (outside.capBelow.length > 0) {
    warnings.push(
      `the ${cap} volume cap holds the ratio below the policy band in ${outside.capBelow.length} month${outside.capBelow.length === 1 ? "" : "s"} (policy and cap conflict): ${outside.capBelow.join("; ")}`,
    );
  }
  const later = months.filter((m) => m.flags.includes("later-contract")).map((m) => `${m.month} in ${m.contractMonth}`);
  if (later.length > 0)
    warnings.push(
      `no contract listed for ${later.length} month${later.length === 1 ? "" : "s"}: hedged in the next listed delivery month and closed out when the month is paid (basis risk between the two months): ${later.join(", ")}`,
    );
  const interpolated = months.filter((m) => m.futuresPriceInterpolated).map((m) => m.month);
  if (interpolated.length > 0) warnings.push(`futures prices interpolated, not quoted: ${interpolated.join(", ")}`);
}

/** The plan's totals: sums in decimal, the average locked-in price per unit of quote, and the month counts. */
export function planTotals(months: readonly PlanMonth[], contractSize: number, divisor: number): PlanTotals {
  const sum = (pick: (m: PlanMonth) => number): number =>
    months.reduce((acc, m) => acc.plus(pick(m)), new Dec(0)).toNumber();
  const hedgedTokens = sum((m) => m.hedgedTokens);
  const forecastTokens = sum((m) => m.forecastTokens);
  // Ratios are of the exposure the hedge answers for: the uncommitted remainder where commitments apply.
  const exposureTokens = sum((m) => m.hedgeableTokens ?? m.forecastTokens);
  const lockedInCost = sum((m) => m.lockedInCost);
  const totalContracts = sum((m) => m.contracts);
  const hedgedUnits = totalContracts * contractSize;
  const totals: PlanTotals = {
    forecastTokens,
    ...(months.some((m) => m.hedgeableTokens !== undefined) ? { hedgeableTokens: exposureTokens } : {}),
    contracts: totalContracts,
    hedgedTokens,
    achievedRatio: exposureTokens > 0 ? hedgedTokens / exposureTokens : 0,
    lockedInCost,
    averageLockedInPrice:
      hedgedUnits > 0 ? Number(new Dec(lockedInCost).times(divisor).div(hedgedUnits).toFixed(4)) : null,
    initialMargin: sum((m) => m.initialMargin),
    fees: sum((m) => m.fees),
    monthsCapped: months.filter((m) => m.flags.includes("capped")).length,
    monthsOutsideBand: months.filter((m) => m.flags.includes("above-band") || m.flags.includes("below-band")).length,
    expectedOverHedgeTokens:
      months.every((m) => m.expectedOverHedgeTokens !== null) && months.length > 0
        ? sum((m) => m.expectedOverHedgeTokens!)
        : null,
  };
  return totals;
}

/**
 * A cross hedge's conversion with its sensitivity: the plan rebuilt with k tokens per GPU-hour off by each relative
 * error in `kSensitivity` (default ±10%, ±25%), and the warning that the conversion is itself a risk.
 */
function crossHedgeConversion(input: PlanInput, conversion: GpuConversion, totals: PlanTotals): PlanConversion {
  const opts = input.options ?? {};
  const { hedgedTokens, contracts: totalContracts } = totals;
  const forecastTokens = totals.hedgeableTokens ?? totals.forecastTokens;
  const changes = opts.kSensitivity ?? DEFAULT_K_SENSITIVITY;
  const sensitivity = changes.map((change): KSensitivity => {
    const k = conversion.tokensPerGpuHour * (1 + change);
    const other = buildPlan({
      ...input,
      options: { ...opts, conversion: { ...conversion, tokensPerGpuHour: k }, kSensitivity: [] },
    });
    return {
      change,
      tokensPerGpuHour: Number(k.toFixed(6)),
      contracts: other.totals.contracts,
      contractsChange: other.totals.contracts - totalContracts,
      achievedRatioIfTrue: forecastTokens > 0 ? (hedgedTokens * (1 + change)) / forecastTokens : 0,
    };
  });
  return {
    ...conversion,
    sensitivity,
    warning:
      `cross hedge: token exposure converted at ${conversion.tokensPerGpuHour.toLocaleString("en-US")} tokens per GPU-hour (${conversion.source}); ` +
      "this conversion is an assumption and itself a risk: an error of x% in it mis-sizes the hedge by x%",
  };
}
