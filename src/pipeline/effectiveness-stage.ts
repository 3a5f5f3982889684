/**
 * The effectiveness stage: a hedge-accounting history (ASC 815 / IFRS 9) → value changes of the hedge and
 * the hedged item → dollar offset, regression and the cash-flow hedge reserve. Pure: the shell reads the file.
 */
import type { RegressDirection } from "../config/index.js";
import {
  assessEffectiveness,
  valueChangesFromPriceChanges,
  type EffectivenessResult,
  type ValueChanges,
} from "../effectiveness/index.js";
import { parseHistoryCsv } from "../effectiveness/history-csv.js";
import { HedgeError } from "../errors.js";
import { netContracts, type HedgeBook } from "../book/book.js";
import { relationshipChanges } from "../effectiveness/relationship.js";
import type { Dec } from "../money/decimal.js";
import type { EffectivenessInputInfo } from "../report/views/effectiveness.js";

/** Period-on-period changes of levels, in decimal so 10.20 − 10.50 is −0.3 exactly. The first period has none. */
function differences(levels: Dec[]): number[] {
  return levels.slice(1).map((d, i) => d.minus(levels[i]!).toNumber());
}

export interface EffectivenessSettings {
  history: string;
  changes?: boolean;
  contracts?: number;
  contractSize?: number;
  exposure?: number;
  quoteUnitSize?: number;
  regress?: RegressDirection;
  /** "short": a forecast sale hedged with short futures (a negative --contracts reads as short too). */
  side?: "long" | "short";
  /** Test the book's actual trades against the forecast (the designated relationship) instead of a fixed N. */
  book?: HedgeBook;
  /** The config's thresholds.minEffectiveness.rSquared: the regression test's R² when stricter than 0.8. */
  minRSquared?: number;
}

function requireNumber(value: number | undefined, flag: string, key: string): number {
  if (value === undefined) {
    throw new HedgeError("USAGE_MISSING_FLAG", `a spot/futures history needs ${flag}`, {
      expected: `${flag} N (or effectiveness.${key} in the config)`,
      hint: "the hedge's value change is N·QF·ΔF and the hedged item's −QA·ΔS: give --contracts N --contract-size QF --exposure QA",
    });
  }
  return value;
}

export interface EffectivenessRun {
  input: EffectivenessInputInfo;
  result: EffectivenessResult;
}

/** The history file's text → value changes → every effectiveness test (`effectiveness`, `check`, `report`). */
export function runEffectiveness(text: string, s: EffectivenessSettings): EffectivenessRun {
  const cols = parseHistoryCsv(text, s.history);
  let changes: ValueChanges;
  let input: EffectivenessInputInfo;
  if (cols.kind === "value-changes") {
    changes = { hedge: cols.hedge, item: cols.item, periods: cols.periods };
    input = { file: s.history, kind: "value-changes" };
  } else if (s.book) {
    // The real relationship: the legs held through each period against the tokens they cover.
    const contractSize = requireNumber(s.contractSize, "--contract-size", "contractSize");
    const quoteUnitSize = s.quoteUnitSize ?? 1;
    const prices = cols.periods.map((period, k) => ({
      period,
      spot: cols.spot[k]!.toNumber(),
      futures: cols.futures[k]!.toNumber(),
    }));
    changes = relationshipChanges({
      trades: s.book.trades,
      prices,
      contractSize,
      quoteUnitSize,
      ...(s.side ? { side: s.side } : {}),
    });
    input = {
      file: s.history,
      kind: "prices",
      priceColumns: "levels",
      contracts: netContracts(s.book.trades),
      contractSize,
      exposure: Math.abs(netContracts(s.book.trades)) * contractSize,
      quoteUnitSize,
    };
  } else {
    const given = requireNumber(s.contracts, "--contracts", "contracts");
    // A short hedger's contracts are sold: --side short with a count, or a negative count on its own.
    const side = s.side ?? (given < 0 ? "short" : "long");
    if (side === "long" && given < 0) {
      throw new HedgeError("USAGE", `--contracts ${given} is short, but --side is long`, {
        value: String(given),
        expected: "a positive count for a long hedge",
        hint: "use --side short for a short hedge of a forecast sale",
      });
    }
    const contracts = side === "short" ? -Math.abs(given) : given;
    const contractSize = requireNumber(s.contractSize, "--contract-size", "contractSize");
    const exposure = requireNumber(s.exposure, "--exposure", "exposure");
    const quoteUnitSize = s.quoteUnitSize ?? 1;
    const asChanges = s.changes === true;
    if (!asChanges && cols.periods.length < 2) {
      throw new HedgeError("INPUT_INVALID", "price levels need at least two periods to give one change", {
        file: s.history,
        expected: "two or more rows, or --changes if the columns are already changes",
      });
    }
    changes = valueChangesFromPriceChanges({
      spotChanges: asChanges ? cols.spot.map((d) => d.toNumber()) : differences(cols.spot),
      futuresChanges: asChanges ? cols.futures.map((d) => d.toNumber()) : differences(cols.futures),
      contracts,
      contractSize,
      exposureQuantity: exposure,
      quoteUnitSize,
      periods: asChanges ? cols.periods : cols.periods.slice(1),
      side,
    });
    input = {
      file: s.history,
      kind: "prices",
      priceColumns: asChanges ? "changes" : "levels",
      contracts,
      contractSize,
      exposure,
      quoteUnitSize,
    };
  }
  return {
    input,
    result: assessEffectiveness(changes, {
      direction: s.regress ?? "hedge-on-item",
      ...(s.minRSquared !== undefined ? { minRSquared: s.minRSquared } : {}),
    }),
  };
}
