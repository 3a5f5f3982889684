/**
 * Classical decomposition, as R's `stats::decompose` (docs/METHODOLOGY.md §2; Kendall & Stuart; FPP3 §3.4):
 * centred moving-average trend, seasonal figure = mean detrended value per position, normalised to mean 0
 * (additive) or 1 (multiplicative). Positions are counted from the first observation.
 */

export type DecompositionType = "additive" | "multiplicative";

export interface Decomposition {
  /** Centred moving average; NaN for the first and last ⌊m/2⌋ points. */
  trend: Float64Array;
  /** Seasonal figure F_0..F_{m−1}, F_0 being the figure of the first observation. */
  figure: Float64Array;
  /** c_t = F_{(t−1) mod m}, same length as the series. */
  seasonal: Float64Array;
}

/** Centred moving average of order m (weights ½,1,…,1,½ over m+1 points when m is even). */
export function centredMovingAverage(y: ArrayLike<number>, m: number): Float64Array {
  const n = y.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let sum = 0;
    if (m % 2 === 1) {
      for (let k = -half; k <= half; k++) sum += y[t + k] as number;
    } else {
      sum = 0.5 * ((y[t - half] as number) + (y[t + half] as number));
      for (let k = -half + 1; k <= half - 1; k++) sum += y[t + k] as number;
    }
    out[t] = sum / m;
  }
  return out;
}

/** Requires at least two full periods (n ≥ 2m). */
export function decompose(y: ArrayLike<number>, m: number, type: DecompositionType): Decomposition {
  const n = y.length;
  if (m < 2 || n < 2 * m) throw new Error(`decompose needs m ≥ 2 and at least 2m observations (m=${m}, n=${n})`);
  const trend = centredMovingAverage(y, m);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = 0; t < n; t++) {
    const tr = trend[t] as number;
    const yt = y[t] as number;
    if (Number.isNaN(tr) || Number.isNaN(yt)) continue;
    const d = type === "additive" ? yt - tr : yt / tr;
    sums[t % m] = (sums[t % m] as number) + d;
    counts[t % m] = (counts[t % m] as number) + 1;
  }
  const figure = new Float64Array(m);
  for (let j = 0; j < m; j++) figure[j] = (sums[j] as number) / (counts[j] as number);
  const mean = figure.reduce((a, b) => a + b, 0) / m;
  for (let j = 0; j < m; j++)
    figure[j] = type === "additive" ? (figure[j] as number) - mean : (figure[j] as number) / mean;
  const seasonal = new Float64Array(n);
  for (let t = 0; t < n; t++) seasonal[t] = figure[t % m] as number;
  return { trend, figure, seasonal };
}
