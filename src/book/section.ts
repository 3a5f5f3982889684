/**
 * The book against the plan, in one pure step: mark the book (settled months realised, open months on the curve),
 * then trade each planned month from what is still open to its target. This is what `plan --book` adds to a plan.
 */
import type { CurvePoint } from "../curve/parse-curve.js";
import { quoteDivisor, type ContractSpec } from "../curve/contract.js";
import type { HedgePlan, PlanMonth } from "../hedge/plan.js";
import type { HedgeBook } from "./book.js";
import { markBook, type BookMark } from "./mark.js";
import { rebalanceBook, type DeskTrade, type HedgeSide, type MonthRebalance, type RebalanceRule } from "./rebalance.js";
import { heldFromBook, targetsFromPlan } from "./targets.js";

export interface BookSectionInput {
  plan: HedgePlan;
  spec: ContractSpec;
  book: HedgeBook;
  settlements: ReadonlyMap<string, number>;
  settlementsFile: string | null;
  curve: readonly CurvePoint[];
  side: HedgeSide;
  rebalance: RebalanceRule;
  allowShort: boolean;
}

export interface BookSection {
  file: string;
  settlementsFile: string | null;
  side: HedgeSide;
  rebalance: RebalanceRule;
  allowShort: boolean;
  trades: number;
  months: MonthRebalance[];
  /** The trade list a desk can execute, in month order. */
  deskTrades: DeskTrade[];
  mark: BookMark;
  totals: {
    buyContracts: number;
    sellContracts: number;
    unwindPnl: number;
    monthsOverHedged: number;
    realisedPnl: number;
    unrealisedPnl: number;
    variationMarginToDate: number;
    openContracts: number;
  };
  warnings: string[];
}

export function bookSection(i: BookSectionInput): BookSection {
  const mark = markBook({
    trades: i.book.trades,
    curve: i.curve,
    settlements: i.settlements,
    contractSize: i.spec.contractSize,
    divisor: quoteDivisor(i.spec),
  });
  const r = rebalanceBook({
    months: targetsFromPlan(i.plan, i.side),
    held: heldFromBook(i.book.trades, mark.months),
    side: i.side,
    rebalance: i.rebalance,
    allowShort: i.allowShort,
    contractSize: i.spec.contractSize,
    divisor: quoteDivisor(i.spec),
    tokensPerUnit: i.plan.contract.tokensPerGpuHour ?? 1,
  });
  return {
    file: i.book.file,
    settlementsFile: i.settlementsFile,
    side: i.side,
    rebalance: i.rebalance,
    allowShort: i.allowShort,
    trades: i.book.trades.length,
    months: r.months,
    deskTrades: r.trades,
    mark,
    totals: { ...r.totals, ...mark.totals },
    warnings: [...mark.warnings, ...r.warnings],
  };
}

/** A plan month with the book's fields, as plan JSON carries them. */
export type PlanMonthWithBook = PlanMonth &
  Pick<
    MonthRebalance,
    "targetContracts" | "heldContracts" | "trade" | "afterTradeContracts" | "afterTradeRatio" | "unwindPnl"
  > & { bookFlags: MonthRebalance["flags"] };

/** Plan months with `targetContracts`, `heldContracts`, `trade`, `afterTradeRatio` … from the book section. */
export function planMonthsWithBook(months: readonly PlanMonth[], section: BookSection): PlanMonthWithBook[] {
  const by = new Map(section.months.map((m) => [m.month, m]));
  return months.map((m) => {
    const r = by.get(m.month)!;
    return {
      ...m,
      targetContracts: r.targetContracts,
      heldContracts: r.heldContracts,
      trade: r.trade,
      afterTradeContracts: r.afterTradeContracts,
      afterTradeRatio: r.afterTradeRatio,
      unwindPnl: r.unwindPnl,
      bookFlags: r.flags,
    };
  });
}
