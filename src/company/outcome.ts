/**
 * One delivery month from the company's side:
 *   company price  S_T = S₀ + β·(F_T − F₀)                 (basis.ts; sticky β = 0, index β = 1)
 *   companyCost    = committed cost + uncommitted tokens × S_T / 1e6     (the unhedged cost)
 *   indexCost      = tokens × F_T at the index (what every figure was before the company's price was known)
 *   futuresPnl     = N · size · (F_T − F₀) / divisor        on the index, as in src/scenarios/pnl.ts
 *   hedgedCost     = companyCost − futuresPnl
 * Money in decimal, rounded to cents once per figure; hedgedCost is the difference of the rounded figures, so
 * it is exact to the cent in every output.
 */
import { Dec, toCents } from "../money/decimal.js";
import { companyCost as indexCostOf, futuresPnl, type MonthOutcomeInput } from "../scenarios/pnl.js";
import { companyPriceAfter, type Basis } from "./basis.js";
import type { CommittedMonth } from "./commitments.js";

/** The index month (scenarios/pnl.ts) and the company's side of it. */
export interface CompanyMonthInput extends MonthOutcomeInput {
  /** S₀: the company's blended price of the month before any shock, USD/Mtok. */
  companyPrice: number;
  basis: Basis;
  /** The month's commitments applied to `tokens`, if any. */
  committed?: CommittedMonth;
}

export interface CompanyMonthOutcome {
  tokens: number;
  /** S_T, USD/Mtok, to 6 decimals. */
  companyPrice: number;
  companyCost: number;
  indexCost: number;
  futuresPnl: number;
  hedgedCost: number;
  committedCost: number;
  shortfallCost: number;
}

export function companyMonthOutcome(i: CompanyMonthInput): CompanyMonthOutcome {
  // The index move in USD/Mtok: the contract's quote converted (a GPU-hour price of F is F·1e6/k per Mtok).
  const perMtok = 1_000_000 / (i.divisor * i.tokensPerUnit);
  const price = companyPriceAfter(i.basis, i.companyPrice, i.futuresPrice * perMtok, i.settlementPrice * perMtok);
  const floating = i.committed ? i.committed.uncommittedTokens : i.tokens;
  const committedCost = i.committed?.committedCost ?? 0;
  const cost = toCents(new Dec(floating).times(new Dec(price).toDecimalPlaces(10)).div(1_000_000).plus(committedCost));
  const indexCost = toCents(indexCostOf(i.tokens, i.settlementPrice, i.divisor, i.tokensPerUnit));
  const pnl = futuresPnl(i);
  return {
    tokens: i.tokens,
    companyPrice: Number(price.toFixed(6)),
    companyCost: cost,
    indexCost,
    futuresPnl: pnl,
    hedgedCost: new Dec(cost).minus(pnl).toNumber(),
    committedCost,
    shortfallCost: i.committed?.shortfallCost ?? 0,
  };
}
