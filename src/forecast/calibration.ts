/**
 * Interval calibration from the rolling-origin backtest. The probability integral transform (PIT) of each
 * backtest actual under the forecast distribution (Dawid 1984; Gneiting, Balabdaoui & Raftery 2007, JRSS B 69(2))
 * is uniform when the forecasts are calibrated. For a mixture the PIT is the weighted sum of the components' PITs
 * (the mixture's CDF is the weighted sum of theirs), so the chosen combination's calibration follows from the
 * backtest already run, without another one.
 *
 * One spread factor κ: with z = |Φ⁻¹(PIT)|, the 80% interval holds 80% of the actuals after the distribution's
 * spread around its point forecast is multiplied by κ = Q_0.8(z) / z_0.9, at most 1: κ < 1 narrows intervals that
 * were too wide (a mixture of models that disagree is wider than its parts).
 * For positive series the spread is scaled on the log scale (y' = c·(y/c)^κ), which keeps usage positive and the
 * right tail longer than the left; the reported mean is then the mean of the scaled paths.
 */
import type { FittedModel } from "./model.js";
import { normalQuantileAS241 } from "../stats/normal.js";
import { quantileType8Sorted } from "../stats/quantile.js";
import type { Rng } from "../stats/random.js";

/** Fewest backtest points from which κ is estimated; with fewer the intervals are left as they are. */
export const MIN_CALIBRATION_POINTS = 24;
/**
 * κ is kept within these bounds: a backtest of a few dozen correlated points cannot justify narrowing by more than
 * half, and it never widens. On bench/forecast-accuracy every series where the backtest asked for wider intervals
 * (tokens, UKDriverDeaths, and the bundled Acme fixture) had a one-off level shift — a launch, the 1983 seat-belt
 * law — inside the backtest window, which says nothing about the spread of future months.
 */
export const SPREAD_BOUNDS = [0.5, 1] as const;

const Z90 = normalQuantileAS241(0.9);

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

/** κ from PIT values, or undefined when there are too few of them. */
export function spreadFactor(pits: readonly number[]): number | undefined {
  if (pits.length < MIN_CALIBRATION_POINTS) return undefined;
  const z = Float64Array.from(pits, (u) => Math.abs(normalQuantileAS241(Math.min(Math.max(u, 1e-6), 1 - 1e-6)))).sort();
  const kappa = quantileType8Sorted(z, 0.8) / Z90;
  return Math.min(Math.max(kappa, SPREAD_BOUNDS[0]), SPREAD_BOUNDS[1]);
}

/**
 * The model with its spread around the point forecast at each step multiplied by κ (paths and closed-form
 * quantiles), on the log scale when `log`. Its analytic form, if any, is dropped when `log` (the scaled mean has no
 * closed form here), so the forecast comes from the scaled paths.
 */
export function withSpread(model: FittedModel, kappa: number, log: boolean): FittedModel {
  const scale = (centre: number, v: number) =>
    log && centre > 0 && v > 0 ? centre * Math.pow(v / centre, kappa) : centre + kappa * (v - centre);
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
      return { mean: a.mean, quantile: (step, p) => scale(a.mean[step] as number, a.quantile(step, p)) };
    },
    // Scaled linearly around the point forecast, the mean moves to centre + κ(mean − centre); on the log scale it
    // has no closed form and comes from the scaled paths.
    ...(!log && model.exactMean !== undefined
      ? {
          exactMean: (horizon: number) => {
            const centre = model.pointForecast(horizon);
            const mean = model.exactMean?.(horizon) as Float64Array;
            return Float64Array.from(mean, (m, h) => scale(centre[h] as number, m));
          },
        }
      : {}),
    samplePath: (horizon: number, rng: Rng, stratum?: number) => {
      const centre = centreOf(horizon);
      const path = model.samplePath(horizon, rng, stratum);
      for (let h = 0; h < horizon; h++) path[h] = scale(centre[h] as number, path[h] as number);
      return path;
    },
  };
}
