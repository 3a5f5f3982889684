/**
 * A small terminal line chart: several series over one shared x-axis, resampled to a fixed width.
 *
 * Every series is drawn with its own plain-ASCII glyph (`*`, `+`, `o`, …), so the chart reads the same with colour
 * off (no ANSI codes at all then); colour only tints the glyphs. Consecutive columns are joined vertically so a
 * steep line stays connected. Pure: returns a string ending in a newline.
 *
 * Layout (height rows of plot, then the x-axis, the x labels and the legend):
 *
 *     2.0 |*
 *         | *
 *     1.0 |  **
 *         |    *
 *     0.0 |     *
 *         +------
 *          0    5
 *          * series
 */
import { Chalk } from "chalk";

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
  /** Plot columns (the y labels and axis come on top of this). */
  width: number;
  /** Plot rows. */
  height: number;
  /** Shared x values, ascending, one per series value; default 0, 1, 2 … */
  x?: ArrayLike<number>;
  formatY: (y: number) => string;
  formatX?: (x: number) => string;
  colour: boolean;
  title?: string;
  /** Fixed y range; default the data's min and max. */
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
  const width = Math.max(2, Math.floor(opts.width));
  const height = Math.max(2, Math.floor(opts.height));
  const n = series.reduce((m, s) => Math.max(m, s.values.length), 0);
  const xs = opts.x ?? Float64Array.from({ length: n }, (_, i) => i);
  const { columnsX, columns } = resample(xs, series, width);
  const [dataLo, dataHi] = finiteRange(columns);
  const yMin = opts.yMin ?? dataLo;
  const yMax = opts.yMax !== undefined && opts.yMax > yMin ? opts.yMax : dataHi > yMin ? dataHi : yMin + 1;
  const rowOf = (v: number): number => Math.round(((yMax - v) / (yMax - yMin)) * (height - 1));
  const clampRow = (r: number): number => Math.min(height - 1, Math.max(0, r));

  // grid[row][col] = index of the series drawn there, −1 empty, −2 marker.
  const grid = Array.from({ length: height }, () => new Array<number>(width).fill(-1));
  const x0 = columnsX[0]!;
  const x1 = columnsX[width - 1]!;
  for (const m of opts.markers ?? []) {
    if (!(m.x >= Math.min(x0, x1) && m.x <= Math.max(x0, x1))) continue;
    const col = x1 === x0 ? 0 : Math.round(((m.x - x0) / (x1 - x0)) * (width - 1));
    for (let r = 0; r < height; r++) grid[r]![col] = -2;
  }
  columns.forEach((col, si) => {
    let prev: number | undefined;
    for (let c = 0; c < width; c++) {
      const v = col[c]!;
      if (!Number.isFinite(v)) {
        prev = undefined;
        continue;
      }
      const r = clampRow(rowOf(v));
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

  const chalk = new Chalk({ level: opts.colour ? 1 : 0 });
  const paint = (si: number, text: string): string =>
    opts.colour ? chalk[SERIES_COLOURS[si % SERIES_COLOURS.length]!](text) : text;
  const labelRows = new Map<number, string>([
    [0, opts.formatY(yMax)],
    [Math.round((height - 1) / 2), opts.formatY((yMax + yMin) / 2)],
    [height - 1, opts.formatY(yMin)],
  ]);
  const labelWidth = Math.max(...[...labelRows.values()].map((l) => l.length));
  const pad = " ".repeat(labelWidth);

  const lines: string[] = [];
  if (opts.title) lines.push(opts.title);
  for (let r = 0; r < height; r++) {
    let row = "";
    for (let c = 0; c < width; c++) {
      const cell = grid[r]![c]!;
      row += cell >= 0 ? paint(cell, glyphFor(cell)) : cell === -2 ? (opts.colour ? chalk.gray(":") : ":") : " ";
    }
    lines.push(`${(labelRows.get(r) ?? "").padStart(labelWidth)} |${row.replace(/\s+$/, "")}`);
  }
  lines.push(`${pad} +${"-".repeat(width)}`);
  const fx = opts.formatX ?? ((x: number) => String(x));
  lines.push(`${pad}  ${xLabels(fx(x0), fx((x0 + x1) / 2), fx(x1), width)}`.replace(/\s+$/, ""));
  const legend = series.map((s, i) => `${paint(i, glyphFor(i))} ${s.name}`);
  for (const m of opts.markers ?? []) legend.push(`: ${m.label}`);
  lines.push(`${pad}  ${legend.join("   ")}`);
  return lines.join("\n") + "\n";
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
