/**
 * The hedge plan: per delivery month, the forecast exposure, the target ratio from a method (the policy ladder,
 * the minimum-variance ratio of a price history, or the price-and-volume risk hedge), an optional cap at a low
 * quantile of the volume forecast, the contract count and what it locks in (docs/METHODOLOGY.md). A consumer of
 * tokens is short tokens, so the hedge is a long futures position.
 *
 * Nothing is clipped silently: a method ratio outside the policy band is kept and flagged; a ratio the volume cap
 * lowers is reported as `hedgeRatio` beside the method's `targetRatio`, and flagged `capped`.
 */
import { HedgeError } from "../errors.js";
import { Dec, toCents } from "../money/decimal.js";
import { monthsBetween } from "../time/period.js";
import type { ContractSpec } from "../curve/contract.js";
import { quoteDivisor } from "../curve/contract.js";
import { checkListedMonths } from "../curve/complete-curve.js";
import { resolveGpuConversion, type GpuConversion } from "../curve/gpu-conversion.js";
import type { CurvePoint } from "../curve/parse-curve.js";
import { roundToLot, sizeContracts, sizeTailedContracts } from "./contracts.js";
import { rungFor, type HedgePolicy } from "./policy.js";
import { policyMethod } from "./methods/policy-ladder.js";
import type { HedgeRatioMethod, MonthContext, VolumeForecastMonth } from "./methods/types.js";
import { overHedge, volumeAt } from "./methods/volume.js";

export type { VolumeForecastMonth } from "./methods/types.js";

/**
 * Why a month needs a second look:
 * - `capped`: the contracts would have hedged more than the volume cap, so the count was lowered to fit under it;
 * - `above-band` / `below-band`: the method's ratio is outside the policy band (kept as it is);
 * - `cap-below-band`: the cap pushes the ratio below the band's minimum (policy and cap conflict);
 * - `below-lot`: the target is above 0 but rounds to no whole lot;
 * - `negative-ratio`: the method asks for a short position, which this long-hedge plan does not take (0 contracts);
 * - `interpolated-price`: the month's futures price was interpolated, not quoted;
 * - `later-contract`: no contract is listed for the month, so its volume is hedged in the nearest listed delivery
 *   month after it (`contractMonth`), closed out when the month's cost is paid (Hull ch. 3, "choice of contract").
 */
export type PlanFlag = "capped" | "above-band" | "below-band" | "cap-below-band" | "below-lot" | "negative-ratio" | "interpolated-price" | "later-contract";

export interface PlanMonth {
  month: string;
  /** The delivery month of the contract that hedges it: `month`, or the next listed month (flag `later-contract`). */
  contractMonth: string;
  /** Months ahead, 1 = the first hedged month (calendar months, not curve rows: a quarterly listing skips rows). */
  tenor: number;
  /** The volume hedged, tokens: the forecast at `forecastBasis` (mean, or a quantile such as p50). */
  forecastTokens: number;
  forecastBasis: string;
  forecastP10: number;
  forecastP50: number;
  forecastP90: number;
  /** The method's ratio (policy rung, h*, or N* over the exposure), before any cap. */
  targetRatio: number;
  /** The ratio sized: targetRatio, or lower where the volume cap binds. */
  hedgeRatio: number;
  /** The policy band of this tenor; null when the policy has none. */
  band: { min: number | null; max: number | null } | null;
  capQuantile: string | null;
  /** Hedged tokens may not exceed this (the cap quantile of the month's volume); null without a cap. */
  capTokens: number | null;
  /** Exposure in the contract's unit (tokens, or GPU-hours for a cross hedge). */
  exposureUnits: number;
  contractsUnrounded: number;
  contracts: number;
  hedgedTokens: number;
  achievedRatio: number;
  futuresPrice: number;
  futuresPriceInterpolated: boolean;
  /** S₀/F₀ when the hedge is tailed; null otherwise. */
  tailFactor: number | null;
  lockedInCost: number;
  initialMargin: number;
  fees: number;
  /** P(realised volume < hedged tokens), from the forecast's sample paths; null without them. */
  probabilityOverHedge: number | null;
  /** E[max(0, hedged − realised)] tokens; null without sample paths. */
  expectedOverHedgeTokens: number | null;
  flags: PlanFlag[];
  /** Method-specific figures (e.g. the quantity method's price and volume terms). */
  methodDetail: Record<string, number | null> | null;
  /**
   * With commitments (take-or-pay volume at a fixed price): the tokens committed in the month, and the uncommitted
   * remainder at `forecastBasis` that the ratio, the cap and P(over-hedge) apply to. Absent without commitments.
   */
  committedTokens?: number;
  hedgeableTokens?: number;
}

