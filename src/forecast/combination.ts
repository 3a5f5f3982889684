/**
 * Equal-weight forecast combination (FORECASTING.md §6; M3: Makridakis & Hibon 2000, "Comb S-H-D"; M4: Makridakis,
 * Spiliotis & Assimakopoulos 2018/2020; Petropoulos & Svetunkov 2020). Point forecast: the mean of the component
 * means. Distribution [product]: the equal-weight mixture — the pooled sample paths, an equal share from each
 * component — so that disagreement between models widens the intervals. Paths are never averaged pairwise,
 * which would shrink the spread.
 */
import type { FittedModel } from "./model.js";
import type { Rng } from "./random.js";

export function combineModels(name: string, components: readonly FittedModel[]): FittedModel {
  if (components.length === 0) throw new Error("a combination needs at least one component");
  const k = components.length;
  return {
    name,
    nObs: Math.max(...components.map((c) => c.nObs)),
    pointForecast: (horizon) => {
      const out = new Float64Array(horizon);
      for (const c of components) {
        const f = c.pointForecast(horizon);
        for (let h = 0; h < horizon; h++) out[h] = (out[h] as number) + (f[h] as number) / k;
      }
      return out;
    },
    analytic: () => undefined,
    // A single path comes from a component chosen at random (a draw from the mixture).
    samplePath: (horizon: number, rng: Rng) => (components[rng.int(k)] as FittedModel).samplePath(horizon, rng),
    // A batch takes path i from component i mod k, i.e. (almost exactly) count/k paths from each component.
    samplePaths: (horizon: number, count: number, rng: Rng) =>
      Array.from({ length: count }, (_, i) => (components[i % k] as FittedModel).samplePath(horizon, rng)),
  };
}
