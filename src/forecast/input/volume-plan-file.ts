/**
 * The volume-plan file (`--volume-plan FILE`): a top-down plan or budget of tokens per month, as CSV
 *
 *     month,tokens,weight
 *     2027-01,95000000000,0.5
 *     2027-02,100000000000,
 *
 * or as YAML (a list of { month, tokens, weight }, optionally under `plan:`). `weight` (0 … 1) is optional; a
 * month without one takes `--volume-plan-weight`, else 0.5 (volume-plan.ts). Every error names file:line:column,
 * the value found and what was expected.
 */
import { HedgeError } from "../../errors.js";
import { isMonth } from "../../time/period.js";
import type { VolumePlan } from "../types.js";
import { readTable } from "./table-file.js";

const FIELDS = ["month", "tokens", "weight"] as const;
const PLAIN_NUMBER = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+]?\d+)?$/;

export function parseVolumePlanFile(text: string, file: string): VolumePlan["months"] {
  const rows = readTable(text, file, {
    fields: FIELDS,
    required: ["month", "tokens"],
    listKeys: ["plan", "months"],
    what: "volume plan",
  });
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const monthCell = row.get("month");
    const tokensCell = row.get("tokens");
    if (!monthCell)
      throw new HedgeError("INPUT_INVALID", "a volume-plan row has no month", {
        file,
        line: row.line,
        field: "month",
        expected: "a month YYYY-MM",
      });
    if (!isMonth(monthCell.raw)) {
      throw new HedgeError("INPUT_DATE_PARSE", `cannot read month "${monthCell.raw}"`, {
        file,
        line: monthCell.line,
        column: monthCell.column,
        field: "month",
        value: monthCell.raw,
        expected: "a month YYYY-MM",
      });
    }
    const before = seen.get(monthCell.raw);
    if (before !== undefined) {
      throw new HedgeError("INPUT_INVALID", `month ${monthCell.raw} appears twice (first on line ${before})`, {
        file,
        line: monthCell.line,
        column: monthCell.column,
        field: "month",
        value: monthCell.raw,
        expected: "each month once",
      });
    }
    seen.set(monthCell.raw, monthCell.line);
    if (!tokensCell)
      throw new HedgeError("INPUT_INVALID", `no tokens for ${monthCell.raw}`, {
        file,
        line: row.line,
        field: "tokens",
        expected: "a number of tokens ≥ 0",
      });
    if (!PLAIN_NUMBER.test(tokensCell.raw) || !Number.isFinite(Number(tokensCell.raw))) {
      throw new HedgeError("INPUT_NUMBER_PARSE", `cannot read tokens "${tokensCell.raw}" for ${monthCell.raw}`, {
        file,
        line: tokensCell.line,
        column: tokensCell.column,
        field: "tokens",
        value: tokensCell.raw,
        expected: "a plain number ≥ 0 such as 95000000000 or 9.5e10",
        ...(/\d,\d|\s|_/.test(tokensCell.raw) ? { hint: "no thousands separators, spaces or underscores" } : {}),
      });
    }
    const out: VolumePlan["months"][number] = { month: monthCell.raw, tokens: Number(tokensCell.raw) };
    const weightCell = row.get("weight");
    if (weightCell) {
      const w = Number(weightCell.raw);
      if (!PLAIN_NUMBER.test(weightCell.raw) || !(w >= 0 && w <= 1)) {
        throw new HedgeError(
          "INPUT_INVALID",
          `weight "${weightCell.raw}" for ${monthCell.raw} is not between 0 and 1`,
          {
            file,
            line: weightCell.line,
            column: weightCell.column,
            field: "weight",
            value: weightCell.raw,
            expected: "a number 0 … 1 (1: the plan overrides the forecast)",
          },
        );
      }
      out.weight = w;
    }
    return out;
  });
}
