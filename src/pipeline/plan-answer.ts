/**
 * The plan's answer in the company's money (`tokenhedge plan`, the report): per delivery month what the company
 * expects to pay at its own price beside the index cost, and for the horizon what the hedge buys —
 *   Cost-at-Risk unhedged → hedged (delta-normal, src/scenarios/parametric.ts, on the forecast's own sample paths),
 *   the expected cost of hedging (fees; the futures taken as unbiased, so no expected P&L; the initial margin is
 *     cash posted, costed only when a funding rate is given),
 *   the part of the risk the index cannot hedge (the basis part of the hedged Cost-at-Risk, Euler allocation),
 *   and why the ratios are what they are.
 * Pure: the same stage and settings give the same figures.
 */
import { applyCommitments } from "../company/commitments.js";
import { quoteDivisor, quoteToUsdPerMtok } from "../curve/contract.js";
import { companyMonthOutcome } from "../company/outcome.js";
import { Dec, toCents } from "../money/decimal.js";
import { monthsBetween } from "../time/period.js";
import { parametricRisk, type ParametricResult } from "../scenarios/parametric.js";
import type { Basis as SimulationBasis } from "../scenarios/simulate.js";
import { volumeMatrix } from "../scenarios/volumes.js";
import { forecastOrigin, type PlanStage } from "./plan-stage.js";
import { riskVolatility } from "./risk-volatility.js";
import { commitmentsFor, companySimulationBasis, floatingVolumes, withFixedCost } from "./simulate-stage.js";

/** Sample paths the plan's Cost-at-Risk is computed on (the forecast's own, seeded by the run's seed). */
export const PLAN_RISK_PATHS = 2000;

export interface PlanAnswerMonth {
  month: string;
  /** S₀: the company's blended price of the month, USD/Mtok (10 decimals). */
  companyPrice: number;
  /** The forecast volume at the company's price (commitments at their fixed price), the index unmoved. */
  companyCost: number;
  /** The same volume at the futures price. */
  indexCost: number;
  /** Take-or-pay tokens committed in the month (0 without commitments). */
  committedTokens: number;
}

export interface PlanRisk {
  method: "delta-normal";
  confidence: number;
  paths: number;
  /** Annual volatility of the index and where it came from. */
  priceVolatility: number;
  volatilitySource: string;
  volumePriceCorrelation: number;
  unhedged: ParametricResult["unhedged"];
  hedged: ParametricResult["hedged"];
  /** hedged − unhedged Cost-at-Risk: negative when the hedge lowers the risk. */
  change: number;
  /** change ÷ unhedged Cost-at-Risk; null when that is 0. */
  changeRatio: number | null;
}

export interface CostOfHedging {
  fees: number;
  /** Initial margin × funding rate × months held (to each delivery month); null without a funding rate. */
  marginFunding: number | null;
  fundingRate: number | null;
  /** Futures priced as unbiased forecasts of settlement: expected futures P&L 0. */
  expectedFuturesPnl: number;
  total: number;
}

export interface PlanAnswer {
  /** "company" when the company's own price is known; "index" when every figure is at the index. */
  pricedAt: "company" | "index";
  months: PlanAnswerMonth[];
  totals: { companyCost: number; indexCost: number; committedTokens: number };
  /** The history months at the export's own cost ÷ tokens, USD/Mtok (null where the export has no cost). */
  history: { month: string; companyPrice: number | null }[];
  risk: PlanRisk;
  costOfHedging: CostOfHedging;
  /** The part of the hedged Cost-at-Risk the index cannot hedge (its basis part) and its share. */
  unhedgeable: { basisCostAtRisk: number; shareOfHedgedCostAtRisk: number | null };
  /** Why the ratios are what they are, in words. */
  why: string;
}

export interface PlanAnswerSettings {
  /** Annual funding rate of the initial margin, e.g. 0.05; absent: margin not costed. */
  fundingRate?: number;
  confidence?: number;
}

