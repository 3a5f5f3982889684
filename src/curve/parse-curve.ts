/**
 * Futures curve CSV (`month,price`) → validated curve points. Errors name file:line:column, the raw
 * value and what was expected, like the usage reader.
 */
import { HedgeError } from "../errors.js";
import { readCsvRows } from "../csv/read-rows.js";
import { isMonth, monthIndex } from "../time/period.js";
import { parseDecimal } from "../money/decimal.js";

export interface CurvePoint {
  month: string;
  price: number;
}

export interface FuturesCurve {
  file: string;
  points: CurvePoint[];
}

export function parseCurveCsv(text: string, file: string): FuturesCurve {
  const rows = readCsvRows(text, file);
  const header = rows[0]?.record.map((h) => h.trim().toLowerCase());
  if (!header) throw new HedgeError("INPUT_EMPTY", "the curve file is empty", { file, expected: "a header `month,price` and one row per delivery month" });
  const monthCol = header.findIndex((h) => h === "month" || h === "delivery_month" || h === "period");
  const priceCol = header.findIndex((h) => h === "price" || h === "settle" || h === "futures_price");
  if (monthCol < 0 || priceCol < 0) {
    throw new HedgeError("INPUT_MISSING_COLUMN", `the curve needs a month and a price column`, {
      file,
      line: 1,
      value: rows[0]!.record.join(","),
      expected: "a header `month,price`",
    });
  }

  const points: CurvePoint[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of rows.slice(1)) {
    const line = info.lines;
    const month = (record[monthCol] ?? "").trim();
    if (!isMonth(month)) {
      throw new HedgeError("CURVE_INVALID", `cannot read delivery month "${month}"`, {
        file, line, column: monthCol + 1, field: "month", value: month, expected: "a delivery month YYYY-MM", hint: "e.g. 2027-03",
      });
    }
    const rawPrice = (record[priceCol] ?? "").trim();
    const price = parseDecimal(rawPrice)?.toNumber();
    if (price === undefined || !(price > 0)) {
      throw new HedgeError("CURVE_INVALID", `price "${rawPrice}" for ${month} is not a positive number`, {
        file, line, column: priceCol + 1, field: "price", value: rawPrice, expected: "a positive price such as 2.10",
      });
    }
    const previous = seen.get(month);
    if (previous !== undefined) {
      throw new HedgeError("CURVE_INVALID", `delivery month ${month} appears twice (lines ${previous} and ${line})`, {
        file, line, column: monthCol + 1, field: "month", value: month, expected: "each delivery month once",
      });
    }
    const last = points[points.length - 1];
    if (last && monthIndex(month) < monthIndex(last.month)) {
      throw new HedgeError("CURVE_INVALID", `delivery months are not in order: ${month} after ${last.month}`, {
        file, line, column: monthCol + 1, field: "month", value: month, expected: `a month after ${last.month}`, hint: "sort the curve by delivery month",
      });
    }
    seen.set(month, line);
    points.push({ month, price });
  }
  if (points.length === 0) throw new HedgeError("INPUT_EMPTY", "the curve has no delivery months", { file, line: 1, expected: "one row per delivery month" });
  return { file, points };
}
