/**
 * Usage CSV text → usage records. Strict: the first bad cell stops the read with file:line:column,
 * the raw value, what was expected and a hint (the hledger style of CSV error, ECOSYSTEM.md §1.2).
 */
import { HedgeError } from "../errors.js";
import { readCsvRows } from "../csv/read-rows.js";
import { resolveColumns } from "./columns.js";
import { parseDay, parseMoney, parseTokens, type CellPosition } from "./values.js";
import type { ColumnMap, UsageRecord } from "./types.js";

export interface ParseUsageOptions {
  /** Name used in messages (the path as the user typed it). */
  file: string;
  map?: Partial<ColumnMap>;
}

export interface ParsedUsage {
  columns: ColumnMap;
  records: UsageRecord[];
}

export function parseUsageCsv(text: string, options: ParseUsageOptions): ParsedUsage {
  const { file } = options;
  const rows = readCsvRows(text, file);
  const headerRow = rows[0];
  if (!headerRow) {
    throw new HedgeError("INPUT_EMPTY", "the usage file is empty", { file, expected: "a header row and at least one usage row" });
  }
  const { map, index } = resolveColumns(headerRow.record, file, options.map);
  const records: UsageRecord[] = [];

  for (let r = 1; r < rows.length; r++) {
    const { record, info } = rows[r]!;
    const line = info.lines;
    const cell = (i: number): [string, CellPosition] => [record[i] ?? "", { file, line, column: i + 1, field: headerRow.record[i]?.trim() ?? "" }];

    const day = parseDay(...cell(index.date));
    const tokens = parseTokens(...cell(index.tokens));
    const kind = index.kind === undefined ? "total" : (record[index.kind] ?? "").trim() || "unspecified";
    const model = index.model === undefined ? "all" : (record[index.model] ?? "").trim() || "unspecified";
    const cost = index.cost === undefined ? null : (parseMoney(...cell(index.cost)) ?? null);
    records.push({ day, tokens, kind, model, cost, line });
  }
  if (records.length === 0) {
    throw new HedgeError("INPUT_EMPTY", "the usage file has a header but no rows", { file, line: 1, expected: "at least one usage row" });
  }
  return { columns: map, records };
}
