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
import { BrailleCanvas, wrapLegend } from "./braille-canvas.js";
import { makeChalk } from "./colour.js";
import { frameFor } from "./glyphs.js";
import { niceTicks, rowsForTicks, tickLabels, type AxisUnit } from "./ticks.js";

export interface FanChartData {
  /** Observed values, oldest first. */
  history: readonly number[];
  /** Per forecast step: mean and the bounds of the 80% and 95% intervals. */
  forecast: readonly { mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
  /** Period label of every history value then every forecast step (length history + forecast). */
  labels: readonly string[];
}

export interface FanChartOptions {
  /** Most characters a line of the chart may take, y labels and legend included. */
  width: number;
  /** Plot rows (about: rounded so every y tick sits on a row). */
  height: number;
  colour: boolean;
  /** Braille lines and shaded bands; else plain ASCII (default). */
  unicode?: boolean;
  /** What the y-axis counts (default tokens: "40 B tok"). */
  yUnit?: AxisUnit;
  /** Periods averaged into one point; default the fewest that fit `width`. */
  bucket?: number;
  /** The default bucket is a multiple of this (7 for days: whole weeks, so the weekly pattern averages out). */
  bucketMultiple?: number;
  /** Name of one period for the legend, e.g. "day" (used when a column holds several). */
  periodName?: string;
}

export const FAN_GLYPHS = { history: "*", mean: "o", band80: ":", band95: "." } as const;
/** Unicode: the lines are braille (these two are their legend samples), the bands shades. */
export const FAN_GLYPHS_UNICODE = { history: "⠒", mean: "⠂", band80: "▒", band95: "░" } as const;

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
  const unicode = opts.unicode ?? false;
  const total = data.history.length + data.forecast.length;
  // The y-axis first (its labels' width decides the plot's), from the unbucketed data: averaging only narrows it.
  let lo = Infinity;
  let hi = -Infinity;
  const see = (v: number): void => {
    if (!Number.isFinite(v)) return;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  };
  data.history.forEach(see);
  for (const p of data.forecast) [p.mean, p.lo95, p.hi95].forEach(see);
  const ticks = niceTicks(lo === Infinity ? 0 : lo, hi === -Infinity ? 1 : hi, 5);
  const labels = tickLabels(ticks.values, ticks.step, opts.yUnit ?? "tokens");
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const plotCells = Math.max(4, Math.floor(opts.width) - labelWidth - 2);
  const height = rowsForTicks(Math.max(3, Math.floor(opts.height)), ticks.values.length - 1);
  // x resolution: two braille dots a cell, or one glyph a cell.
  const perCell = unicode ? 2 : 1;
  const slots = plotCells * perCell;
  const multiple = Math.max(1, Math.floor(opts.bucketMultiple ?? 1));
  const bucket = Math.max(1, Math.floor(opts.bucket ?? multiple * Math.ceil(total / (multiple * slots))));
  const columns = fanColumns(data, bucket);
  // Few columns: widen each (at most 4 characters) so the chart is not a thin strip.
  const slotsPerColumn = Math.max(1, Math.min(4 * perCell, Math.floor(slots / Math.max(1, columns.length))));
  const usedCells = Math.ceil((columns.length * slotsPerColumn) / perCell);
  const cellOf = (column: number): number => Math.floor((column * slotsPerColumn) / perCell);
  const { lo: yLo, hi: yHi } = ticks;
  const rowOf = (v: number): number =>
    Math.min(height - 1, Math.max(0, Math.round(((yHi - v) / (yHi - yLo)) * (height - 1))));

  const chalk = makeChalk(opts.colour);
  const glyphs = unicode ? FAN_GLYPHS_UNICODE : FAN_GLYPHS;
  const paint = (cell: Cell, text: string): string => {
    if (!opts.colour || cell === "") return text;
    const colour = { history: "cyan", mean: "yellow", band80: "blue", band95: "gray" } as const;
    return chalk[colour[cell]](text);
  };
  const glyph = (cell: Cell): string => (cell === "" ? " " : paint(cell, glyphs[cell]));

  const bands = bandGrid(columns, height, rowOf);
  const rows = unicode
    ? brailleFan(columns, bands, usedCells, height, slotsPerColumn, yLo, yHi, paint, glyph)
    : asciiFan(columns, bands, height, slotsPerColumn, rowOf, glyph);

  const frame = frameFor(unicode);
  const labelRows = new Map<number, string>();
  ticks.values.forEach((t, i) => labelRows.set(rowOf(t), labels[i]!));
  const pad = " ".repeat(labelWidth);
  const lines: string[] = [];
  rows.forEach((row, r) => {
    const label = labelRows.get(r);
    lines.push(
      `${(label ?? "").padStart(labelWidth)} ${label !== undefined ? frame.yTick : frame.vertical}${row}`.replace(
        /\s+$/,
        "",
      ),
    );
  });

