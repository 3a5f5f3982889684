/**
 * Input checks for a usage series before any model sees it: consecutive periods, finite non-negative values and
 * enough of them. Errors are user-data errors (HedgeError, exit code 3).
 */
import { HedgeError } from "../errors.js";
import { isDay, isMonth } from "../time/period.js";
import type { TimeSeries } from "./types.js";

/** Fewest observations any model accepts (holdout selection needs at least one point to score). */
export const MIN_POINTS = 4;

export function validateSeries(series: TimeSeries): void {
  const { granularity, start, values } = series;
  if (granularity !== "day" && granularity !== "month") {
    throw new HedgeError("INPUT_INVALID", `unknown granularity "${String(granularity)}"`, {
      value: String(granularity),
      expected: '"day" or "month"',
    });
  }
  const okStart = granularity === "month" ? isMonth(start) : isDay(start);
  if (!okStart) {
    throw new HedgeError("INPUT_INVALID", `series start "${start}" is not a ${granularity}`, {
      value: start,
      expected: granularity === "month" ? "YYYY-MM" : "YYYY-MM-DD",
    });
  }
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      throw new HedgeError(
        "INPUT_INVALID",
        `series value ${i + 1} is ${String(v)}: usage must be a finite number ≥ 0`,
        {
          value: String(v),
          expected: "a finite, non-negative number",
          hint: "fill gaps in the usage series (a missing period is usually a zero or an outage) before forecasting",
        },
      );
    }
  });
  if (values.length < MIN_POINTS) {
    throw new HedgeError(
      "SERIES_TOO_SHORT",
      `a forecast needs at least ${MIN_POINTS} ${granularity === "month" ? "months" : "days"} of history; got ${values.length}`,
      { expected: `≥ ${MIN_POINTS} observations` },
    );
  }
}
