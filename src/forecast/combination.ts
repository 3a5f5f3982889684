/**
 * Forecast combination (docs/METHODOLOGY.md §2; M3: Makridakis & Hibon 2000, "Comb S-H-D"; M4: Makridakis,
 * Spiliotis & Assimakopoulos 2018/2020; Petropoulos & Svetunkov 2020; weighted by past accuracy: Bates & Granger
 * 1969). Point forecast: the weighted mean of the component means. Distribution (our choice): the weighted mixture —
 * the pooled sample paths, a share from each component equal to its weight — so that disagreement between models
 * widens the intervals. Paths are never averaged pairwise, which would shrink the spread.
 */
import { knownMean, type FittedModel } from "./model.js";
import type { Rng } from "../stats/random.js";

/** A combination's parts, kept so that a combination inside a combination is flattened into one mixture. */
export interface CombinedModel extends FittedModel {
  readonly components: readonly FittedModel[];
  readonly weights: readonly number[];
}

function isCombined(model: FittedModel): model is CombinedModel {
  return "components" in model && "weights" in model;
}

/**
 * Combine `components` with `weights` (default equal; normalised to sum 1). Component i gets the paths whose
 * stratum falls in [w_1 + … + w_{i−1}, w_1 + … + w_i): with strata spread evenly over [0, 1) that is a share w_i
 * of the paths, however many are drawn.
 */
export function combineModels(
  name: string,
  components: readonly FittedModel[],
  weights?: readonly number[],
): CombinedModel {
  if (components.length === 0) throw new Error("a combination needs at least one component");
  const raw = weights ?? components.map(() => 1);
  const total = raw.reduce((a, b) => a + b, 0);
  const parts: FittedModel[] = [];
  const shares: number[] = [];
  components.forEach((c, i) => {
    const w = (raw[i] as number) / total;
    if (isCombined(c)) {
      c.components.forEach((inner, j) => {
        parts.push(inner);
        shares.push(w * (c.weights[j] as number));
      });
    } else {
      parts.push(c);
      shares.push(w);
    }
  });
  const upper: number[] = [];
  let cumulative = 0;
  for (const s of shares) upper.push((cumulative += s));
  upper[upper.length - 1] = 1;
  return {
    name,
    components: parts,
    weights: shares,
    nObs: Math.max(...parts.map((c) => c.nObs)),
    pointForecast: (horizon) => {
      const out = new Float64Array(horizon);
      parts.forEach((c, i) => {
        const f = c.pointForecast(horizon);
        const w = shares[i] as number;
        for (let h = 0; h < horizon; h++) out[h] = (out[h] as number) + w * (f[h] as number);
      });
      return out;
    },
    analytic: () => undefined,
    // The mixture's mean is the weighted mean of its parts' means; known exactly when every part's is.
    ...(parts.every((c) => c.analytic(1) !== undefined || c.exactMean !== undefined)
      ? {
          exactMean: (horizon: number) => {
            const out = new Float64Array(horizon);
            parts.forEach((c, i) => {
              const f = knownMean(c, horizon) as Float64Array;
              const w = shares[i] as number;
              for (let h = 0; h < horizon; h++) out[h] = (out[h] as number) + w * (f[h] as number);
            });
            return out;
          },
        }
      : {}),
    // The stratum picks the component; without one, a uniform draw does (a plain draw from the mixture).
    samplePath: (horizon: number, rng: Rng, stratum?: number) => {
      const u = stratum ?? rng.uniform();
      let i = 0;
      while (i < upper.length - 1 && u >= (upper[i] as number)) i++;
      return (parts[i] as FittedModel).samplePath(horizon, rng);
    },
  };
}
