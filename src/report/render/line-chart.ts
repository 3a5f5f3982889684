/**
 * A small terminal line chart: several series over one shared x-axis, resampled to the plot's width, on a y-axis
 * of round ticks (ticks.ts).
 *
 * Unicode: each series is a braille line (2 × 4 dots a cell) in its own pattern (solid, dotted, dashed), so the
 * series stay apart with colour off. ASCII (a terminal without Unicode): one glyph a cell, `*`, `+`, `o`, …;
 * consecutive columns joined vertically so a steep line stays connected. Colour only tints, and with colour off no
 * ANSI codes appear. No line is longer than `width`. Pure: returns a string ending in a newline.
 *
 *     2.0 |*
 *         | *
 *     1.0 |  **
 *         |    *
 *       0 |     *
 *         +------
 *          0    5
 *          * series
 */
import { BrailleCanvas, LINE_PATTERNS, patternSample, wrapLegend, wrapWords } from "./braille-canvas.js";
import { makeChalk } from "./colour.js";
import { frameFor } from "./glyphs.js";
import { niceTicks, rowsForTicks, tickLabels, type AxisUnit } from "./ticks.js";

export interface ChartSeries {
  name: string;
  /** One value per shared x; NaN (or a missing value) leaves a gap. */
  values: ArrayLike<number>;
}

/** A vertical marker drawn where no series glyph is, e.g. "plan" at the plan's hedge ratio. */
export interface ChartMarker {
  x: number;
  label: string;
}

export interface LineChartOptions {
  /** Most characters a line of the chart may take, y labels and legend included. */
  width: number;
  /** Plot rows. */
  height: number;
  /** Shared x values, ascending, one per series value; default 0, 1, 2 … */
  x?: ArrayLike<number>;
  /** What the y-axis counts: its round ticks are labelled in that unit ("40 B tok", "$1.5M", "2.25"). */
  yUnit: AxisUnit;
  formatX?: (x: number) => string;
  colour: boolean;
  /** Braille lines; else plain ASCII (default). */
  unicode?: boolean;
  title?: string;
  /** The y range to cover (widened to round ticks); default the data's min and max. */
  yMin?: number;
  yMax?: number;
  markers?: readonly ChartMarker[];
}

/** Glyph of series i: ASCII, distinct for the first six series. */
export const SERIES_GLYPHS = ["*", "+", "o", "x", "#", "@"] as const;
const SERIES_COLOURS = ["cyan", "magenta", "yellow", "green", "red", "blue"] as const;

export function glyphFor(i: number): string {
  return SERIES_GLYPHS[i % SERIES_GLYPHS.length]!;
}

/**
 * Linear interpolation of (xs, ys) at x, for xs ascending. Outside the range the nearest end value is used;
 * a NaN neighbour gives NaN (a gap).
 */
export function interpolateAt(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  const n = Math.min(xs.length, ys.length);
  if (n === 0) return Number.NaN;
  if (x <= xs[0]!) return ys[0]!;
  if (x >= xs[n - 1]!) return ys[n - 1]!;
  // Binary search for the segment [xs[lo], xs[lo+1]] that holds x.
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const x0 = xs[lo]!;
  const x1 = xs[hi]!;
  const t = x1 === x0 ? 0 : (x - x0) / (x1 - x0);
  return ys[lo]! + t * (ys[hi]! - ys[lo]!);
}

/** Each series resampled at `width` evenly spaced x positions from the first x to the last. */
export function resample(
  xs: ArrayLike<number>,
  series: readonly ChartSeries[],
  width: number,
): { columnsX: number[]; columns: number[][] } {
  const x0 = xs[0] ?? 0;
  const x1 = xs[xs.length - 1] ?? 0;
  const columnsX = Array.from({ length: width }, (_, c) => (width === 1 ? x0 : x0 + ((x1 - x0) * c) / (width - 1)));
  const columns = series.map((s) => columnsX.map((x) => interpolateAt(xs, s.values, x)));
  return { columnsX, columns };
}

