/**
 * The deterministic scenario grid: price moves against the curve × volume cases.
 *
 * Price moves: a parallel shock s settles every month at S_T = F0 · (1 + s); a twist (twist.ts) shocks each tenor
 * by its own amount. A volume case puts every month at that quantile of its own forecast: "P10" is a year in which
 * each month is at its own P10. That is a stress case, harsher than the P10 of the annual total (monthly errors are
 * not perfectly correlated); the Monte Carlo (`simulate`) gives the distribution of the total. A multiplier case
 * "x0.8" puts every month at 0.8 × its forecast mean.
 *
 * Per month and in total: unhedged cost, futures P&L, hedged cost, effective USD/Mtok (pnl.ts), the difference
 * against an optional budget (budget.ts), over-hedged tokens (hedged tokens above the realised volume), and, given
 * an as-of date, the variation-margin cash flows along a straight price path (margin.ts).
 *
 * Given the company's pricing (src/company/), unhedged cost is the company's cost — its own price passed through
 * the basis, commitments at their fixed price — and the index cost stands beside it (src/company/outcome.ts);
 * the futures P&L stays on the index and the budget is compared with the company's hedged cost.
 *
 * A short hedger (`side: "short"`, a seller of capacity) holds −N contracts against a forecast sale. Its figures keep
 * the same fields in a net-cost convention, revenue counted negative: unhedged = −Q·S_T, futures P&L = −N·size·(S_T − F0),
 * hedged = unhedged − futures P&L = −(revenue + futures P&L), so −hedged/Q·1e6 is Hull's effective price received
 * S₂ + F₁ − F₂ for a full hedge. Views show revenue = −net cost. A seller's budget (a revenue target) is not built:
 * the pipeline refuses it.
 */
import { quoteDivisor } from "../curve/contract.js";
import { Dec } from "../money/decimal.js";
import { applyCommitments } from "../company/commitments.js";
import { companyMonthOutcome, type CompanyMonthOutcome } from "../company/outcome.js";
import type { CompanyPricing } from "../company/pricing.js";
import type { HedgePlan, PlanMonth } from "../hedge/plan.js";
import { budgetAmount, monthBudget, versusBudget, type Budget } from "./budget.js";
import { variationMarginPath, type MarginPath } from "./margin.js";
import { effectivePrice, monthOutcome, type MonthOutcome } from "./pnl.js";
import { twistShocks, type TwistDirection } from "./twist.js";
import type { HedgeSide } from "../book/rebalance.js";
import { DEFAULT_PRICE_SHOCKS, DEFAULT_VOLUME_CASES, type VolumeCase } from "./defaults.js";

export { DEFAULT_PRICE_SHOCKS, DEFAULT_VOLUME_CASES, type VolumeCase };

export interface ScenarioOptions {
  budget?: Budget;
  /** The as-of date YYYY-MM-DD from which the margin path starts; no margin path without it. */
  asOf?: string;
  /** The company's price and basis; without it every cost is at the index. */
  company?: CompanyPricing;
  /** long (default): a buyer's cost hedged with long futures; short: a seller's revenue hedged with short futures. */
  side?: HedgeSide;
}

/** The company-side figures of a month or a scenario (present when the company's pricing is given). */
export interface CompanyFigures {
  /** USD/Mtok the company pays: per month its price after the shock, in total company cost ÷ tokens. */
  companyPrice: number | null;
  companyCost: number;
  /** The same tokens at the index settlement. */
  indexCost: number;
  /** Take-or-pay: the committed tokens' fixed cost, and the part of it paid for unused tokens. */
  committedCost: number;
  shortfallCost: number;
}

export interface ScenarioMonth extends MonthOutcome {
  month: string;
  /** Shock of this month's settlement against its futures price. */
  priceShock: number;
  settlementPrice: number;
  overHedgedTokens: number;
  /** This month's budget (rate budgets only), and hedged cost − budget. */
  budget: number | null;
  vsBudget: number | null;
  company?: CompanyFigures;
}

export interface ScenarioOutcome {
  volumeCase: VolumeCase;
  tokens: number;
  unhedgedCost: number;
  futuresPnl: number;
  hedgedCost: number;
  effectivePrice: number | null;
  unhedgedEffectivePrice: number | null;
  overHedgedTokens: number;
  /** Budget for the horizon and hedged cost − budget (positive = over); null without a budget. */
  budget: number | null;
  vsBudget: number | null;
  /** Variation margin along the straight price path; null without an as-of date. */
  margin: MarginPath | null;
  months: ScenarioMonth[];
  company?: CompanyFigures;
}

