/**
 * A cost budget for the hedged horizon, in one of two forms:
 *   "2500000" or "$2,500,000"  → a total in USD for the whole horizon;
 *   "2.0/Mtok"                  → a rate in USD per million tokens: the budget of a month is rate × its tokens, so a
 *                                 volume case that uses more tokens has a proportionally larger budget.
 * The difference reported is hedged cost − budget: positive means over budget.
 */
import { Dec, toCents } from "../money/decimal.js";
import { parseBudget, type Budget } from "./budget-text.js";

export { parseBudget, type Budget };

/** The budget for `tokens` tokens: the total itself, or rate × tokens / 1e6 rounded to cents. */
export function budgetAmount(budget: Budget, tokens: number): number {
  return budget.kind === "total" ? budget.usd : toCents(new Dec(tokens).div(1_000_000).times(budget.usdPerMtok));
}

/** Per-month budget: only a rate splits by month (a total is a budget for the whole horizon). */
export function monthBudget(budget: Budget, tokens: number): number | null {
  return budget.kind === "rate" ? budgetAmount(budget, tokens) : null;
}

/** Hedged cost − budget, in cents (positive = over budget). */
export function versusBudget(hedgedCost: number, budget: number): number {
  return new Dec(hedgedCost).minus(budget).toNumber();
}

// Made on first use (the first Intl.NumberFormat costs ~10 ms at start-up).
let USD: Intl.NumberFormat | undefined;

/** "$2,500,000.00 for the horizon" or "2 USD/Mtok". */
export function describeBudget(budget: Budget): string {
  return budget.kind === "total"
    ? `$${(USD ??= new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(budget.usd)} for the horizon`
    : `${budget.usdPerMtok} USD/Mtok`;
}
