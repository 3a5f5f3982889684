/**
 * The evidence-led choice and what it reports: growth reading (growth.ts), the selection rule (evidence.ts),
 * mixture PITs and rescaled spreads (calibration.ts), weighted mixtures (combination.ts), per-path streams
 * (random.ts) and the drivers paragraph (drivers.ts).
 */
import { describe, expect, it } from "vitest";
import { fitDrift, fitDriftLog, fitNaive } from "../../src/forecast/baselines.js";
import { mixturePits, withSpread } from "../../src/forecast/calibration.js";
import { combineModels } from "../../src/forecast/combination.js";
import { pathStratum, simulatePaths } from "../../src/forecast/distribution.js";
import { forecastDrivers } from "../../src/forecast/drivers.js";
import { chooseByEvidence, isDecelerating } from "../../src/forecast/evidence.js";
import { impliedGrowth, longRunGrowth, recentGrowth, seasonalFigure } from "../../src/forecast/growth.js";
import type { FittedModel } from "../../src/forecast/model.js";
import { Rng } from "../../src/stats/random.js";

/** A model whose point forecast is given (for the rule, only pointForecast matters). */
function fixed(name: string, f: (h: number) => number): FittedModel {
  return {
    ...fitNaive([1, 2]),
    name,
    pointForecast: (horizon) => Float64Array.from({ length: horizon }, (_, i) => f(i + 1)),
  };
}

describe("growth on the seasonally adjusted scale", () => {
  it("reads an exact exponential's growth from history and from a forecast continuing it", () => {
    // y_t = 100·1.05^t: log y is a straight line with slope log 1.05, so growth 5% and standard error 0.
    const y = Float64Array.from({ length: 20 }, (_, t) => 100 * 1.05 ** t);
    const s = seasonalFigure(y, 12);
    expect(s.figure).toBeUndefined();
    expect(recentGrowth(y, s)!.growth).toBeCloseTo(0.05, 12);
    expect(recentGrowth(y, s)!.se).toBeCloseTo(0, 12);
    expect(longRunGrowth(y, s)!.growth).toBeCloseTo(0.05, 12);
    // The centred moving average of an exponential grows at the same rate: CMA(t)/CMA(t−1) = 1.05 at every step.
    const means = Float64Array.from({ length: 30 }, (_, h) => 100 * 1.05 ** (20 + h));
    expect(impliedGrowth(y, means, 1, 12)).toBeCloseTo(0.05, 12);
    expect(impliedGrowth(y, means, 24, 12)).toBeCloseTo(0.05, 12);
    // Means that stop growing after step 1: at step 24 the trend is flat.
    const flat = Float64Array.from({ length: 30 }, () => 100 * 1.05 ** 20);
    expect(impliedGrowth(y, flat, 24, 12)).toBeCloseTo(0, 12);
  });

  it("calls a series decelerating only when recent growth is below long-run growth by more than two standard errors", () => {
    // log gap log(1.10) − log(1.04) = 0.0561; with se 0.01 that is 5.6 standard errors, with se 0.05 only 1.1.
    expect(isDecelerating({ growth: 0.04, se: 0.01 }, 0.1)).toBe(true);
    expect(isDecelerating({ growth: 0.04, se: 0.05 }, 0.1)).toBe(false);
    // A declining series (long-run growth ≤ 0) is never "decelerating growth".
    expect(isDecelerating({ growth: -0.05, se: 0.001 }, -0.01)).toBe(false);
  });
});