export interface ScenarioResult extends ScenarioOutcome {
  priceShock: number;
}

export interface TwistResult extends ScenarioOutcome {
  twist: TwistDirection;
  twistAmount: number;
}

/** The volume case "x<m>" for multiplier m. */
export function multiplierCase(multiplier: number): VolumeCase {
  return `x${multiplier}`;
}

export function volumeFor(m: PlanMonth, c: VolumeCase): number {
  switch (c) {
    case "p10":
      return m.forecastP10;
    case "p50":
      return m.forecastP50;
    case "p90":
      return m.forecastP90;
    case "mean":
      return m.forecastTokens;
    default: {
      const multiplier = Number(c.slice(1));
      if (!Number.isFinite(multiplier) || multiplier < 0) throw new Error(`not a volume case: ${c}`);
      // Whole tokens, so totals stay exact integers.
      return new Dec(m.forecastTokens).times(multiplier).toDecimalPlaces(0).toNumber();
    }
  }
}

/** Settlement price after a shock, kept to 10 decimals so the decimal money maths sees a clean number. */
export function shockedPrice(futuresPrice: number, shock: number): number {
  return new Dec(futuresPrice).times(new Dec(1).plus(shock)).toDecimalPlaces(10).toNumber();
}

/** One scenario with its own shock per delivery month (shocks[i] for plan.months[i]). */
export function runShocks(
  plan: HedgePlan,
  shocks: readonly number[],
  volumeCase: VolumeCase,
  options: ScenarioOptions = {},
): ScenarioOutcome {
  const divisor = quoteDivisor(plan.contract);
  const perUnit = plan.contract.tokensPerGpuHour ?? 1;
  const budget = options.budget;
  let tokens = new Dec(0);
  let unhedged = new Dec(0);
  let pnl = new Dec(0);
  let over = 0;
  const pricing = options.company;
  // +1 long, −1 short: the position's contracts and the exposure's cash flow (a sale is a negative cost).
  const sign = options.side === "short" ? -1 : 1;
  if (sign < 0 && budget) throw new Error("a budget is a buyer's; the pipeline refuses one for a short hedge");
  const companySums = { company: new Dec(0), index: new Dec(0), committed: new Dec(0), shortfall: new Dec(0) };
  const months: ScenarioMonth[] = plan.months.map((m, i) => {
    const priceShock = shocks[i] ?? 0;
    const volume = volumeFor(m, volumeCase);
    const settlementPrice = shockedPrice(m.futuresPrice, priceShock);
    const leg = {
      contracts: sign * m.contracts,
      contractSize: plan.contract.contractSize,
      divisor,
      tokensPerUnit: perUnit,
      futuresPrice: m.futuresPrice,
      settlementPrice,
    };
    let outcome: MonthOutcome = signedOutcome(monthOutcome({ tokens: volume, ...leg }), sign);
    let company: CompanyFigures | undefined;
    // Over-hedged against what the hedge answers for: the volume left after commitments, where they apply.
    let exposed = volume;
    if (pricing) {
      const committed = pricing.commitments
        ? applyCommitments(pricing.commitments.commitments, pricing.mix?.lines ?? [], m.month, volume)
        : undefined;
      const c = signedCompanyOutcome(
        companyMonthOutcome({
          tokens: volume,
          companyPrice: pricing.priceByMonth.get(m.month)!,
          basis: pricing.basis,
          ...leg,
          ...(committed ? { committed } : {}),
        }),
        sign,
      );
      outcome = {
        tokens: volume,
        unhedgedCost: c.companyCost,
        futuresPnl: c.futuresPnl,
        hedgedCost: c.hedgedCost,
        effectivePrice: volume > 0 ? effectivePrice(c.hedgedCost, volume) : null,
      };
      company = {
        companyPrice: c.companyPrice,
        companyCost: c.companyCost,
        indexCost: c.indexCost,
        committedCost: c.committedCost,
        shortfallCost: c.shortfallCost,
      };
      companySums.company = companySums.company.plus(c.companyCost);
      companySums.index = companySums.index.plus(c.indexCost);
      companySums.committed = companySums.committed.plus(c.committedCost);
      companySums.shortfall = companySums.shortfall.plus(c.shortfallCost);
      if (committed) exposed = committed.uncommittedTokens;
    }
    const overHedgedTokens = Math.max(0, m.hedgedTokens - exposed);
    tokens = tokens.plus(volume);
    unhedged = unhedged.plus(outcome.unhedgedCost);
    pnl = pnl.plus(outcome.futuresPnl);
    over += overHedgedTokens;
    const mb = budget ? monthBudget(budget, volume) : null;
    return {
      month: m.month,
      priceShock,
      settlementPrice,
      ...outcome,
      overHedgedTokens,
      budget: mb,
      vsBudget: mb === null ? null : versusBudget(outcome.hedgedCost, mb),
      ...(company ? { company } : {}),
    };
  });
  const hedged = unhedged.minus(pnl);
  const t = tokens.toNumber();
  const total = budget ? budgetAmount(budget, t) : null;
  const margin = options.asOf
    ? variationMarginPath({
        legs: months.map((sm, i) => ({
          month: sm.month,
          contracts: sign * plan.months[i]!.contracts,
          futuresPrice: plan.months[i]!.futuresPrice,
          settlementPrice: sm.settlementPrice,
        })),
        contractSize: plan.contract.contractSize,
        divisor,
        asOf: options.asOf,
      })
    : null;
  return {
    volumeCase,
    tokens: t,
    unhedgedCost: unhedged.toNumber(),
    futuresPnl: pnl.toNumber(),
    hedgedCost: hedged.toNumber(),
    effectivePrice: t > 0 ? effectivePrice(hedged.toNumber(), t) : null,
    unhedgedEffectivePrice: t > 0 ? effectivePrice(unhedged.toNumber(), t) : null,
    overHedgedTokens: over,
    budget: total,
    vsBudget: total === null ? null : versusBudget(hedged.toNumber(), total),
    margin,
    months,
    ...(pricing
      ? {
          company: {
            companyPrice: t > 0 ? effectivePrice(companySums.company.toNumber(), t) : null,
            companyCost: companySums.company.toNumber(),
            indexCost: companySums.index.toNumber(),
            committedCost: companySums.committed.toNumber(),
            shortfallCost: companySums.shortfall.toNumber(),
          },
        }
      : {}),
  };
}

