/**
 * A stack-and-roll record: CSV `contract,open_date,close_date,open_price,close_price`, one row per leg in the order
 * rolled (a textbook table, or a desk's history of rolls). Prices exact decimals; errors name file:line:column.
 */
import { HedgeError } from "../errors.js";
import { readCsvRows } from "../csv/read-rows.js";
import { parseDecimal } from "../money/decimal.js";
import type { RollLegPrices } from "./stack-roll.js";

const COLUMNS = ["contract", "open_date", "close_date", "open_price", "close_price"] as const;

export function parseRollLegs(text: string, file: string): RollLegPrices[] {
  const rows = readCsvRows(text, file);
  const header = rows[0]?.record.map((h) => h.trim().toLowerCase());
  if (!header)
    throw new HedgeError("INPUT_EMPTY", "the roll file is empty", { file, expected: `a header ${COLUMNS.join(",")}` });
  const col = COLUMNS.map((c) => header.indexOf(c));
  const missing = COLUMNS.filter((_, k) => col[k]! < 0);
  if (missing.length > 0) {
    throw new HedgeError("INPUT_MISSING_COLUMN", `the roll file has no ${missing.join(", ")} column`, {
      file,
      line: 1,
      value: rows[0]!.record.join(","),
      expected: `a header ${COLUMNS.join(",")}`,
    });
  }
  const legs = rows.slice(1).map(({ record, info }) => {
    const text = (k: number): string => (record[col[k]!] ?? "").trim();
    const price = (k: number): number => {
      const d = parseDecimal(text(k));
      if (d === undefined || !d.greaterThan(0)) {
        throw new HedgeError("INPUT_INVALID", `${COLUMNS[k]} "${text(k)}" is not a positive price`, {
          file,
          line: info.lines,
          column: col[k]! + 1,
          field: COLUMNS[k],
          value: text(k),
          expected: "a positive price such as 88.20",
        });
      }
      return d.toNumber();
    };
    for (const k of [0, 1, 2]) {
      if (text(k) === "")
        throw new HedgeError("INPUT_INVALID", `a leg without ${COLUMNS[k]}`, {
          file,
          line: info.lines,
          column: col[k]! + 1,
          field: COLUMNS[k],
          value: "",
          expected: k === 0 ? "the contract rolled, e.g. Oct 2014" : "a date or month, e.g. 2014-09",
        });
    }
    return { contract: text(0), openDate: text(1), closeDate: text(2), openPrice: price(3), closePrice: price(4) };
  });
  if (legs.length === 0)
    throw new HedgeError("INPUT_EMPTY", "the roll file has no legs", { file, line: 1, expected: "one row per leg" });
  return legs;
}
