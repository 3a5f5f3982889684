/**
 * The period column of a history (price history, effectiveness history) checked the way a curve's
 * months are: each period once, in order, and monthly periods without a gap. A history used in file
 * order with a duplicated or out-of-order period gives wrong differences (h* from the wrong pairs,
 * a month counted twice in a dollar-offset test), silently; a gap makes one "change" span two months.
 */
import { HedgeError } from "../errors.js";
import { isDay, isMonth, monthIndex, dayToEpochDays } from "../time/period.js";

export interface PeriodColumn {
  file: string;
  /** 1-based column of the period labels, and its header name. */
  column: number;
  field: string;
}

/** Throws at the first repeated, out-of-order or (monthly) missing period; `lines[i]` is row i's line. */
export function checkPeriods(labels: readonly string[], lines: readonly number[], where: PeriodColumn): void {
  const { file, column, field } = where;
  const seen = new Map<string, number>();
  const months = labels.every(isMonth);
  const days = !months && labels.every(isDay);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    const line = lines[i]!;
    const before = seen.get(label);
    if (before !== undefined) {
      throw new HedgeError("INPUT_INVALID", `period ${label} appears twice (lines ${before} and ${line})`, {
        file,
        line,
        column,
        field,
        value: label,
        expected: "each period once",
        hint: "remove the duplicate row",
      });
    }
    seen.set(label, line);
    if (i === 0 || (!months && !days)) continue;
    const prev = labels[i - 1]!;
    const step = months ? monthIndex(label) - monthIndex(prev) : dayToEpochDays(label) - dayToEpochDays(prev);
    if (step < 0) {
      throw new HedgeError("INPUT_INVALID", `periods are not in order: ${label} after ${prev}`, {
        file,
        line,
        column,
        field,
        value: label,
        expected: `a period after ${prev}`,
        hint: "sort the history by period",
      });
    }
    if (months && step > 1) {
      throw new HedgeError("INPUT_INVALID", `the history has a gap: ${label} follows ${prev}`, {
        file,
        line,
        column,
        field,
        value: label,
        expected: "consecutive months",
        hint: "a change across a gap spans several months: fill the missing months, or start the history after the gap",
      });
    }
  }
}
