/**
 * CSV for Excel (`--excel`): Excel opens a CSV without a byte-order mark in the system code page, so the
 * UTF-8 of "≤ – −" shows as mojibake. A BOM makes it read UTF-8; headers are also made ASCII, so a column
 * name stays the same in any tool that reads them (a formula, a pivot table, a script).
 */

const ASCII_FOR: Record<string, string> = {
  "≤": "<=",
  "≥": ">=",
  "–": "-",
  "—": "-",
  "−": "-",
  "×": "x",
  ρ: "rho",
  σ: "sigma",
  "·": ".",
  "…": "...",
};

/** The CSV text for Excel: BOM first, the header line in ASCII; the rows, formula guard included, unchanged. */
export function excelCsv(text: string): string {
  const nl = text.indexOf("\n");
  const end = nl < 0 ? text.length : nl;
  const header = [...text.slice(0, end)].map((ch) => (ch.charCodeAt(0) < 128 ? ch : (ASCII_FOR[ch] ?? "?"))).join("");
  return "\uFEFF" + header + text.slice(end);
}
