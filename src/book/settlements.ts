/**
 * Final settlement prices of delivered months: CSV `month,settlement_price` (also `delivery_month` and
 * `final_settlement_price` / `price` headers), one row per settled delivery month, prices in the contract's quote
 * unit read as exact decimals. Errors name file:line:column, the raw value and what was expected.
 */
import { HedgeError } from "../errors.js";
import { readCsvRows } from "../csv/read-rows.js";
import { parseDecimal } from "../money/decimal.js";
import { isMonth } from "../time/period.js";

const MONTH_NAMES = ["month", "delivery_month"];
const PRICE_NAMES = ["settlement_price", "final_settlement_price", "final_settlement", "settlement", "price"];

export function parseSettlements(text: string, file: string): Map<string, number> {
  const rows = readCsvRows(text, file);
  const header = rows[0]?.record.map((h) => h.trim().toLowerCase());
  if (!header)
    throw new HedgeError("INPUT_EMPTY", "the settlements file is empty", {
      file,
      expected: "a header `month,settlement_price` and one row per settled month",
    });
  const monthCol = header.findIndex((h) => MONTH_NAMES.includes(h));
  const priceCol = header.findIndex((h) => PRICE_NAMES.includes(h));
  if (monthCol < 0 || priceCol < 0) {
    throw new HedgeError("INPUT_MISSING_COLUMN", "the settlements need a month and a settlement price column", {
      file,
      line: 1,
      value: rows[0]!.record.join(","),
      expected: "a header `month,settlement_price`",
    });
  }
  const out = new Map<string, number>();
  const lineOf = new Map<string, number>();
  for (const { record, info } of rows.slice(1)) {
    const line = info.lines;
    const month = (record[monthCol] ?? "").trim();
    if (!isMonth(month)) {
      throw new HedgeError("INPUT_INVALID", `cannot read delivery month "${month}"`, {
        file,
        line,
        column: monthCol + 1,
        field: header[monthCol],
        value: month,
        expected: "a delivery month YYYY-MM",
      });
    }
    const raw = (record[priceCol] ?? "").trim();
    const price = parseDecimal(raw);
    if (price === undefined || !price.greaterThan(0)) {
      throw new HedgeError("INPUT_INVALID", `settlement price "${raw}" for ${month} is not a positive number`, {
        file,
        line,
        column: priceCol + 1,
        field: header[priceCol],
        value: raw,
        expected: "a positive final settlement price such as 2.07",
      });
    }
    const before = lineOf.get(month);
    if (before !== undefined) {
      throw new HedgeError("INPUT_INVALID", `delivery month ${month} is settled twice (lines ${before} and ${line})`, {
        file,
        line,
        column: monthCol + 1,
        field: header[monthCol],
        value: month,
        expected: "each settled month once",
      });
    }
    lineOf.set(month, line);
    out.set(month, price.toNumber());
  }
  return out;
}
