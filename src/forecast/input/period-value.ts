/**
 * A plain two-column series file → a TimeSeries. The file is CSV with the header `period,value` and one row per
 * consecutive period:
 *
 *     period,value
 *     2024-01,112
 *     2024-02,118
 *
 * Periods are months `YYYY-MM` or days `YYYY-MM-DD` (the first row decides which; every row must agree). Values are
 * plain non-negative decimal numbers (`1234`, `315.42`, `1.5e9`; no thousands separators, no currency signs).
 * A gap, a repeated or out-of-order period, a negative or unreadable value is an error naming file:line:column,
 * the value found and what was expected — never a silent fill: a missing period is usually an outage or an export
 * problem, and only the user knows which.
 */
import { readCsvRows } from "../../csv/read-rows.js";
import { HedgeError } from "../../errors.js";
import { addDays, addMonths, dayToEpochDays, isDay, isMonth, monthIndex } from "../../time/period.js";
import type { Granularity, TimeSeries } from "../types.js";

export interface PeriodValueSeries {
  file: string;
  series: TimeSeries;
  /** 1-based file line of each value, parallel to `series.values`. */
  lines: number[];
  /** Most digits after the decimal point in any value (0 for whole numbers; at most 6): outputs round to this. */
  decimals: number;
}

/** The exact header that marks a two-column series file (case and surrounding spaces or quotes ignored). */
export const PERIOD_VALUE_HEADER = ["period", "value"] as const;

const MAX_DECIMALS = 6;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function headerCells(line: string): string[] {
  return line.split(",").map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .trim()
      .toLowerCase(),
  );
}

/**
 * True when the first non-blank line of `text` (a byte-order mark ignored) is the header `period,value`. Used to
 * tell a series file from a usage export, whose headers name dates and token columns instead.
 */
export function isPeriodValueText(text: string): boolean {
  const first = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .find((l) => l.trim() !== "");
  if (first === undefined) return false;
  const cells = headerCells(first);
  return cells.length === PERIOD_VALUE_HEADER.length && cells.every((c, i) => c === PERIOD_VALUE_HEADER[i]);
}

function granularityOf(period: string): Granularity | undefined {
  if (isMonth(period)) return "month";
  if (isDay(period)) return "day";
  return undefined;
}

/** Steps from period a to b: months for monthly series, days for daily ones. */
function stepsBetween(granularity: Granularity, a: string, b: string): number {
  return granularity === "month" ? monthIndex(b) - monthIndex(a) : dayToEpochDays(b) - dayToEpochDays(a);
}

function next(granularity: Granularity, period: string): string {
  return granularity === "month" ? addMonths(period, 1) : addDays(period, 1);
}

/** Digits after the decimal point of a plain number, exponent included: "315.42" → 2, "1.5e9" → 0, "25e-3" → 3. */
function decimalsOf(raw: string): number {
  const [mantissa = "", exponent = "0"] = raw.split(/[eE]/);
  const dot = mantissa.indexOf(".");
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, fraction - Number(exponent));
}

export function parsePeriodValue(text: string, file: string): PeriodValueSeries {
  const rows = readCsvRows(text, file);
  const head = rows[0];
  if (!head) {
    throw new HedgeError("INPUT_EMPTY", "the series file is empty", {
      file,
      expected: "a header `period,value` and one row per period",
    });
  }
  const cells = head.record.map((c) => c.trim().toLowerCase());
  if (cells.length !== 2 || cells[0] !== "period" || cells[1] !== "value") {
    throw new HedgeError("INPUT_MISSING_COLUMN", "a series file needs exactly the two columns period,value", {
      file,
      line: head.info.lines,
      column: 1,
      value: head.record.join(","),
      expected: "the header `period,value`",
    });
  }

  let granularity: Granularity | undefined;
  let start = "";
  let previous: string | undefined;
  const values: number[] = [];
  const lines: number[] = [];
  let decimals = 0;
  for (const { record, info } of rows.slice(1)) {
    const line = info.lines;
    const period = (record[0] ?? "").trim();
    const kind = granularityOf(period);
    if (kind === undefined || (granularity !== undefined && kind !== granularity)) {
      const expected =
        granularity === "month"
          ? "a month YYYY-MM, like the first row"
          : granularity === "day"
            ? "a day YYYY-MM-DD, like the first row"
            : "a month YYYY-MM or a day YYYY-MM-DD";
      throw new HedgeError("INPUT_DATE_PARSE", `cannot read period "${period}"`, {
        file,
        line,
        column: 1,
        field: "period",
        value: period,
        expected,
        ...(kind !== undefined ? { hint: "monthly and daily rows cannot be mixed in one file" } : {}),
      });
    }
    granularity = kind;
    if (previous === undefined) {
      start = period;
    } else {
      const steps = stepsBetween(kind, previous, period);
      if (steps !== 1) {
        const expectedPeriod = next(kind, previous);
        const message =
          steps === 0
            ? `period ${period} appears twice`
            : steps < 0
              ? `periods are not in order: ${period} after ${previous}`
              : `gap in the series: ${period} follows ${previous} (${steps - 1} ${kind === "month" ? "month" : "day"}${steps - 1 === 1 ? "" : "s"} missing)`;
        throw new HedgeError("INPUT_INVALID", message, {
          file,
          line,
          column: 1,
          field: "period",
          value: period,
          expected: expectedPeriod,
          hint:
            steps > 1
              ? "add the missing periods (0 for no usage) so every period appears once, in order"
              : "sort the file by period, one row per period",
        });
      }
    }
    const raw = (record[1] ?? "").trim();
    if (!PLAIN_NUMBER.test(raw)) {
      throw new HedgeError(
        "INPUT_NUMBER_PARSE",
        raw === "" ? `no value for ${period}` : `cannot read value "${raw}" for ${period}`,
        {
          file,
          line,
          column: 2,
          field: "value",
          value: raw,
          expected: "a plain number such as 1234 or 315.42",
          ...(raw === ""
            ? { hint: "write 0 for a period without usage" }
            : /\d,\d|\s/.test(raw)
              ? { hint: "no thousands separators or spaces" }
              : {}),
        },
      );
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
      throw new HedgeError("INPUT_INVALID", `value ${raw} for ${period} is ${value < 0 ? "negative" : "not finite"}`, {
        file,
        line,
        column: 2,
        field: "value",
        value: raw,
        expected: "a finite number ≥ 0",
      });
    }
    decimals = Math.max(decimals, Math.min(MAX_DECIMALS, decimalsOf(raw)));
    values.push(value);
    lines.push(line);
    previous = period;
  }
  if (granularity === undefined) {
    throw new HedgeError("INPUT_EMPTY", "the series file has a header but no rows", {
      file,
      line: head.info.lines,
      expected: "one row per period after the header",
    });
  }
  return { file, series: { granularity, start, values }, lines, decimals };
}
