/**
 * Wrap a fitted ETS model as a FittedModel: analytic normal intervals for class-1 models only, simulation for
 * every other model (FORECASTING.md §2.2 [product]).
 */
import type { FittedModel } from "../model.js";
import { normalForecast } from "../model.js";
import type { Rng } from "../random.js";
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