describe("the evidence rule", () => {
  // History: 6% a month for 13 months, then 2% a month for 7 months (exact, so the recent slope has se 0).
  const y = Float64Array.from({ length: 20 }, (_, t) => 100 * 1.06 ** Math.min(t, 13) * 1.02 ** Math.max(0, t - 13));
  const season = seasonalFigure(y, 12);
  const last = y[19]!;

  it("combines the candidates within twice the best MASE, weighted by 1/MASE, and leaves out runaway growth", () => {
    const fits = [
      { name: "runaway", error: 0.5, model: fixed("runaway", (h) => last * 1.06 ** h) }, // best score, 6% growth
      { name: "steady", error: 1.0, model: fixed("steady", (h) => last * 1.02 ** h) },
      { name: "flat", error: 1.5, model: fixed("flat", () => last) },
      { name: "poor", error: 2.5, model: fixed("poor", () => last) },
    ];
    const choice = chooseByEvidence(y, season, fits)!;
    // Recent growth 2% < long-run: the guard's ceiling is halfway between 2% and the long-run rate, so "runaway"
    // (6% at 12 months) is left out. Best remaining MASE 1.0: "steady" and "flat" (1.5 ≤ 2.0) stay, "poor" (2.5)
    // does not. Weights 1/1 : 1/1.5 = 0.6 : 0.4.
    expect(choice.recent).toBeCloseTo(0.02, 12);
    expect(choice.guarded.map((g) => g.name)).toEqual(["runaway"]);
    expect(choice.guarded[0]!.growth).toBeCloseTo(0.06, 12);
    expect(choice.weights.map((w) => [w.name, w.weight])).toEqual([
      ["steady", expect.closeTo(0.6, 12)],
      ["flat", expect.closeTo(0.4, 12)],
    ]);
  });

  it("keeps the slowest-growing candidate when every candidate runs away", () => {
    const fits = [
      { name: "fast", error: 0.5, model: fixed("fast", (h) => last * 1.06 ** h) },
      { name: "faster", error: 0.6, model: fixed("faster", (h) => last * 1.07 ** h) },
    ];
    const choice = chooseByEvidence(y, season, fits)!;
    expect(choice.weights.map((w) => w.name)).toEqual(["fast"]);
    expect(choice.guarded.map((g) => g.name)).toEqual(["faster"]);
  });
});

describe("calibration from PITs", () => {
  it("takes a mixture's PIT as the weighted sum of its components' PITs, over the points both were scored on", () => {
    const pits = new Map([
      [
        "a",
        new Map([
          ["12:1", 0.2],
          ["12:2", 0.9],
          ["13:1", 0.5],
        ]),
      ],
      [
        "b",
        new Map([
          ["12:1", 0.6],
          ["12:2", 0.3],
        ]),
      ],
    ]);
    // 0.25·0.2 + 0.75·0.6 = 0.5; 0.25·0.9 + 0.75·0.3 = 0.45; "13:1" is missing for b.
    expect(mixturePits(pits, { a: 0.25, b: 0.75 })).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.45, 12)]);
  });

  it("scales the spread on the log scale around the point forecast", () => {
    const model = fixed("m", () => 100);
    const scaled = withSpread({ ...model, samplePath: (h) => new Float64Array(h).fill(400) }, 0.5, true);
    // 100·(400/100)^0.5 = 200; additive: 100 + 0.5·(400 − 100) = 250.
    expect(scaled.samplePath(2, new Rng(1))[1]).toBeCloseTo(200, 9);
    const additive = withSpread({ ...model, samplePath: (h) => new Float64Array(h).fill(400) }, 0.5, false);
    expect(additive.samplePath(2, new Rng(1))[1]).toBeCloseTo(250, 9);
    // One factor per step: 0.5 at step 1, 2 at step 2: 100·4^0.5 = 200, 100·4^2 = 1600.
    const bySteps = withSpread(
      { ...model, samplePath: (h) => new Float64Array(h).fill(400) },
      (h) => [0.5, 2][h]!,
      true,
    );
    expect(Array.from(bySteps.samplePath(2, new Rng(1)))).toEqual([expect.closeTo(200, 9), expect.closeTo(1600, 9)]);
  });

  it("on the natural scale keeps the mean: 100 + 0.5·(mean − 100), the mean when it is the point forecast", () => {
    const drift = fitDrift([10, 12, 11, 14, 15, 17, 16, 19]); // normal, mean 19 + 9h/7
    const narrowed = withSpread(drift, 0.5, false);
    const a = narrowed.analytic(3)!;
    expect(Array.from(a.mean)).toEqual(Array.from(drift.analytic(3)!.mean));
    // Quantiles move halfway to the mean: P90 = mean + 0.5·(P90 − mean).
    const p90 = drift.analytic(3)!.quantile(2, 0.9);
    expect(a.quantile(2, 0.9)).toBeCloseTo(a.mean[2]! + 0.5 * (p90 - a.mean[2]!), 9);
    // A mixture that knows its mean exactly keeps it too.
    const mix = withSpread(combineModels("w", [drift, fitNaive([1, 2, 3])]), 0.5, false);
    expect(mix.exactMean!(2)[0]).toBeCloseTo(0.5 * (19 + 9 / 7) + 0.5 * 3, 9);
    expect(withSpread(combineModels("w", [drift, fitNaive([1, 2, 3])]), 0.5, true).exactMean).toBeUndefined();
  });
});

