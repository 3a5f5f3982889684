import { describe, expect, it } from "vitest";
import { quantityRiskHedgeFromMoments, quantityRiskHedgeFromSample } from "../../src/hedge/quantity-risk.js";
import { createRng } from "../../src/stats/random.js";
import { HedgeError } from "../../src/errors.js";

/**
 * Jointly normal draws of (P, Q, F) with the given means, standard deviations and correlations, by a 3×3
 * Cholesky factor written out (L·Lᵀ = correlation matrix), from the project's seeded generator.
 */
function drawJointNormal(
  n: number,
  seed: number,
  mu: [number, number, number],
  sd: [number, number, number],
  rho: { pq: number; pf: number; qf: number },
): { price: number[]; quantity: number[]; futures: number[] } {
  const l11 = 1;
  const l21 = rho.pq;
  const l22 = Math.sqrt(1 - l21 * l21);
  const l31 = rho.pf;
  const l32 = (rho.qf - l31 * l21) / l22;
  const l33 = Math.sqrt(1 - l31 * l31 - l32 * l32);
  const rng = createRng(seed);
  const price: number[] = [];
  const quantity: number[] = [];
  const futures: number[] = [];
  for (let i = 0; i < n; i++) {
    const z1 = rng.normal();
    const z2 = rng.normal();
    const z3 = rng.normal();
    price.push(mu[0] + sd[0] * l11 * z1);
    quantity.push(mu[1] + sd[1] * (l21 * z1 + l22 * z2));
    futures.push(mu[2] + sd[2] * (l31 * z1 + l32 * z2 + l33 * z3));
  }
  return { price, quantity, futures };
}

/**
 * Heteroscedasticity-robust (White 1980, HC0) standard error of the slope ĥ of y = P·Q on x = F:
 * √(Σ xᵢ² eᵢ²)/Σ xᵢ² with x centred and e the residuals. P·Q given F is not homoscedastic, so the plain OLS
 * standard error would understate the sampling error.
 */
function robustSlopeStandardError(y: number[], x: number[], slope: number): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let meat = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const e = (y[i] as number) - my - slope * dx;
    sxx += dx * dx;
    meat += dx * dx * e * e;
  }
  return Math.sqrt(meat) / sxx;
}

// Token buyer, one delivery month: price USD/Mtok, volume Mtok, futures USD/Mtok.
const mu: [number, number, number] = [2.0, 12_400, 2.1];
const sd: [number, number, number] = [0.4, 2_000, 0.45];

describe("quantity-risk hedge from moments (McKinnon 1967; Rolfo 1980)", () => {
  it("worked by hand: demand that falls when prices rise lowers the hedge", () => {
    // Cov(P, F) = 0.9 × 0.4 × 0.45 = 0.162; Cov(Q, F) = −0.3 × 2,000 × 0.45 = −270; Var(F) = 0.45² = 0.2025.
    // price term 12,400 × 0.162 / 0.2025 = 2,008.8 / 0.2025 = 9,920; quantity term 2.0 × (−270) / 0.2025 = −2,666.67;
    // h* = 1,468.8 / 0.2025 = 7,253.33 Mtok, i.e. 58.5% of expected volume.
    const r = quantityRiskHedgeFromMoments({
      meanPrice: 2.0,
      meanQuantity: 12_400,
      covariancePriceFutures: 0.162,
      covarianceQuantityFutures: -270,
      varianceFutures: 0.2025,
    });
    expect(r.priceTerm).toBeCloseTo(9_920, 8);
    expect(r.quantityTerm).toBeCloseTo(-540 / 0.2025, 8);
    expect(r.thirdMomentTerm).toBe(0);
    expect(r.hedgeQuantity).toBeCloseTo(1_468.8 / 0.2025, 8);
    expect(r.ratioToExpectedQuantity).toBeCloseTo(1_468.8 / 0.2025 / 12_400, 12);
    expect(r.method).toBe("moments");
    expect(r.warnings).toEqual([]);
  });

  it("demand that rises with prices pushes h* above expected volume, with a warning", () => {
    // Cov(Q, F) = 0.6 × 4,000 × 0.45 = 1,080: quantity term 2.0 × 1,080 / 0.2025 = 10,666.67;
    // h* = 9,920 + 10,666.67 = 20,586.67 Mtok = 166% of E[Q].
    const r = quantityRiskHedgeFromMoments({
      meanPrice: 2.0,
      meanQuantity: 12_400,
      covariancePriceFutures: 0.162,
      covarianceQuantityFutures: 1_080,
      varianceFutures: 0.2025,
    });
    expect(r.hedgeQuantity).toBeCloseTo(9_920 + 2_160 / 0.2025, 8);
    expect(r.ratioToExpectedQuantity).toBeGreaterThan(1);
    expect(r.warnings.join(" ")).toMatch(/exceeds E\[Q\]/);
  });

  it("adds a supplied third cross moment", () => {
    const r = quantityRiskHedgeFromMoments({
      meanPrice: 1,
      meanQuantity: 10,
      covariancePriceFutures: 0.5,
      covarianceQuantityFutures: 0,
      varianceFutures: 2,
      thirdCrossMoment: 3,
    });
    expect(r.hedgeQuantity).toBeCloseTo((10 * 0.5 + 3) / 2, 14);
    expect(r.thirdMomentTerm).toBeCloseTo(1.5, 14);
  });

  it("rejects Var(F) ≤ 0", () => {
    expect(() =>
      quantityRiskHedgeFromMoments({
        meanPrice: 1,
        meanQuantity: 1,
        covariancePriceFutures: 0,
        covarianceQuantityFutures: 0,
        varianceFutures: 0,
      }),
    ).toThrow(HedgeError);
  });
});

