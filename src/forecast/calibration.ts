/**
 * Interval calibration from the rolling-origin backtest: the backtest points' scores, and the model with its spread
 * rescaled step by step. The probability integral transform (PIT) of each backtest actual under the forecast
 * distribution (Dawid 1984; Gneiting, Balabdaoui & Raftery 2007, JRSS B 69(2)) is uniform when the forecasts are
 * calibrated. For a mixture the PIT is the weighted sum of the components' PITs (the mixture's CDF is the weighted
 * sum of theirs), so the chosen combination's calibration follows from the backtest already run, without another one.
 * How the factors are estimated from the scores is spread-calibration.ts.
 *
 * For positive series the spread can be scaled on the log scale (y' = c·(y/c)^κ), which keeps usage positive and the
 * right tail longer than the left; the reported mean is then the mean of the scaled paths.
 */
import type { FittedModel } from "./model.js";
import { normalQuantileAS241 } from "../stats/normal.js";
import type { Rng } from "../stats/random.js";
import type { CalibrationPoint } from "./spread-calibration.js";

/** Mixture PITs over the points every weighted model was scored on. */
export function mixturePits(
  pits: ReadonlyMap<string, ReadonlyMap<string, number>>,
  weights: Record<string, number>,
): number[] {
  const names = Object.keys(weights);
  const first = pits.get(names[0] as string);
  if (!first) return [];
  const out: number[] = [];
  for (const key of first.keys()) {
    let sum = 0;
    let complete = true;
    for (const name of names) {
      const v = pits.get(name)?.get(key);
      if (v === undefined) complete = false;
      else sum += (weights[name] as number) * v;
    }
    if (complete) out.push(sum);
  }
  return out;
}

/**
 * Backtest scores |Φ⁻¹(PIT)| of the mixture `weights`, at the points every weighted model was scored on, from origins
 * (training lengths) of at least `fromOrigin`. PITs are held within [1e−6, 1 − 1e−6] so a score stays finite.
 */
export function calibrationPoints(
  pits: ReadonlyMap<string, ReadonlyMap<string, number>>,
  weights: Record<string, number>,
  fromOrigin = 0,
): CalibrationPoint[] {
  const names = Object.keys(weights);
  const first = pits.get(names[0] as string);
  if (!first) return [];
  const values = mixturePits(pits, weights);
  const keys = [...first.keys()].filter((key) => names.every((name) => pits.get(name)?.has(key)));
  const out: CalibrationPoint[] = [];
  keys.forEach((key, i) => {
    const [origin, step] = key.split(":").map(Number) as [number, number];
    if (origin < fromOrigin) return;
    const u = Math.min(Math.max(values[i] as number, 1e-6), 1 - 1e-6);
    out.push({ origin, step, z: Math.abs(normalQuantileAS241(u)) });
  });
  return out;
}

/**
 * The model with its spread around the point forecast at step h multiplied by κ_h (paths and closed-form
 * quantiles), on the log scale when `log`; `kappa` is one factor for every step, or the factor at each 0-based step. Its analytic form, if any, is dropped when `log` (the scaled mean has no
 * closed form here), so the forecast comes from the scaled paths.
 */
export function withSpread(model: FittedModel, kappa: number | ((step: number) => number), log: boolean): FittedModel {
  const at = typeof kappa === "number" ? () => kappa : kappa;
  const scale = (centre: number, v: number, step: number) => {
    const k = at(step);
    return log && centre > 0 && v > 0 ? centre * Math.pow(v / centre, k) : centre + k * (v - centre);
  };
  // Paths are drawn one at a time: keep the centre of the last horizon asked for.
  let cached: Float64Array | undefined;
  const centreOf = (horizon: number) => {
    if (!cached || cached.length !== horizon) cached = model.pointForecast(horizon);
    return cached;
  };
  return {
    name: model.name,
    nObs: model.nObs,
    ...(model.aicc !== undefined ? { aicc: model.aicc } : {}),
    pointForecast: (horizon) => model.pointForecast(horizon),
    analytic: (horizon) => {
      const a = log ? undefined : model.analytic(horizon);
      if (!a) return undefined;
      return { mean: a.mean, quantile: (step, p) => scale(a.mean[step] as number, a.quantile(step, p), step) };
    },
    // Scaled linearly around the point forecast, the mean moves to centre + κ_h(mean − centre); on the log scale it
    // has no closed form and comes from the scaled paths.
    ...(!log && model.exactMean !== undefined
      ? {
          exactMean: (horizon: number) => {
            const centre = model.pointForecast(horizon);
            const mean = model.exactMean?.(horizon) as Float64Array;
            return Float64Array.from(mean, (m, h) => scale(centre[h] as number, m, h));
          },
        }
      : {}),
    samplePath: (horizon: number, rng: Rng, stratum?: number) => {
      const centre = centreOf(horizon);
      const path = model.samplePath(horizon, rng, stratum);
      for (let h = 0; h < horizon; h++) path[h] = scale(centre[h] as number, path[h] as number, h);
      return path;
    },
  };
}
