/**
 * The hedge-ratio sweep: the same simulated draws hedged at every ratio r from 0% to 150% in 1% steps.
 *
 * Hedging a fraction r of each month's forecast exposure Q̄_m (unrounded contracts) gives, on path i,
 *   cost_i(r) = U_i − r·G_i,   G_i = Σ_m Q̄_m·(S_im − F_m)/divisor  (the P&L of a 100% hedge),
 * which is linear in r, so nothing is re-simulated:
 *   mean(r) = Ū − r·Ḡ,   Var(r) = Var U − 2r·Cov(U, G) + r²·Var G,
 * minimised at h* = Cov(U, G)/Var(G) — the minimum-variance hedge ratio of Hull (Options, Futures, and Other
 * Derivatives, ch. 3) and, with uncertain volume in U, of McKinnon (1967). Only the 95th percentile needs the
 * draws: it is selected per ratio (stats/select.ts), not sorted.
 */
import { quantileOfCombination, selectScratch } from "../stats/select.js";

export interface SweepPoint {
  ratio: number;
  mean: number;
  sd: number;
  costAtRisk95: number;
}

export interface Sweep {
  points: SweepPoint[];
  /** Grid ratio with the smallest variance, and with the smallest CaR 95%. */
  minVarianceRatio: number;
  minCarRatio: number;
  /** h* = Cov(U, G)/Var(G) from the simulated draws, off the grid; null when G has no variance. */
  minVarianceRatioExact: number | null;
}

/** Ratios 0, 0.01, …, maxPercent/100, each written as i/100 so the JSON shows 0.07, not 0.07000000000000001. */
export function sweepRatios(maxPercent = 150): number[] {
  return Array.from({ length: maxPercent + 1 }, (_, i) => i / 100);
}

export function hedgeRatioSweep(u: Float64Array, g: Float64Array, ratios: readonly number[] = sweepRatios()): Sweep {
  const n = u.length;
  let su = 0;
  let sg = 0;
  for (let i = 0; i < n; i++) {
    su += u[i]!;
    sg += g[i]!;
  }
  const mu = su / n;
  const mg = sg / n;
  let suu = 0;
  let sgg = 0;
  let sug = 0;
  for (let i = 0; i < n; i++) {
    const du = u[i]! - mu;
    const dg = g[i]! - mg;
    suu += du * du;
    sgg += dg * dg;
    sug += du * dg;
  }
  const d = n > 1 ? n - 1 : 1;
  const scratch = selectScratch(n);
  const points: SweepPoint[] = [];
  let minVar = Infinity;
  let minVarRatio = ratios[0] ?? 0;
  let minCar = Infinity;
  let minCarRatio = ratios[0] ?? 0;
  for (const r of ratios) {
    const mean = mu - r * mg;
    const variance = Math.max(0, (suu - 2 * r * sug + r * r * sgg) / d);
    const car = quantileOfCombination(u, g, r, 0.95, scratch) - mean;
    points.push({ ratio: r, mean, sd: Math.sqrt(variance), costAtRisk95: car });
    // Strict "<": on ties the smaller ratio wins (fewer contracts for the same risk).
    if (variance < minVar) {
      minVar = variance;
      minVarRatio = r;
    }
    if (car < minCar) {
      minCar = car;
      minCarRatio = r;
    }
  }
  return { points, minVarianceRatio: minVarRatio, minCarRatio, minVarianceRatioExact: sgg > 0 ? sug / sgg : null };
}
