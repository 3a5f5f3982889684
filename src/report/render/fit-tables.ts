/**
 * Fit the box tables of a human rendering to where it is printed. Every view draws its tables with
 * renderTable (table.ts) in one known box style; this pass finds those blocks and, per block:
 *   - keeps the box when it fits the width (or the width is unknown, or `wide` forces it);
 *   - draws plain aligned text without box characters when the output is not a terminal;
 *   - switches to a vertical layout (one "header  value" block per row) when the table is wider
 *     than the terminal and `wide` is off.
 * Pure: text in, text out. Lines that are not part of a table pass through unchanged.
 */

export interface FitOptions {
  /** Width to fit, in characters; undefined: no limit. */
  columns?: number;
  /** Box drawing (a terminal) or plain aligned text (a pipe or a file). */
  boxes: boolean;
  /** Keep every table whole however wide (`--wide`). */
  wide: boolean;
}

interface ParsedTable {
  head: string[];
  rows: string[][];
  /** Index in `rows` where the totals block starts (after a ─── separator row), or -1. */
  footerAt: number;
  right: boolean[];
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const strip = (s: string): string => s.replace(ANSI, "");
const width = (s: string): number => [...strip(s)].length;
const isTableLine = (line: string): boolean => /^[┌│├└]/.test(strip(line));

function parse(lines: string[]): ParsedTable | undefined {
  const cellRows = lines.filter((l) => strip(l).startsWith("│")).map((l) => strip(l).split("│").slice(1, -1));
  if (cellRows.length === 0) return undefined;
  const [headCells, ...body] = cellRows;
  const n = headCells!.length;
  if (body.some((r) => r.length !== n)) return undefined;
  const separator = body.findIndex((r) => r.every((c) => c.trim() === "───"));
  const rows = body.filter((_, i) => i !== separator);
  // A right-aligned column shows leading padding beyond the one-space margin in some cell.
  const right = headCells!.map((_, j) => body.some((r) => /^ {2}/.test(r[j]!) && r[j]!.trim() !== "───"));
  return {
    head: headCells!.map((c) => c.trim()),
    rows: rows.map((r) => r.map((c) => c.trim())),
    footerAt: separator,
    right,
  };
}

function plain(t: ParsedTable): string[] {
  const all = [t.head, ...t.rows];
  const w = t.head.map((_, j) => Math.max(...all.map((r) => width(r[j]!))));
  const line = (r: string[]): string =>
    r
      .map((c, j) => (t.right[j] ? c.padStart(w[j]!) : c.padEnd(w[j]!)))
      .join("  ")
      .trimEnd();
  const rule = w.map((x) => "-".repeat(x)).join("  ");
  const out = [line(t.head), rule];
  t.rows.forEach((r, i) => {
    if (i === t.footerAt) out.push(rule);
    out.push(line(r));
  });
  return out;
}

function vertical(t: ParsedTable): string[] {
  const keyWidth = Math.max(...t.head.slice(1).map(width));
  const out: string[] = [];
  t.rows.forEach((r, i) => {
    if (i > 0) out.push("");
    out.push(`${t.head[0]} ${r[0]}`.trim());
    for (let j = 1; j < r.length; j++) if (r[j] !== "") out.push(`  ${t.head[j]!.padEnd(keyWidth)}  ${r[j]}`);
  });
  return out;
}

function fitBlock(lines: string[], o: FitOptions): string[] {
  const tooWide = !o.wide && o.columns !== undefined && Math.max(...lines.map(width)) > o.columns;
  if (o.boxes && !tooWide) return lines;
  const t = parse(lines);
  if (!t) return lines;
  if (tooWide) {
    const flat = plain(t);
    return Math.max(...flat.map(width)) <= o.columns! ? flat : vertical(t);
  }
  return plain(t);
}

export function fitTables(text: string, o: FitOptions): string {
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    if (!isTableLine(lines[i]!)) {
      out.push(lines[i++]!);
      continue;
    }
    // A table ends at its bottom border: two tables printed back to back are two blocks.
    const start = i;
    while (i < lines.length && isTableLine(lines[i]!)) if (strip(lines[i++]!).startsWith("└")) break;
    out.push(...fitBlock(lines.slice(start, i), o));
  }
  return out.join("\n");
}
