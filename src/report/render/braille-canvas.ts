/**
 * A grid of braille dots for the terminal charts: `cols` × `rows` character cells, 2 × 4 dots each. Every dot
 * remembers nothing but being set; every cell remembers which series set a dot in it last, for its colour. Also
 * the chart helpers both line and fan charts share: drawing a connected line and wrapping text to a width. Pure.
 */
import { brailleDot, brailleOfBits, dotBit } from "./glyphs.js";

export class BrailleCanvas {
  readonly cols: number;
  readonly rows: number;
  private readonly bits: Uint8Array;
  private readonly owner: Int16Array;

  constructor(cols: number, rows: number) {
    this.cols = cols;
    this.rows = rows;
    this.bits = new Uint8Array(cols * rows);
    this.owner = new Int16Array(cols * rows).fill(-1);
  }

  get dotCols(): number {
    return this.cols * 2;
  }

  get dotRows(): number {
    return this.rows * 4;
  }

  /** Raise the dot at (x, y) in dot coordinates (0, 0 top left); outside the grid it is ignored. */
  set(x: number, y: number, series: number): void {
    if (x < 0 || y < 0 || x >= this.dotCols || y >= this.dotRows) return;
    const cell = Math.floor(y / 4) * this.cols + Math.floor(x / 2);
    this.bits[cell]! |= dotBit(brailleDot(x % 2, y % 4));
    this.owner[cell] = series;
  }

  /** The series that last set a dot in the cell, or −1 for an empty cell. */
  ownerAt(col: number, row: number): number {
    return this.bits[row * this.cols + col] === 0 ? -1 : this.owner[row * this.cols + col]!;
  }

  charAt(col: number, row: number): string {
    return brailleOfBits(this.bits[row * this.cols + col]!);
  }

  /**
   * Draw one series: ys[x] is the dot row at dot column x (NaN: a gap). Each dot is joined to the last one drawn
   * by the dots between them in its own column, so a steep line stays unbroken. `draw(x)` false skips a column
   * (a dotted line).
   */
  line(ys: ArrayLike<number>, series: number, draw: (x: number) => boolean = () => true): void {
    let last: number | undefined;
    for (let x = 0; x < ys.length && x < this.dotCols; x++) {
      const y = ys[x]!;
      if (!Number.isFinite(y)) {
        last = undefined;
        continue;
      }
      if (!draw(x)) continue;
      if (last !== undefined && last !== y) {
        const step = y > last ? 1 : -1;
        for (let k = last + step; k !== y; k += step) this.set(x, k, series);
      }
      this.set(x, y, series);
      last = y;
    }
  }
}

/** Line patterns that tell series apart without colour: solid, dotted, dashed, sparse. */
export const LINE_PATTERNS: readonly ((x: number) => boolean)[] = [
  () => true,
  (x) => x % 2 === 0,
  (x) => x % 4 < 2,
  (x) => x % 4 === 0,
];

/** A legend sample of a pattern: a flat line three cells long ("⠒⠒⠒" solid, "⠂⠂⠂" dotted, "⠒⠀⠒" dashed). */
export function patternSample(pattern: (x: number) => boolean): string {
  const c = new BrailleCanvas(3, 1);
  for (let x = 0; x < 6; x++) if (pattern(x)) c.set(x, 1, 0);
  return [0, 1, 2].map((i) => c.charAt(i, 0)).join("");
}

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own), each indented. */
export function wrapWords(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line === "" ? indent + word : `${line} ${word}`;
    if ([...next].length > width && line !== "") {
      lines.push(line);
      line = indent + word;
    } else {
      line = next;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Legend entries joined by three spaces, wrapped onto as many lines as `width` needs. */
export function wrapLegend(
  entries: readonly string[],
  visible: (s: string) => number,
  width: number,
  indent: string,
): string[] {
  const lines: string[] = [];
  let line = "";
  let len = 0;
  for (const e of entries) {
    const w = visible(e);
    if (indent.length + w > width) {
      // Too long for a line of its own: its words wrapped.
      if (line !== "") lines.push(indent + line);
      lines.push(...wrapWords(e, width, indent));
      line = "";
      len = 0;
      continue;
    }
    if (line !== "" && indent.length + len + 3 + w > width) {
      lines.push(indent + line);
      line = "";
      len = 0;
    }
    line = line === "" ? e : `${line}   ${e}`;
    len = len === 0 ? w : len + 3 + w;
  }
  if (line !== "") lines.push(indent + line);
  return lines;
}
