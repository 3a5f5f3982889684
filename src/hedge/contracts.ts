/**
 * Contract counts. N = h · Q / size (docs/METHODOLOGY.md), rounded by an explicit rule:
 * `down` never hedges more than the target (the prudent default for a forecast exposure: an
 * over-hedge is a speculative position), `up` never less, `nearest` as textbooks do.
 * Computed in decimal arithmetic so that exact multiples (0.8 × 12.5e9 / 1e9 = 10) do not become
 * 9.999999999 and lose a contract to `floor`.
 *
 * Two refinements a desk uses:
 *   - a minimum lot L: orders are whole multiples of L contracts, so N is rounded to a multiple of L by the same
 *     rule (a month needing 3 contracts with L = 5 gets 0 rounded down, 5 rounded up or to nearest);
 *   - tailing (Hull, Options, Futures, and Other Derivatives, ch. 3, "tailing the hedge"): size on values rather
 *     than quantities, N = h · (S₀·Q)/(F₀·size), i.e. the plain count times S₀/F₀.
 */
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
  if (!(Number.isInteger(lot) && lot >= 1)) throw new RangeError(`a lot is a whole number of contracts ≥ 1, got ${lot}`);
  return roundContracts(unrounded.div(lot), rounding) * lot;
}

export function sizeContracts(ratio: number, exposure: number | Dec, contractSize: number, rounding: Rounding, lot = 1): ContractCount {
  const raw = new Dec(ratio).times(exposure).div(contractSize);
  return { unrounded: raw.toNumber(), contracts: roundToLot(raw, rounding, lot) };
}

/** The tailed count: h · (S₀·Q)/(F₀·size), rounded by rule and lot. */
export function sizeTailedContracts(ratio: number, exposure: number | Dec, contractSize: number, spotPrice: number, futuresPrice: number, rounding: Rounding, lot = 1): ContractCount {
  const raw = new Dec(ratio).times(exposure).times(spotPrice).div(new Dec(futuresPrice).times(contractSize));
  return { unrounded: raw.toNumber(), contracts: roundToLot(raw, rounding, lot) };
}
