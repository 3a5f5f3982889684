/** The effectiveness history CSV: value changes (`period,hedge,item`) or prices (`period,spot,futures`). */
import { HedgeError } from "../errors.js";
import { readCsvRows } from "../csv/read-rows.js";
import { checkPeriods } from "../csv/periods.js";
import { parseDecimal, type Dec } from "../money/decimal.js";

/** A history file read as columns: either value changes or prices. */
export type HistoryColumns =
  | { kind: "value-changes"; periods: string[]; hedge: number[]; item: number[] }
  | { kind: "prices"; periods: string[]; spot: Dec[]; futures: Dec[] };

/**
 * History CSV text → columns (pure). Header `period,hedge,item` (value changes of the hedge and the
 * hedged item, gains positive) or `period,spot,futures` (prices). Errors name file:line:column.
 */
export function parseHistoryCsv(text: string, file: string): HistoryColumns {
  const rows = readCsvRows(text, file);
  const header = rows[0]?.record.map((h) => h.trim().toLowerCase());
  if (!header)
    throw new HedgeError("INPUT_EMPTY", "the history file is empty", {
      file,
      expected: "a header `period,hedge,item` or `period,spot,futures`",
    });
  const col = (name: string): number => header.indexOf(name);
  const period = col("period") >= 0 ? col("period") : col("month");
  const valueCols = [col("hedge"), col("item")];
  const priceCols = [col("spot"), col("futures")];
  const isValues = valueCols.every((c) => c >= 0);
  if (period < 0 || (!isValues && !priceCols.every((c) => c >= 0))) {
    throw new HedgeError("INPUT_MISSING_COLUMN", "the history needs columns period,hedge,item or period,spot,futures", {
      file,
      line: 1,
      value: rows[0]!.record.join(","),
      expected: "a header `period,hedge,item` (value changes) or `period,spot,futures` (prices)",
    });
  }
  const [a, b] = (isValues ? valueCols : priceCols) as [number, number];
  const periods: string[] = [];
  const lines: number[] = [];
  const first: Dec[] = [];
  const second: Dec[] = [];
  for (const { record, info } of rows.slice(1)) {
    const label = (record[period] ?? "").trim();
    if (label === "")
      throw new HedgeError("INPUT_INVALID", "empty period", {
        file,
        line: info.lines,
        column: period + 1,
        field: header[period]!,
        expected: "a period label such as 2026-03",
      });
    const read = (c: number): Dec => {
      const raw = (record[c] ?? "").trim();
      const d = parseDecimal(raw);
      if (d === undefined) {
        throw new HedgeError("INPUT_NUMBER_PARSE", `cannot read "${raw}" as a number`, {
          file,
          line: info.lines,
          column: c + 1,
          field: header[c]!,
          value: raw,
          expected: "a plain decimal number such as -1250.50",
          hint: "no thousands separators; a decimal point, not a comma",
        });
      }
      return d;
    };
    periods.push(label);
    lines.push(info.lines);
    first.push(read(a));
    second.push(read(b));
  }
  if (periods.length === 0)
    throw new HedgeError("INPUT_EMPTY", "the history has no rows", { file, line: 1, expected: "one row per period" });
  // A duplicated or out-of-order period would be tested in file order: a month counted twice in a "pass".
  checkPeriods(periods, lines, { file, column: period + 1, field: header[period]! });
  return isValues
    ? { kind: "value-changes", periods, hedge: first.map((d) => d.toNumber()), item: second.map((d) => d.toNumber()) }
    : { kind: "prices", periods, spot: first, futures: second };
}