export interface PlanTotals {
  forecastTokens: number;
  /** Σ uncommitted remainder (the exposure the ratios apply to); absent without commitments. */
  hedgeableTokens?: number;
  contracts: number;
  hedgedTokens: number;
  achievedRatio: number;
  lockedInCost: number;
  /** Locked-in cost per hedged Mtok (token contracts) or per hedged GPU-hour. */
  averageLockedInPrice: number | null;
  initialMargin: number;
  fees: number;
  monthsCapped: number;
  monthsOutsideBand: number;
  /** Σ E[over-hedged tokens]; null without sample paths. */
  expectedOverHedgeTokens: number | null;
}

export interface KSensitivity {
  /** Relative error in k, e.g. −0.1. */
  change: number;
  tokensPerGpuHour: number;
  /** Total contracts the plan would hold had it been sized with this k. */
  contracts: number;
  contractsChange: number;
  /** Share of forecast tokens this plan's contracts would really cover if the true k were this one. */
  achievedRatioIfTrue: number;
}

export interface PlanConversion extends GpuConversion {
  /** What an error in k does to the hedge (docs/METHODOLOGY.md: one for one). */
  sensitivity: KSensitivity[];
  warning: string;
}

export interface HedgePlan {
  contract: {
    name: string;
    underlying: ContractSpec["underlying"];
    quoteUnit: string;
    contractSize: number;
    sizeUnit: string;
    illustrative: boolean;
    /** The effective tokens per GPU-hour used (blended); null for a token contract. */
    tokensPerGpuHour: number | null;
    minimumLot: number;
  };
  method: { name: HedgeRatioMethod["name"]; description: string } & Record<string, unknown>;
  rounding: HedgePolicy["rounding"];
  lot: number;
  forecastBasis: string;
  volumeCap: string | null;
  tailing: { spotPrice: number } | null;
  conversion: PlanConversion | null;
  months: PlanMonth[];
  totals: PlanTotals;
  warnings: string[];
}

export interface PlanOptions {
  /** Where the target ratios come from; default the policy ladder. */
  method?: HedgeRatioMethod;
  /** Cap hedged tokens at this quantile of each month's volume forecast ("p10"); default none. */
  volumeCap?: string | null;
  /** The volume to hedge: "mean" (default) or a quantile ("p50"). */
  forecastBasis?: string;
  /** Tail the hedge: N = h·(S₀·Q)/(F₀·size), S₀ in the contract's quote unit. */
  tail?: { spotPrice: number };
  /** Contracts in whole multiples of this; default the spec's minimumLot, else 1. */
  lot?: number;
  /** The GPU-hour conversion (resolved by the caller, e.g. from the usage's model mix); default from the spec. */
  conversion?: GpuConversion | null;
  /** Relative errors in k to report; default ±10%, ±25%. */
  kSensitivity?: readonly number[];
  /**
   * Per month, the volume left once commitments are taken out (src/company/committed-exposure.ts) and the tokens
   * committed: contracts are sized on it, the month's forecast fields stay the whole volume.
   */
  hedgeable?: ReadonlyMap<string, { forecast: VolumeForecastMonth; committedTokens: number }>;
}

export interface PlanInput {
  forecast: VolumeForecastMonth[];
  curve: CurvePoint[];
  spec: ContractSpec;
  policy: HedgePolicy;
  options?: PlanOptions;
}

