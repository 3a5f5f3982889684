/**
 * The progress bar on stderr — one implementation for the two long runs: `simulate` (a fraction of the paths done)
 * and reading a large usage file (bytes read). Drawn only when stderr is a terminal, so piped and redirected output
 * never sees it; the line is redrawn in place with a carriage return and wiped when the run ends.
 *
 *   simulating [###############...............]  50%
 *   reading usage.csv [############------------]  50%  512.0 MB / 1.02 GB  210 MB/s
 */
import type { OutStream } from "./context.js";

export interface ProgressBar {
  /** Report progress: a fraction in [0, 1] (simulation) or the bytes read so far (file reading). */
  update(progress: number): void;
  /** Wipe the bar if one was drawn. */
  done(): void;
}

const SILENT: ProgressBar = { update: () => undefined, done: () => undefined };

/** `[###---]`: `filled` of `width` cells, the rest drawn with `empty`. */
function cells(filled: number, width: number, empty: string): string {
  return `[${"#".repeat(filled)}${empty.repeat(width - filled)}]`;
}

/**
 * The simulation's bar: 30 cells, redrawn when the whole percentage changes, and only once the run has taken a
 * second (a short run shows nothing). Wiped with spaces.
 */
export function simulationProgressBar(stderr: OutStream, now: () => number): ProgressBar {
  const start = now();
  let shown = false;
  let last = -1;
  return {
    update(f) {
      if (!stderr.isTTY || now() - start < 1000) return;
      const pct = Math.floor(f * 100);
      if (pct === last) return;
      last = pct;
      shown = true;
      const width = 30;
      stderr.write(`\rsimulating ${cells(Math.round((pct / 100) * width), width, ".")} ${String(pct).padStart(3)}%`);
    },
    done() {
      if (shown) stderr.write(`\r${" ".repeat(50)}\r`);
    },
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
export function bytesProgressBar(stderr: OutStream, now: () => number, total: number, label: string, minBytes: number): ProgressBar {
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
