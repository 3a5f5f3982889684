import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { simpleRegression, slopeConfidenceInterval } from "../../src/stats/regression.js";
import { correlation } from "../../src/stats/descriptive.js";

const cents = fc.integer({ min: -100_000, max: 100_000 }).map((v) => v / 100);

describe("simple OLS regression", () => {
  // Worked by hand. x = 1..5, y = 2, 4, 5, 4, 5: x̄ = 3, ȳ = 4.
  // Sxx = 4+1+0+1+4 = 10; Sxy = (−2)(−2) + (−1)(0) + 0·1 + 1·0 + 2·1 = 6; Syy = 4+0+1+0+1 = 6.
  // β̂ = 6/10 = 0.6; α̂ = 4 − 0.6·3 = 2.2; fitted 2.8, 3.4, 4.0, 4.6, 5.2;
  // residuals −0.8, 0.6, 1.0, −0.6, −0.2 → SSE = 0.64+0.36+1+0.36+0.04 = 2.4;
  // s² = 2.4/3 = 0.8; SE(β̂) = √(0.8/10); SE(α̂) = √0.8·√(1/5 + 9/10); R² = 1 − 2.4/6 = 0.6;
  // F = (6 − 2.4)/0.8 = 4.5 on (1, 3) df.
  const x = [1, 2, 3, 4, 5];
  const y = [2, 4, 5, 4, 5];
  const fit = simpleRegression(x, y);

  it("coefficients, standard errors and R²", () => {
    expect(fit.slope).toBeCloseTo(0.6, 14);
    expect(fit.intercept).toBeCloseTo(2.2, 14);
    expect(fit.sums.sse).toBeCloseTo(2.4, 14);
    expect(fit.residualStandardError).toBeCloseTo(Math.sqrt(0.8), 14);
    expect(fit.slopeStandardError).toBeCloseTo(Math.sqrt(0.08), 14);
    expect(fit.interceptStandardError).toBeCloseTo(Math.sqrt(0.8 * 1.1), 14);
    expect(fit.rSquared).toBeCloseTo(0.6, 14);
    expect(fit.observations).toBe(5);
    expect(fit.degreesOfFreedom).toBe(3);
  });

  it("F statistic and its p-value, checked with the closed-form t(3) distribution", () => {
    expect(fit.fStatistic).toBeCloseTo(4.5, 12);
    // F(1, 3) = T₃², so p = P(|T₃| > √4.5). For ν = 3 (A&S 26.7.3): P(|T| ≤ t) = (2/π)(θ + sinθ·cosθ),
    // θ = atan(t/√3). Here tanθ = √1.5 and sinθ·cosθ = tanθ/(1 + tan²θ) = √1.5/2.5.
    const expected = 1 - (2 / Math.PI) * (Math.atan(Math.sqrt(1.5)) + Math.sqrt(1.5) / 2.5);
    expect(fit.pValue).toBeCloseTo(expected, 12);
    expect(fit.pValue).toBeCloseTo(0.124, 3); // R: pf(4.5, 1, 3, lower.tail = FALSE) = 0.1240
  });

  it("95% slope interval uses t₀.₉₇₅,₃ = 3.182446", () => {
    const [lo, hi] = slopeConfidenceInterval(fit);
    expect(lo).toBeCloseTo(0.6 - 3.182446305 * Math.sqrt(0.08), 8);
    expect(hi).toBeCloseTo(0.6 + 3.182446305 * Math.sqrt(0.08), 8);
  });

  it("perfect fit: F = ∞, p = 0, R² = 1", () => {
    const perfect = simpleRegression([1, 2, 3, 4], [3, 5, 7, 9]);
    expect(perfect.slope).toBeCloseTo(2, 14);
    expect(perfect.fStatistic).toBe(Number.POSITIVE_INFINITY);
    expect(perfect.pValue).toBe(0);
    expect(perfect.rSquared).toBe(1);
  });

  it("refuses what it cannot fit", () => {
    expect(() => simpleRegression([1, 2], [1, 2])).toThrow(RangeError);
    expect(() => simpleRegression([1, 1, 1], [1, 2, 3])).toThrow(/constant/);
    expect(() => simpleRegression([1, 2, 3], [1, 2])).toThrow(RangeError);
  });

  it("R² equals the squared correlation and β̂·(reverse slope) = R² (property)", () => {
    fc.assert(
      fc.property(
        // Cent-valued data: realistic magnitudes, no subnormals that would make every sum underflow.
        fc.array(fc.tuple(cents, cents), { minLength: 4, maxLength: 30 }),
        (pairs) => {
          const xs = pairs.map((p) => p[0]);
          const ys = pairs.map((p) => p[1]);
          const r = correlation(xs, ys);
          fc.pre(Number.isFinite(r) && new Set(xs).size > 2 && new Set(ys).size > 2);
          const forward = simpleRegression(xs, ys);
          const reverse = simpleRegression(ys, xs);
          expect(forward.rSquared).toBeCloseTo(r * r, 9);
          expect(forward.slope * reverse.slope).toBeCloseTo(r * r, 9);
        },
      ),
    );
  });
});
