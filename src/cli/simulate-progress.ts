/** The progress bar of `simulate` on stderr. */
import type { OutStream } from "./context.js";

/** A progress bar on stderr, only on a terminal and only once the run has taken a second. */
export function progressBar(stderr: OutStream, now: () => number): { update(f: number): void; done(): void } {
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
      const fill = Math.round((pct / 100) * width);
      stderr.write(`\rsimulating [${"#".repeat(fill)}${".".repeat(width - fill)}] ${String(pct).padStart(3)}%`);
    },
    done() {
      if (shown) stderr.write(`\r${" ".repeat(50)}\r`);
    },
  };
}
