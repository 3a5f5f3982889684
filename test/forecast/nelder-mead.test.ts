import { describe, expect, it } from "vitest";
import { nelderMead } from "../../src/forecast/ets/nelder-mead.js";

describe("Nelder–Mead (R nmmin variant)", () => {
  it("minimises a quadratic bowl to the known minimum (1, −2)", () => {
    const r = nelderMead((x) => (x[0]! - 1) ** 2 + 3 * (x[1]! + 2) ** 2, [0, 0], { reltol: 1e-12, maxit: 5000 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(-2, 4);
  });
  it("finds Rosenbrock's minimum (1, 1) from (−1.2, 1)", () => {
    const f = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const r = nelderMead(f, [-1.2, 1], { reltol: 1e-14, maxit: 10000 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });
  it("treats infeasible points (+∞) as very bad and stays feasible", () => {
    const r = nelderMead((x) => (x[0]! < 0 ? Number.POSITIVE_INFINITY : (x[0]! - 0.5) ** 2), [2], { maxit: 500 });
    expect(r.x[0]!).toBeGreaterThanOrEqual(0);
    expect(r.value).toBeLessThan(0.05); // from f(2) = 2.25; R's variant stops early in one dimension
    expect(Number.isFinite(r.value)).toBe(true);
  });
  it("stops at maxit evaluations", () => {
    const r = nelderMead((x) => x.reduce((s, v) => s + v * v, 0), [5, 5, 5, 5], { maxit: 20 });
    expect(r.converged).toBe(false);
    expect(r.evaluations).toBeLessThanOrEqual(25);
  });
});
