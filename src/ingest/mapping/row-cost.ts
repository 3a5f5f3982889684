/**
 * The cost cell of a record, read exactly: a decimal mantissa and scale (a BigInt mantissa beyond 15
 * digits), after the mapping's scale (e.g. micro-dollars). A leading $, € or £ is allowed.
 */
import { fieldText, type CsvRecord } from "../../csv/scanner.js";
import {
  decimalToBigInt,
  fastDecimal,
  parseDecimalText,
  scaleDecimal,
  type FastDecimal,
  type NumberStyle,
} from "../values/numbers.js";
import { cellError } from "./row-error.js";
import type { CostOutput } from "./compile.js";

/** One cost amount: `mantissa × 10^−scale`, or `big × 10^−scale` when `big` is set. */
export interface CostValue {
  mantissa: number;
  scale: number;
  big: bigint | undefined;
}

/**
 * Reads the record's cost into `out` (reused across rows: no allocation per row). False when the
 * cell is empty; throws for an amount that is not a number or is beyond 10^15.
 */
export function readCost(
  rec: CsvRecord,
  cost: CostOutput,
  style: NumberStyle,
  decimalMark: number,
  scratch: FastDecimal,
  file: string,
  out: CostValue,
): boolean {
  out.mantissa = 0;
  out.scale = 0;
  out.big = undefined;
  const ci = cost.column.index;
  const s = rec.starts[ci]!;
  const e = rec.ends[ci]!;
  if (e <= s) return false;
  if (cost.scale === "1" && fastDecimal(rec.buf, s, e, scratch, decimalMark)) {
    out.mantissa = scratch.mantissa;
    out.scale = scratch.scale;
    return true;
  }
  const text = fieldText(rec, ci);
  if (text.trim() === "") return false;
  const d = parseDecimalText(text.trim().replace(/^\$|^€|^£/, ""), style);
  if (!d) {
    let hint = "write a plain decimal number, e.g. 1234.56";
    if (/^-?\d+,\d{1,2}$/.test(text.trim()))
      hint = "this looks like a decimal comma: pass --decimal , (1234,56 → 1234.56)";
    else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text.trim()))
      hint = "the amount has thousands separators: pass --thousands ,";
    throw cellError(
      "INPUT_NUMBER_PARSE",
      `cannot read amount "${text}"`,
      file,
      rec,
      cost.column,
      "a decimal amount",
      hint,
      cost.rule,
    );
  }
  const scaled = scaleDecimal(d, cost.scale);
  if (scaled.digits.length - scaled.scale > 15) {
    throw cellError(
      "INPUT_NUMBER_PARSE",
      `amount "${text}" is not plausible (beyond 10^15)`,
      file,
      rec,
      cost.column,
      "an amount below 1,000,000,000,000,000",
      "is this the cost column, and is its unit (e.g. micro-dollars) set right in the mapping?",
      cost.rule,
    );
  }
  if (scaled.digits.length <= 15) {
    out.mantissa = scaled.digits === "" ? 0 : Number(scaled.digits) * (scaled.negative ? -1 : 1);
  } else {
    out.big = decimalToBigInt(scaled);
  }
  out.scale = scaled.scale;
  return true;
}
