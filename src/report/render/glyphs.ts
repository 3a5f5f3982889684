/**
 * The glyphs of the terminal charts, Unicode and plain ASCII.
 *
 * Braille (U+2800 … U+28FF) gives a 2 × 4 grid of dots per character cell, so a line chart has twice the columns and
 * four times the rows of a character grid. Dots are numbered as in the braille standard (Unicode's "BRAILLE PATTERN
 * DOTS-…" names): 1, 2, 3 down the left column and 4, 5, 6 down the right, then 7 (left) and 8 (right) on the
 * bottom row; dot k sets bit k − 1 of the code point's offset from U+2800.
 *
 * Block elements draw bars in eighths of a cell: ▁ … █ upwards (U+2581 … U+2588), ▏ … █ rightwards
 * (U+258F … U+2589, then U+2588). Pure.
 */

/** Dot number (1–8) at column x (0 left, 1 right) and row y (0 top … 3 bottom) of a braille cell. */
const DOT_AT: readonly (readonly number[])[] = [
  [1, 2, 3, 7],
  [4, 5, 6, 8],
];

export function brailleDot(x: number, y: number): number {
  return DOT_AT[x]![y]!;
}

/** The bit of dot k (1–8) in a braille cell's pattern. */
export function dotBit(k: number): number {
  return 1 << (k - 1);
}

/** The braille character with exactly these dots raised (1–8): [1, 8] → U+2881 "⢁". */
export function brailleChar(dots: Iterable<number>): string {
  let bits = 0;
  for (const k of dots) bits |= dotBit(k);
  return String.fromCodePoint(0x2800 + bits);
}

/** The braille character of a pattern of bits (0–255). */
export function brailleOfBits(bits: number): string {
  return String.fromCodePoint(0x2800 + (bits & 0xff));
}

const UP_EIGHTHS = ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] as const;
const RIGHT_EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"] as const;

/** A vertical bar's top cell holding `eighths` (0–8) eighths of a cell: 3 → "▃". */
export function upEighth(eighths: number): string {
  return UP_EIGHTHS[Math.max(0, Math.min(8, Math.round(eighths)))]!;
}

/** A horizontal bar `eighths` eighths of a cell long: full cells "█", then the partial one (3 → "▍"). */
export function horizontalBar(eighths: number): string {
  const e = Math.max(0, Math.round(eighths));
  return "█".repeat(Math.floor(e / 8)) + RIGHT_EIGHTHS[e % 8]!;
}

/** The frame of a chart: axis lines and tick marks, box-drawing in Unicode, `| - +` in ASCII. */
export interface Frame {
  vertical: string;
  /** A y tick on the axis. */
  yTick: string;
  horizontal: string;
  /** An x tick (e.g. where the forecast starts) on the axis. */
  xTick: string;
  corner: string;
  /** A vertical marker line (e.g. the plan's hedge ratio). */
  marker: string;
}

export const UNICODE_FRAME: Frame = {
  vertical: "│",
  yTick: "┤",
  horizontal: "─",
  xTick: "┬",
  corner: "└",
  marker: "┊",
};
export const ASCII_FRAME: Frame = { vertical: "|", yTick: "|", horizontal: "-", xTick: "|", corner: "+", marker: ":" };

export function frameFor(unicode: boolean): Frame {
  return unicode ? UNICODE_FRAME : ASCII_FRAME;
}
