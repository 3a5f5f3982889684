/** CSV text → rows with their line numbers, csv-parse's errors turned into ours. Shared by every CSV reader. */
import { parse } from "csv-parse/sync";
import { HedgeError } from "../errors.js";

export interface CsvRow {
  record: string[];
  info: { lines: number };
}

/** Split CSV text into rows, turning csv-parse's errors into ours with the line number. */
export function readCsvRows(text: string, file: string): CsvRow[] {
  try {
    return parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as CsvRow[];
  } catch (err) {
    const e = err as { code?: string; message?: string; lines?: number };
    const line = typeof e.lines === "number" ? e.lines : undefined;
    const hint =
      e.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH"
        ? "a row has a different number of fields than the header: an unquoted comma inside a value, or a decimal comma?"
        : e.code === "CSV_QUOTE_NOT_CLOSED"
          ? "a quoted field is never closed"
          : undefined;
    throw new HedgeError("INPUT_CSV_SYNTAX", `not valid CSV: ${e.message ?? String(err)}`, {
      file,
      ...(line !== undefined ? { line } : {}),
      expected: "comma-separated values with a header row",
      ...(hint ? { hint } : {}),
    });
  }
}
