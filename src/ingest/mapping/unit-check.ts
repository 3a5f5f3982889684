/**
 * Azure's unit ambiguity: a quantity reported in pricing units (e.g. 1K tokens) or in raw tokens,
 * with nothing in the row saying which. The row's own cost settles it: cost ≈ quantity × unit price
 * means pricing units (scale by the unit's factor); cost ≈ quantity × unit price ÷ factor means raw
 * tokens (factor 1). Rows that settle nothing keep the mapping's factor and are counted as undecided.
 */
import { fieldText, type CsvRecord } from "../../csv/scanner.js";
import { decimalToString, type Decimal } from "../values/numbers.js";
import type { Column } from "./row-lookups.js";

export interface UnitCheckStats {
  pricingUnits: number;
  rawTokens: number;
  undecided: number;
}

/** Within 5%: list prices are rounded, and a cost may include a small rounding of its own. */
const TOLERANCE = 0.05;

export function checkedUnitFactor(
  rec: CsvRecord,
  verify: { cost: Column; unitPrice: Column },
  quantity: Decimal,
  factor: string,
  stats: UnitCheckStats,
): string {
  const cost = Number(fieldText(rec, verify.cost.index).trim());
  const price = Number(fieldText(rec, verify.unitPrice.index).trim());
  const qty = Number(decimalToString(quantity));
  const f = Number(factor);
  if (!(cost > 0) || !(price > 0) || !(qty > 0)) {
    stats.undecided++;
    return factor;
  }
  const r = cost / (qty * price);
  if (Math.abs(r - 1) < TOLERANCE) {
    stats.pricingUnits++;
    return factor;
  }
  if (Math.abs(r * f - 1) < TOLERANCE) {
    stats.rawTokens++;
    return "1";
  }
  stats.undecided++;
  return factor;
}
