/**
 * Contract counts. N = h · Q / size (DESIGN.md §5), rounded by an explicit rule:
 * `down` never hedges more than the target (the prudent default for a forecast exposure: an
 * over-hedge is a speculative position), `up` never less, `nearest` as textbooks do.
 * Computed in decimal arithmetic so that exact multiples (0.8 × 12.5e9 / 1e9 = 10) do not become
 * 9.999999999 and lose a contract to `floor`.
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

export function sizeContracts(ratio: number, exposure: number | Dec, contractSize: number, rounding: Rounding): ContractCount {
  const raw = new Dec(ratio).times(exposure).div(contractSize);
  return { unrounded: raw.toNumber(), contracts: roundContracts(raw, rounding) };
}