function finiteRange(columns: number[][]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const col of columns) {
    for (const v of col) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) {
    // A flat line: centre it in a small band so it does not sit on an axis.
    const pad = Math.abs(lo) * 0.05 || 1;
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

export function renderLineChart(series: readonly ChartSeries[], opts: LineChartOptions): string {
  const unicode = opts.unicode ?? false;
  const n = series.reduce((m, s) => Math.max(m, s.values.length), 0);
  const xs = opts.x ?? Float64Array.from({ length: n }, (_, i) => i);
  // The y-axis first (its labels' width decides the plot's), from the data itself: resampling only interpolates.
  const [dataLo, dataHi] = finiteRange(series.map((s) => Array.from(s.values)));
  const ticks = niceTicks(opts.yMin ?? dataLo, opts.yMax ?? dataHi, 5);
  const labels = tickLabels(ticks.values, ticks.step, opts.yUnit);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const width = Math.max(2, Math.floor(opts.width) - labelWidth - 2);
  const height = rowsForTicks(Math.max(2, Math.floor(opts.height)), ticks.values.length - 1);
  const { lo: yMin, hi: yMax } = ticks;
  const frame = frameFor(unicode);
  const chalk = makeChalk(opts.colour);
  const paint = (si: number, text: string): string =>
    opts.colour ? chalk[SERIES_COLOURS[si % SERIES_COLOURS.length]!](text) : text;
  const markerGlyph = opts.colour ? chalk.gray(frame.marker) : frame.marker;

  const { columnsX } = resample(xs, series, width);
  const x0 = columnsX[0]!;
  const x1 = columnsX[width - 1]!;
  const markerCols = new Set<number>();
  for (const m of opts.markers ?? []) {
    if (!(m.x >= Math.min(x0, x1) && m.x <= Math.max(x0, x1))) continue;
    markerCols.add(x1 === x0 ? 0 : Math.round(((m.x - x0) / (x1 - x0)) * (width - 1)));
  }
  const plot: Plot = { xs, series, width, height, yMin, yMax, markerCols, paint, markerGlyph };
  const rows = unicode ? brailleRows(plot) : asciiRows(plot);

  const labelRows = new Map<number, string>();
  ticks.values.forEach((t, i) => labelRows.set(Math.round(((yMax - t) / (yMax - yMin)) * (height - 1)), labels[i]!));
  const pad = " ".repeat(labelWidth);
  const lines: string[] = [];
  if (opts.title) lines.push(...wrapWords(opts.title, opts.width));
  rows.forEach((row, r) => {
    const label = labelRows.get(r);
    const axis = label !== undefined ? frame.yTick : frame.vertical;
    lines.push(`${(label ?? "").padStart(labelWidth)} ${axis}${row}`.replace(/\s+$/, ""));
  });
  lines.push(`${pad} ${frame.corner}${frame.horizontal.repeat(width)}`);
  const fx = opts.formatX ?? ((x: number) => String(x));
  lines.push(`${pad}  ${xLabels(fx(x0), fx((x0 + x1) / 2), fx(x1), width)}`.replace(/\s+$/, ""));
  const legend = series.map(
    (s, i) => `${paint(i, unicode ? patternSample(LINE_PATTERNS[i % LINE_PATTERNS.length]!) : glyphFor(i))} ${s.name}`,
  );
  for (const m of opts.markers ?? []) legend.push(`${markerGlyph} ${m.label}`);
  lines.push(...wrapLegend(legend, visibleLength, opts.width, `${pad}  `));
  return lines.join("\n") + "\n";
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
function visibleLength(s: string): number {
  return [...s.replace(ANSI, "")].length;
}

/** What both plot renderers draw: the series, the plot's size in cells, its y range and the marker columns. */
interface Plot {
  xs: ArrayLike<number>;
  series: readonly ChartSeries[];
  width: number;
  height: number;
  yMin: number;
  yMax: number;
  markerCols: ReadonlySet<number>;
  /** Colour a series' text (identity without colour). */
  paint: (si: number, text: string) => string;
  markerGlyph: string;
}

/** The level (0 at the top, `levels` − 1 at the bottom) a value is drawn at, clamped to the plot. */
function levelOf(v: number, p: Plot, levels: number): number {
  return Math.min(levels - 1, Math.max(0, Math.round(((p.yMax - v) / (p.yMax - p.yMin)) * (levels - 1))));
}

/** The plot rows in braille: each series resampled at two dots a cell, four dots a row. */
function brailleRows(p: Plot): string[] {
  const { width, height, markerCols, paint, markerGlyph } = p;
  const canvas = new BrailleCanvas(width, height);
  const { columns } = resample(p.xs, p.series, canvas.dotCols);
  columns.forEach((col, si) => {
    const ys = col.map((v) => (Number.isFinite(v) ? levelOf(v, p, canvas.dotRows) : Number.NaN));
    canvas.line(ys, si, LINE_PATTERNS[si % LINE_PATTERNS.length]!);
  });
  return Array.from({ length: height }, (_, r) => {
    let row = "";
    for (let c = 0; c < width; c++) {
      const owner = canvas.ownerAt(c, r);
      row += owner >= 0 ? paint(owner, canvas.charAt(c, r)) : markerCols.has(c) ? markerGlyph : " ";
    }
    return row;
  });
}

/** The plot rows in ASCII: one glyph a cell, steep steps filled half on each side. */
function asciiRows(p: Plot): string[] {
  const { width, height, markerCols, paint, markerGlyph } = p;
  const { columns } = resample(p.xs, p.series, width);
  // grid[row][col] = index of the series drawn there, −1 empty.
  const grid = Array.from({ length: height }, () => new Array<number>(width).fill(-1));
  columns.forEach((col, si) => {
    let prev: number | undefined;
    for (let c = 0; c < width; c++) {
      const v = col[c]!;
      if (!Number.isFinite(v)) {
        prev = undefined;
        continue;
      }
      const r = levelOf(v, p, height);
      // Join to the previous column: fill the rows between, half on each side, so steep lines stay unbroken.
      if (prev !== undefined && Math.abs(r - prev) > 1) {
        const step = r > prev ? 1 : -1;
        const mid = (prev + r) / 2;
        for (let k = prev + step; k !== r; k += step) grid[k]![(step > 0 ? k <= mid : k >= mid) ? c - 1 : c] = si;
      }
      grid[r]![c] = si;
      prev = r;
    }
  });
  return grid.map((cells) =>
    cells.map((cell, c) => (cell >= 0 ? paint(cell, glyphFor(cell)) : markerCols.has(c) ? markerGlyph : " ")).join(""),
  );
}

/** Left, centre and right x labels on a line of `width` characters (the centre one dropped if it would collide). */
function xLabels(left: string, centre: string, right: string, width: number): string {
  const line = new Array<string>(Math.max(width, left.length + right.length + 1)).fill(" ");
  const put = (text: string, at: number): void => {
    for (let i = 0; i < text.length; i++) line[at + i] = text[i]!;
  };
  put(left, 0);
  const rightAt = line.length - right.length;
  put(right, rightAt);
  const centreAt = Math.round((width - centre.length) / 2);
  if (centreAt > left.length + 1 && centreAt + centre.length < rightAt - 1) put(centre, centreAt);
  return line.join("");
}
