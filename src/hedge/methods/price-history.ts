/**
 * A price history CSV for the minimum-variance hedge ratio: one row per period with the company's price (spot,
 * S) and the futures or index price (F). Default columns `period,spot,futures`; any other names can be chosen.
 * The values are price levels by default (differenced into changes by mvhr.ts) or already per-period changes.
 */
import { HedgeError } from "../../errors.js";
import { readCsvRows } from "../../csv/read-rows.js";
import { parseDecimal } from "../../money/decimal.js";
import { checkPeriods } from "../../csv/periods.js";
import type { PriceSeriesInput } from "../mvhr.js";

export interface PriceHistory extends PriceSeriesInput {
  file: string;
  /** The period label of each row (the first column named `period`, `month` or `date`, else the row number). */
  periods: string[];
  spotColumn: string;
  futuresColumn: string;
}

export interface PriceHistoryOptions {
  spotColumn?: string;
  futuresColumn?: string;
  kind?: "levels" | "changes";
}

export function parsePriceHistory(text: string, file: string, options: PriceHistoryOptions = {}): PriceHistory {
  const spotColumn = options.spotColumn ?? "spot";
  const futuresColumn = options.futuresColumn ?? "futures";
  const rows = readCsvRows(text, file);
  const header = rows[0]?.record.map((h) => h.trim());
  if (!header)
    throw new HedgeError("INPUT_EMPTY", "the price history is empty", {
      file,
      expected: `a header with ${spotColumn} and ${futuresColumn} columns`,
    });
  const find = (name: string): number => header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  const sCol = find(spotColumn);
  const fCol = find(futuresColumn);
  for (const [col, name, flag] of [
    [sCol, spotColumn, "--spot-column"],
    [fCol, futuresColumn, "--futures-column"],
  ] as const) {
    if (col < 0) {
      throw new HedgeError("INPUT_MISSING_COLUMN", `no ${name} column in the price history header`, {
        file,
        line: 1,
        value: header.join(","),
        expected: `a column named ${name}`,
        hint: `name the column with ${flag} (the header has: ${header.join(", ")})`,
      });
    }
  }
  const pCol = ["period", "month", "date"].map(find).find((i) => i >= 0) ?? -1;
  const spot: number[] = [];
  const futures: number[] = [];
  const periods: string[] = [];
  const lines: number[] = [];
  for (const { record, info } of rows.slice(1)) {
    const line = info.lines;
    const read = (col: number, name: string): number => {
      const raw = (record[col] ?? "").trim();
      const value = parseDecimal(raw)?.toNumber();
      if (value === undefined || !Number.isFinite(value)) {
        throw new HedgeError("INPUT_NUMBER_PARSE", `cannot read ${name} "${raw}"`, {
          file,
          line,
          column: col + 1,
          field: name,
          value: raw,
          expected: "a plain decimal number such as 2.1350",
          ...(raw.includes(",") ? { hint: "use a decimal point, not a comma" } : {}),
        });
      }
      if (options.kind !== "changes" && !(value > 0)) {
        throw new HedgeError("INPUT_INVALID", `${name} price "${raw}" is not positive`, {
          file,
          line,
          column: col + 1,
          field: name,
          value: raw,
          expected: "a positive price level",
          hint: "if the file holds price changes, pass --changes",
        });
      }
      return value;
    };
    spot.push(read(sCol, header[sCol]!));
    futures.push(read(fCol, header[fCol]!));
    periods.push(pCol >= 0 ? (record[pCol] ?? "").trim() : String(periods.length + 1));
    lines.push(line);
  }
  if (pCol >= 0) checkPeriods(periods, lines, { file, column: pCol + 1, field: header[pCol]! });
  return {
    file,
    spot,
    futures,
    periods,
    kind: options.kind ?? "levels",
    spotColumn: header[sCol]!,
    futuresColumn: header[fCol]!,
  };
}