export const DEFAULT_K_SENSITIVITY: readonly number[] = [-0.25, -0.1, 0.1, 0.25];
const EPS = 1e-12;

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
    throw new HedgeError("USAGE", `--tail applies to the minimum-variance hedge, not to the ${method.name} method's volume ratios`, {
      value: String(opts.tail.spotPrice),
      expected: "--tail together with --method mvhr",
      hint: "add --method mvhr --history FILE (price levels), or drop --tail",
    });
  }

  const warnings: string[] = [...method.warnings];
  const months: PlanMonth[] = [];
  const outside = { above: [] as string[], below: [] as string[], capBelow: [] as string[], negative: [] as string[] };
  for (const { point, f, contractMonth } of hedgeSlots(curve, forecast, warnings)) {
    const tenor = months.length === 0 ? 1 : monthsBetween(months[0]!.month, f.month) + 1;
    const rung = rungFor(policy, tenor);
    const forecastTokens = Math.round(volumeAt(f, basis));
    const committed = opts.hedgeable?.get(f.month);
    // The exposure the hedge answers for: the whole volume, or the part no commitment has priced already.
    const h = committed?.forecast ?? f;
    const exposureTokens = committed ? Math.round(volumeAt(h, basis)) : forecastTokens;
    const ctx: MonthContext = { month: f.month, tenor, forecast: h, exposureTokens, futuresPrice: point.price, tokensPerUnit: perUnit, priceScale, rung };
    const m = method.ratioFor(ctx);
    if (m.warning) warnings.push(m.warning);
    const target = m.ratio;
    const flags: PlanFlag[] = [];
    if (point.interpolated) flags.push("interpolated-price");
    if (contractMonth !== f.month) flags.push("later-contract");
    const band = rung && (rung.min !== undefined || rung.max !== undefined) ? { min: rung.min ?? null, max: rung.max ?? null } : null;
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
    months.push({
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
    });
  }
  for (const side of ["above", "below"] as const) {
    const list = outside[side];
    if (list.length > 0) {
      warnings.push(`the ${method.name} ratio is ${side} the policy band in ${list.length} month${list.length === 1 ? "" : "s"} (kept, not clipped): ${list.join("; ")}`);
    }
  }
  if (months.length === 0 && curve.length > 0) {
    // An empty plan with exit 0 would tell CI the hedge is in place.
    const fc = forecast.map((f) => f.month).sort();
    const cv = curve.map((p) => p.month);
    const span = (ms: string[]): string => (ms.length === 0 ? "none" : ms.length === 1 ? ms[0]! : `${ms[0]} to ${ms[ms.length - 1]}`);
    throw new HedgeError("INPUT_INVALID", `nothing to hedge: no delivery month of the curve (${span(cv)}) has a forecast (${span(fc)})`, {
      expected: "a curve with delivery months after the usage history",
      hint: fc.length > 0 && cv[cv.length - 1]! < fc[0]! ? "the curve ends before the forecast starts: use a newer curve (its months must follow the usage history)" : "check the curve and the usage file belong together",
    });
  }
  if (outside.negative.length > 0) {
    warnings.push(`the ${method.name} ratio asks for a short futures position in ${outside.negative.length} month${outside.negative.length === 1 ? "" : "s"}; a long hedge plan holds 0 contracts there: ${outside.negative.join("; ")}`);
  }
  if (outside.capBelow.length > 0) {
    warnings.push(`the ${cap} volume cap holds the ratio below the policy band in ${outside.capBelow.length} month${outside.capBelow.length === 1 ? "" : "s"} (policy and cap conflict): ${outside.capBelow.join("; ")}`);
  }
  const later = months.filter((m) => m.flags.includes("later-contract")).map((m) => `${m.month} in ${m.contractMonth}`);
  if (later.length > 0) warnings.push(`no contract listed for ${later.length} month${later.length === 1 ? "" : "s"}: hedged in the next listed delivery month and closed out when the month is paid (basis risk between the two months): ${later.join(", ")}`);
  const interpolated = months.filter((m) => m.futuresPriceInterpolated).map((m) => m.month);
  if (interpolated.length > 0) warnings.push(`futures prices interpolated, not quoted: ${interpolated.join(", ")}`);

  const sum = (pick: (m: PlanMonth) => number): number => months.reduce((acc, m) => acc.plus(pick(m)), new Dec(0)).toNumber();
  const hedgedTokens = sum((m) => m.hedgedTokens);
  const forecastTokens = sum((m) => m.forecastTokens);
  // Ratios are of the exposure the hedge answers for: the uncommitted remainder where commitments apply.
  const exposureTokens = sum((m) => m.hedgeableTokens ?? m.forecastTokens);
  const lockedInCost = sum((m) => m.lockedInCost);
  const totalContracts = sum((m) => m.contracts);
  const hedgedUnits = totalContracts * spec.contractSize;
  const totals: PlanTotals = {
    forecastTokens,
    ...(opts.hedgeable && opts.hedgeable.size > 0 ? { hedgeableTokens: exposureTokens } : {}),
    contracts: totalContracts,
    hedgedTokens,
    achievedRatio: exposureTokens > 0 ? hedgedTokens / exposureTokens : 0,
    lockedInCost,
    averageLockedInPrice: hedgedUnits > 0 ? Number(new Dec(lockedInCost).times(divisor).div(hedgedUnits).toFixed(4)) : null,
    initialMargin: sum((m) => m.initialMargin),
    fees: sum((m) => m.fees),
    monthsCapped: months.filter((m) => m.flags.includes("capped")).length,
    monthsOutsideBand: months.filter((m) => m.flags.includes("above-band") || m.flags.includes("below-band")).length,
    expectedOverHedgeTokens: months.every((m) => m.expectedOverHedgeTokens !== null) && months.length > 0 ? sum((m) => m.expectedOverHedgeTokens!) : null,
  };

  let planConversion: PlanConversion | null = null;
  if (conversion && spec.underlying === "gpu-hour-index") {
    const changes = opts.kSensitivity ?? DEFAULT_K_SENSITIVITY;
    const sensitivity = changes.map((change): KSensitivity => {
      const k = conversion.tokensPerGpuHour * (1 + change);
      const other = buildPlan({ ...input, options: { ...opts, conversion: { ...conversion, tokensPerGpuHour: k }, kSensitivity: [] } });
      return {
        change,
        tokensPerGpuHour: Number(k.toFixed(6)),
        contracts: other.totals.contracts,
        contractsChange: other.totals.contracts - totalContracts,
        achievedRatioIfTrue: exposureTokens > 0 ? (hedgedTokens * (1 + change)) / exposureTokens : 0,
      };
    });
    planConversion = {
      ...conversion,
      sensitivity,
      warning:
        `cross hedge: token exposure converted at ${conversion.tokensPerGpuHour.toLocaleString("en-US")} tokens per GPU-hour (${conversion.source}); ` +
        "this conversion is an assumption and itself a risk: an error of x% in it mis-sizes the hedge by x%",
    };
    warnings.unshift(planConversion.warning);
  }

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

interface HedgeSlot {
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
function hedgeSlots(curve: readonly CurvePoint[], forecast: readonly VolumeForecastMonth[], warnings: string[]): HedgeSlot[] {
  const byMonth = new Map(forecast.map((f) => [f.month, f]));
  for (const p of curve) if (!byMonth.has(p.month)) warnings.push(`${p.month}: no forecast for this delivery month (it is not after the usage history); not hedged`);
  const first = curve[0]?.month;
  const last = curve[curve.length - 1]?.month;
  if (first === undefined || last === undefined) return [];
  const beyond = forecast.filter((f) => f.month > last).map((f) => f.month);
  if (beyond.length > 0) warnings.push(`no listed contract after ${last}: forecast months ${beyond.join(", ")} are not hedged`);
  const slots: HedgeSlot[] = [];
  let j = 0;
  for (const f of [...forecast].sort((a, b) => (a.month < b.month ? -1 : 1))) {
    if (f.month < first || f.month > last) continue;
    while (curve[j]!.month < f.month) j++;
    slots.push({ point: curve[j]!, f, contractMonth: curve[j]!.month });
  }
  return slots;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
