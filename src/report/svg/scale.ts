/**
 * Axis arithmetic for the report's charts: "nice" tick values and linear scales. Tick values follow
 * Heckbert's nice-number method (P. S. Heckbert, "Nice numbers for graph labels", Graphics Gems,
 * Academic Press, 1990, pp. 61–63): the step is 1, 2 or 5 times a power of ten. The arithmetic is shared with the
 * terminal charts (render/ticks.ts); the SVG axis takes it in its own shape (min/max).
 */
import { niceNumber, niceTicks as sharedTicks } from "../render/ticks.js";

export { niceNumber };

export interface Ticks {
  min: number;
  max: number;
  step: number;
  values: number[];
}

/** About `count` nice ticks covering [lo, hi] (render/ticks.ts); a flat range is widened by 10%. */
export function niceTicks(lo: number, hi: number, count = 5): Ticks {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, max: 1, step: 1, values: [0, 1] };
  const t = sharedTicks(lo, hi, count, 0.1);
  return { min: t.lo, max: t.hi, step: t.step, values: t.values };
}

/** Map [d0, d1] linearly onto [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  return (v) => (span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** A coordinate as text with one decimal: SVG output stays byte-stable across runs and platforms. */
export function coord(v: number): string {
  const s = v.toFixed(1);
  return s === "-0.0" ? "0.0" : s;
}

/** Every k-th label, k chosen so that at most `max` labels are shown (the last one always is). */
export function labelStride(count: number, max: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, max)));
}
