/**
 * Contract sizing and rounding — the one home of both. Two rounding families, which differ on purpose:
 *
 * 1. The plan's counts (roundContracts, roundToLot, sizeContracts, sizeTailedContracts): N = h · Q / size
 *    (docs/METHODOLOGY.md), in decimal arithmetic so that exact multiples (0.8 × 12.5e9 / 1e9 = 10) do not become
 *    9.999999999 and lose a contract to `floor`. `down` is toward −∞ (floor) and never hedges more than the target
 *    (the prudent default for a forecast exposure: an over-hedge is a speculative position), `up` toward +∞ (never
 *    less), `nearest` half away from zero, as textbooks do. The plan's hedges are long, so N ≥ 0 and floor is
 *    "toward zero" there.
 * 2. Hull's N* of `hedge-ratio` (optimalContracts, tailedContracts, roundContractCount): a signed count (a
 *    negative h* is a short hedge), in binary floating point with a value within 1e−9 (relative) of a whole number
 *    snapped to it. The rule applies to the magnitude: `down` toward zero (never over-hedge, whatever the sign),
 *    `up` away from zero, `nearest` half away from zero. Default `nearest`, as in Hull's examples.
 * For N ≥ 0 the two agree, up to the way each guards against rounding noise (exact decimals against the snap).
 *
 * Two refinements a desk uses:
 *   - a minimum lot L: orders are whole multiples of L contracts, so N is rounded to a multiple of L by the same
 *     rule (a month needing 3 contracts with L = 5 gets 0 rounded down, 5 rounded up or to nearest);
 *   - tailing (Hull, Options, Futures, and Other Derivatives, ch. 3, "tailing the hedge"): size on values rather
 *     than quantities, N = h · (S₀·Q)/(F₀·size), i.e. the plain count times S₀/F₀.
 */
import { HedgeError } from "../errors.js";
import { Dec } from "../money/decimal.js";
import type { Rounding } from "./policy.js";

export interface ContractCount {
  unrounded: number;
  contracts: number;
}

export function roundContracts(unrounded: Dec, rounding: Rounding): number {
  const mode = rounding === "down" ? Dec.ROUND_FLOOR : rounding === "up" ? Dec.ROUND_CEIL : Dec.ROUND_HALF_UP;
  return unrounded.toDecimalPlaces(0, mode).toNumber();
}

/** Rounds to a whole multiple of `lot` contracts by the rule (lot 1: plain rounding). */
export function roundToLot(unrounded: Dec, rounding: Rounding, lot = 1): number {
  if (!(Number.isInteger(lot) && lot >= 1))
    throw new RangeError(`a lot is a whole number of contracts ≥ 1, got ${lot}`);
  return roundContracts(unrounded.div(lot), rounding) * lot;
}

export function sizeContracts(
  ratio: number,
  exposure: number | Dec,
  contractSize: number,
  rounding: Rounding,
  lot = 1,
): ContractCount {
  const raw = new Dec(ratio).times(exposure).div(contractSize);
  return { unrounded: raw.toNumber(), contracts: roundToLot(raw, rounding, lot) };
}

/** The tailed count: h · (S₀·Q)/(F₀·size), rounded by rule and lot. */
export function sizeTailedContracts(
  ratio: number,
  exposure: number | Dec,
  contractSize: number,
  spotPrice: number,
  futuresPrice: number,
  rounding: Rounding,
  lot = 1,
): ContractCount {
  const raw = new Dec(ratio).times(exposure).times(spotPrice).div(new Dec(futuresPrice).times(contractSize));
  return { unrounded: raw.toNumber(), contracts: roundToLot(raw, rounding, lot) };
}

/** How a fractional contract count becomes a whole one. */
export type ContractRounding = "nearest" | "down" | "up";

/**
 * A contract count: `value` is the whole number to trade, `unrounded` the exact optimum.
 * "down" rounds toward zero (never over-hedge, whatever the sign), "up" away from zero, "nearest" to the
 * nearest whole number with halves away from zero.
 */
export interface RoundedContracts {
  value: number;
  unrounded: number;
  rounding: ContractRounding;
}

/** The position being hedged and the contract it is hedged with. */
export interface HedgeExposure {
  /** Q_A: units exposed (e.g. Mtok, gallons), in the same unit as the contract size. */
  quantity: number;
  /** Q_F: units per futures contract. */
  contractSize: number;
  /** S₀, spot price today (needed for the tailed count). */
  spotPrice?: number;
  /** F₀, futures price today (needed for the tailed count). */
  futuresPrice?: number;
  /** Default "nearest", as in Hull's examples. */
  rounding?: ContractRounding;
}

/** N* = h*·Q_A/Q_F (Hull ch. 3), rounded by `exposure.rounding` (default nearest). */
export function optimalContracts(hedgeRatio: number, exposure: HedgeExposure): RoundedContracts {
  const quantity = requirePositive(exposure.quantity, "quantity");
  const contractSize = requirePositive(exposure.contractSize, "contractSize");
  return roundContractCount((hedgeRatio * quantity) / contractSize, exposure.rounding ?? "nearest");
}

/** Tailed N* = h*·V_A/V_F with V_A = S₀·Q_A and V_F = F₀·Q_F (Hull ch. 3, "tailing the hedge"). */
export function tailedContracts(
  hedgeRatio: number,
  exposure: HedgeExposure & { spotPrice: number; futuresPrice: number },
): RoundedContracts {
  const quantity = requirePositive(exposure.quantity, "quantity");
  const contractSize = requirePositive(exposure.contractSize, "contractSize");
  const spot = requirePositive(exposure.spotPrice, "spotPrice");
  const futures = requirePositive(exposure.futuresPrice, "futuresPrice");
  return roundContractCount((hedgeRatio * spot * quantity) / (futures * contractSize), exposure.rounding ?? "nearest");
}

/**
 * Rounds a contract count. A value within 1e−9 (relative) of a whole number is taken as that whole number first,
 * so that floating-point noise such as 0.3·10/1 = 3.0000000000000004 does not turn "up" into 4 contracts.
 */
export function roundContractCount(unrounded: number, rounding: ContractRounding): RoundedContracts {
  const whole = Math.round(unrounded);
  const snapped = Math.abs(unrounded - whole) <= 1e-9 * Math.max(1, Math.abs(unrounded)) ? whole : unrounded;
  const magnitude = Math.abs(snapped);
  const rounded =
    rounding === "down" ? Math.floor(magnitude) : rounding === "up" ? Math.ceil(magnitude) : Math.round(magnitude);
  // Math.round rounds halves up for positive numbers; applying it to |x| gives halves away from zero.
  const value = Math.sign(snapped) * rounded;
  return { value: value === 0 ? 0 : value, unrounded, rounding };
}

/** The value, if it is a finite number above 0; otherwise an INPUT_INVALID error naming it. */
export function requirePositive(value: number, name: string): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new HedgeError("INPUT_INVALID", `${name} must be a positive number; got ${value}`, {
      path: name,
      value: String(value),
      expected: "a number greater than 0",
    });
  }
  return value;
}
