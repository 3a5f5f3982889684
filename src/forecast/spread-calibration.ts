/**
 * How much wider or narrower a forecast's intervals must be, step by step ahead, for 80% of what happened to fall
 * inside its 80% interval: estimated from the forecast's own rolling-origin backtest, which the selection has already
 * run (FPP3 §5.5 and §5.10: intervals from out-of-sample errors rather than from the model's assumptions alone).
 *
 * Score of a backtest point: z = |Φ⁻¹(PIT)|, the actual's probability integral transform under the forecast
 * distribution mapped to a standard-normal distance (for a normal forecast, |error| ÷ its predicted standard
 * deviation). When the forecast is calibrated the scores are half-normal and their 80% quantile is z_0.9 = 1.2816.
 *
 * 1. Estimate. κ̂ = q̂ / z_0.9, q̂ the 80% sample quantile of the scores (Hyndman–Fan type 8, approximately
 *    median-unbiased): the scores are the normalised nonconformity scores of split-conformal prediction (Vovk,
 *    Gammerman & Shafer 2005; Angelopoulos & Bates 2021, §1 and §2.1), and multiplying the spread around the point
 *    forecast by κ̂ puts q̂ at the 80% interval's edge. The conformal rank ⌈(n + 1)·0.8⌉ is not used: at the few
 *    points of one step ahead it is biased upward (of 12 scores it takes the 11th, the 92nd percentile), which would
 *    read as differences between steps; thin evidence is handled by 2–4 instead.
 * 2. Evidence. A quantile of n independent half-normal scores has var(log q̂) ≈ c / n with
 *    c = 0.8·0.2 / (f(z_0.9)·z_0.9)² = 0.79, f = 2φ the half-normal density (the asymptotic variance of a sample
 *    quantile). The steps of one origin share their errors, so the pooled scores count as n_eff = n / deff points,
 *    deff = 1 + (m̄ − 1)ρ Kish's (1965) design effect for clustered samples: clusters the origins, m̄ = Σm² / Σm their
 *    mean size, ρ the intra-origin (ANOVA) correlation of "outside the interval", held within [0, 1].
 * 3. Shrink toward 1. log κ = w·log κ̂ with w = τ²/(τ² + c/n_eff), the posterior mean under a normal prior on log κ of
 *    sd τ = ln 2 / 1.96 (a model's intervals are within a factor of two of right, 95 times in 100): thin evidence
 *    leaves the model's own intervals nearly as they are.
 * 4. By horizon. Each step ahead h with at least 4 points (one per origin) has its own κ̂_h; its departure from the
 *    pooled κ̂ is kept in proportion w_h = τ_h²/(τ_h² + c/n_h), τ_h² = max(0, mean of (log κ̂_h − log κ̂)² − mean of
 *    c/n_h) the between-step variance net of sampling noise (empirical Bayes, Efron & Morris 1975). Steps with fewer
 *    points, and steps beyond the backtest's horizon, take the pooled factor.
 * Every factor is held within SPREAD_BOUNDS.
 */
import { normalPdf, normalQuantileAS241 } from "../stats/normal.js";
import { quantileType8Sorted } from "../stats/quantile.js";

/** The interval level calibrated: the 80% interval, whose P10 edge caps the hedge. */
export const CALIBRATION_LEVEL = 0.8;
/** Fewest scores a factor is estimated from (pooled, and per step ahead, where there is one score per origin). */
export const MIN_POINTS = 4;
/** Bounds of every spread factor: a backtest of a few dozen correlated points cannot justify more. */
export const SPREAD_BOUNDS = [0.5, 2] as const;
/** Prior sd of log κ: ln 2 / z_0.975. */
export const PRIOR_LOG_SD = Math.LN2 / normalQuantileAS241(0.975);

const Z_EDGE = normalQuantileAS241((1 + CALIBRATION_LEVEL) / 2);
/** Asymptotic n·var(log q̂) of the 0.8 quantile of half-normal scores: 0.8·0.2 / (2φ(z)·z)². */
export const QUANTILE_VARIANCE = (CALIBRATION_LEVEL * (1 - CALIBRATION_LEVEL)) / (2 * normalPdf(Z_EDGE) * Z_EDGE) ** 2;

export interface CalibrationPoint {
  /** Training length at the forecast origin. */
  origin: number;
  /** Steps ahead, 1-based. */
  step: number;
  /** |Φ⁻¹(PIT)|. */
  z: number;
}

export interface HorizonFactor {
  step: number;
  points: number;
  /** κ̂_h before shrinkage, when the step has at least MIN_POINTS points. */
  estimate?: number;
  /** Share of the step's own departure from the pooled estimate that is kept. */
  weight: number;
  factor: number;
}