describe("weighted mixtures and per-path streams", () => {
  const y = [10, 12, 11, 14, 15, 17, 16, 19];
  const naive = fitNaive(y); // 19
  const drift = fitDrift(y); // 19 + 9h/7

  it("has the weighted mean of the components as its point forecast", () => {
    const combo = combineModels("w", [naive, drift], [1, 3]);
    // 0.25·19 + 0.75·(19 + 9/7) = 19 + 27/28.
    expect(combo.pointForecast(1)[0]).toBeCloseTo(19 + 27 / 28, 12);
    expect(combo.weights).toEqual([0.25, 0.75]);
  });

  it("flattens a combination inside a combination into one mixture", () => {
    const inner = combineModels("inner", [naive, drift]);
    const outer = combineModels("outer", [inner, fitDriftLog(y)], [0.5, 0.5]);
    expect(outer.components).toHaveLength(3);
    expect(outer.weights).toEqual([0.25, 0.25, 0.5]);
  });

  it("gives each component its share of the paths for any number of paths", () => {
    // Strata frac((i+1)·0.618…) are spread evenly: of the first 1000 paths, 250 ± 3 fall below 0.25.
    const strata = Array.from({ length: 1000 }, (_, i) => pathStratum(i));
    const below = strata.filter((u) => u < 0.25).length;
    expect(Math.abs(below - 250)).toBeLessThanOrEqual(3);
  });

  it("draws path i from its own stream: stream 0 is the plain generator, and paths do not depend on the count", () => {
    expect(new Rng(7, 0).nextUint32()).toBe(new Rng(7).nextUint32());
    expect(new Rng(7, 1).nextUint32()).not.toBe(new Rng(7, 2).nextUint32());
    const few = simulatePaths(drift, 4, 10, 3);
    const many = simulatePaths(drift, 6, 100, 3);
    few.forEach((p, i) => expect(Array.from(p)).toEqual(Array.from(many[i]!.subarray(0, 4))));
  });
});

describe("the drivers paragraph", () => {
  it("states trend now and at the horizon end, seasonality, findings and why, and warns on runaway growth", () => {
    const y = Float64Array.from({ length: 20 }, (_, t) => 100 * 1.02 ** t);
    const model = fixed("drift-log", (h) => y[19]! * 1.05 ** h);
    const d = forecastDrivers({
      y,
      granularity: "month",
      start: "2025-01",
      m: 12,
      model,
      horizon: 12,
      findings: [{ kind: "outage", start: "2025-03", end: "2025-03", count: 1, action: "flagged", message: "x" }],
      rule: "the lowest rolling-origin MASE",
      weights: { "drift-log": 1 },
      candidates: [
        { model: "drift-log", mase: 0.5, chosen: true },
        { model: "theta", mase: 0.7, chosen: false },
      ],
    });
    // History grows 2% a month; the forecast 5% a month from the first step (the CMA at step 1 averages six
    // months of history and six of forecast, so "now" lies between the two rates) to the end.
    expect(d.growth.lastSixPeriods).toBeCloseTo(0.02, 12);
    expect(d.growth.horizonEnd).toBeCloseTo(0.05, 12);
    expect(d.growth.now!).toBeGreaterThan(0.02);
    expect(d.growth.now!).toBeLessThan(0.05);
    // 20 months 2025-01 … 2026-08; 12 months on: 2027-08.
    expect(d.sentence).toContain("+5.0% a month at the horizon end (2027-08)");
    expect(d.sentence).toContain("Seasonality: no seasonal pattern detected");
    expect(d.sentence).toContain("Outages: 2025-03");
    expect(d.sentence).toContain("Level shifts: no level shifts found");
    expect(d.why).toBe("drift-log (MASE 0.50): the lowest rolling-origin MASE; best of the rest theta (MASE 0.70)");
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toContain("faster than the last 6 months' +2.0% a month");
  });
});
