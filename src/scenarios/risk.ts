/**
 * Risk figures of a simulated total cost (docs/METHODOLOGY.md):
 *   mean, standard deviation (n − 1 divisor), P5 / P50 / P95 / P99 (type-7 quantiles, stats/quantile.ts),
 *   Cost-at-Risk 95% = P95 − mean,
 *   CVaR 95% = the mean of the worst 5%: the average of the ⌈0.05·n⌉ largest costs (Acerbi & Tasche, "On the
 *   coherence of expected shortfall", J. Banking & Finance 26(7), 2002, for the definition on a sample).
 * Costs are losses here (higher is worse), so the "worst" tail is the upper one.
 * At another confidence c (tailRisk): Cost-at-Risk c = P_c − mean, CVaR c = the average of the ⌈(1 − c)·n⌉ largest.
 */
import { quantileType7Sorted } from "../stats/quantile.js";
import { selectKth } from "../stats/select.js";

export interface RiskFigures {
  mean: number;
  sd: number;
  p5: number;
  p50: number;
  p95: number;
  p99: number;
  costAtRisk95: number;
  cvar95: number;
}

/** Mean and sample variance by the two-pass formula (stable for large, nearly equal costs). */
export function meanAndVariance(xs: ArrayLike<number>, n = xs.length): { mean: number; variance: number } {
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i]!;
  const mean = s / n;
  let ss = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean;
    ss += d * d;
    c += d;
  }
  // The compensation term corrects the rounding error of the mean (Chan, Golub & LeVeque 1983, "corrected two-pass").
  return { mean, variance: n > 1 ? (ss - (c * c) / n) / (n - 1) : 0 };
}

/** Risk figures of a sample that is already sorted ascending. */
export function riskFiguresSorted(sorted: Float64Array): RiskFigures {
  const n = sorted.length;
  const { mean, variance } = meanAndVariance(sorted);
  const p95 = quantileType7Sorted(sorted, 0.95);
  const tail = Math.max(1, Math.ceil(0.05 * n - 1e-9));
  let worst = 0;
  for (let i = n - tail; i < n; i++) worst += sorted[i]!;
  return {
    mean,
    sd: Math.sqrt(Math.max(0, variance)),
    p5: quantileType7Sorted(sorted, 0.05),
    p50: quantileType7Sorted(sorted, 0.5),
    p95,
    p99: quantileType7Sorted(sorted, 0.99),
    costAtRisk95: p95 - mean,
    cvar95: worst / tail,
  };
}

/** Risk figures of any sample (copied and sorted). */
export function riskFigures(values: ArrayLike<number>): RiskFigures {
  return riskFiguresSorted(Float64Array.from(values).sort());
}

/**
 * Risk figures without sorting: the order statistics each quantile and the CVaR tail need are selected (stats/select.ts),
 * each selection narrowing the range of the next. Same results as riskFiguresSorted; `values` is not modified.
 */
export function riskFiguresSelect(values: Float64Array): RiskFigures {
  const n = values.length;
  if (n < 64) return riskFiguresSorted(Float64Array.from(values).sort());
  const a = Float64Array.from(values);
  const { mean, variance } = meanAndVariance(a);
  const tail = Math.max(1, Math.ceil(0.05 * n - 1e-9));
  const firstWorst = n - tail;
  // After selectKth(k) on [lo, hi], a[lo..k−1] ≤ a[k] ≤ a[k+1..hi]: later selections stay on one side.
  const order = (k: number, lo: number, hi: number): number => selectKth(a, k, lo, hi);
  const minOf = (lo: number, hi: number): number => {
    let m = Infinity;
    for (let i = lo; i <= hi; i++) if (a[i]! < m) m = a[i]!;
    return m;
  };
  const q = (p: number, lo: number, hi: number): { value: number; k: number } => {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    const lower = order(k, lo, hi);
    const value = k + 1 < n && h > k ? lower + (h - k) * (minOf(k + 1, hi) - lower) : lower;
    return { value, k };
  };
  // The worst 5% first (indices ≥ n − tail); then P95 on the side of that split that holds it (a[n − tail] is still
  // the (n − tail)-th order statistic, needed when P95 interpolates up to it); then P99 above P95, P50 and P5 below.
  order(firstWorst, 0, n - 1);
  let worst = 0;
  for (let i = firstWorst; i < n; i++) worst += a[i]!;
  const p95k = Math.floor((n - 1) * 0.95);
  const p95 = p95k < firstWorst ? q(0.95, 0, firstWorst) : q(0.95, firstWorst, n - 1);
  // Now a[0..k95] are the k95 + 1 smallest values and a[k95 + 1..n − 1] the rest (n ≥ 64 puts P99 above P95).
  const p99 = q(0.99, p95.k + 1, n - 1);
  const p50 = q(0.5, 0, p95.k);
  const p5 = q(0.05, 0, p50.k);
  return {
    mean,
    sd: Math.sqrt(Math.max(0, variance)),
    p5: p5.value,
    p50: p50.value,
    p95: p95.value,
    p99: p99.value,
    costAtRisk95: p95.value - mean,
    cvar95: worst / tail,
  };
}

/** The tail at one confidence c: P_c, Cost-at-Risk c = P_c − mean, CVaR c = the mean of the worst (1 − c). */
export interface TailRisk {
  confidence: number;
  quantile: number;
  costAtRisk: number;
  cvar: number;
}

/**
 * The tail of `values` at `confidence` (type-7 quantile; CVaR over the ⌈(1 − c)·n⌉ largest, as cvar95). At 95% it
 * is read off `figures` (the same sample's RiskFigures), so no second sort is paid for the default level.
 */
export function tailRisk(values: ArrayLike<number>, confidence: number, figures?: RiskFigures): TailRisk {
  if (figures && confidence === 0.95)
    return { confidence, quantile: figures.p95, costAtRisk: figures.costAtRisk95, cvar: figures.cvar95 };
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const mean = figures?.mean ?? meanAndVariance(sorted).mean;
  const quantile = quantileType7Sorted(sorted, confidence);
  const tail = Math.max(1, Math.ceil((1 - confidence) * n - 1e-9));
  let worst = 0;
  for (let i = n - tail; i < n; i++) worst += sorted[i]!;
  return { confidence, quantile, costAtRisk: quantile - mean, cvar: worst / tail };
}
