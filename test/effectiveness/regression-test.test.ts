import { describe, expect, it } from "vitest";
import { regressionTest, regressionTestOrNull } from "../../src/effectiveness/regression-test.js";

// Worked example (thousands of USD). Item changes x = −10, −5, 0, 5, 10; hedge changes y = 9, 5, 1, −4, −11.
// x̄ = 0, ȳ = 0. Sxx = 100+25+0+25+100 = 250. Syy = 81+25+1+16+121 = 244.
// Sxy = (−10)(9) + (−5)(5) + 0·1 + 5(−4) + 10(−11) = −90 − 25 + 0 − 20 − 110 = −245.
const item = [-10, -5, 0, 5, 10];
const hedge = [9, 5, 1, -4, -11];

/** P(F(1, 3) > f) in closed form: F(1, 3) = T₃², and P(|T₃| ≤ t) = (2/π)(θ + sinθ cosθ), θ = atan(t/√3). */
function pF13(f: number): number {
  const theta = Math.atan(Math.sqrt(f / 3));
  return 1 - (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta));
}

describe("regression test, worked by hand", () => {
  it("hedge on item (y = hedge): slope −0.98, R² 0.984, F 184.69 → pass", () => {
    // slope = −245/250 = −0.98; intercept = ȳ − slope·x̄ = 0.
    // fitted −0.98x = 9.8, 4.9, 0, −4.9, −9.8; residuals −0.8, 0.1, 1.0, 0.9, −1.2
    // SSE = 0.64 + 0.01 + 1 + 0.81 + 1.44 = 3.9; R² = 1 − 3.9/244 = 0.984016…
    // s² = 3.9/3 = 1.3; F = (244 − 3.9)/1.3 = 240.1/1.3 = 184.6923…
    const r = regressionTest({ hedge, item }, "hedge-on-item");
    expect(r.direction).toBe("hedge-on-item");
    expect(r.dependent).toBe("hedge");
    expect(r.slope).toBeCloseTo(-0.98, 14);
    expect(r.intercept).toBeCloseTo(0, 14);
    expect(r.rSquared).toBeCloseTo(1 - 3.9 / 244, 12);
    expect(r.fStatistic).toBeCloseTo(240.1 / 1.3, 10);
    expect(r.pValue).toBeCloseTo(pF13(240.1 / 1.3), 12);
    expect(r.pValue).toBeLessThan(0.001);
    expect(r.observations).toBe(5);
    expect(r.pass).toBe(true);
  });

  it("item on hedge (y = item): slope −245/244, same R² and F", () => {
    const r = regressionTest({ hedge, item }, "item-on-hedge");
    expect(r.dependent).toBe("item");
    expect(r.slope).toBeCloseTo(-245 / 244, 14);
    expect(r.rSquared).toBeCloseTo(1 - 3.9 / 244, 12);
    expect(r.fStatistic).toBeCloseTo(240.1 / 1.3, 9);
    expect(r.pass).toBe(true);
  });

  it("a half-size hedge fails on the slope although the fit is perfect (F reported as null)", () => {
    // y = −0.5x exactly: slope −0.5 is outside [−1.25, −0.80]; SSE = 0 so F = ∞ → null in JSON-safe output, p = 0.
    const r = regressionTest({ hedge: item.map((x) => -0.5 * x), item });
    expect(r.slope).toBeCloseTo(-0.5, 14);
    expect(r.rSquared).toBeCloseTo(1, 14);
    expect(r.fStatistic).toBeNull();
    expect(r.pValue).toBe(0);
    expect(r.pass).toBe(false);
  });

  it("fails on R² and significance for a noisy relationship", () => {
    // x = −10, −5, 0, 5, 10; y = 2, −8, 6, −1, −9: Sxy = −20 + 40 + 0 − 5 − 90 = −75, slope −0.3.
    const r = regressionTest({ hedge: [2, -8, 6, -1, -9], item });
    expect(r.slope).toBeCloseTo(-0.3, 14);
    expect(r.rSquared).toBeLessThan(0.8);
    expect(r.pValue).toBeGreaterThan(0.05);
    expect(r.pass).toBe(false);
  });

  it("fails on significance alone: three periods, slope −1, R² 0.89, but p = 0.21", () => {
    // x = −1, 0, 1 (item, thousands); y = −x + 0.2·(1, −2, 1) = 1.2, −0.4, −0.8 (the added part is orthogonal to x).
    // Sxx = 2, Sxy = −2 → slope −1; SSE = 0.2²·6 = 0.24; Syy = 2 + 0.24 → R² = 2/2.24 = 0.8929 ≥ 0.80.
    // F = 2/(0.24/1) = 8.333 on (1, 1) df; F(1, 1) = T₁² (Cauchy): p = 1 − (2/π)·atan(√8.333) = 0.2123 ≥ 0.05.
    const r = regressionTest({ hedge: [1_200, -400, -800], item: [-1_000, 0, 1_000] });
    expect(r.slope).toBeCloseTo(-1, 14);
    expect(r.rSquared).toBeCloseTo(2 / 2.24, 12);
    expect(r.fStatistic).toBeCloseTo(2 / 0.24, 10);
    expect(r.pValue).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(Math.sqrt(2 / 0.24)), 12);
    expect(r.pass).toBe(false);
  });

  it("returns null with a reason when it cannot run", () => {
    expect(regressionTestOrNull({ hedge: [1, 2], item: [-1, -2] }).reason).toMatch(/at least 3 periods/);
    expect(regressionTestOrNull({ hedge: [1, 1, 1], item: [-1, -2, -3] }).reason).toMatch(
      /hedge's value never changed/,
    );
    expect(regressionTestOrNull({ hedge: [1, 2, 3], item: [0, 0, 0] }).reason).toMatch(/item's value never changed/);
    expect(regressionTestOrNull({ hedge, item }).result?.pass).toBe(true);
  });
});
