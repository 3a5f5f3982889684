/**
 * A terminal fan chart: the history as a line, then the forecast mean with its 80% and 95% interval bands
 * (the "fan" of Bank of England inflation reports; FPP3 §5.5 draws forecasts the same way).
 *
 * Plain ASCII glyphs carry all the meaning, so the chart reads the same with colour off (and then contains no ANSI
 * codes at all); colour only tints them:
 *
 *     * history      o forecast mean      : inside the 80% interval      . inside the 95% interval only
 *
 * When there are more periods than columns, consecutive periods are averaged into one column ("bucket"); history
 * buckets are counted back from the last observation and forecast buckets forward from the first forecast, so no
 * column mixes the two. A short bucket at either end is left out (a 2-day "week" of weekdays would look like a jump),
 * unless it is all there is. When there are few periods, each takes several columns. Pure: returns a string ending
 * in a newline.
 */
import { makeChalk } from "./colour.js";

export interface FanChartData {
  /** Observed values, oldest first. */
  history: readonly number[];
  /** Per forecast step: mean and the bounds of the 80% and 95% intervals. */
  forecast: readonly { mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
  /** Period label of every history value then every forecast step (length history + forecast). */
  labels: readonly string[];
}

export interface FanChartOptions {
  /** Most plot columns (the y labels come on top). */
  width: number;
  /** Plot rows. */
  height: number;
  colour: boolean;
  formatY: (y: number) => string;
  /** Periods averaged into one column; default the fewest that fit `width`. */
  bucket?: number;
  /** Name of one period for the legend, e.g. "day" (used when a column holds several). */
  periodName?: string;
}

export const FAN_GLYPHS = { history: "*", mean: "o", band80: ":", band95: "." } as const;

interface Column {
  kind: "history" | "forecast";
  /** History value or forecast mean. */
  value: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  /** Index of the first and the last period in the column. */
  first: number;
  last: number;
}

function mean(xs: readonly number[]): number {
  let s = 0;
  let k = 0;
  for (const x of xs) {
    if (Number.isFinite(x)) {
      s += x;
      k++;
    }
  }
  return k === 0 ? Number.NaN : s / k;
}

/**
 * Split [0, n) into buckets of `size`; `fromEnd` aligns them to the end. The short bucket left over at the open end
 * is dropped when at least one full bucket remains.
 */
function buckets(n: number, size: number, fromEnd: boolean): [number, number][] {
  const out: [number, number][] = [];
  if (fromEnd) {
    for (let end = n; end > 0; end -= size) out.unshift([Math.max(0, end - size), end]);
    if (out.length > 1 && out[0]![1] - out[0]![0] < size) out.shift();
  } else {
    for (let start = 0; start < n; start += size) out.push([start, Math.min(n, start + size)]);
    const last = out[out.length - 1];
    if (out.length > 1 && last && last[1] - last[0] < size) out.pop();
  }
  return out;
}

/** The plotted columns: bucketed history, then bucketed forecast. Exported for tests. */
export function fanColumns(data: FanChartData, bucket: number): Column[] {
  const n = data.history.length;
  const columns: Column[] = [];
  for (const [a, b] of buckets(n, bucket, true)) {
    const v = mean(data.history.slice(a, b));
    columns.push({ kind: "history", value: v, lo80: v, hi80: v, lo95: v, hi95: v, first: a, last: b - 1 });
  }
  for (const [a, b] of buckets(data.forecast.length, bucket, false)) {
    const part = data.forecast.slice(a, b);
    columns.push({
      kind: "forecast",
      value: mean(part.map((p) => p.mean)),
      lo80: mean(part.map((p) => p.lo80)),
      hi80: mean(part.map((p) => p.hi80)),
      lo95: mean(part.map((p) => p.lo95)),
      hi95: mean(part.map((p) => p.hi95)),
      first: n + a,
      last: n + b - 1,
    });
  }
  return columns;
}

type Cell = "" | "history" | "mean" | "band80" | "band95";

export function renderFanChart(data: FanChartData, opts: FanChartOptions): string {
  const width = Math.max(4, Math.floor(opts.width));
  const height = Math.max(3, Math.floor(opts.height));
  const total = data.history.length + data.forecast.length;
  const bucket = Math.max(1, Math.floor(opts.bucket ?? Math.ceil(total / width)));
  const columns = fanColumns(data, bucket);
  // Few columns: widen each (at most 4 characters) so the chart is not a thin strip.
  const cellWidth = Math.max(1, Math.min(4, Math.floor(width / Math.max(1, columns.length))));

  let lo = Infinity;
  let hi = -Infinity;
  for (const c of columns) {
    for (const v of [c.value, c.lo95, c.hi95]) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (lo === Infinity) [lo, hi] = [0, 1];
  if (hi === lo) {
    // A flat series with zero-width intervals: centre it in a small band.
    const pad = Math.abs(lo) * 0.05 || 1;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const rowOf = (v: number): number =>
    Math.min(height - 1, Math.max(0, Math.round(((hi - v) / (hi - lo)) * (height - 1))));

  const grid: Cell[][] = Array.from({ length: height }, () => new Array<Cell>(columns.length).fill(""));
  const put = (r: number, c: number, cell: Cell): void => {
    grid[r]![c] = cell;
  };
  // Bands first, lines over them.
  columns.forEach((col, c) => {
    if (col.kind !== "forecast") return;
    if (Number.isFinite(col.lo95) && Number.isFinite(col.hi95))
      for (let r = rowOf(col.hi95); r <= rowOf(col.lo95); r++) put(r, c, "band95");
    if (Number.isFinite(col.lo80) && Number.isFinite(col.hi80))
      for (let r = rowOf(col.hi80); r <= rowOf(col.lo80); r++) put(r, c, "band80");
  });
  let prev: number | undefined;
  columns.forEach((col, c) => {
    if (!Number.isFinite(col.value)) {
      prev = undefined;
      return;
    }
    const cell: Cell = col.kind === "history" ? "history" : "mean";
    const r = rowOf(col.value);
    // Join a steep step vertically, the half nearer the previous point in the previous column and the rest in this one, so the
    // line stays connected (the history's last point joins the first forecast the same way).
    if (prev !== undefined && Math.abs(r - prev) > 1) {
      const step = r > prev ? 1 : -1;
      const mid = (prev + r) / 2;
      const previousCell: Cell = columns[c - 1]!.kind === "history" ? "history" : "mean";
      for (let k = prev + step; k !== r; k += step) {
        if (step > 0 ? k <= mid : k >= mid) put(k, c - 1, previousCell);
        else put(k, c, cell);
      }
    }
    put(r, c, cell);
    prev = r;
  });

  const chalk = makeChalk(opts.colour);
  const glyph = (cell: Cell): string => {
    switch (cell) {
      case "history":
        return opts.colour ? chalk.cyan(FAN_GLYPHS.history) : FAN_GLYPHS.history;
      case "mean":
        return opts.colour ? chalk.yellow(FAN_GLYPHS.mean) : FAN_GLYPHS.mean;
      case "band80":
        return opts.colour ? chalk.blue(FAN_GLYPHS.band80) : FAN_GLYPHS.band80;
      case "band95":
        return opts.colour ? chalk.gray(FAN_GLYPHS.band95) : FAN_GLYPHS.band95;
      default:
        return " ";
    }
  };

  const labelRows = new Map<number, string>([
    [0, opts.formatY(hi)],
    [Math.round((height - 1) / 2), opts.formatY((hi + lo) / 2)],
    [height - 1, opts.formatY(lo)],
  ]);
  const labelWidth = Math.max(...[...labelRows.values()].map((l) => l.length));
  const pad = " ".repeat(labelWidth);
  const lines: string[] = [];
  for (let r = 0; r < height; r++) {
    const row = grid[r]!.map((cell) => glyph(cell).repeat(cellWidth)).join("");
    lines.push(`${(labelRows.get(r) ?? "").padStart(labelWidth)} |${row}`.replace(/\s+$/, ""));
  }

  // x-axis with a "|" where the forecast starts, then the first label, the forecast-start label and the last label.
  const firstForecast = columns.findIndex((c) => c.kind === "forecast");
  const plotWidth = columns.length * cellWidth;
  const axis = new Array<string>(plotWidth).fill("-");
  if (firstForecast > 0) axis[firstForecast * cellWidth] = "|";
  lines.push(`${pad} +${axis.join("")}`);
  lines.push(`${pad}  ${xLabels(data.labels, columns, firstForecast, cellWidth)}`.replace(/\s+$/, ""));
  const per = bucket > 1 ? `   (each column: mean of ${bucket} ${opts.periodName ?? "period"}s)` : "";
  lines.push(
    `${pad}  ${glyph("history")} history   ${glyph("mean")} forecast mean   ${glyph("band80")} 80% interval   ${glyph("band95")} 95% interval${per}`,
  );
  return lines.join("\n") + "\n";
}

/**
 * The x labels: the first period at the left, the first forecast period under the "|" of the axis, and the last
 * period at the right end (pushed past the end, or dropped, rather than overlap the forecast-start label).
 */
function xLabels(
  labels: readonly string[],
  columns: readonly Column[],
  firstForecast: number,
  cellWidth: number,
): string {
  const first = columns[0];
  const last = columns[columns.length - 1];
  if (!first || !last) return "";
  const plotWidth = columns.length * cellWidth;
  const line: string[] = [];
  const free = (from: number, to: number): boolean => {
    for (let i = Math.max(0, from - 1); i <= to; i++) if (line[i] !== undefined && line[i] !== " ") return false;
    return true;
  };
  const put = (text: string, at: number): void => {
    for (let i = line.length; i < at; i++) line.push(" ");
    for (let i = 0; i < text.length; i++) line[at + i] = text[i]!;
  };
  put(labels[first.first] ?? "", 0);
  if (firstForecast > 0) {
    const label = labels[columns[firstForecast]!.first] ?? "";
    const at = Math.max(0, firstForecast * cellWidth - Math.floor(label.length / 2));
    if (free(at, at + label.length)) put(label, at);
  }
  const end = labels[last.last] ?? "";
  // The last label, unless the last column is the forecast's first (its label is already there).
  if (last !== first && columns.length - 1 !== firstForecast) {
    let at = Math.max(0, plotWidth - end.length);
    while (!free(at, at + end.length) && at < plotWidth + 2) at++;
    if (free(at, at + end.length)) put(end, at);
  }
  return line.map((c) => c ?? " ").join("");
}

/** A short y-axis label: 3 significant figures with k / M / B / T suffixes ("73.4 B", "380 M", "1.20 k", "315"). */
export function compactNumber(v: number): string {
  if (!Number.isFinite(v)) return "–";
  const a = Math.abs(v);
  const units: [number, string][] = [
    [1e12, " T"],
    [1e9, " B"],
    [1e6, " M"],
    [1e3, " k"],
  ];
  for (const [size, suffix] of units) {
    if (a >= size) return `${(v / size).toPrecision(3)}${suffix}`;
  }
  return a >= 100 || a === 0 ? v.toFixed(0) : v.toPrecision(3);
}
