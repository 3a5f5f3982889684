import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile as acklam, normalQuantileAS241 as normalQuantile } from "../../src/stats/normal.js";

// Reference values: standard normal tables (e.g. Abramowitz & Stegun Table 26.5) to 15+ digits.
describe("stats/normal: normalQuantileAS241 (Wichura AS 241)", () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.9, 1.2815515655446004],
    [0.5, 0],
    [0.3, -0.5244005127080409],
    [1e-10, -6.361340902404056],
  ])("Φ⁻¹(%d) = %d", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 13);
  });
  it("is ±∞ at 0 and 1 and NaN outside", () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe("stats/normal: normalCdf", () => {
  it.each([
    [0, 0.5],
    [1.959963984540054, 0.975],
    [-1.6448536269514722, 0.05],
    [3.5, 0.9997673709209645],
    [-4, 3.1671241833119863e-5],
  ])("Φ(%d) = %d", (x, p) => {
    expect(normalCdf(x)).toBeCloseTo(p, 12);
  });
  it("inverts the quantile function", () => {
    for (const p of [0.001, 0.02, 0.2, 0.5, 0.8, 0.98, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
  });
});

describe("stats/normal: the two Φ⁻¹ variants", () => {
  it("Acklam + Halley and AS 241 agree to 1e−14 on a grid of p", () => {
    for (let k = 1; k < 1000; k++) {
      const p = k / 1000;
      expect(Math.abs(acklam(p) - normalQuantile(p))).toBeLessThan(1e-14);
    }
  });
});
