/**
 * Point-forecast accuracy measures (docs/METHODOLOGY.md §2; Hyndman & Koehler 2006, IJF 22(4); M4 guidelines;
 * R's `accuracy`).
 */

export interface Accuracy {
  mae: number;
  /** undefined when every actual is 0 (zero actuals are skipped, §7). */
  mape: number | undefined;
  smape: number;
  /** undefined when the scale Q is 0 or unavailable. */
  mase: number | undefined;
}

/** In-sample MAE of the lag-s naive forecast: Q = (1/(n−s)) Σ_{t>s} |y_t − y_{t−s}| (MASE denominator). */
export function maseScale(train: ArrayLike<number>, s: number): number | undefined {
  let sum = 0;
  let count = 0;
  for (let t = s; t < train.length; t++) {
    const d = (train[t] as number) - (train[t - s] as number);
    if (Number.isNaN(d)) continue;
    sum += Math.abs(d);
    count++;
  }
  if (count === 0 || sum === 0) return undefined;
  return sum / count;
}

/** Accuracy of `forecast` against `actual` (same length); `scale` from maseScale. */
export function accuracy(actual: ArrayLike<number>, forecast: ArrayLike<number>, scale: number | undefined): Accuracy {
  const h = actual.length;
  let abs = 0;
  let ape = 0;
  let apeCount = 0;
  let sape = 0;
  for (let i = 0; i < h; i++) {
    const y = actual[i] as number;
    const f = forecast[i] as number;
    const e = Math.abs(y - f);
    abs += e;
    if (y !== 0) {
      ape += e / Math.abs(y);
      apeCount++;
    }
    const denom = Math.abs(y) + Math.abs(f);
    sape += denom === 0 ? 0 : (2 * e) / denom;
  }
  const mae = abs / h;
  return {
    mae,
    mape: apeCount > 0 ? (100 * ape) / apeCount : undefined,
    smape: (100 * sape) / h,
    mase: scale === undefined ? undefined : mae / scale,
  };
}
