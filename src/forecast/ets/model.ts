/**
 * Wrap a fitted ETS model as a FittedModel: analytic normal intervals for class-1 models only, simulation for
 * every other model (our choice; docs/METHODOLOGY.md §2).
 */
import type { FittedModel } from "../model.js";
import { logNormalForecast, normalForecast } from "../model.js";
import { backTransformedMean } from "../boxcox.js";
import type { Rng } from "../../stats/random.js";
import { fitEts, type EtsFit, type EtsFitOptions } from "./fit.js";
import { class1Variance, etsPointForecast, etsSamplePath, isClass1 } from "./forecast.js";
import type { EtsSpec } from "./spec.js";

export interface EtsModel extends FittedModel {
  readonly fit: EtsFit;
}

export function etsModel(fit: EtsFit, displayName: string = fit.name): EtsModel {
  const sigma = Math.sqrt(fit.sigma2);
  const point = (horizon: number) => etsPointForecast(fit.spec, fit.params, fit.state, horizon);
  return {
    name: displayName,
    nObs: fit.nObs,
    aicc: fit.aicc,
    fit,
    pointForecast: point,
    analytic: (horizon) => {
      if (!isClass1(fit.spec)) return undefined;
      const v = class1Variance(fit.spec, fit.params, fit.sigma2, horizon);
      return normalForecast(point(horizon), Float64Array.from(v, Math.sqrt));
    },
    // Without a multiplicative trend the point forecast is the mean: exactly for additive and multiplicative errors
    // on a linear trend with additive or no seasonality (HKOS 2008 §6.3, R's class 2: the states' expectations follow
    // the linear recursion), and up to a relative O(σ²αγ) covariance term with multiplicative seasonality (R's
    // class 3) — under 1e−4 for fitted σ², α and γ, far below the Monte Carlo error of a path mean.
    ...(fit.spec.trend !== "M" ? { exactMean: point } : {}),
    samplePath: (horizon: number, rng: Rng) => etsSamplePath(fit.spec, fit.params, fit.state, sigma, horizon, rng),
  };
}

/** Fit and wrap in one call; undefined when the model cannot be fitted to these data. */
export function fitEtsModel(
  y: ArrayLike<number>,
  spec: EtsSpec,
  options?: EtsFitOptions,
  displayName?: string,
): EtsModel | undefined {
  const fit = fitEts(y, spec, options);
  return fit ? etsModel(fit, displayName) : undefined;
}

/**
 * An ETS model fitted to log y (docs/METHODOLOGY.md §2): class-1 models give exact log-normal quantiles exp(μ ± z√v)
 * and the lognormal mean exp(μ + v/2); paths are simulated on the log scale and exponentiated value by value.
 */
export function logEtsModel(fit: EtsFit): EtsModel {
  const sigma = Math.sqrt(fit.sigma2);
  const logPoint = (horizon: number) => etsPointForecast(fit.spec, fit.params, fit.state, horizon);
  const logVariance = (horizon: number) => class1Variance(fit.spec, fit.params, fit.sigma2, horizon);
  return {
    name: `${fit.name} on log`,
    nObs: fit.nObs,
    fit,
    pointForecast: (horizon) => {
      const mu = logPoint(horizon);
      const v = logVariance(horizon);
      return Float64Array.from(mu, (m, i) => backTransformedMean(m, v[i] as number, 0));
    },
    analytic: (horizon) => {
      if (!isClass1(fit.spec)) return undefined;
      return logNormalForecast(logPoint(horizon), Float64Array.from(logVariance(horizon), Math.sqrt));
    },
    samplePath: (horizon: number, rng: Rng) => {
      const path = etsSamplePath(fit.spec, fit.params, fit.state, sigma, horizon, rng);
      for (let h = 0; h < horizon; h++) path[h] = Math.exp(path[h] as number);
      return path;
    },
  };
}
