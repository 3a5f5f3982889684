/**
 * Axis arithmetic for the report's charts: "nice" tick values and linear scales. Tick values follow
 * Heckbert's nice-number method (P. S. Heckbert, "Nice numbers for graph labels", Graphics Gems,
 * Academic Press, 1990, pp. 61–63): the step is 1, 2 or 5 times a power of ten.
 */

/** A nice number near `x`: rounded (to the nearest of 1, 2, 5, 10 × 10^k) or taken up to the next one. */
export function niceNumber(x: number, round: boolean): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const exponent = Math.floor(Math.log10(x));
  const fraction = x / 10 ** exponent;
  let nice: number;
  if (round) nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * 10 ** exponent;
}

export interface Ticks {
  min: number;
  max: number;
  step: number;
  values: number[];
}

/** About `count` nice ticks covering [lo, hi]; the axis runs from the first to the last tick. */
export function niceTicks(lo: number, hi: number, count = 5): Ticks {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, max: 1, step: 1, values: [0, 1] };
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const range = niceNumber(hi - lo, false);
  const step = niceNumber(range / Math.max(1, count - 1), true);
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  // Decimal places of the step, so 0.1 + 0.2 shows as 0.3 (ticks are rebuilt from integers).
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const values: number[] = [];
  const n = Math.round((max - min) / step);
  for (let k = 0; k <= n; k++) values.push(Number((min + k * step).toFixed(digits)));
  return { min: values[0]!, max: values[values.length - 1]!, step, values };
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
