import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  correlation,
  differences,
  mean,
  sampleCovariance,
  sampleStandardDeviation,
  sampleVariance,
  sum,
} from "../../src/stats/descriptive.js";

describe("descriptive statistics (n − 1 convention)", () => {
  // Hand example: x = 2, 4, 4, 4, 5, 5, 7, 9 → mean 5, Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32.
  const x = [2, 4, 4, 4, 5, 5, 7, 9];

  it("mean and sample variance with divisor n − 1", () => {
    expect(mean(x)).toBe(5);
    expect(sampleVariance(x)).toBeCloseTo(32 / 7, 14); // not 32/8 = 4 (the population variance)
    expect(sampleStandardDeviation(x)).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it("covariance and correlation by hand", () => {
    // y = 1, 2, 3: x = 1, 2, 4 → x̄ = 7/3, ȳ = 2; Σ(x − x̄)(y − ȳ) = (−4/3)(−1) + (−1/3)(0) + (5/3)(1) = 3
    // Σ(x − x̄)² = 16/9 + 1/9 + 25/9 = 42/9; Σ(y − ȳ)² = 2 → cov = 3/2, r = 3/√(42/9 · 2) = 3/√(28/3)
    const a = [1, 2, 4];
    const b = [1, 2, 3];
    expect(sampleCovariance(a, b)).toBeCloseTo(1.5, 14);
    expect(correlation(a, b)).toBeCloseTo(3 / Math.sqrt(28 / 3), 14);
  });

  it("NaN where the statistic is undefined", () => {
    expect(mean([])).toBeNaN();
    expect(sampleVariance([1])).toBeNaN();
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(() => sampleCovariance([1, 2], [1])).toThrow(RangeError);
  });

  it("differences turn levels into changes", () => {
    expect(differences([1.5, 2, 1.75])).toEqual([0.5, -0.25]);
    expect(differences([3])).toEqual([]);
  });

  it("compensated sum keeps small terms next to large ones", () => {
    // Naive left-to-right addition returns 0 here; the exact answer is 2.
    expect(sum([1e16, 1, 1, -1e16])).toBe(2);
    expect(sum([0.1, 0.2, 0.3, -0.6])).toBeCloseTo(0, 16);
  });

  it("variance is shift-invariant and scales with k² (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (xs, shift, k) => {
          // Rounding of the shifted / scaled inputs themselves perturbs the variance by about ε·(x̄² + s²);
          // 1e−9 of that scale is far above rounding and far below any real error.
          const v = sampleVariance(xs);
          const scale = 1 + v + mean(xs) ** 2 + shift ** 2;
          expect(Math.abs(sampleVariance(xs.map((z) => z + shift)) - v)).toBeLessThan(1e-9 * scale);
          expect(Math.abs(sampleVariance(xs.map((z) => z * k)) - k * k * v)).toBeLessThan(1e-9 * k * k * scale);
        },
      ),
    );
  });
});
