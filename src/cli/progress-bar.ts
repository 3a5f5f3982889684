/**
 * The progress bar on stderr — one implementation for the long runs: `simulate`'s paths and a forecast's sample paths
 * (a fraction done, with an estimate of the time left) and reading a large usage file (bytes read). Drawn only when
 * stderr is a terminal and never under --json or --quiet (the caller decides), so piped and redirected output never
 * sees it; the line is redrawn in place with a carriage return and wiped when the run ends.
 *
 *   simulating [###############...............]  50%  ETA 12 s
 *   reading usage.csv [############------------]  50%  512.0 MB / 1.02 GB  210 MB/s
 */
import type { ForecastProgress } from "../forecast/index.js";
import type { IoContext, OutStream } from "./context.js";

export interface ProgressBar {
  /** Report progress: a fraction in [0, 1] (simulation) or the bytes read so far (file reading). */
  update(progress: number): void;
  /** Wipe the bar if one was drawn. */
  done(): void;
}

const SILENT: ProgressBar = { update: () => undefined, done: () => undefined };

/** The stream a bar draws on: stderr, or under --quiet one that is not a terminal, so nothing draws. */
export function progressStream(ctx: IoContext): OutStream {
  return ctx.verbosity === "quiet" ? { write: () => undefined, isTTY: false } : ctx.stderr;
}

/** `[###---]`: `filled` of `width` cells, the rest drawn with `empty`. */
function cells(filled: number, width: number, empty: string): string {
  return `[${"#".repeat(filled)}${empty.repeat(width - filled)}]`;
}

/** "ETA 12 s", "ETA 2 min 05 s": the time left at the rate so far. */
export function etaText(elapsedMs: number, fraction: number): string {
  if (!(fraction > 0) || fraction >= 1) return "";
  const left = Math.round(((elapsedMs / fraction) * (1 - fraction)) / 1000);
  return left < 60 ? `ETA ${left} s` : `ETA ${Math.floor(left / 60)} min ${String(left % 60).padStart(2, "0")} s`;
}

/** A progress bar labelled `label`; `now` is the clock (milliseconds), `shownAfterMs` the quiet first stretch. */
export function progressBar(
  stderr: OutStream,
  now: () => number,
  label = "simulating",
  shownAfterMs = 1000,
): ProgressBar {
  const start = now();
  let shown = false;
  let last = -1;
  let lastDraw = 0;
  // The rate is measured from the first report (a forecast's model selection comes before it and is no guide).
  let origin: { t: number; f: number } | undefined;
  return {
    update(fraction) {
      if (!stderr.isTTY) return;
      const t = now();
      origin ??= { t, f: fraction };
      if (t - start < shownAfterMs) return;
      const pct = Math.floor(Math.min(1, Math.max(0, fraction)) * 100);
      // Redrawn when the percentage moves, or every second for the estimate.
      if (pct === last && t - lastDraw < 1000) return;
      last = pct;
      lastDraw = t;
      shown = true;
      const width = 30;
      const fill = Math.round((pct / 100) * width);
      const eta = fraction > origin.f ? etaText(t - origin.t, (fraction - origin.f) / (1 - origin.f)) : "";
      stderr.write(
        `\r${label} [${"#".repeat(fill)}${".".repeat(width - fill)}] ${String(pct).padStart(3)}%${eta ? `  ${eta}` : ""}\u001b[K`,
      );
    },
    done() {
      if (shown) stderr.write("\r\u001b[K");
    },
  };
}

/** What a forecast will compute, for the share of each stage in the whole: paths × periods of each pass. */
export interface ForecastWork {
  paths: number;
  horizon: number;
  /** A daily forecast's monthly totals: the days simulated again and the months summed (absent for a monthly forecast). */
  monthly?: { days: number; months: number };
}

/** Sorting a column of paths for its quantiles costs about this many path-steps of drawing. */
const SORT_WEIGHT = 3;

/**
 * The forecast's progress events (src/forecast: select, then paths and quantiles of the forecast, then of its monthly
 * totals) as one fraction of the whole work, handed to `bar`. The model selection comes first and is reported once.
 */
export function forecastProgress(bar: ProgressBar, work: ForecastWork): (p: ForecastProgress) => void {
  const stages = [work.paths * work.horizon, SORT_WEIGHT * work.paths * work.horizon];
  if (work.monthly) stages.push(work.paths * work.monthly.days, SORT_WEIGHT * work.paths * work.monthly.months);
  const total = stages.reduce((a, b) => a + b, 0);
  let stage = -1;
  return (p) => {
    if (p.stage === "select") return bar.update(0);
    // paths then quantiles, once for the forecast and once for the monthly totals.
    const next = p.stage === "paths" ? (stage >= 1 ? 2 : 0) : stage >= 2 ? 3 : 1;
    stage = Math.min(next, stages.length - 1);
    const before = stages.slice(0, stage).reduce((a, b) => a + b, 0);
    bar.update((before + (stages[stage] as number) * (p.done / p.total)) / total);
  };
}

function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e3).toFixed(0)} kB`;
}

/**
 * The file reader's bar: 24 cells with the bytes read, the size and the rate, redrawn at most ten times a second;
 * silent for a file under `minBytes` (it is read before a bar would help). Wiped with an erase-line sequence.
 */
export function bytesProgressBar(
  stderr: OutStream,
  now: () => number,
  total: number,
  label: string,
  minBytes: number,
): ProgressBar {
  if (!stderr.isTTY || total < minBytes) return SILENT;
  const started = now();
  let last = 0;
  let drawn = false;
  return {
    update(done) {
      const t = now();
      if (t - last < 100) return;
      last = t;
      const frac = Math.min(1, done / total);
      const width = 24;
      const secs = (t - started) / 1000;
      const rate = secs > 0 ? done / secs / 1e6 : 0;
      stderr.write(
        `\r${label} ${cells(Math.round(frac * width), width, "-")} ${(frac * 100).toFixed(0).padStart(3)}%  ${formatBytes(done)} / ${formatBytes(total)}  ${rate.toFixed(0)} MB/s\u001b[K`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stderr.write("\r\u001b[K");
    },
  };
}
