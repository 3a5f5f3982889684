/**
 * Data-quality treatment of usage series before fitting (docs/METHODOLOGY.md §2):
 *
 * 1. leading zeros are dropped (the product did not exist yet);
 * 2. daily series are screened on log y: weekly pattern removed (robust variant of the additive decomposition of
 *    §3.3 — per-weekday medians), trend = centred rolling median of width 7, residuals outside
 *    [Q1 − 3·IQR, Q3 + 3·IQR] (fence at least log 1.5) flagged (a one-pass version of R's `tsoutliers`, `R/clean.R`, with a rolling median
 *    in place of the super-smoother); a persistent step in level (launch, migration) is looked for separately by
 *    comparing medians of the two weeks before and after each day;
 * 3. downward flags in runs shorter than 3 days are outages; upward flags are spikes and are kept (recurring batch
 *    jobs are real variance); runs of 3 or more flags in one direction look like a level shift or launch and are
 *    only reported;
 * 4. zeros after launch are kept as genuine zero usage (which disables log models and multiplicative errors).
 *
 * With `mode = "interpolate"` outage days are replaced by geometric (log-linear) interpolation between the
 * neighbouring good days, so that every candidate model — not only ETS, which could skip missing values — can use
 * the series. Monthly series are never screened automatically (§8: on 12–24 months the IQR rule flags legitimate
 * growth); they are screened, with a width-5 median, only when `interpolate` is requested explicitly.
 * Every change is reported as a Finding.
 */
import { periodAt } from "./periods.js";
import { medianOfSorted, quantileType8Sorted } from "../stats/quantile.js";
import type { Finding, Granularity } from "./types.js";

export interface PreparedSeries {
  /** Values to fit, starting at `offset` of the original series. */
  values: Float64Array;
  /** Number of leading periods dropped. */
  offset: number;
  findings: Finding[];
}

/** Centred rolling median of width w (shrinking at the ends); NaN values are ignored. */
export function rollingMedian(x: ArrayLike<number>, width: number): Float64Array {
  const n = x.length;
  const half = Math.floor(width / 2);
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const window: number[] = [];
    for (let k = Math.max(0, t - half); k <= Math.min(n - 1, t + half); k++) {
      const v = x[k] as number;
      if (!Number.isNaN(v)) window.push(v);
    }
    window.sort((a, b) => a - b);
    out[t] = medianOfSorted(window);
  }
  return out;
}

/** Fill NaNs by linear interpolation between neighbours (constant extrapolation at the ends). */
export function interpolateGaps(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const out = Float64Array.from(x);
  let prev = -1;
  for (let t = 0; t <= n; t++) {
    if (t < n && Number.isNaN(out[t] as number)) continue;
    if (t - prev > 1) {
      const left = prev >= 0 ? (out[prev] as number) : undefined;
      const right = t < n ? (out[t] as number) : undefined;
      for (let k = prev + 1; k < t; k++) {
        if (left !== undefined && right !== undefined) out[k] = left + ((right - left) * (k - prev)) / (t - prev);
        else out[k] = (left ?? right ?? Number.NaN) as number;
      }
    }
    prev = t;
  }
  return out;
}

function median(values: number[]): number {
  return medianOfSorted(values.filter((x) => !Number.isNaN(x)).sort((p, q) => p - q));
}

/**
 * Log-scale residuals after removing a robust weekly pattern and a rolling-median trend. The weekly figure uses
 * per-position medians of (log y − rolling median) rather than the means of classical decomposition (§3.3), so
 * that the outliers being looked for cannot distort it. Zeros give NaN residuals.
 */
