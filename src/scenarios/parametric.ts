/**
 * Parametric (delta-normal) Cost-at-Risk beside the Monte Carlo one, from the same inputs the simulation uses
 * (simulate.ts): the price model, the basis P = a + b·I + η·ε, the volume paths and the price–volume correlation.
 *
 * The total cost is linearised around the means (first order) and taken as normal:
 *   U − E U ≈ V + Π + B,  V = Σ_m P̄_m·(Q_m − Q̄_m)/1e6        volume part, P̄_m = a_m + b·k·F_m (a_m = a unless
 *                                                              the basis is given per month, as the company's is)
 *                         Π = Σ_m c_m·(S_m − F_m),            price part, c_m = Q̄_m·b·k/1e6 (unhedged),
 *                                                              c_m = Q̄_m·b·k/1e6 − N_m·size/divisor (hedged)
 *                         B = Σ_m Q_m·η_m·ε_m/1e6             basis part, Var B = Σ_m η_m²·E[Q_m²]/1e12 (exact)
 *   Cov(S_m, S_n) = F_m·F_n·(exp(Cov(X(τ_m), X(τ_n))) − 1)   (lognormal settlement, price-model.ts; exact),
 *     Cov(X(s), X(t)) = e^{−κ(t − s)}·V(s) for s ≤ t (OU; κ = 0 gives GBM's σ²·s);
 *   Var V from the volume paths; Cov(V, Π) = ρ·σ_V·Corr(Π, Z)·σ_Π, with Z the forecast-weighted average
 *     settlement the copula pairs a path's volume with (copula.ts); B is independent of both.
 *   σ² = Var V + Var Π + 2·Cov(V, Π) + Var B;   CaR = z_α·σ  (z_0.95 = 1.6449; stats/cost-at-risk.ts).
 * Ignored (second order): the products (Q_m − Q̄_m)·(S_m − F_m) and the skew of the lognormal price and of the volume.
 *
 * A short hedger (`side: "short"`): every cost is a net cost with revenue negative (simulate.ts), so V and the unhedged
 * c_m change sign, the hedge adds +N_m·size/divisor, and Cov(V, Π) = sign·ρ·σ_V·Corr(Π, Z)·σ_Π (V = sign·Σ P̄·Q/1e6).
 *
 * Euler allocation on this covariance (Tasche, "Risk contributions and performance measurement", 1999): the part of
 * factor k is z_α·Cov(X_k, X)/σ, and the parts sum to z_α·σ exactly, since Σ_k Cov(X_k, X) = Var X.
 */
import { quoteDivisor, quoteToUsdPerMtok } from "../curve/contract.js";
import type { HedgeSide } from "../book/rebalance.js";
import type { HedgePlan } from "../hedge/plan.js";
import { deltaNormalCostAtRisk } from "../stats/cost-at-risk.js";
import { normalQuantile } from "../stats/normal.js";
import { factorVariance, timeGrid, type PriceModel } from "./price-model.js";
import type { Basis, VolumeMatrix } from "./simulate.js";

export interface ParametricInput {
  plan: HedgePlan;
  volumes: VolumeMatrix;
  model: PriceModel;
  basis: Basis;
  corr: number;
  asOf: string;
  /** Default 0.95. */
  confidence?: number;
  /** long (default) or short: see simulate.ts. */
  side?: HedgeSide;
}

/** Euler parts of a Cost-at-Risk; price + volume + basis = total. */
export interface CostAtRiskParts {
  method: "euler-delta-normal";
  price: number;
  volume: number;
  basis: number;
  total: number;
}

export interface ParametricFigures {
  mean: number;
  sd: number;
  costAtRisk: number;
  parts: CostAtRiskParts;
}

export interface ParametricResult {
  method: "delta-normal";
  confidence: number;
  z: number;
  unhedged: ParametricFigures;
  hedged: ParametricFigures;
}

/** Euler parts z·Cov(X_k, X)/σ from the three variances and the volume–price covariance. */
export function eulerParts(
  varVolume: number,
  varPrice: number,
  covVolumePrice: number,
  varBasis: number,
  z: number,
): CostAtRiskParts {
  const variance = varVolume + varPrice + 2 * covVolumePrice + varBasis;
  const sd = Math.sqrt(Math.max(0, variance));
  const scale = sd > 0 ? z / sd : 0;
  const volume = scale * (varVolume + covVolumePrice);
  const price = scale * (varPrice + covVolumePrice);
  const basis = scale * varBasis;
  return { method: "euler-delta-normal", price, volume, basis, total: volume + price + basis };
}