export function planAnswer(stage: PlanStage, settings: PlanAnswerSettings = {}): PlanAnswer {
  const { plan, exposure, company, inputs } = stage;
  const months = companyCostMonths(stage);
  const sum = (pick: (m: PlanAnswerMonth) => number): number =>
    months.reduce((a, m) => a.plus(pick(m)), new Dec(0)).toNumber();

  const { vol, source: volSource } = riskVolatility(inputs);
  const confidence = settings.confidence ?? inputs.configConfidence;
  const corr = inputs.sizing.correlation;
  const paths = PLAN_RISK_PATHS;
  let volumes = volumeMatrix(
    exposure.forecast.samplePaths(paths, inputs.seed),
    exposure.months.map((m) => m.month),
    plan.months.map((m) => m.month),
  );
  // Committed volume is priced already: only the remainder carries the price (and its own volume) risk.
  const simCommitments = commitmentsFor(stage);
  if (simCommitments) volumes = floatingVolumes(volumes, simCommitments);
  const basis: SimulationBasis = company ? companySimulationBasis(stage, company) : { a: 0, b: 1, noise: 0 };
  const r = withFixedCost(
    parametricRisk({
      plan,
      volumes,
      model: { kind: "gbm", vol },
      basis,
      corr,
      asOf: forecastOrigin(stage),
      ...(confidence !== undefined ? { confidence } : {}),
    }),
    simCommitments,
  );
  const change = r.hedged.costAtRisk - r.unhedged.costAtRisk;

  const fees = plan.totals.fees;
  const origin = forecastOrigin(stage).slice(0, 7);
  const funding =
    settings.fundingRate === undefined
      ? null
      : toCents(
          plan.months.reduce(
            (a, m) =>
              a.plus(
                new Dec(m.initialMargin)
                  .times(settings.fundingRate!)
                  .times(Math.max(1, monthsBetween(origin, m.month) + 1))
                  .div(12),
              ),
            new Dec(0),
          ),
        );
  const basisPart = r.hedged.parts.basis;
  return {
    pricedAt: company ? "company" : "index",
    months,
    totals: {
      companyCost: sum((m) => m.companyCost),
      indexCost: sum((m) => m.indexCost),
      committedTokens: sum((m) => m.committedTokens),
    },
    history: [...(company?.historyPrices ?? new Map<string, number | null>())].map(([month, p]) => ({
      month,
      companyPrice: p === null ? null : Number(p.toFixed(6)),
    })),
    risk: {
      method: "delta-normal",
      confidence: r.confidence,
      paths,
      priceVolatility: vol,
      volatilitySource: volSource,
      volumePriceCorrelation: corr,
      unhedged: r.unhedged,
      hedged: r.hedged,
      change,
      changeRatio: r.unhedged.costAtRisk > 0 ? change / r.unhedged.costAtRisk : null,
    },
    costOfHedging: {
      fees,
      marginFunding: funding,
      fundingRate: settings.fundingRate ?? null,
      expectedFuturesPnl: 0,
      total: new Dec(fees).plus(funding ?? 0).toNumber(),
    },
    unhedgeable: {
      basisCostAtRisk: basisPart,
      shareOfHedgedCostAtRisk: r.hedged.costAtRisk > 0 ? basisPart / r.hedged.costAtRisk : null,
    },
    why: whyTheRatios(stage),
  };
}

/** Per plan month: the company's price S₀, the forecast mean at it (commitments at their fixed price) and at F₀. */
export function companyCostMonths(stage: Pick<PlanStage, "plan" | "company">): PlanAnswerMonth[] {
  const { plan, company } = stage;
  const divisor = quoteDivisor(plan.contract);
  const perUnit = plan.contract.tokensPerGpuHour ?? 1;
  const perMtok = quoteToUsdPerMtok(plan.contract);
  const commitments = company?.commitments?.commitments ?? [];
  const mixLines = company?.mix?.lines ?? [];
  return plan.months.map((m): PlanAnswerMonth => {
    const companyPrice = company?.priceByMonth.get(m.month) ?? m.futuresPrice * perMtok;
    const committed =
      commitments.length > 0 ? applyCommitments(commitments, mixLines, m.month, m.forecastTokens) : undefined;
    const o = companyMonthOutcome({
      tokens: m.forecastTokens,
      companyPrice,
      basis: company?.basis ?? { method: "index", beta: 1, alpha: 0, sigma: 0, rSquared: null, observations: 0 },
      contracts: m.contracts,
      contractSize: plan.contract.contractSize,
      divisor,
      tokensPerUnit: perUnit,
      futuresPrice: m.futuresPrice,
      settlementPrice: m.futuresPrice,
      ...(committed ? { committed } : {}),
    });
    // S₀ to the 10 decimals the cost is computed with, so companyCost = tokens × companyPrice / 1e6 to the cent.
    return {
      month: m.month,
      companyPrice: Number(companyPrice.toFixed(10)),
      companyCost: o.companyCost,
      indexCost: o.indexCost,
      committedTokens: committed?.committedTokens ?? 0,
    };
  });
}

/** The ratios' reason: the method and its source, the volume cap where it binds, commitments taken out. */
function whyTheRatios(stage: PlanStage): string {
  const { plan, policy } = stage;
  const parts: string[] = [];
  if (plan.method.name === "policy") {
    const rungs = policy.ladder.map(
      (r) => `${Math.round(r.ratio * 100)}% for months ${r.fromMonth}–${r.toMonth} ahead`,
    );
    parts.push(`the policy "${policy.name}" sets ${rungs.join(", ")}`);
  } else {
    parts.push(`the ratios come from ${plan.method.description}`);
  }
  const capped = plan.months.filter((m) => m.flags.includes("capped")).map((m) => m.month);
  if (plan.volumeCap && capped.length > 0) {
    parts.push(
      `${capped.length} month${capped.length === 1 ? " is" : "s are"} held at the ${plan.volumeCap.toUpperCase()} volume (${capped.join(", ")}) so that a low-volume month does not leave futures without usage behind them`,
    );
  }
  const committed = plan.months.filter((m) => (m.committedTokens ?? 0) > 0).length;
  if (committed > 0)
    parts.push(
      `in ${committed} month${committed === 1 ? "" : "s"} the ratio applies only to the volume no commitment has already priced`,
    );
  return parts.join("; ");
}