export interface SpreadCalibration {
  level: number;
  points: number;
  origins: number;
  /** Points after Kish's design effect. */
  effectivePoints: number;
  /** κ̂ (held within the bounds), the weight w on it, and the pooled factor κ = exp(w·log κ̂). */
  estimate: number;
  weight: number;
  factor: number;
  /** Factor per step ahead, 1 … the backtest's horizon; later steps take `factor`. */
  byHorizon: HorizonFactor[];
}

const clamp = (k: number) => Math.min(Math.max(k, SPREAD_BOUNDS[0]), SPREAD_BOUNDS[1]);

/**
 * Kish's design effect 1 + (m̄ − 1)ρ of `flags` (0/1) grouped in clusters, with ρ the one-way ANOVA estimate of the
 * intra-cluster correlation, (MSB − MSW) / (MSB + (m₀ − 1)·MSW), m₀ = (N − Σm²/N) / (k − 1), held within [0, 1].
 */
export function designEffect(clusters: readonly (readonly number[])[]): number {
  const sizes = clusters.map((c) => c.length).filter((m) => m > 0);
  const groups = clusters.filter((c) => c.length > 0);
  const n = sizes.reduce((a, b) => a + b, 0);
  const k = groups.length;
  if (k < 2 || n <= k) return k === 1 ? n : 1;
  const mean = groups.reduce((a, c) => a + c.reduce((u, v) => u + v, 0), 0) / n;
  let ssb = 0;
  let ssw = 0;
  for (const c of groups) {
    const mi = c.reduce((u, v) => u + v, 0) / c.length;
    ssb += c.length * (mi - mean) ** 2;
    for (const v of c) ssw += (v - mi) ** 2;
  }
  const msb = ssb / (k - 1);
  const msw = ssw / (n - k);
  const sumSq = sizes.reduce((a, m) => a + m * m, 0);
  const m0 = (n - sumSq / n) / (k - 1);
  const denominator = msb + (m0 - 1) * msw;
  const rho = denominator > 0 ? Math.min(Math.max((msb - msw) / denominator, 0), 1) : 0;
  return 1 + (sumSq / n - 1) * rho;
}

/** The calibration of a forecast from its backtest scores, or undefined with fewer than MIN_POINTS of them. */
export function calibrateSpread(points: readonly CalibrationPoint[]): SpreadCalibration | undefined {
  if (points.length < MIN_POINTS) return undefined;
  const sorted = Float64Array.from(points, (p) => p.z).sort();
  const q = quantileType8Sorted(sorted, CALIBRATION_LEVEL);
  const estimate = clamp(q / Z_EDGE);
  const byOrigin = new Map<number, number[]>();
  for (const p of points) {
    const list = byOrigin.get(p.origin) ?? [];
    list.push(p.z > q ? 1 : 0);
    byOrigin.set(p.origin, list);
  }
  const effectivePoints = points.length / designEffect([...byOrigin.values()]);
  const prior = PRIOR_LOG_SD ** 2;
  const weight = prior / (prior + QUANTILE_VARIANCE / effectivePoints);
  const factor = clamp(Math.exp(weight * Math.log(estimate)));

  const horizon = Math.max(...points.map((p) => p.step));
  const steps = Array.from({ length: horizon }, (_, i) => {
    const z = Float64Array.from(
      points.filter((p) => p.step === i + 1),
      (p) => p.z,
    ).sort();
    const qh = z.length >= MIN_POINTS ? quantileType8Sorted(z, CALIBRATION_LEVEL) : undefined;
    return { step: i + 1, points: z.length, ...(qh !== undefined ? { estimate: clamp(qh / Z_EDGE) } : {}) };
  });
  const estimated = steps.filter((s) => s.estimate !== undefined);
  const departure = (s: (typeof steps)[number]) => Math.log(s.estimate as number) - Math.log(estimate);
  const noise = (s: (typeof steps)[number]) => QUANTILE_VARIANCE / s.points;
  const between =
    estimated.length >= 2
      ? Math.max(
          0,
          estimated.reduce((a, s) => a + departure(s) ** 2, 0) / estimated.length -
            estimated.reduce((a, s) => a + noise(s), 0) / estimated.length,
        )
      : 0;
  const byHorizon = steps.map((s): HorizonFactor => {
    if (s.estimate === undefined || between === 0) return { ...s, weight: 0, factor };
    const w = between / (between + noise(s));
    return { ...s, weight: w, factor: clamp(Math.exp(Math.log(factor) + w * departure(s))) };
  });
  return {
    level: CALIBRATION_LEVEL,
    points: points.length,
    origins: byOrigin.size,
    effectivePoints,
    estimate,
    weight,
    factor,
    byHorizon,
  };
}

/** The factor at step `step` (0-based) of a calibration: its step's, or the pooled one beyond the backtest horizon. */
export function factorAt(calibration: SpreadCalibration, step: number): number {
  return calibration.byHorizon[step]?.factor ?? calibration.factor;
}
