/**
 * P&L of a long futures hedge in one delivery month (docs/METHODOLOGY.md):
 *   futures P&L = N · size · (S_T − F0) / quote divisor
 *   hedged cost = actual cost − futures P&L
 *   effective price = hedged cost / actual tokens · 1e6   (USD/Mtok)
 * The company's own price is taken to move one for one with the index (basis a = 0, b = 1); for a
 * GPU-hour contract the token price implied by the GPU-hour price is S · 1e6 / k, k tokens per GPU-hour.
 * Money is computed in decimal and rounded to cents once; hedged cost is the difference of the rounded
 * figures, so hedgedCost = unhedgedCost − futuresPnl holds to the cent in every output.
 */
import { Dec, toCents } from "../money/decimal.js";

export interface MonthOutcomeInput {
  tokens: number;
  contracts: number;
  contractSize: number;
  /** Quote divisor: 1e6 for USD/Mtok, 1 for USD/GPU-hour. */
  divisor: number;
  /** Tokens per contract-size unit: 1 for token contracts, k for GPU-hour contracts. */
  tokensPerUnit: number;
  futuresPrice: number;
  settlementPrice: number;
}

export interface MonthOutcome {
  tokens: number;
  unhedgedCost: number;
  futuresPnl: number;
  hedgedCost: number;
  /** USD per million tokens after the hedge; null for zero volume. */
  effectivePrice: number | null;
}

export function companyCost(tokens: number, settlementPrice: number, divisor: number, tokensPerUnit: number): Dec {
  // Units bought = tokens / tokensPerUnit; each costs settlementPrice / divisor.
  return new Dec(tokens).div(tokensPerUnit).times(settlementPrice).div(divisor);
}

export function monthOutcome(i: MonthOutcomeInput): MonthOutcome {
  const unhedged = toCents(companyCost(i.tokens, i.settlementPrice, i.divisor, i.tokensPerUnit));
  const pnl = futuresPnl(i);
  const hedged = new Dec(unhedged).minus(pnl).toNumber();
  return {
    tokens: i.tokens,
    unhedgedCost: unhedged,
    futuresPnl: pnl,
    hedgedCost: hedged,
    effectivePrice: i.tokens > 0 ? effectivePrice(hedged, i.tokens) : null,
  };
}

/** N · size · (S_T − F0) / quote divisor, in cents: the long position's P&L on the index. */
export function futuresPnl(
  i: Pick<MonthOutcomeInput, "contracts" | "contractSize" | "divisor" | "futuresPrice" | "settlementPrice">,
): number {
  return toCents(
    new Dec(i.contracts).times(i.contractSize).times(new Dec(i.settlementPrice).minus(i.futuresPrice)).div(i.divisor),
  );
}

/** USD per million tokens, to 4 decimals. */
export function effectivePrice(cost: number, tokens: number): number {
  return Number(new Dec(cost).div(tokens).times(1_000_000).toFixed(4));
}