export function parametricRisk(input: ParametricInput): ParametricResult {
  const { plan, volumes, model, basis, corr, asOf } = input;
  const confidence = input.confidence ?? 0.95;
  const sign = input.side === "short" ? -1 : 1;
  const z = normalQuantile(confidence);
  const M = plan.months.length;
  const n = volumes.paths;
  const divisor = quoteDivisor(plan.contract);
  const bk = basis.b * quoteToUsdPerMtok(plan.contract);
  const F = plan.months.map((m) => m.futuresPrice);
  const tau = timeGrid(
    asOf,
    plan.months.map((m) => m.month),
  ).settleTimes;

  // Volume moments from the paths: Q̄_m, E[Q_m²], and the variance of V = Σ P̄_m·Q_m/1e6.
  const qMean = new Float64Array(M);
  const q2 = new Float64Array(M);
  const v = new Float64Array(n);
  // A basis given per month (the company's own price S₀_m, simulate-stage.ts) wins over the single a and noise.
  const aOf = (m: number): number => basis.byMonth?.a[m] ?? basis.a;
  const noiseOf = (m: number): number => basis.byMonth?.noise[m] ?? basis.noise;
  const pMean = F.map((f, m) => aOf(m) + bk * f);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let m = 0; m < M; m++) {
      const q = volumes.data[i * M + m]!;
      qMean[m] = qMean[m]! + q / n;
      q2[m] = q2[m]! + (q * q) / n;
      s += (sign * pMean[m]! * q) / 1_000_000;
    }
    v[i] = s;
  }
  const vMean = v.reduce((a, b) => a + b, 0) / n;
  const varVolume = n > 1 ? v.reduce((a, x) => a + (x - vMean) * (x - vMean), 0) / (n - 1) : 0;
  let varBasis = 0;
  for (let m = 0; m < M; m++) varBasis += (noiseOf(m) * noiseOf(m) * q2[m]!) / 1e12;

  // Settlement covariance C_mn (0 for a month already past its settlement: it settles at F).
  const kappa = model.kind === "ou" ? model.meanReversion : 0;
  const C = (m: number, k: number): number => {
    const s = Math.min(tau[m]!, tau[k]!);
    const t = Math.max(tau[m]!, tau[k]!);
    return F[m]! * F[k]! * Math.expm1(Math.exp(-kappa * (t - s)) * factorVariance(model, s));
  };
  const w = plan.months.map((m) => m.forecastTokens);
  const quad = (a: readonly number[], b: readonly number[]): number => {
    let s = 0;
    for (let m = 0; m < M; m++) for (let k = 0; k < M; k++) s += a[m]! * b[k]! * C(m, k);
    return s;
  };
  const varZ = quad(w, w);
  const sdVolume = Math.sqrt(varVolume);
  const figures = (c: readonly number[]): ParametricFigures => {
    const varPrice = quad(c, c);
    const corrPriceScore = varPrice > 0 && varZ > 0 ? quad(c, w) / Math.sqrt(varPrice * varZ) : 0;
    const covVolumePrice = sign * corr * sdVolume * corrPriceScore * Math.sqrt(varPrice);
    const parts = eulerParts(varVolume, varPrice, covVolumePrice, varBasis, z);
    const sd = Math.sqrt(Math.max(0, varVolume + varPrice + 2 * covVolumePrice + varBasis));
    return { mean: vMean, sd, costAtRisk: deltaNormalCostAtRisk(sd, confidence), parts };
  };
  const unhedgedC = plan.months.map((_, m) => (sign * qMean[m]! * bk) / 1_000_000);
  const hedgedC = plan.months.map(
    (pm, m) => unhedgedC[m]! - (sign * pm.contracts * plan.contract.contractSize) / divisor,
  );
  return { method: "delta-normal", confidence, z, unhedged: figures(unhedgedC), hedged: figures(hedgedC) };
}
