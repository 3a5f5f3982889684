/**
 * Exact money. Money read from input is summed with decimal.js so totals match the source to the cent
 * (binary floats drift: 0.1 + 0.2 !== 0.3). Modelled money (forecasts, simulations) stays float64 and is
 * rounded only for presentation (docs/METHODOLOGY.md).
 */
import { Decimal } from "decimal.js";

// A private constructor so nobody's global Decimal settings change our results.
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** Round to cents, half away from zero (the usual commercial rule), returning a float for JSON. */
export function toCents(value: Dec | number): number {
  const d = value instanceof Dec ? value : new Dec(value);
  return d.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber();
}

/** Fixed two-decimal string, e.g. "18900.00": the exact twin of a money number in JSON. */
export function centsString(value: Dec | number): string {
  const d = value instanceof Dec ? value : new Dec(value);
  return d.toFixed(2, Dec.ROUND_HALF_UP);
}

const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Parse a plain decimal literal (no exponent, no separators); undefined when it is not one. */
export function parseDecimal(text: string): Dec | undefined {
  const t = text.trim();
  if (!DECIMAL_RE.test(t)) return undefined;
  return new Dec(t);
}