export function robustResiduals(
  y: ArrayLike<number>,
  m: number,
  width: number,
): { adjusted: Float64Array; residuals: Float64Array } {
  const n = y.length;
  const logs = Float64Array.from({ length: n }, (_, t) =>
    (y[t] as number) > 0 ? Math.log(y[t] as number) : Number.NaN,
  );
  const season = new Float64Array(n);
  if (m > 1 && n >= 2 * m) {
    const level = rollingMedian(logs, m % 2 === 1 ? m : m + 1);
    const figure: number[] = [];
    for (let j = 0; j < m; j++) {
      const group: number[] = [];
      for (let t = j; t < n; t += m) group.push((logs[t] as number) - (level[t] as number));
      figure.push(median(group));
    }
    const centre = figure.reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0) / m;
    for (let t = 0; t < n; t++) season[t] = (figure[t % m] as number) - centre;
  }
  const adjusted = Float64Array.from(logs, (v, t) => v - (season[t] as number));
  const trend = rollingMedian(adjusted, width);
  return { adjusted, residuals: Float64Array.from(adjusted, (v, t) => v - (trend[t] as number)) };
}

/**
 * Flags per point: −1 downward outlier, +1 upward, 0 none, by the 3-IQR rule on the robust residuals.
 * Zeros count as downward (log 0 = −∞).
 */
export function detectOutliers(y: ArrayLike<number>, m: number, width: number): Int8Array {
  const n = y.length;
  const flags = new Int8Array(n);
  const { residuals } = robustResiduals(y, m, width);
  const sorted = residuals.filter((v) => !Number.isNaN(v)).sort();
  if (sorted.length < 4) return flags;
  const q1 = quantileType8Sorted(sorted, 0.25);
  const q3 = quantileType8Sorted(sorted, 0.75);
  // Fence 3·IQR as in tsoutliers, with a materiality floor of log 1.5: on very smooth series the IQR of
  // rolling-median residuals is tiny (a seventh of them are exactly 0) and ordinary noise would be flagged.
  const fence = Math.max(3 * (q3 - q1), Math.log(1.5));
  for (let t = 0; t < n; t++) {
    const r = residuals[t] as number;
    if ((y[t] as number) <= 0) flags[t] = -1;
    else if (r < q1 - fence) flags[t] = -1;
    else if (r > q3 + fence) flags[t] = 1;
  }
  return flags;
}

/**
 * The largest persistent change of level: the index t maximising |median(adjusted[t..t+w)) −
 * median(adjusted[t−w..t))| (w = 2m), reported when the change exceeds both 30% and six robust standard deviations
 * of the day-to-day noise (1.4826·MAD of the residuals). Undefined when there is none.
 */
export function detectLevelShift(
  y: ArrayLike<number>,
  m: number,
  width: number,
): { index: number; ratio: number } | undefined {
  const n = y.length;
  const w = Math.max(2 * m, 6);
  if (n < 2 * w + 1) return undefined;
  const { adjusted, residuals } = robustResiduals(y, m, width);
  const r = Array.from(residuals).filter((v) => !Number.isNaN(v));
  const mad = median(r.map((v) => Math.abs(v - median(r))));
  const noise = 1.4826 * mad;
  const jumps: number[] = [];
  for (let t = w; t <= n - w; t++) {
    jumps.push(median(Array.from(adjusted.subarray(t, t + w))) - median(Array.from(adjusted.subarray(t - w, t))));
  }
  let largest = 0;
  for (const j of jumps) if (!Number.isNaN(j) && Math.abs(j) > Math.abs(largest)) largest = j;
  if (Math.abs(largest) < Math.max(Math.log(1.3), 6 * noise)) return undefined;
  // Window medians give a plateau of near-equal jumps around the step; report its middle.
  const near: number[] = [];
  jumps.forEach((j, i) => {
    if (Math.abs(j - largest) <= 0.02 * Math.abs(largest)) near.push(i + w);
  });
  return { index: near[Math.floor((near.length - 1) / 2)] as number, ratio: Math.exp(largest) };
}

export interface PrepareOptions {
  granularity: Granularity;
  /** Start period of the original series. */
  start: string;
  m: number;
  mode: "keep" | "interpolate";
  /** Screen for outliers at all (default: daily yes, monthly only when mode = interpolate). */
  screen?: boolean;
}

