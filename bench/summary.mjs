// The figures a bench section hands to `npm run bench` for its side-by-side summary: one JSON line per section,
// appended to the file BENCH_SUMMARY names (set by bench/run.mjs; when unset, a section run alone writes nothing).
import { appendFileSync } from "node:fs";

/** rows: [{ name, value, unit, ... }]; `base` names the row the others are ratios against (the summary says which way). */
export function summary(section, rows, extra = {}) {
  const to = process.env.BENCH_SUMMARY;
  if (!to) return;
  appendFileSync(to, JSON.stringify({ section, rows, ...extra }) + "\n");
}
