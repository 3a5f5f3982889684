/**
 * A horizontal bar histogram that compares distributions side by side (e.g. hedged vs unhedged total cost): one
 * row per bin of a shared value range, one bar column per distribution, and markers in the bin that holds each
 * distribution's mean (`M`) and 95th percentile (`95`).
 *
 * The bins are round: their width is a 1-2-5 "nice number" (ticks.ts) and their edges multiples of it, labelled in
 * one unit ("$1.5M .. $2.0M"). Unicode bars are block characters in eighths of a cell (█ then ▏ … ▉); ASCII bars
 * are `#` for the first distribution, `=` for the second, …. Each distribution has its own named column, so the
 * chart reads the same with colour off (then no ANSI codes appear); colour only tints the bars. With `width`, no
 * line is longer. Pure: returns a string ending in a newline.
 *
 *           cost | # unhedged          | = hedged
 *     0.0 .. 1.0 | ##                  | ====         M
 *     1.0 .. 2.0 | ######        M 95  | ==          95
 */
import { quantileType7Sorted } from "../../stats/quantile.js";
import { wrapWords } from "./braille-canvas.js";
import { makeChalk } from "./colour.js";
import { horizontalBar } from "./glyphs.js";
import { niceNumber, tickLabels, type AxisUnit } from "./ticks.js";

export interface HistogramSeries {
  name: string;
  values: ArrayLike<number>;
  /** Marked with "M"; computed from the values when omitted. */
  mean?: number;
  /** Marked with "95"; computed from the values (type-7 quantile) when omitted. */
  p95?: number;
}

export interface HistogramOptions {
  /** About this many bins (rows): the bin width is rounded to a 1-2-5 number. */
  bins: number;
  /** Characters of the longest bar (fewer when `width` needs). */
  barWidth: number;
  /** What the values count, for the bin edges' labels ("$1.5M", "40 B tok"). */
  unit: AxisUnit;
  colour: boolean;
  /** Block-character bars in eighths; else plain ASCII (default). */
  unicode?: boolean;
  /** Most characters a line may take. */
  width?: number;
  /** Value range; default the smallest and largest value. Values outside are counted in the edge bins. */
  lo?: number;
  hi?: number;
  title?: string;
  /** Header of the label column. */
  label?: string;
}

const BAR_GLYPHS = ["#", "=", "%", "+"] as const;
const BAR_COLOURS = ["yellow", "cyan", "magenta", "green"] as const;

/**
 * Counts per bin of [lo, hi] split into `bins` equal bins; bin i holds lo + i·w ≤ v < lo + (i+1)·w (the last bin
 * also holds hi). Values below lo or above hi are counted in the first or last bin; NaN is skipped.
 */
export function binCounts(values: ArrayLike<number>, lo: number, hi: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const w = (hi - lo) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    let b = w > 0 ? Math.floor((v - lo) / w) : 0;
    if (b < 0) b = 0;
    if (b >= bins) b = bins - 1;
    counts[b]!++;
  }
  return counts;
}

/** Bin index of v on the same grid as binCounts (clamped to the edge bins). */
export function binOf(v: number, lo: number, hi: number, bins: number): number {
  const w = (hi - lo) / bins;
  const b = w > 0 ? Math.floor((v - lo) / w) : 0;
  return Math.min(bins - 1, Math.max(0, b));
}

function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s / values.length;
}

function p95(values: ArrayLike<number>): number {
  return quantileType7Sorted(Float64Array.from(values).sort(), 0.95);
}

function range(series: readonly HistogramSeries[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo === Infinity) return [0, 1];
  return lo === hi ? [lo - (Math.abs(lo) * 0.05 || 1), hi + (Math.abs(hi) * 0.05 || 1)] : [lo, hi];
}

/** Round bins over [lo, hi]: a 1-2-5 width near (hi − lo)/bins, edges on its multiples. */
export function niceBins(
  lo: number,
  hi: number,
  bins: number,
): { lo: number; hi: number; width: number; bins: number } {
  const width = niceNumber((hi - lo) / Math.max(1, bins), true);
  const a = Math.floor(lo / width + 1e-9) * width;
  const b = Math.max(a + width, Math.ceil(hi / width - 1e-9) * width);
  return { lo: a, hi: b, width, bins: Math.max(1, Math.round((b - a) / width)) };
}

