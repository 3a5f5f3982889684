import { describe, expect, it } from "vitest";
import { argsort, pairPaths } from "../../src/scenarios/copula.js";
import { NormalStream } from "../../src/stats/ziggurat.js";

function spearman(a: Float64Array, b: Float64Array): number {
  const rank = (x: Float64Array) => {
    const r = new Float64Array(x.length);
    argsort(x).forEach((idx, k) => (r[idx] = k));
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = a.length;
  let d2 = 0;
  for (let i = 0; i < n; i++) d2 += (ra[i]! - rb[i]!) ** 2;
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe("price–volume pairing", () => {
  const n = 20_000;
  const rng = new NormalStream(11);
  const volume = Float64Array.from({ length: n }, () => Math.exp(rng.normal()));
  const price = Float64Array.from({ length: n }, () => 2 + 0.3 * rng.normal());

  it("is the identity for ρ = 0", () => {
    const v = pairPaths(volume, price, 0, new NormalStream(1));
    expect(Array.from(v.slice(0, 5))).toEqual([0, 1, 2, 3, 4]);
  });

  it("is a permutation whose rank correlation is (6/π)·asin(ρ/2)", () => {
    for (const rho of [0.7, -0.5]) {
      const v = pairPaths(volume, price, rho, new NormalStream(2));
      expect(new Set(v).size).toBe(n); // every volume path used once: marginals unchanged
      const paired = Float64Array.from(v, (j) => volume[j]!);
      const expected = (6 / Math.PI) * Math.asin(rho / 2); // 0.6829 for 0.7, −0.4826 for −0.5
      // SE of Spearman's ρ_s ≈ (1 − ρ_s²)/√n·… < 1/√n: bound 4/√n.
      expect(Math.abs(spearman(paired, price) - expected)).toBeLessThan(4 / Math.sqrt(n));
    }
  });
});
