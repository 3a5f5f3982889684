/**
 * Liquidity stress of the position a plan leaves (after the book's trades, when there is a book): variation margin
 * along daily price paths — day-one gaps and seeded simulated paths — and the cash buffer it needs
 * (src/book/liquidity.ts). Used by `scenarios`, `simulate` and the report.
 */
import { quoteDivisor } from "../curve/contract.js";
import { Dec, toCents } from "../money/decimal.js";
import { liquiditySection, type LiquidityLeg, type LiquiditySection } from "../book/liquidity.js";
import type { PlanStage } from "./plan-stage.js";
import { DEFAULT_GAPS, DEFAULT_STRESS_PATHS } from "./defaults.js";

export { DEFAULT_GAPS, DEFAULT_STRESS_PATHS };

export interface LiquiditySettings {
  asOf: string;
  gaps?: readonly number[];
  /** Simulated paths (0: none). */
  paths?: number;
  seed: number;
  volatility: number;
}

/** The held position after trades: the book's after-trade contracts, else the plan's, signed by the side. */
export function positionLegs(stage: PlanStage): LiquidityLeg[] {
  const book = stage.position.book;
  const d = stage.position.side === "short" ? -1 : 1;
  return stage.plan.months
    .map((m) => {
      const after = book?.months.find((b) => b.month === m.month)?.afterTradeContracts;
      return { month: m.month, contracts: after ?? m.contracts * d, futuresPrice: m.futuresPrice };
    })
    .filter((l) => l.contracts !== 0);
}

export function liquidityStage(stage: PlanStage, s: LiquiditySettings): LiquiditySection {
  const spec = stage.inputs.spec;
  const legs = positionLegs(stage);
  const initialMargin = toCents(
    legs.reduce((a, l) => a.plus(new Dec(Math.abs(l.contracts)).times(spec.initialMargin)), new Dec(0)),
  );
  const paths = s.paths ?? DEFAULT_STRESS_PATHS;
  return liquiditySection(
    { legs, contractSize: spec.contractSize, divisor: quoteDivisor(spec), asOf: s.asOf, initialMargin },
    s.gaps ?? DEFAULT_GAPS,
    paths > 0 ? { paths, seed: s.seed, volatility: s.volatility } : null,
  );
}
