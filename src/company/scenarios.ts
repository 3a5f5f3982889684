/**
 * The scenario grid from the company's side: every scenario month of src/scenarios/grid.ts re-priced at the
 * company's price passed through the basis (outcome.ts), with the index cost beside it. The futures P&L is the
 * grid's (on the index); unhedged and hedged cost become the company's.
 */
import { Dec } from "../money/decimal.js";
import type { HedgePlan } from "../hedge/plan.js";
import type { ScenarioOutcome } from "../scenarios/grid.js";
import { effectivePrice } from "../scenarios/pnl.js";
import { quoteDivisor, quoteToUsdPerMtok } from "../curve/contract.js";
import { applyCommitments } from "./commitments.js";
import { companyMonthOutcome, type CompanyMonthOutcome } from "./outcome.js";
import type { CompanyPricing } from "./pricing.js";

export interface CompanyScenarioMonth extends CompanyMonthOutcome {
  month: string;
}

/** A scenario's company figures: its months' summed (outcome.ts), and the price they average to. */
export interface CompanyScenario extends Omit<CompanyMonthOutcome, "tokens" | "companyPrice"> {
  /** Company cost ÷ tokens, USD/Mtok, 4 decimals; null for zero volume. */
  companyPrice: number | null;
  months: CompanyScenarioMonth[];
}

export function companyScenario(plan: HedgePlan, outcome: ScenarioOutcome, pricing: CompanyPricing): CompanyScenario {
  const divisor = quoteDivisor(plan.contract);
  const perUnit = plan.contract.tokensPerGpuHour ?? 1;
  const sums = {
    company: new Dec(0),
    index: new Dec(0),
    pnl: new Dec(0),
    committed: new Dec(0),
    shortfall: new Dec(0),
  };
  let tokens = 0;
  const months = outcome.months.map((sm, i): CompanyScenarioMonth => {
    const pm = plan.months[i]!;
    const committed = pricing.commitments
      ? applyCommitments(pricing.commitments.commitments, pricing.mix?.lines ?? [], sm.month, sm.tokens)
      : undefined;
    const o = companyMonthOutcome({
      tokens: sm.tokens,
      companyPrice: pricing.priceByMonth.get(sm.month) ?? pm.futuresPrice * quoteToUsdPerMtok(plan.contract),
      basis: pricing.basis,
      contracts: pm.contracts,
      contractSize: plan.contract.contractSize,
      divisor,
      tokensPerUnit: perUnit,
      futuresPrice: pm.futuresPrice,
      settlementPrice: sm.settlementPrice,
      ...(committed ? { committed } : {}),
    });
    tokens += sm.tokens;
    sums.company = sums.company.plus(o.companyCost);
    sums.index = sums.index.plus(o.indexCost);
    sums.pnl = sums.pnl.plus(o.futuresPnl);
    sums.committed = sums.committed.plus(o.committedCost);
    sums.shortfall = sums.shortfall.plus(o.shortfallCost);
    return { month: sm.month, ...o };
  });
  const company = sums.company.toNumber();
  return {
    companyCost: company,
    indexCost: sums.index.toNumber(),
    futuresPnl: sums.pnl.toNumber(),
    hedgedCost: sums.company.minus(sums.pnl).toNumber(),
    committedCost: sums.committed.toNumber(),
    shortfallCost: sums.shortfall.toNumber(),
    companyPrice: tokens > 0 ? effectivePrice(company, tokens) : null,
    months,
  };
}

/** The `basis` block and the price source, as every output shows them. */
export function pricingDocument(p: CompanyPricing): Record<string, unknown> {
  return {
    priceSource: p.source,
    priceSourceDetail: p.sourceDetail,
    basis: p.basis,
    ...(p.mix ? { mixSource: p.mix.source } : {}),
    ...(p.commitments ? { commitments: p.commitments.file } : {}),
  };
}
