/** Reading one cell: dates, token counts and money, each with an error that says what was expected. */
import { HedgeError, type ErrorDetails } from "../errors.js";
import { isDay } from "../time/period.js";
import { parseDecimal, type Dec } from "../money/decimal.js";

export interface CellPosition {
  file: string;
  line: number;
  /** 1-based field number. */
  column: number;
  field: string;
}

function at(pos: CellPosition, value: string, rest: Omit<ErrorDetails, "file" | "line" | "column" | "field" | "value">): ErrorDetails {
  return { file: pos.file, line: pos.line, column: pos.column, field: pos.field, value, ...rest };
}

const ISO_DATETIME_RE =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A calendar day in UTC from `YYYY-MM-DD` or an ISO 8601 date-time (with `Z` or an offset; a
 * date-time without an offset is taken as UTC).
 */
export function parseDay(raw: string, pos: CellPosition): string {
  const text = raw.trim();
  if (isDay(text)) return text;
  const m = ISO_DATETIME_RE.exec(text);
  if (m && isDay(m[1]!)) {
    const zone = m[5] ?? "Z";
    const normalisedZone = zone === "Z" ? "Z" : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
    const iso = `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? "00"}${normalisedZone}`;
    const ms = Date.parse(iso);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString().slice(0, 10);
  }
  let hint = "dates must be YYYY-MM-DD or ISO 8601 date-times such as 2026-03-01T14:00:00Z";
  if (/^[a-z_ ]+$/i.test(text)) hint = "this looks like a header: is there a second header row, or a title line above the header?";
  else if (/^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(text)) hint = "day/month order is ambiguous here; convert the column to YYYY-MM-DD";
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) hint = "this is not a real calendar date";
  throw new HedgeError("INPUT_DATE_PARSE", `cannot read date "${raw}"`, at(pos, raw, { expected: "a date YYYY-MM-DD", hint }));
}

const INTEGER_RE = /^\+?(\d+)(?:\.0*)?$/;

/** A non-negative whole token count. `59200.0` is accepted (exports often write floats for integers). */
export function parseTokens(raw: string, pos: CellPosition): bigint {
  const text = raw.trim();
  const m = INTEGER_RE.exec(text);
  if (m) return BigInt(m[1]!);
  if (/^-\s*\d/.test(text)) {
    throw new HedgeError(
      "INPUT_NEGATIVE_TOKENS",
      `negative token count "${raw}"`,
      at(pos, raw, { expected: "a whole number of tokens ≥ 0", hint: "refunds or corrections belong in a separate adjustment, not in usage rows" }),
    );
  }
  if (/^\d*\.\d+$/.test(text)) {
    throw new HedgeError(
      "INPUT_FRACTIONAL_TOKENS",
      `fractional token count "${raw}"`,
      at(pos, raw, { expected: "a whole number of tokens", hint: "is this column in thousands or millions of tokens? tokens are counted whole" }),
    );
  }
  let hint = "write plain digits, e.g. 1250000";
  if (/^\d{1,3}([,. ]\d{3})+$/.test(text)) hint = "remove the thousands separators (e.g. 1,250,000 → 1250000)";
  else if (text === "") hint = "the cell is empty; every row needs a token count";
  throw new HedgeError("INPUT_NUMBER_PARSE", `cannot read token count "${raw}"`, at(pos, raw, { expected: "a whole number of tokens", hint }));
}

/** Money as an exact decimal; an empty cell is zero cost. */
export function parseMoney(raw: string, pos: CellPosition): Dec | undefined {
  const text = raw.trim().replace(/^\$/, "");
  if (text === "") return undefined;
  const value = parseDecimal(text);
  if (value !== undefined) return value;
  let hint = "write a plain decimal number with a point, e.g. 1234.56";
  if (/^-?\d+,\d{1,2}$/.test(text)) hint = "this looks like a decimal comma; convert it to a point (1234,56 → 1234.56)";
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) hint = "remove the thousands separators (1,234.56 → 1234.56)";
  throw new HedgeError("INPUT_NUMBER_PARSE", `cannot read amount "${raw}"`, at(pos, raw, { expected: "a decimal amount", hint }));
}