export function renderHistogram(series: readonly HistogramSeries[], opts: HistogramOptions): string {
  const [dataLo, dataHi] = range(series);
  const rawLo = opts.lo ?? dataLo;
  const rawHi = opts.hi !== undefined && opts.hi > rawLo ? opts.hi : dataHi > rawLo ? dataHi : rawLo + 1;
  const grid = niceBins(rawLo, rawHi, Math.max(1, Math.floor(opts.bins)));
  const { lo, hi, bins } = grid;
  const counts = series.map((s) => binCounts(s.values, lo, hi, bins));
  const maxCount = Math.max(1, ...counts.flat());
  const marks = series.map((s) => {
    const m = s.values.length > 0 ? (s.mean ?? mean(s.values)) : Number.NaN;
    const q = s.values.length > 0 ? (s.p95 ?? p95(s.values)) : Number.NaN;
    return {
      mean: Number.isFinite(m) ? binOf(m, lo, hi, bins) : -1,
      p95: Number.isFinite(q) ? binOf(q, lo, hi, bins) : -1,
    };
  });
  const chalk = makeChalk(opts.colour);
  const paint = (si: number, text: string): string =>
    opts.colour && text !== "" ? chalk[BAR_COLOURS[si % BAR_COLOURS.length]!](text) : text;

  const edges = tickLabels(
    Array.from({ length: bins + 1 }, (_, i) => lo + i * grid.width),
    grid.width,
    opts.unit,
  );
  const labels = Array.from({ length: bins }, (_, b) => {
    const from = edges[b]!;
    const to = edges[b + 1]!;
    // Edge bins also hold whatever fell outside [lo, hi]: say so with an open end.
    if (bins === 1) return `${from} .. ${to}`;
    if (b === 0 && opts.lo !== undefined) return `< ${to}`;
    if (b === bins - 1 && opts.hi !== undefined) return `>= ${from}`;
    return `${from} .. ${to}`;
  });
  const labelWidth = Math.max((opts.label ?? "").length, ...labels.map((l) => l.length));
  const markWidth = 5; // " M 95"
  const fit =
    opts.width === undefined
      ? Infinity
      : Math.floor((opts.width - labelWidth - 3 * series.length) / Math.max(1, series.length)) - markWidth;
  const barWidth = Math.max(1, Math.min(Math.floor(opts.barWidth), fit));
  const colWidth = barWidth + markWidth;
  const unicode = opts.unicode ?? false;
  const key = (i: number): string => (unicode ? "█" : BAR_GLYPHS[i % BAR_GLYPHS.length]!);

  const lines: string[] = [];
  const width = opts.width ?? Infinity;
  if (opts.title) lines.push(...wrapWords(opts.title, width));
  lines.push(
    `${(opts.label ?? "").padStart(labelWidth)} | ${series.map((s, i) => `${paint(i, key(i))} ${s.name}`.padEnd(colWidth + (opts.colour ? visibleOverhead(paint(i, "x")) : 0))).join(" | ")}`.replace(
      /\s+$/,
      "",
    ),
  );
  for (let b = 0; b < bins; b++) {
    const cells = series.map((_, i) => {
      const count = counts[i]![b]!;
      // Round to the nearest eighth (Unicode) or character (ASCII), but never hide a non-empty bin.
      const per = unicode ? 8 : 1;
      const units = count === 0 ? 0 : Math.max(1, Math.round((count / maxCount) * barWidth * per));
      const len = Math.ceil(units / per);
      const bar = unicode ? horizontalBar(units) : BAR_GLYPHS[i % BAR_GLYPHS.length]!.repeat(len);
      const mk = [marks[i]!.mean === b ? "M" : "", marks[i]!.p95 === b ? "95" : ""].filter((x) => x !== "").join(" ");
      const plain = `${" ".repeat(barWidth)}${mk ? ` ${mk}` : ""}`.padEnd(colWidth);
      return paint(i, bar) + plain.slice(len);
    });
    lines.push(`${labels[b]!.padStart(labelWidth)} | ${cells.join(" | ")}`.replace(/\s+$/, ""));
  }
  lines.push(
    ...wrapWords(
      "(bar length: share of paths in the bin; M = mean, 95 = 95th percentile)",
      width,
      " ".repeat(labelWidth + 3),
    ),
  );
  return lines.join("\n") + "\n";
}

/** Length of the ANSI codes that colour adds around a piece of text. */
function visibleOverhead(coloured: string): number {
  return coloured.length - 1;
}
