import { describe, expect, it } from "vitest";
import {
  autocorrelation,
  fitThetaParameters,
  isSeasonalForTheta,
  seasonalityStatistic,
  thetaAdjustedForecast,
  thetaModel,
  type ThetaFit,
} from "../../src/forecast/theta.js";
import { candidateByName, defaultCandidates } from "../../src/forecast/candidates.js";
import datasets from "./data/r-datasets.json" with { type: "json" };

const Z975 = 1.959963984540054;

describe("forecast/theta: Theta method (docs/METHODOLOGY.md §2; Hyndman & Billah 2003)", () => {
  it("T13 non-seasonal (R thetaf): SES α, drift, forecasts and 95% upper bounds", () => {
    const y = [10, 12, 11, 13, 15, 14, 16, 18, 17, 19];
    const fit = fitThetaParameters(y, 1)!;
    expect(fit.figure).toBeUndefined();
    expect(fit.alpha).toBeCloseTo(0.8810971, 5);
    expect(fit.initialLevel).toBeCloseTo(10.2274086, 4);
    expect(fit.sigma2).toBeCloseTo(3.311518, 4);
    expect(fit.finalLevel).toBeCloseTo(18.7725877, 4);
    expect(fit.slope).toBeCloseTo(0.9636364, 6);
    const model = thetaModel(fit, 1);
    [19.31943, 19.80124, 20.28306].forEach((f, h) => expect(model.pointForecast(3)[h]).toBeCloseTo(f, 4));
    const a = model.analytic(3)!;
    [22.88609, 24.55486, 25.98154].forEach((u, h) => expect(a.quantile(h, 0.975)).toBeCloseTo(u, 4));
  });

  it("T13 deterministic: given α and ℓ0, step 4 reproduces the forecasts (no optimiser)", () => {
    const y = [10, 12, 11, 13, 15, 14, 16, 18, 17, 19];
    const alpha = 0.8810971;
    let level = 10.2274086;
    for (const v of y) level += alpha * (v - level); // SES recursion ℓ_t = ℓ_{t−1} + α(y_t − ℓ_{t−1})
    // slope of y on t = 0..9: Σ(t − 4.5)(y − 14.5)/Σ(t − 4.5)² = 79.5/82.5 = 0.96364
    const fit: ThetaFit = {
      figure: undefined,
      alpha,
      initialLevel: 10.2274086,
      finalLevel: level,
      slope: 79.5 / 82.5,
      sigma2: 1,
      n: 10,
      log: false,
    };
    const f = thetaAdjustedForecast(fit, 3);
    [19.31943, 19.80124, 20.28306].forEach((v, h) => expect(f[h]).toBeCloseTo(v, 4));
  });

  it("T9 quarterly series: r_1..r_4 and statistic 1.3606 < 1.6449 → not seasonal", () => {
    const q = [20, 30, 25, 15, 24, 35, 29, 18, 27, 39, 33, 21];
    [0.07985305, -0.65003867, 0.03712297, 0.53576953].forEach((r, k) =>
      expect(autocorrelation(q, k + 1)).toBeCloseTo(r, 7),
    );
    expect(seasonalityStatistic(q, 4)).toBeCloseTo(1.3606, 4);
    expect(isSeasonalForTheta(q, 4)).toBe(false);
  });

  it("T14 seasonal (R): multiplicative figure, α, drift, σ² and forecasts; product intervals scale with the season", () => {
    const y = [20, 30, 25, 15, 22, 33, 28, 16, 25, 36, 30, 18, 27, 39, 33, 20];
    expect(autocorrelation(y, 4)).toBeCloseTo(0.67654257, 7);
    expect(seasonalityStatistic(y, 4)).toBeCloseTo(1.914118, 5);
    const fit = fitThetaParameters(y, 4)!;
    [0.9308899, 1.3329166, 1.1023172, 0.6338763].forEach((c, j) => expect(fit.figure![j]).toBeCloseTo(c, 6));
    expect(fit.alpha).toBeCloseTo(0.9998999, 6);
    expect(fit.slope / 2).toBeCloseTo(0.3089008, 6);
    expect(fit.sigma2).toBeCloseTo(0.8084954, 5);
    const model = thetaModel(fit, 4);
    const point = model.pointForecast(5);
    [29.65877, 42.87935, 35.80157, 20.78314, 30.80898].forEach((f, h) => expect(point[h]).toBeCloseTo(f, 4));
    // [product] bound = (f_h + z·se_h)·c instead of R's f_h·c + z·se_h (R: 31.42110 at h = 1).
    const se1 = Math.sqrt(fit.sigma2);
    const f1 = point[0]! / fit.figure![0]!;
    expect(model.analytic(5)!.quantile(0, 0.975)).toBeCloseTo((f1 + Z975 * se1) * fit.figure![0]!, 8);
    expect(point[0]! + Z975 * se1).toBeCloseTo(31.4211, 4); // R's additive bound, for reference
  });

  it("reproduces R thetaf on AirPassengers, USAccDeaths and Nile", () => {
    const cases: [keyof typeof datasets.series, number, number, number, number, [number, number]][] = [
      ["AirPassengers", 12, 0.8377521, 1.32307, 115.6926, [440.078, 447.645]],
      ["USAccDeaths", 12, 0.5517026, -5.849634, 68158.56, [8270.694, 8990.776]],
      ["Nile", 1, 0.2456682, -1.357153, 20802.8, [799.812, 784.883]],
    ];
    for (const [name, m, alpha, drift, sigma2, [h1, h12]] of cases) {
      const fit = fitThetaParameters(datasets.series[name].values, m)!;
      expect(fit.alpha).toBeCloseTo(alpha, 5);
      expect(fit.slope / 2).toBeCloseTo(drift, 4);
      expect(fit.sigma2 / sigma2).toBeCloseTo(1, 5);
      const f = thetaModel(fit, m).pointForecast(12);
      expect(f[0]).toBeCloseTo(h1, 2);
      expect(f[11]).toBeCloseTo(h12, 2);
    }
  });

  it("the theta-natural candidate is R's thetaf on a positive series, beside theta on log y; only for positive series", () => {
    const y = Float64Array.from(datasets.series.AirPassengers.values);
    const natural = candidateByName("theta-natural")!.fit(y, { m: 12 });
    const logScale = candidateByName("theta")!.fit(y, { m: 12 });
    if (!("model" in natural) || !("model" in logScale)) throw new Error("theta did not fit");
    // R: thetaf(AirPassengers) gives 440.078 one month ahead and 447.645 twelve months ahead (the case above).
    const f = natural.model.pointForecast(12);
    expect(f[0]).toBeCloseTo(440.078, 2);
    expect(f[11]).toBeCloseTo(447.645, 2);
    expect(natural.model.name).toBe("theta");
    expect(logScale.model.name).toBe("theta (log)");
    const names = (v: ArrayLike<number>) => defaultCandidates(v, 12).map((c) => c.name);
    expect(names(y)).toEqual([
      "seasonal-naive",
      "drift",
      "drift-log",
      "ets",
      "holt-damped",
      "log-ets",
      "theta",
      "theta-natural",
      "combination",
    ]);
    // A zero rules out the log scale: "theta" is then on the original scale itself, and no second one is offered.
    expect(names([0, ...Array.from(y).slice(1)])).not.toContain("theta-natural");
  });

  it("on log y the drift is a growth rate: an exponential series is extrapolated exponentially", () => {
    const y = Array.from({ length: 24 }, (_, t) => 100 * 1.05 ** t);
    const model = thetaModel(fitThetaParameters(y, 12, { log: true })!, 12);
    // SES on log y with α → 1 tracks the last value; the drift term adds half the log slope per step plus the
    // start-up term, so the median grows by ~√1.05 per step and stays near 100·1.05^23 at h = 1.
    const median = model.analytic(3)!.quantile(0, 0.5);
    expect(median / (100 * 1.05 ** 23)).toBeGreaterThan(1);
    expect(median / (100 * 1.05 ** 23)).toBeLessThan(1.06);
  });
});
