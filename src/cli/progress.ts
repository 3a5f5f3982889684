/**
 * Progress of long work on stderr (`simulate`'s paths, a forecast's sample paths): a bar, the percentage and an
 * estimate of the time left. Only on a terminal, never under --json or --quiet (the caller decides), and only once
 * the run has taken a second, so quick runs print nothing.
 */
import type { ForecastProgress } from "../forecast/index.js";
import type { OutStream } from "./context.js";

export interface ProgressBar {
  /** The fraction of the work done, 0 … 1. */
  update(fraction: number): void;
  /** Clear the line (when anything was drawn). */
  done(): void;
}

/** "ETA 12 s", "ETA 2 min 05 s": the time left at the rate so far. */
export function etaText(elapsedMs: number, fraction: number): string {
  if (!(fraction > 0) || fraction >= 1) return "";
  const left = Math.round((elapsedMs / fraction) * (1 - fraction) / 1000);
  return left < 60 ? `ETA ${left} s` : `ETA ${Math.floor(left / 60)} min ${String(left % 60).padStart(2, "0")} s`;
}

/** A progress bar labelled `label`; `now` is the clock (milliseconds), `shownAfterMs` the quiet first stretch. */
export function progressBar(stderr: OutStream, now: () => number, label = "simulating", shownAfterMs = 1000): ProgressBar {
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
      stderr.write(`\r${label} [${"#".repeat(fill)}${".".repeat(width - fill)}] ${String(pct).padStart(3)}%${eta ? `  ${eta}` : ""}\u001b[K`);
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
