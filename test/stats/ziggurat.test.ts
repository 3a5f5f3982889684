import { describe, expect, it } from "vitest";
import { NormalStream } from "../../src/stats/ziggurat.js";
import { normalCdf } from "../../src/stats/normal.js";

describe("stats/ziggurat: NormalStream (ziggurat normals)", () => {
  const n = 400_000;
  const xs = new Float64Array(n);
  new NormalStream(42).fill(xs);

  it("has the moments of N(0, 1) within 4 standard errors", () => {
    let s = 0;
    let s2 = 0;
    let s4 = 0;
    for (const x of xs) {
      s += x;
      s2 += x * x;
      s4 += x ** 4;
    }
    // SE of the mean 1/√n; of E[x²] √(2/n); of E[x⁴] √((105 − 9)/n) (E x⁸ = 105).
    expect(Math.abs(s / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(s4 / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
  });

  it("puts the right mass in the tail beyond r = 3.4426 (the base strip's slow path) and beyond 1.96", () => {
    const tails = (c: number) => xs.filter((x) => Math.abs(x) > c).length / n;
    for (const c of [1.96, 3.442619855899]) {
      const p = 2 * (1 - normalCdf(c));
      expect(Math.abs(tails(c) - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it("passes a chi-square test on 20 equiprobable bins (19 df; 99.9% point 43.8)", () => {
    const counts = new Array<number>(20).fill(0);
    for (const x of xs) counts[Math.min(19, Math.floor(normalCdf(x) * 20))]!++;
    const e = n / 20;
    const chi2 = counts.reduce((a, c) => a + (c - e) ** 2 / e, 0);
    expect(chi2).toBeLessThan(43.8);
  });

  it("is a function of the seed: fill and normal() give the same stream", () => {
    const a = new NormalStream(9);
    const b = new NormalStream(9);
    const buf = new Float64Array(1_000);
    a.fill(buf);
    for (let i = 0; i < 1_000; i++) expect(b.normal()).toBe(buf[i]);
    expect(new NormalStream(10).normal()).not.toBe(new NormalStream(9).normal());
  });
});