export function prepareSeries(values: readonly number[], options: PrepareOptions): PreparedSeries {
  const findings: Finding[] = [];
  const label = (i: number) => periodAt(options.granularity, options.start, i);
  let offset = 0;
  while (offset < values.length && values[offset] === 0) offset++;
  if (offset === values.length) offset = 0; // all zeros: nothing to drop, the forecast is 0
  if (offset > 0) {
    findings.push({
      kind: "leading-zeros",
      start: label(0),
      end: label(offset - 1),
      count: offset,
      action: "dropped",
      message: `dropped ${offset} leading zero period(s) before the first usage on ${label(offset)}`,
    });
  }
  const y = Float64Array.from(values.slice(offset));
  const screen = options.screen ?? (options.granularity === "day" || options.mode === "interpolate");
  const width = options.granularity === "day" ? 7 : 5;
  if (!screen || y.length < Math.max(3 * width, 2 * options.m)) {
    addZeroFinding(y, offset, label, findings);
    return { values: y, offset, findings };
  }
  const flags = detectOutliers(y, options.m, width);
  const outage = new Array<boolean>(y.length).fill(false);
  for (let t = 0; t < y.length;) {
    const dir = flags[t] as number;
    if (dir === 0) {
      t++;
      continue;
    }
    let end = t;
    while (end + 1 < y.length && flags[end + 1] === dir) end++;
    const count = end - t + 1;
    const where = { start: label(offset + t), end: label(offset + end), count };
    if (dir < 0 && count < 3) {
      for (let k = t; k <= end; k++) outage[k] = true;
      findings.push({
        ...where,
        kind: "outage",
        action: options.mode === "interpolate" ? "interpolated" : "flagged",
        message: `${count === 1 ? `${where.start} looks like an outage` : `${where.start}–${where.end} look like an outage`} (usage far below the weekly pattern)${options.mode === "interpolate" ? "; replaced by interpolation" : ""}`,
      });
    } else if (dir > 0 && count < 3) {
      findings.push({
        ...where,
        kind: "spike",
        action: "flagged",
        message: `${where.start}${count > 1 ? `–${where.end}` : ""}: usage spike kept (recurring batch jobs are real demand)`,
      });
    } else {
      findings.push({
        ...where,
        kind: "level-shift",
        action: "flagged",
        message: `${where.start}–${where.end}: ${count} consecutive periods ${dir > 0 ? "above" : "below"} the recent level — a launch or level shift? Not corrected; the model adapts its level`,
      });
    }
    t = end + 1;
  }
  const shift = detectLevelShift(y, options.m, width);
  if (shift && !findings.some((f) => f.kind === "level-shift")) {
    const at = label(offset + shift.index);
    findings.push({
      kind: "level-shift",
      start: at,
      end: label(offset + y.length - 1),
      count: y.length - shift.index,
      action: "flagged",
      message: `usage ${shift.ratio >= 1 ? `rose to about ${shift.ratio.toFixed(1)}×` : `fell to about ${Math.round(shift.ratio * 100)}% of`} its earlier level around ${at} and stayed there — a launch or migration? Not corrected; if it is a launch, consider fitting only the data from ${at}`,
    });
  }
  let cleaned = y;
  if (options.mode === "interpolate" && outage.some(Boolean)) {
    const logs = Float64Array.from(y, (v, t) => (outage[t] || v <= 0 ? Number.NaN : Math.log(v)));
    const filled = interpolateGaps(logs);
    cleaned = Float64Array.from(y, (v, t) => (outage[t] ? Math.exp(filled[t] as number) : v));
  }
  addZeroFinding(cleaned, offset, label, findings);
  return { values: cleaned, offset, findings };
}

function addZeroFinding(y: Float64Array, offset: number, label: (i: number) => string, findings: Finding[]): void {
  let zeros = 0;
  let first = -1;
  let last = -1;
  y.forEach((v, t) => {
    if (v === 0) {
      zeros++;
      if (first < 0) first = t;
      last = t;
    }
  });
  if (zeros === 0 || zeros === y.length) return;
  findings.push({
    kind: "zero-usage",
    start: label(offset + first),
    end: label(offset + last),
    count: zeros,
    action: "flagged",
    message: `${zeros} period(s) with zero usage after launch: log-scale and multiplicative models are disabled for this series`,
  });
}
