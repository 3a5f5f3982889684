/**
 * The common shape of a fitted forecasting model, so that selection, backtesting, combination and the result
 * builder treat ETS, Theta and the baselines alike.
 */
import { normalQuantileAS241 } from "../stats/normal.js";
import type { Rng } from "../stats/random.js";

/** A forecast distribution known in closed form at each step. */
export interface AnalyticForecast {
  /** Mean at steps 1..horizon. */
  mean: Float64Array;
  /** Quantile at step (0-based) and probability p. */
  quantile(step: number, p: number): number;
}

export interface FittedModel {
  /** Display name, e.g. "ETS(M,Ad,N)", "drift", "theta". */
  readonly name: string;
  /** Observations the model was fitted to. */
  readonly nObs: number;
  /** AICc when the model is an ETS model fitted by likelihood on the untransformed series. */
  readonly aicc?: number;
  /** Point forecast (the mean of the forecast distribution where known, §2.5) for steps 1..horizon. */
  pointForecast(horizon: number): Float64Array;
  /** Closed-form distribution, or undefined when only simulation is available. */
  analytic(horizon: number): AnalyticForecast | undefined;
  /**
   * The mean at steps 1..horizon when it is known in closed form but the quantiles come from sample paths (ETS with
   * multiplicative errors, mixtures of such models). The reported mean is then this rather than the mean of the
   * paths, which carries Monte Carlo noise (R's forecast.ets likewise reports its point forecast, not a path mean).
   */
  exactMean?(horizon: number): Float64Array;
  /**
   * One simulated future of length horizon. Each step draws a fixed number of values from `rng`, so a longer
   * path starts with the shorter one. `stratum` ∈ [0, 1) places the path in a stratified sample; mixtures use it
   * to pick the component, single models ignore it.
   */
  samplePath(horizon: number, rng: Rng, stratum?: number): Float64Array;
}

/** The mean at steps 1..horizon where known without simulation (closed form or exact mean), else undefined. */
export function knownMean(model: FittedModel, horizon: number): Float64Array | undefined {
  return model.analytic(horizon)?.mean ?? model.exactMean?.(horizon);
}

/** Normal forecast distribution: quantile = mean + z_p·sd (FPP3 §5.5). */
export function normalForecast(mean: Float64Array, sd: Float64Array): AnalyticForecast {
  return {
    mean,
    quantile: (step, p) => (mean[step] as number) + normalQuantileAS241(p) * (sd[step] as number),
  };
}

/**
 * Log-normal forecast distribution from log-scale mean μ and sd s (docs/METHODOLOGY.md §2): quantiles exp(μ + z_p s)
 * (exact, the transform is monotone); mean exp(μ + s²/2).
 */
export function logNormalForecast(logMean: Float64Array, logSd: Float64Array): AnalyticForecast {
  const mean = Float64Array.from(logMean, (mu, i) => Math.exp(mu + (logSd[i] as number) ** 2 / 2));
  return {
    mean,
    quantile: (step, p) => Math.exp((logMean[step] as number) + normalQuantileAS241(p) * (logSd[step] as number)),
  };
}