describe("analytic formula against a seeded Monte Carlo estimate", () => {
  // Bound: 4 robust standard errors of the sample slope. For jointly normal draws E[pqf] = 0, so the sample
  // estimate is unbiased for the analytic h* up to O(1/n), and |error| > 4 SE has probability ≈ 6e−5 for any seed;
  // with fixed seeds the test is deterministic.
  const n = 20_000;
  for (const [seed, rho] of [
    [42, { pq: -0.25, pf: 0.9, qf: -0.3 }],
    [7, { pq: 0.2, pf: 0.8, qf: 0.6 }],
  ] as const) {
    it(`seed ${seed}: ρ(P,F) ${rho.pf}, ρ(Q,F) ${rho.qf}, ρ(P,Q) ${rho.pq}`, () => {
      const draws = drawJointNormal(n, seed, mu, sd, rho);
      const analytic = quantityRiskHedgeFromMoments({
        meanPrice: mu[0],
        meanQuantity: mu[1],
        covariancePriceFutures: rho.pf * sd[0] * sd[2],
        covarianceQuantityFutures: rho.qf * sd[1] * sd[2],
        varianceFutures: sd[2] * sd[2],
      });
      const sample = quantityRiskHedgeFromSample(draws);
      const cost = draws.price.map((p, i) => p * (draws.quantity[i] as number));
      const se = robustSlopeStandardError(cost, draws.futures, sample.hedgeQuantity);
      expect(se).toBeLessThan(0.03 * Math.abs(analytic.hedgeQuantity)); // the check is sharp enough to mean something
      expect(Math.abs(sample.hedgeQuantity - analytic.hedgeQuantity)).toBeLessThan(4 * se);
      expect(sample.observations).toBe(n);
      expect(sample.method).toBe("sample");
    });
  }
});

describe("sample estimator", () => {
  it("its three terms add up exactly to Cov(P·Q, F)/Var(F), even for skewed (lognormal) draws", () => {
    const rng = createRng(2024);
    const price: number[] = [];
    const quantity: number[] = [];
    const futures: number[] = [];
    for (let i = 0; i < 500; i++) {
      const z = rng.normal();
      const w = rng.normal();
      const f = Math.exp(0.3 * z);
      futures.push(f);
      price.push(f * Math.exp(0.1 * w)); // lognormal: E[pqf] ≠ 0
      quantity.push(1000 * Math.exp(0.4 * z + 0.2 * rng.normal()));
    }
    // Direct route: plain sums, Cov(PQ, F) and Var(F) with n − 1.
    const m = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const pq = price.map((p, i) => p * (quantity[i] as number));
    const mf = m(futures);
    const mpq = m(pq);
    let cov = 0;
    let varF = 0;
    for (let i = 0; i < 500; i++) {
      cov += ((pq[i] as number) - mpq) * ((futures[i] as number) - mf);
      varF += ((futures[i] as number) - mf) ** 2;
    }
    const direct = cov / varF; // the (n − 1) divisors cancel
    const r = quantityRiskHedgeFromSample({ price, quantity, futures });
    expect(r.hedgeQuantity).toBeCloseTo(direct, 8);
    expect(Math.abs(r.thirdMomentTerm)).toBeGreaterThan(1); // the normal-theory formula would miss this term
  });

  it("rejects mismatched or too-short samples", () => {
    expect(() => quantityRiskHedgeFromSample({ price: [1, 2, 3], quantity: [1, 2], futures: [1, 2, 3] })).toThrow(
      /differ in length/,
    );
    expect(() => quantityRiskHedgeFromSample({ price: [1, 2], quantity: [1, 2], futures: [1, 2] })).toThrow(HedgeError);
  });
});