/** A month's outcome in the net-cost convention of the side: a seller's cost is minus its revenue (futures P&L already signed). */
function signedOutcome(o: MonthOutcome, sign: 1 | -1): MonthOutcome {
  if (sign > 0) return o;
  const unhedgedCost = -o.unhedgedCost;
  const hedgedCost = new Dec(unhedgedCost).minus(o.futuresPnl).toNumber();
  return { ...o, unhedgedCost, hedgedCost, effectivePrice: o.tokens > 0 ? effectivePrice(hedgedCost, o.tokens) : null };
}

function signedCompanyOutcome(c: CompanyMonthOutcome, sign: 1 | -1): CompanyMonthOutcome {
  if (sign > 0) return c;
  const companyCost = -c.companyCost;
  return {
    ...c,
    companyCost,
    indexCost: -c.indexCost,
    committedCost: -c.committedCost,
    shortfallCost: -c.shortfallCost,
    hedgedCost: new Dec(companyCost).minus(c.futuresPnl).toNumber(),
  };
}

export function runScenario(
  plan: HedgePlan,
  priceShock: number,
  volumeCase: VolumeCase,
  options: ScenarioOptions = {},
): ScenarioResult {
  return {
    priceShock,
    ...runShocks(
      plan,
      plan.months.map(() => priceShock),
      volumeCase,
      options,
    ),
  };
}

export function runTwist(
  plan: HedgePlan,
  direction: TwistDirection,
  amount: number,
  volumeCase: VolumeCase,
  options: ScenarioOptions = {},
): TwistResult {
  return {
    twist: direction,
    twistAmount: amount,
    ...runShocks(plan, twistShocks(plan.months.length, amount, direction), volumeCase, options),
  };
}

export function scenarioGrid(
  plan: HedgePlan,
  shocks: readonly number[],
  cases: readonly VolumeCase[],
  options: ScenarioOptions = {},
): ScenarioResult[] {
  const out: ScenarioResult[] = [];
  for (const c of cases) for (const s of shocks) out.push(runScenario(plan, s, c, options));
  return out;
}

/** Both twists (front up, front down) by `amount` for every volume case. */
export function twistGrid(
  plan: HedgePlan,
  amount: number,
  cases: readonly VolumeCase[],
  options: ScenarioOptions = {},
): TwistResult[] {
  const out: TwistResult[] = [];
  for (const c of cases)
    for (const d of ["front-up", "front-down"] as const) out.push(runTwist(plan, d, amount, c, options));
  return out;
}
