import { describe, expect, it } from "vitest";
import { Rng } from "../../src/stats/random.js";

describe("stats/random: Rng (xoshiro128** + inversion normals)", () => {
  it("gives the same stream for the same seed and a different one for another seed", () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const sa = Array.from({ length: 20 }, () => a.nextUint32());
    const sb = Array.from({ length: 20 }, () => b.nextUint32());
    const sc = Array.from({ length: 20 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    for (const v of sa) expect(Number.isInteger(v) && v >= 0 && v < 2 ** 32).toBe(true);
  });

  it("draws uniforms strictly inside (0, 1) with mean ½ and variance 1/12", () => {
    const rng = new Rng(1);
    const n = 100000;
    let s = 0;
    let s2 = 0;
    let inside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      if (u > 0 && u < 1) inside++;
      s += u;
      s2 += u * u;
    }
    expect(inside).toBe(n);
    const mean = s / n;
    // Standard error of the mean is √(1/12/n) ≈ 0.0009; 5 s.e. bounds.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.003);
  });

  it("draws normals with mean 0, variance 1 and 2.5% beyond ±1.96 (within Monte-Carlo error)", () => {
    const rng = new Rng(42);
    const n = 100000;
    let s = 0;
    let s2 = 0;
    let tails = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z;
      s2 += z * z;
      if (z > 1.959964) tails++;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.016); // 5 s.e. (1/√n ≈ 0.0032)
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.025); // s.e. of the variance √(2/n) ≈ 0.0045
    expect(Math.abs(tails / n - 0.025)).toBeLessThan(0.0025); // s.e. √(0.025·0.975/n) ≈ 0.0005
  });

  it("draws integers in range for resampling", () => {
    const rng = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[rng.int(3)]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });
});
