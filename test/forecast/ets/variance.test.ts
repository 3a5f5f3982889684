import { describe, expect, it } from "vitest";
import { class1Variance, class2Variance, etsPsiWeights } from "../../../src/forecast/ets/forecast.js";
import type { EtsSpec } from "../../../src/forecast/ets/spec.js";

const expectArrayClose = (got: ArrayLike<number>, want: number[], digits = 6) =>
  want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, digits));

describe("forecast/ets/forecast: class-1 forecast variances (Hyndman et al. 2008)", () => {
  it("A,A,N with α = 0.5, β = 0.1, σ² = 1: 1, 1.36, 1.85, 2.49, 3.3 (and the closed form of FPP3 Table 8.8)", () => {
    const spec: EtsSpec = { error: "A", trend: "A", damped: false, season: "N", m: 1 };
    const p = { alpha: 0.5, beta: 0.1, gamma: 0, phi: 1 };
    const v = class1Variance(spec, p, 1, 5);
    expectArrayClose(v, [1, 1.36, 1.85, 2.49, 3.3], 10);
    for (let h = 1; h <= 5; h++) {
      const closed = 1 + (h - 1) * (0.25 + 0.05 * h + (0.01 * h * (2 * h - 1)) / 6);
      expect(v[h - 1]).toBeCloseTo(closed, 12);
    }
  });

  it("A,Ad,N with φ = 0.9 (R): 1, 1.3481, 1.798341, 2.351728, 3.007035, equal to the closed form", () => {
    const spec: EtsSpec = { error: "A", trend: "A", damped: true, season: "N", m: 1 };
    const [a, b, phi] = [0.5, 0.1, 0.9];
    const v = class1Variance(spec, { alpha: a, beta: b, gamma: 0, phi }, 1, 5);
    expectArrayClose(v, [1, 1.3481, 1.798341, 2.351728, 3.007035], 6);
    for (let h = 1; h <= 5; h++) {
      const closed =
        1 +
        a * a * (h - 1) +
        ((b * phi * h) / (1 - phi) ** 2) * (2 * a * (1 - phi) + b * phi) -
        ((b * phi * (1 - phi ** h)) / ((1 - phi) ** 2 * (1 - phi * phi))) *
          (2 * a * (1 - phi * phi) + b * phi * (1 + 2 * phi - phi ** h));
      expect(v[h - 1]).toBeCloseTo(closed, 10);
    }
  });

  it("A,N,A with m = 4, α = 0.3, γ = 0.2: 1, 1.09, …, 2.04, equal to σ²[1 + α²(h−1) + γk(2α + γ)]", () => {
    const spec: EtsSpec = { error: "A", trend: "N", damped: false, season: "A", m: 4 };
    const v = class1Variance(spec, { alpha: 0.3, beta: 0, gamma: 0.2, phi: 1 }, 1, 9);
    expectArrayClose(v, [1, 1.09, 1.18, 1.27, 1.52, 1.61, 1.7, 1.79, 2.04], 10);
    for (let h = 1; h <= 9; h++) {
      const k = Math.floor((h - 1) / 4);
      expect(v[h - 1]).toBeCloseTo(1 + 0.09 * (h - 1) + 0.2 * k * (0.6 + 0.2), 12);
    }
  });

  it("T1 continued: ETS(A,N,N) σ² = 4.3125 gives v = 4.3125, 5.390625, 6.46875", () => {
    const spec: EtsSpec = { error: "A", trend: "N", damped: false, season: "N", m: 1 };
    expectArrayClose(
      class1Variance(spec, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, 4.3125, 3),
      [4.3125, 5.390625, 6.46875],
      10,
    );
  });
});

describe("forecast/ets/forecast: class-2 forecast variances (Hyndman et al. 2008; checked against R)", () => {
  it("ETS(M,N,N), ℓ = 100, α = 0.5, σ² = 0.01", () => {
    const spec: EtsSpec = { error: "M", trend: "N", damped: false, season: "N", m: 1 };
    const p = { alpha: 0.5, beta: 0, gamma: 0, phi: 1 };
    const c = etsPsiWeights(spec, p, 5);
    const v = class2Variance([100, 100, 100, 100, 100], c, 0.01);
    expectArrayClose(v, [100, 125.25, 150.563125, 175.939533, 201.379382], 5);
  });
});
