/**
 * Per-period value changes of a hedge and of the item it hedges — the input of every effectiveness test.
 * Sign convention (what ASC 815 / IFRS 9 tests expect): a gain is positive. An effective hedge's changes have the
 * opposite sign to the hedged item's.
 *
 * From price changes, for a long futures hedge of a forecast purchase (a token buyer, docs/METHODOLOGY.md §3, §5):
 *   hedge gain in period t   = N · Q_F · ΔF_t
 *   hedged item change       = −Q_A · ΔS_t   (a higher price makes the forecast purchase dearer: a loss)
 * The hedged item is thereby modelled as a hypothetical derivative — a forward purchase of Q_A at the company's
 * own price — as docs/METHODOLOGY.md allows.
 *
 * A seller of capacity (`side: "short"`) hedges a forecast sale with short futures (N negative): a higher price is a
 * gain on the sale, so the hedged item change is +Q_A · ΔS_t and the hedge's N · Q_F · ΔF_t carries N's sign.
 */
import { HedgeError } from "../errors.js";

export interface ValueChanges {
  /** Change in value of the hedging instrument per period (gain positive). */
  hedge: readonly number[];
  /** Change in value of the hedged item per period (gain positive). */
  item: readonly number[];
  /** Labels for the periods (e.g. "2026-01"); default "1", "2", …. */
  periods?: readonly string[];
}

export interface PriceChangeHedge {
  /** ΔF per period, in the quote unit (e.g. USD/Mtok). */
  futuresChanges: readonly number[];
  /** ΔS per period: the hedged item's own price, same quote unit. */
  spotChanges: readonly number[];
  /** N, contracts held (long positive). */
  contracts: number;
  /** Q_F, quantity per contract. */
  contractSize: number;
  /** Q_A, quantity hedged. */
  exposureQuantity: number;
  /**
   * Quantity units in one quote unit, when they differ: 1e6 when quantities are tokens and prices are USD per
   * million tokens (docs/METHODOLOGY.md: P&L = N · size · ΔF / 1e6). Default 1 (quantities already in quote units).
   */
  quoteUnitSize?: number;
  periods?: readonly string[];
  /** "long" (default): a forecast purchase hedged with long futures; "short": a forecast sale hedged with short futures. */
  side?: "long" | "short";
}

/** Value changes of a long futures hedge and a forecast purchase, from price changes (see file comment). */
export function valueChangesFromPriceChanges(input: PriceChangeHedge): ValueChanges {
  const { futuresChanges, spotChanges, contracts, contractSize, exposureQuantity } = input;
  const unit = input.quoteUnitSize ?? 1;
  if (futuresChanges.length !== spotChanges.length) {
    throw new HedgeError(
      "INPUT_INVALID",
      `futures and spot price changes differ in length (${futuresChanges.length} and ${spotChanges.length})`,
      { expected: "one futures and one spot change per period" },
    );
  }
  for (const [name, value] of [
    ["contracts", contracts],
    ["contractSize", contractSize],
    ["exposureQuantity", exposureQuantity],
    ["quoteUnitSize", unit],
  ] as const) {
    if (!Number.isFinite(value) || (name !== "contracts" && value <= 0)) {
      const expected = name === "contracts" ? "a finite number" : "a positive number";
      throw new HedgeError("INPUT_INVALID", `${name} must be ${expected}; got ${value}`, {
        path: name,
        value: String(value),
        expected,
      });
    }
  }
  const hedge = futuresChanges.map((df) => (contracts * contractSize * df) / unit);
  const itemSign = input.side === "short" ? 1 : -1;
  const item = spotChanges.map((ds) => (itemSign * exposureQuantity * ds) / unit + 0); // + 0: no −0 in output
  return input.periods ? { hedge, item, periods: input.periods } : { hedge, item };
}

/** Validates a ValueChanges input and returns the period labels to use. */
export function checkValueChanges(changes: ValueChanges): string[] {
  const { hedge, item, periods } = changes;
  if (hedge.length !== item.length) {
    throw new HedgeError(
      "INPUT_INVALID",
      `hedge and hedged-item series differ in length (${hedge.length} and ${item.length})`,
      { expected: "one hedge and one hedged-item value change per period" },
    );
  }
  if (hedge.length === 0) {
    throw new HedgeError("INPUT_EMPTY", "no periods to test", { expected: "at least one period" });
  }
  if (periods && periods.length !== hedge.length) {
    throw new HedgeError("INPUT_INVALID", `${periods.length} period labels for ${hedge.length} periods`, {
      path: "periods",
    });
  }
  for (const [name, series] of [
    ["hedge", hedge],
    ["item", item],
  ] as const) {
    series.forEach((v, i) => {
      if (!Number.isFinite(v)) {
        throw new HedgeError("INPUT_INVALID", `${name}[${i}] is not a finite number: ${v}`, {
          path: `${name}[${i}]`,
          value: String(v),
          expected: "a finite value change",
        });
      }
    });
  }
  return periods ? [...periods] : hedge.map((_, i) => String(i + 1));
}
