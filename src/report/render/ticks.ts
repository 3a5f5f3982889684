/**
 * Round axis ticks: Heckbert's "nice numbers" (P. S. Heckbert, "Nice numbers for graph labels", Graphics Gems,
 * 1990). The tick step is 1, 2 or 5 times a power of ten, and the axis runs from a multiple of the step at or below
 * the data's minimum to one at or above its maximum ("loose" labelling), so every tick is a round number.
 *
 * Labels in readable units: one scale for the whole axis (all ticks in B tok, or all in $M), with as many decimals
 * as the step needs. Pure.
 */

/** A nice number near x > 0: 1, 2, 5 or 10 times a power of ten; `round` picks the nearest, else the one at or above. */
export function niceNumber(x: number, round: boolean): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const exp = Math.floor(Math.log10(x));
  const f = x / 10 ** exp;
  let nf: number;
  if (round) nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
  else nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nf * 10 ** exp;
}

export interface Ticks {
  /** Axis ends: the first and the last tick. */
  lo: number;
  hi: number;
  step: number;
  /** lo, lo + step, …, hi. */
  values: number[];
}

/** Clean a tick of binary noise (0.30000000000000004 → 0.3) at the step's precision. */
function clean(v: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const r = Number(v.toFixed(Math.min(20, decimals)));
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Heckbert's loose labelling of [lo, hi] with about `count` ticks (at least 2). A flat or empty range is widened
 * first (by `flatPad` of its value, or by 1 around zero) so the axis never has zero length.
 */
export function niceTicks(lo: number, hi: number, count = 5, flatPad = 0.05): Ticks {
  let a = Number.isFinite(lo) ? lo : 0;
  let b = Number.isFinite(hi) ? hi : 1;
  if (a > b) [a, b] = [b, a];
  if (a === b) {
    const pad = Math.abs(a) * flatPad || 1;
    [a, b] = [a - pad, b + pad];
  }
  const n = Math.max(2, Math.floor(count));
  const range = niceNumber(b - a, false);
  const step = niceNumber(range / (n - 1), true);
  const first = Math.floor(a / step) * step;
  const last = Math.ceil(b / step) * step;
  const k = Math.round((last - first) / step);
  const values = Array.from({ length: k + 1 }, (_, i) => clean(first + i * step, step));
  return { lo: values[0]!, hi: values[values.length - 1]!, step, values };
}

/** Fraction digits a step needs (0.5 → 1, 0.25 → 2, 20 → 0), after dividing by a unit's divisor. */
export function stepDecimals(step: number, divisor = 1): number {
  const s = step / divisor;
  if (!(s > 0) || !Number.isFinite(s)) return 0;
  // The smallest d with s·10^d an integer (to 1e-9), at most 6.
  for (let d = 0; d <= 6; d++) {
    const x = s * 10 ** d;
    if (Math.abs(x - Math.round(x)) < 1e-9 * Math.max(1, x)) return d;
  }
  return 6;
}

/** What an axis counts: token volumes (B tok), US dollars ($M) or a plain number (a price, a percentage). */
export type AxisUnit = "tokens" | "money" | "number";

const SCALES: readonly [number, string][] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "k"],
];

/**
 * Labels for a set of ticks in one unit for the whole axis, chosen by the largest tick: tokens "0", "40 B tok",
 * "80 B tok"; money "$0", "$1.5M", "$2.0M"; a number with the step's decimals ("1.50", "1.75").
 */
export function tickLabels(values: readonly number[], step: number, unit: AxisUnit): string[] {
  if (unit === "number") {
    const d = stepDecimals(step);
    return values.map((v) => v.toFixed(d));
  }
  const largest = Math.max(0, ...values.map((v) => Math.abs(v)));
  const [divisor, suffix] = SCALES.find(([size]) => largest >= size) ?? [1, ""];
  const d = stepDecimals(step, divisor);
  return values.map((v) => {
    const body = (Math.abs(v) / divisor).toFixed(d);
    const sign = v < 0 && Number(body) !== 0 ? "-" : "";
    if (v === 0) return unit === "money" ? "$0" : "0";
    if (unit === "money") return `${sign}$${body}${suffix === "k" ? "K" : suffix}`;
    return `${sign}${body}${suffix ? ` ${suffix}` : ""} tok`;
  });
}

/**
 * Plot rows for about `rows` rows on which every one of `intervals` tick intervals spans the same whole number of
 * rows, so each tick label sits exactly on its row: intervals·k + 1 rows.
 */
export function rowsForTicks(rows: number, intervals: number): number {
  const k = Math.max(1, Math.round((rows - 1) / Math.max(1, intervals)));
  return intervals * k + 1;
}
