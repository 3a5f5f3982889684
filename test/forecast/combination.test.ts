import { describe, expect, it } from "vitest";
import { fitDrift, fitNaive } from "../../src/forecast/baselines.js";
import { combineModels } from "../../src/forecast/combination.js";
import { simulatePaths } from "../../src/forecast/distribution.js";

describe("forecast/combination: forecast combination (docs/METHODOLOGY.md §2; Makridakis & Hibon 2000)", () => {
  const y = [10, 12, 11, 14, 15, 17, 16, 19];
  const naive = fitNaive(y); // forecasts 19
  const drift = fitDrift(y); // d = 9/7, forecasts 19 + 9h/7
  const combo = combineModels("combination", [naive, drift]);

  it("point forecast is the equal-weight mean of the component means", () => {
    const f = combo.pointForecast(2);
    expect(f[0]).toBeCloseTo((19 + 19 + 9 / 7) / 2, 12);
    expect(f[1]).toBeCloseTo((19 + 19 + 18 / 7) / 2, 12);
    expect(combo.analytic(2)).toBeUndefined();
  });

  it("knows its mean exactly when every part does: the weighted mean of the parts' means", () => {
    const weighted = combineModels("weighted", [naive, drift], [1, 3]);
    const mean = weighted.exactMean?.(2);
    expect(mean).toBeDefined();
    expect(mean![0]).toBeCloseTo(0.25 * 19 + 0.75 * (19 + 9 / 7), 12);
    expect(mean![1]).toBeCloseTo(0.25 * 19 + 0.75 * (19 + 18 / 7), 12);
    // A part known only through its paths leaves the mixture's mean to the paths.
    const pathsOnly = { ...naive, analytic: () => undefined };
    expect(combineModels("mixed", [pathsOnly, drift]).exactMean).toBeUndefined();
  });

  it("pools an equal share of paths from each component (not pairwise averages)", () => {
    const paths = simulatePaths(combo, 1, 2000, 5);
    const naivePaths = simulatePaths(naive, 1, 2000, 5);
    const values = paths.map((p) => p[0]!);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeCloseTo(combo.pointForecast(1)[0]!, 0);
    // The mixture is at least as spread as its most spread component would be around the combined mean;
    // pairwise averaging would instead shrink the variance by about half.
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    const nv = naivePaths.map((p) => p[0]!);
    const nMean = nv.reduce((a, b) => a + b, 0) / nv.length;
    const naiveVariance = nv.reduce((s, v) => s + (v - nMean) ** 2, 0) / nv.length;
    expect(variance).toBeGreaterThan(0.8 * naiveVariance);
  });
});
