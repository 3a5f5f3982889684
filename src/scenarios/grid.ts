/**
 * The deterministic scenario grid: parallel price shocks against the curve × volume cases.
 * A shock s settles every month at S_T = F0 · (1 + s). A volume case puts every month at that quantile
 * of its own forecast: "P10" is a year in which each month is at its own P10. That is a stress case,
 * harsher than the P10 of the annual total (monthly errors are not perfectly correlated); the Monte
 * Carlo (`simulate`) gives the distribution of the total.
 */
import { Dec } from "../money/decimal.js";
import type { HedgePlan, PlanMonth } from "../hedge/plan.js";
import { effectivePrice, monthOutcome, type MonthOutcome } from "./pnl.js";

export type VolumeCase = "p10" | "p50" | "p90" | "mean";

export const DEFAULT_PRICE_SHOCKS: readonly number[] = [-0.5, -0.25, 0, 0.25, 0.5, 1];
export const DEFAULT_VOLUME_CASES: readonly VolumeCase[] = ["p10", "p50", "p90"];

export interface ScenarioMonth extends MonthOutcome {
  month: string;
  settlementPrice: number;
  overHedgedTokens: number;
}

export interface ScenarioResult {
  priceShock: number;
  volumeCase: VolumeCase;
  tokens: number;
  unhedgedCost: number;
  futuresPnl: number;
  hedgedCost: number;
  effectivePrice: number | null;
  unhedgedEffectivePrice: number | null;
  overHedgedTokens: number;
  months: ScenarioMonth[];
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
  }
}

/** Settlement price after a shock, kept to 10 decimals so the decimal money maths sees a clean number. */
export function shockedPrice(futuresPrice: number, shock: number): number {
  return new Dec(futuresPrice).times(new Dec(1).plus(shock)).toDecimalPlaces(10).toNumber();
}

export function runScenario(plan: HedgePlan, priceShock: number, volumeCase: VolumeCase): ScenarioResult {
  const divisor = plan.contract.underlying === "token-index" ? 1_000_000 : 1;
  const perUnit = plan.contract.tokensPerGpuHour ?? 1;
  let tokens = new Dec(0);
  let unhedged = new Dec(0);
  let pnl = new Dec(0);
  let over = 0;
  const months: ScenarioMonth[] = plan.months.map((m) => {
    const volume = volumeFor(m, volumeCase);
    const settlementPrice = shockedPrice(m.futuresPrice, priceShock);
    const outcome = monthOutcome({
      tokens: volume,
      contracts: m.contracts,
      contractSize: plan.contract.contractSize,
      divisor,
      tokensPerUnit: perUnit,
      futuresPrice: m.futuresPrice,
      settlementPrice,
    });
    const overHedgedTokens = Math.max(0, m.hedgedTokens - volume);
    tokens = tokens.plus(volume);
    unhedged = unhedged.plus(outcome.unhedgedCost);
    pnl = pnl.plus(outcome.futuresPnl);
    over += overHedgedTokens;
    return { month: m.month, settlementPrice, ...outcome, overHedgedTokens };
  });
  const hedged = unhedged.minus(pnl);
  const t = tokens.toNumber();
  return {
    priceShock,
    volumeCase,
    tokens: t,
    unhedgedCost: unhedged.toNumber(),
    futuresPnl: pnl.toNumber(),
    hedgedCost: hedged.toNumber(),
    effectivePrice: t > 0 ? effectivePrice(hedged.toNumber(), t) : null,
    unhedgedEffectivePrice: t > 0 ? effectivePrice(unhedged.toNumber(), t) : null,
    overHedgedTokens: over,
    months,
  };
}

export function scenarioGrid(plan: HedgePlan, shocks: readonly number[], cases: readonly VolumeCase[]): ScenarioResult[] {
  const out: ScenarioResult[] = [];
  for (const c of cases) for (const s of shocks) out.push(runScenario(plan, s, c));
  return out;
}

