import { describe, expect, it } from "vitest";
import { factorVariance, futuresCoefficients, timeGrid, transition } from "../../src/scenarios/price-model.js";
import { estimateGbmVol, estimateOu, ouFromAr1 } from "../../src/scenarios/estimate.js";

describe("price model", () => {
  it("factor variance: GBM σ²t, OU σ²(1 − e^{−2κt})/(2κ)", () => {
    expect(factorVariance({ kind: "gbm", vol: 0.5 }, 2)).toBe(0.5); // 0.25 × 2
    // κ = 1, σ = 1, t = 1: (1 − e^{−2})/2 = 0.43233235838…
    expect(factorVariance({ kind: "ou", vol: 1, meanReversion: 1 }, 1)).toBeCloseTo(0.4323323583816936, 14);
    // Composition: one OU step of 2 equals two steps of 1: V(2) = φ²·V(1) + V(1) with φ = e^{−1}.
    const ou = { kind: "ou" as const, vol: 0.7, meanReversion: 1.3 };
    const { phi } = transition(ou, 1);
    expect(factorVariance(ou, 2)).toBeCloseTo(phi * phi * factorVariance(ou, 1) + factorVariance(ou, 1), 14);
  });

  it("GBM futures prices move by e^{X − ½σ²t} for every month", () => {
    const { c, d } = futuresCoefficients({ kind: "gbm", vol: 0.4 }, 0.25, 0.75);
    expect(c).toBe(1);
    expect(d).toBeCloseTo(-0.5 * 0.16 * 0.25, 14);
  });

  it("time grid from the as-of date to each delivery month's last day (ACT/365)", () => {
    const g = timeGrid("2026-11-01", ["2026-12", "2027-01"]);
    expect(g.dates).toEqual(["2026-11-30", "2026-12-31", "2027-01-31"]);
    expect(Array.from(g.times)).toEqual([29 / 365, 60 / 365, 91 / 365]);
    expect(Array.from(g.settleIndex)).toEqual([1, 2]);
  });
});

describe("parameter estimates", () => {
  it("GBM volatility from monthly log returns", () => {
    // ln returns 0.1, 0.2, −0.1: mean 1/15, squared deviations sum 0.0466667, /2 → 0.0233333; sd 0.152753;
    // × √12 = 0.529150.
    const prices = [1, Math.exp(0.1), Math.exp(0.3), Math.exp(0.2)];
    const e = estimateGbmVol(prices);
    expect(e.vol).toBeCloseTo(0.52915, 5);
    expect(e.observations).toBe(3);
  });

  it("OU from an AR(1): κ = −12·ln β, σ = s_e·√(2κ/(1 − β²))", () => {
    // β = e^{−0.1} (κ = 1.2 a year), s_e = 0.1: σ = 0.1·√(2.4/(1 − e^{−0.2})) = 0.1·√(2.4/0.1812692) = 0.3638674.
    const { meanReversion, vol } = ouFromAr1(Math.exp(-0.1), 0.1);
    expect(meanReversion).toBeCloseTo(1.2, 12);
    expect(vol).toBeCloseTo(0.3638674, 6);
  });

  it("finds no mean reversion in a trending series", () => {
    // Log prices rising faster and faster: the AR(1) slope is above 1.
    expect(estimateOu([1, 1.1, 1.3, 1.7, 2.5, 4.1])).toBeNull();
  });
});
