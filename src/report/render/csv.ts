/**
 * CSV output (RFC 4180 quoting) with a spreadsheet formula-injection guard on text cells.
 * A text cell starting with = + - @ tab or CR is prefixed with a single quote (OWASP "CSV Injection").
 * Numbers are written as plain numbers and never guarded: csv-stringify's escape_formulas would turn
 * -1234.5 into '-1234.5 (common CLI practice), which breaks every spreadsheet sum.
 */

export type CsvCell = string | number | bigint | boolean | null | undefined;

const NUMERIC_LITERAL = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function guardText(text: string): string {
  if (NUMERIC_LITERAL.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "bigint" || typeof cell === "boolean") return String(cell);
  return quote(guardText(cell));
}

export function renderCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map((h) => quote(guardText(h))).join(",")];
  for (const row of rows) lines.push(row.map(csvCell).join(","));
  return lines.join("\n") + "\n";
}
