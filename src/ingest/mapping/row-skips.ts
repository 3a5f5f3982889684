/** Rows the mapper leaves out on purpose, counted per reason with the first few line numbers. */

export type SkipCategory = "not-usage" | "cost-only" | "filtered" | "empty" | "duplicate";

export interface SkipStat {
  reason: string;
  category: SkipCategory;
  count: number;
  firstLines: number[];
}

/** How many line numbers a skip reason or the duplicate check keeps, for the summary. */
export const FIRST_LINES = 5;

export function countSkip(skips: Map<string, SkipStat>, reason: string, category: SkipCategory, line: number): void {
  let s = skips.get(reason);
  if (!s) {
    s = { reason, category, count: 0, firstLines: [] };
    skips.set(reason, s);
  }
  s.count++;
  if (s.firstLines.length < FIRST_LINES) s.firstLines.push(line);
}
