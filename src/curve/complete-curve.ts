/**
 * A parsed curve checked against the contract and completed:
 *   - a delivery month the contract does not list is an error naming that month (a price for a contract that
 *     does not trade is a data error, not something to hedge with);
 *   - a listed month missing between two quoted months is filled by linear interpolation in calendar months,
 *     P(m) = P(a) + (P(b) − P(a))·(m − a)/(b − a), and flagged `interpolated` wherever it is shown, because
 *     no one quoted it: a desk would ask the broker for a price before trading it.
 * With no contract (or one without `listedMonths`) every calendar month counts as listed.
 */
import { HedgeError } from "../errors.js";
import { monthFromIndex, monthIndex } from "../time/period.js";
import type { CurvePoint, FuturesCurve } from "./parse-curve.js";

export interface CompletedCurve extends FuturesCurve {
  /** Months filled in by interpolation, in order. */
  interpolated: string[];
}

const calendarMonth = (month: string): number => Number(month.slice(5, 7));

/** Throws CURVE_INVALID for the first curve month whose calendar month is not in `listedMonths`. */
export function checkListedMonths(curve: FuturesCurve, listedMonths?: readonly number[], contractName?: string): void {
  if (!listedMonths) return;
  const listed = new Set(listedMonths);
  curve.points.forEach((p, i) => {
    if (p.interpolated || listed.has(calendarMonth(p.month))) return;
    const line = curve.lines?.[i];
    const source = curve.sources?.[i];
    throw new HedgeError(
      "CURVE_INVALID",
      `delivery month ${p.month} is not listed by the contract${contractName ? ` "${contractName}"` : ""}`,
      {
        file: curve.file,
        ...(line !== undefined ? { line, column: 1 } : source !== undefined ? { path: `${source}.month` } : {}),
        field: "month",
        value: p.month,
        expected: `a delivery month in a listed calendar month (${[...listed].sort((a, b) => a - b).join(", ")})`,
        hint: "remove the month from the curve, or add it to the contract's listedMonths",
      },
    );
  });
}

/** Linear interpolation of every listed month missing between two quoted months; prices kept to 10 decimals. */
export function fillMissingMonths(
  points: readonly CurvePoint[],
  listedMonths?: readonly number[],
): { points: CurvePoint[]; interpolated: string[] } {
  const listed = listedMonths ? new Set(listedMonths) : undefined;
  const out: CurvePoint[] = [];
  const interpolated: string[] = [];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev) {
      const a = monthIndex(prev.month);
      const b = monthIndex(p.month);
      for (let m = a + 1; m < b; m++) {
        const month = monthFromIndex(m);
        if (listed && !listed.has(calendarMonth(month))) continue;
        const price = prev.price + ((p.price - prev.price) * (m - a)) / (b - a);
        out.push({ month, price: Number(price.toFixed(10)), interpolated: true });
        interpolated.push(month);
      }
    }
    out.push({ month: p.month, price: p.price });
  });
  return { points: out, interpolated };
}

/** Check against the contract's listed months, then fill the gaps. */
export function completeCurve(
  curve: FuturesCurve,
  listedMonths?: readonly number[],
  contractName?: string,
): CompletedCurve {
  checkListedMonths(curve, listedMonths, contractName);
  const { points, interpolated } = fillMissingMonths(curve.points, listedMonths);
  if (interpolated.length === 0) return { ...curve, interpolated };
  // Sources/lines stay parallel to points: interpolated months have none.
  const byMonth = new Map(curve.points.map((p, i) => [p.month, i]));
  const pick = <T>(xs: readonly T[] | undefined): (T | undefined)[] | undefined =>
    xs ? points.map((p) => (p.interpolated ? undefined : xs[byMonth.get(p.month)!])) : undefined;
  const lines = pick(curve.lines);
  const sources = pick(curve.sources)?.map((s) => s ?? "interpolated");
  return { ...curve, points, interpolated, ...(lines ? { lines } : {}), ...(sources ? { sources } : {}) };
}