  // x-axis with a tick where the forecast starts, then the first label, the forecast-start label and the last label.
  const firstForecast = columns.findIndex((c) => c.kind === "forecast");
  const axis = new Array<string>(usedCells).fill(frame.horizontal);
  if (firstForecast > 0) axis[cellOf(firstForecast)] = frame.xTick;
  lines.push(`${pad} ${frame.corner}${axis.join("")}`);
  lines.push(`${pad}  ${xLabels(data.labels, columns, firstForecast, cellOf, usedCells)}`.replace(/\s+$/, ""));
  const legend = [
    `${glyph("history")}${unicode ? glyph("history") : ""} history`,
    `${glyph("mean")}${unicode ? glyph("mean") : ""} forecast mean`,
    `${glyph("band80")} 80% interval`,
    `${glyph("band95")} 95% interval`,
  ];
  if (bucket > 1) legend.push(`(each point: mean of ${bucket} ${opts.periodName ?? "period"}s)`);
  lines.push(...wrapLegend(legend, visibleLength, Math.floor(opts.width), `${pad}  `));
  return lines.join("\n") + "\n";
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
function visibleLength(s: string): number {
  return [...s.replace(ANSI, "")].length;
}

/** Per plotted column, the band of each row: "band80" inside the 80% interval, "band95" inside the 95% only. */
function bandGrid(columns: readonly Column[], height: number, rowOf: (v: number) => number): Cell[][] {
  return columns.map((col) => {
    const cells = new Array<Cell>(height).fill("");
    if (col.kind !== "forecast") return cells;
    if (Number.isFinite(col.lo95) && Number.isFinite(col.hi95))
      for (let r = rowOf(col.hi95); r <= rowOf(col.lo95); r++) cells[r] = "band95";
    if (Number.isFinite(col.lo80) && Number.isFinite(col.hi80))
      for (let r = rowOf(col.hi80); r <= rowOf(col.lo80); r++) cells[r] = "band80";
    return cells;
  });
}

/** ASCII: one glyph a cell, `slotsPerColumn` cells a column; bands first, the line over them. */
function asciiFan(
  columns: readonly Column[],
  bands: Cell[][],
  height: number,
  cellWidth: number,
  rowOf: (v: number) => number,
  glyph: (cell: Cell) => string,
): string[] {
  const grid: Cell[][] = Array.from({ length: height }, (_, r) => columns.map((_, c) => bands[c]![r]!));
  const put = (r: number, c: number, cell: Cell): void => {
    grid[r]![c] = cell;
  };
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
  return grid.map((cells) => cells.map((cell) => glyph(cell).repeat(cellWidth)).join(""));
}

/**
 * Unicode: the history and the forecast mean as one braille line through the columns' centres (the history solid,
 * the mean dotted, so they read apart with colour off); the bands shaded per cell where no line dot is.
 */
function brailleFan(
  columns: readonly Column[],
  bands: Cell[][],
  cells: number,
  height: number,
  slotsPerColumn: number,
  yLo: number,
  yHi: number,
  paint: (cell: Cell, text: string) => string,
  glyph: (cell: Cell) => string,
): string[] {
  const canvas = new BrailleCanvas(cells, height);
  const dotOf = (v: number): number =>
    Math.min(canvas.dotRows - 1, Math.max(0, Math.round(((yHi - v) / (yHi - yLo)) * (canvas.dotRows - 1))));
  const dots = columns.length * slotsPerColumn;
  const history = new Array<number>(dots).fill(Number.NaN);
  const mean = new Array<number>(dots).fill(Number.NaN);
  for (let x = 0; x < dots; x++) {
    // Position in columns, 0 at the first column's centre; linear between neighbouring centres.
    const u = Math.min(columns.length - 1, Math.max(0, (x + 0.5) / slotsPerColumn - 0.5));
    const c0 = Math.floor(u);
    const c1 = Math.min(columns.length - 1, c0 + 1);
    const t = u - c0;
    const v = columns[c0]!.value + t * (columns[c1]!.value - columns[c0]!.value);
    const kind = columns[Math.round(u)]!.kind;
    if (Number.isFinite(v)) (kind === "history" ? history : mean)[x] = dotOf(v);
  }
  // The mean starts from the history's last dot so the two join.
  const join = mean.findIndex((y) => Number.isFinite(y));
  if (join > 0 && Number.isFinite(history[join - 1]!)) mean[join - 1] = history[join - 1]!;
  canvas.line(history, 0);
  canvas.line(mean, 1, (x) => x % 2 === 0);
  const band = (cell: number, r: number): Cell => {
    let best: Cell = "";
    for (let x = cell * 2; x < cell * 2 + 2 && x < dots; x++) {
      const b = bands[Math.floor(x / slotsPerColumn)]![r]!;
      if (b === "band80" || (b === "band95" && best === "")) best = b;
    }
    return best;
  };
  return Array.from({ length: height }, (_, r) => {
    let row = "";
    for (let c = 0; c < cells; c++) {
      const owner = canvas.ownerAt(c, r);
      row += owner >= 0 ? paint(owner === 0 ? "history" : "mean", canvas.charAt(c, r)) : glyph(band(c, r));
    }
    return row;
  });
}

/**
 * The x labels: the first period at the left, the first forecast period under the axis tick, and the last period at
 * the right end (pushed past the end, or dropped, rather than overlap the forecast-start label).
 */
function xLabels(
  labels: readonly string[],
  columns: readonly Column[],
  firstForecast: number,
  cellOf: (column: number) => number,
  plotWidth: number,
): string {
  const first = columns[0];
  const last = columns[columns.length - 1];
  if (!first || !last) return "";
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
    const at = Math.max(0, cellOf(firstForecast) - Math.floor(label.length / 2));
    if (free(at, at + label.length)) put(label, at);
  }
  const end = labels[last.last] ?? "";
  // The last label, unless the last column is the forecast's first (its label is already there).
  if (last !== first && columns.length - 1 !== firstForecast) {
    const at = Math.max(0, plotWidth - end.length);
    if (free(at, at + end.length)) put(end, at);
  }
  return line.map((c) => c ?? " ").join("");
}
