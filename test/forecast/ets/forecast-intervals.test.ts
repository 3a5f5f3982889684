import { describe, expect, it } from "vitest";
import { forecastsFromPaths, modelForecasts, simulatePaths } from "../../../src/forecast/distribution.js";
import { fitEts } from "../../../src/forecast/ets/fit.js";
import { etsModel, logEtsModel } from "../../../src/forecast/ets/model.js";
import datasets from "../data/r-datasets.json" with { type: "json" };

const { AirPassengers, USAccDeaths } = datasets.series;

describe("forecast/ets/forecast: ETS forecast distributions against R forecast::ets (Hyndman et al. 2008)", () => {
  it("USAccDeaths ETS(A,N,A): analytic class-1 intervals at h = 1, 6, 12", () => {
    const model = etsModel(fitEts(USAccDeaths.values, { error: "A", trend: "N", damped: false, season: "A", m: 12 })!);
    const a = model.analytic(12)!;
    const want: [number, number, number, number, number, number][] = [
      [1, 8397.497, 8022.399, 8772.595, 7823.834, 8971.16],
      [6, 9893.065, 9269.038, 10517.092, 8938.698, 10847.43],
    ];
    for (const [h, mean, lo80, hi80, lo95, hi95] of want) {
      expect(a.mean[h - 1]).toBeCloseTo(mean, 1);
      expect(a.quantile(h - 1, 0.1)).toBeCloseTo(lo80, 1);
      expect(a.quantile(h - 1, 0.9)).toBeCloseTo(hi80, 1);
      expect(a.quantile(h - 1, 0.025)).toBeCloseTo(lo95, 1);
      expect(a.quantile(h - 1, 0.975)).toBeCloseTo(hi95, 1);
    }
    // h = 12: R prints [8255.912, 9915.072] because its class1() adds the seasonal term γ(2α + γ) one step early
    // (at h = m; R gives 1, 1.09, 1.18, 1.43 for T7's A,N,A where FPP3 Table 8.8 gives 1, 1.09, 1.18, 1.27). We follow
    // the closed form v_h = σ²[1 + α²(h − 1) + γk(2α + γ)], k = ⌊(h − 1)/m⌋ = 0 at h = 12.
    const { alpha } = model.fit.params;
    const sd12 = Math.sqrt(model.fit.sigma2 * (1 + alpha * alpha * 11));
    expect(a.mean[11]).toBeCloseTo(9085.492, 1);
    expect(a.quantile(11, 0.9)).toBeCloseTo(9085.492 + 1.2815515655446004 * sd12, 1);
    expect(a.quantile(11, 0.9)).toBeLessThan(9915.072); // R's bound is 0.2 wider
  });

  it("AirPassengers ETS(M,Ad,M): simulated 80% bounds within ~1% of R's class-3 analytic bounds", () => {
    const model = etsModel(fitEts(AirPassengers.values, { error: "M", trend: "A", damped: true, season: "M", m: 12 })!);
    expect(model.analytic(12)).toBeUndefined(); // not class 1: simulated
    const points = forecastsFromPaths(
      Array.from({ length: 12 }, (_, h) => String(h + 1)),
      simulatePaths(model, 12, 5000, 42),
    );
    const want: [number, number, number, number][] = [
      [1, 441.802, 419.626, 463.978],
      [6, 551.024, 496.337, 605.712],
      [12, 451.969, 386.775, 517.164],
    ];
    for (const [h, mean, lo80, hi80] of want) {
      const p = points[h - 1]!;
      expect(Math.abs(p.mean / mean - 1)).toBeLessThan(0.01);
      expect(Math.abs(p.lo80 / lo80 - 1)).toBeLessThan(0.012);
      expect(Math.abs(p.hi80 / hi80 - 1)).toBeLessThan(0.012);
    }
  });

  it("USAccDeaths ETS(M,N,M): the reported mean is the exact mean ℓ_n·s_{n+h−12}; the paths give only the quantiles", () => {
    const model = etsModel(fitEts(USAccDeaths.values, { error: "M", trend: "N", damped: false, season: "M", m: 12 })!);
    expect(model.analytic(12)).toBeUndefined();
    const periods = Array.from({ length: 12 }, (_, h) => String(h + 1));
    const points = modelForecasts(model, periods, 42, 5000);
    const paths = simulatePaths(model, 12, 5000, 42);
    // Final state (ℓ_n, s_n, s_{n−1}, …, s_{n−11}): step h uses the seasonal state of the same month a year before.
    const state = model.fit.state;
    for (let h = 1; h <= 12; h++) {
      const exact = state[0]! * state[1 + 12 - h]!;
      expect(points[h - 1]!.mean).toBeCloseTo(exact, 6);
      const pathMean = paths.reduce((s, p) => s + p[h - 1]!, 0) / paths.length;
      expect(Math.abs(pathMean / exact - 1)).toBeLessThan(0.005); // Monte Carlo error only
    }
    // The quantiles still come from the same seeded paths.
    const fromPaths = forecastsFromPaths(periods, paths);
    expect(points[5]!.lo80).toBe(fromPaths[5]!.lo80);
    expect(points[5]!.hi95).toBe(fromPaths[5]!.hi95);
  });

  it("log AirPassengers ETS(A,A,A): back-transformed medians and exponentiated bounds", () => {
    const fit = fitEts(AirPassengers.values.map(Math.log), {
      error: "A",
      trend: "A",
      damped: false,
      season: "A",
      m: 12,
    })!;
    const a = logEtsModel(fit).analytic(12)!;
    expect(a.quantile(0, 0.5)).toBeCloseTo(450.039, 1);
    expect(a.quantile(0, 0.1)).toBeCloseTo(428.507, 1);
    expect(a.quantile(0, 0.9)).toBeCloseTo(472.654, 1);
    expect(a.quantile(11, 0.5)).toBeCloseTo(494.086, 1);
    expect(a.quantile(11, 0.1)).toBeCloseTo(435.456, 1);
    expect(a.quantile(11, 0.9)).toBeCloseTo(560.61, 1);
    expect(a.mean[0]).toBeGreaterThan(450.039); // the lognormal mean exceeds the median
  });
});
