/**
 * Token-count cells: what a count may be (whole, ≥ 0, at most 2^63 − 1) and the messages for the
 * cells that break those rules. Counts up to 15 digits are exact as a number; longer ones are BigInts.
 */
import { fieldText, type CsvRecord } from "../../csv/scanner.js";
import { decimalToBigInt, decimalToString, type Decimal } from "../values/numbers.js";
import { cellError, type IngestRowError } from "./row-error.js";
import type { Column } from "./row-lookups.js";
import type { Measure, WideOutput } from "./compile.js";

/** 2^63 − 1: the largest count a signed 64-bit integer holds (what databases and billing exports store). */
const MAX_TOKENS = 9223372036854775807n;

/**
 * The token count of a cell whose text parsed to `d` after its multiplier: a number when it has at
 * most 15 digits, a BigInt beyond. Throws for a negative, fractional or out-of-range count.
 */
export function tokenCount(
  d: Decimal,
  text: string,
  multiplier: string,
  file: string,
  rec: CsvRecord,
  column: Column,
  rule: string,
): number | bigint {
  if (d.negative) {
    throw cellError(
      "INPUT_NEGATIVE_TOKENS",
      `negative token count "${text}"`,
      file,
      rec,
      column,
      "a whole number of tokens ≥ 0",
      "refunds or corrections belong in a separate adjustment, not in usage rows",
      rule,
    );
  }
  if (d.scale > 0) {
    throw cellError(
      "INPUT_FRACTIONAL_TOKENS",
      `fractional token count "${text}"${multiplier !== "1" ? ` (× ${multiplier} = ${decimalToString(d)})` : ""}`,
      file,
      rec,
      column,
      "a whole number of tokens",
      "is this column in thousands or millions of tokens? tokens are counted whole; set the unit in the mapping",
      rule,
    );
  }
  if (d.digits.length > 19 || (d.digits.length === 19 && BigInt(d.digits) > MAX_TOKENS)) {
    throw cellError(
      "INPUT_NUMBER_PARSE",
      `token count "${text}" is beyond 2^63 − 1`,
      file,
      rec,
      column,
      "a whole number of tokens up to 9223372036854775807",
      "no export counts this many tokens in a row: is the column or its unit right?",
      rule,
    );
  }
  if (d.digits.length <= 15) return d.digits === "" ? 0 : Number(d.digits);
  return decimalToBigInt(d);
}

/** Why a token cell is not a number, for the usual causes (separators, a decimal comma, a header). */
function parseHint(text: string): string {
  const t = text.trim();
  if (/^-?\d{1,3}([,. '\u00a0]\d{3})+([.,]\d+)?$/.test(t))
    return "the number has thousands separators: pass --thousands , (or --decimal , for 1.234,56), or set numbers.thousands in the mapping";
  if (/^-?\d+,\d+$/.test(t)) return "this looks like a decimal comma: pass --decimal ,";
  if (/^[a-z_ ]+$/i.test(t)) return "this looks like a header: is there a second header row?";
  return "write plain digits, e.g. 1250000";
}

/**
 * A token cell that is not a number, with a hint for the usual causes; or an empty one where the mapping
 * wants a count (`text` "", and the `hint` says what the mapping requires).
 */
export function tokenParseError(
  text: string,
  file: string,
  rec: CsvRecord,
  column: Column,
  rule: string,
  hint = parseHint(text),
): IngestRowError {
  return cellError(
    "INPUT_NUMBER_PARSE",
    `cannot read token count "${text}"`,
    file,
    rec,
    column,
    "a whole number of tokens",
    hint,
    rule,
  );
}

/** A container column (e.g. input tokens) smaller than the columns it contains (e.g. cached input). */
export function containmentError(rec: CsvRecord, w: WideOutput, measures: Measure[], file: string): IngestRowError {
  const col = measures[w.measure]!.column;
  const parts = w.minus
    .map((k) => `${measures[k]!.column.name} ${fieldText(rec, measures[k]!.column.index)}`)
    .join(" + ");
  return cellError(
    "INPUT_CONTAINMENT",
    `${col.name} (${fieldText(rec, col.index)}) is smaller than what it should contain (${parts})`,
    file,
    rec,
    col,
    `${col.name} ≥ ${w.minus.map((k) => measures[k]!.column.name).join(" + ")}`,
    "the columns look disjoint, not nested: use --containment disjoint, or drop `minus` in the mapping",
    w.rule,
  );
}
