import { describe, expect, it } from "vitest";
import { fitDrift, fitNaive, fitSeasonalNaive } from "../../src/forecast/baselines.js";

const Z90 = 1.2815515655446004; // upper bound of an 80% interval
const Z975 = 1.959963984540054; // upper bound of a 95% interval

describe("forecast/baselines: naive (R forecast::naive)", () => {
  const model = fitNaive([5, 7, 6, 9, 8]);
  it("forecasts the last value", () => {
    expect(Array.from(model.pointForecast(3))).toEqual([8, 8, 8]);
  });
  it("80% upper bounds use σ̂² = (4 + 1 + 9 + 1)/4 = 3.75 and se_h = σ̂√h", () => {
    const a = model.analytic(3)!;
    const want = [10.48171, 11.50967, 12.29845];
    want.forEach((u, h) => expect(a.quantile(h, 0.9)).toBeCloseTo(u, 4));
    expect(a.quantile(0, 0.9)).toBeCloseTo(8 + Z90 * Math.sqrt(3.75), 12);
  });
});

describe("drift (T11, R rwf(drift = TRUE))", () => {
  it("y = [1, 3, 4, 7, 9]: d = 2, forecasts 11, 13, 15 and the 95% upper bounds of R", () => {
    const model = fitDrift([1, 3, 4, 7, 9]);
    expect(Array.from(model.pointForecast(3))).toEqual([11, 13, 15]);
    const a = model.analytic(3)!;
    [12.78919, 15.77181, 18.66676].forEach((u, h) => expect(a.quantile(h, 0.975)).toBeCloseTo(u, 4));
    // se_1 = √((2/3)(1 + 1/4))
    expect(a.quantile(0, 0.975)).toBeCloseTo(11 + Z975 * Math.sqrt((2 / 3) * 1.25), 12);
  });
  it("forecasts a straight line exactly with zero-width intervals", () => {
    const model = fitDrift([5, 8, 11, 14, 17]); // y_t = 2 + 3t
    expect(Array.from(model.pointForecast(3))).toEqual([20, 23, 26]);
    const a = model.analytic(3)!;
    expect(a.quantile(2, 0.025)).toBe(26);
    expect(a.quantile(2, 0.975)).toBe(26);
  });
});

describe("seasonal naive (T12, R snaive)", () => {
  const model = fitSeasonalNaive([10, 20, 30, 40, 12, 22, 32, 42], 4);
  it("repeats the last season", () => {
    expect(Array.from(model.pointForecast(6))).toEqual([12, 22, 32, 42, 12, 22]);
  });
  it("σ̂² = 4 and se_h = σ̂√(k+1): 95% upper 15.91993 at h = 1, half-width 3.91993 (h ≤ 4) and 5.54362 (h = 5, 6)", () => {
    // R's naive() on this series gives upper bounds 15.91993 and 17.54362 around the first forecast value 12; for
    // the other steps the same half-widths apply around 22, 32, 42.
    const a = model.analytic(6)!;
    const point = model.pointForecast(6);
    expect(a.quantile(0, 0.975)).toBeCloseTo(15.91993, 4);
    for (let h = 0; h < 4; h++) expect(a.quantile(h, 0.975) - point[h]!).toBeCloseTo(3.91993, 4);
    for (let h = 4; h < 6; h++) expect(a.quantile(h, 0.975) - point[h]!).toBeCloseTo(5.54362, 4);
    expect(a.quantile(5, 0.975)).toBeCloseTo(22 + Z975 * 2 * Math.SQRT2, 10);
  });
});
