import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { optimalContracts, roundContractCount, tailedContracts } from "../../src/hedge/contracts.js";
import { hedgeRatioFromSeries, hedgeRatioFromStatistics } from "../../src/hedge/mvhr.js";
import { HedgeError } from "../../src/errors.js";

// Hull, Options, Futures, and Other Derivatives, Example 3.3 / Table 3.2: 15 monthly changes (USD/gallon) in the
// heating-oil futures price (ΔF) and the jet-fuel price (ΔS), as listed in Hull's Table 3.2 (month 9's ΔF is +0.048).
const dF = [
  0.021, 0.035, -0.046, 0.001, 0.044, -0.029, -0.026, -0.029, 0.048, -0.006, -0.036, -0.011, 0.019, -0.027, 0.029,
];
const dS = [
  0.029, 0.02, -0.044, 0.008, 0.026, -0.019, -0.01, -0.007, 0.043, 0.011, -0.036, -0.018, 0.009, -0.032, 0.023,
];

const airline = { quantity: 2_000_000, contractSize: 42_000 }; // gallons of jet fuel; gallons per heating-oil contract

describe("minimum-variance hedge ratio from statistics (Hull Example 3.3)", () => {
  it("σ_S 0.0263, σ_F 0.0313, ρ 0.928 → h* 0.78 and 37 contracts", () => {
    const r = hedgeRatioFromStatistics({ correlation: 0.928, sigmaSpot: 0.0263, sigmaFutures: 0.0313 }, airline);
    // h* = 0.928 × 0.0263 / 0.0313 = 0.779757…, Hull prints 0.78.
    expect(r.hedgeRatio).toBeCloseTo((0.928 * 0.0263) / 0.0313, 14);
    expect(r.hedgeRatio).toBeCloseTo(0.78, 2);
    // N* = 0.779757 × 2,000,000 / 42,000 = 37.13 → 37 (Hull: 0.78 × 2,000,000 / 42,000 = 37.14 → 37).
    expect(r.contracts?.value).toBe(37);
    expect(r.contracts?.unrounded).toBeCloseTo(37.1313, 4);
    expect(r.contracts?.rounding).toBe("nearest");
    expect(r.rSquared).toBeCloseTo(0.928 ** 2, 14); // hedge effectiveness ρ² = 0.861
    expect(r.standardError).toBeNull();
    expect(r.ci95).toBeNull();
    expect(r.observations).toBeNull();
    expect(r.contractsTailed).toBeUndefined();
  });

  it("the covariance form gives the same h* and recovers ρ when σ_S is given", () => {
    const cov = 0.928 * 0.0263 * 0.0313;
    const withSpot = hedgeRatioFromStatistics({ covariance: cov, sigmaFutures: 0.0313, sigmaSpot: 0.0263 });
    expect(withSpot.hedgeRatio).toBeCloseTo(0.779757, 6);
    expect(withSpot.correlation).toBeCloseTo(0.928, 12);
    const bare = hedgeRatioFromStatistics({ covariance: cov, sigmaFutures: 0.0313 });
    expect(bare.hedgeRatio).toBeCloseTo(withSpot.hedgeRatio, 14);
    expect(bare.correlation).toBeNull();
    expect(bare.sigmaSpot).toBeNull();
    expect(bare.rSquared).toBeNull();
  });

  it("rejects impossible statistics", () => {
    expect(() => hedgeRatioFromStatistics({ correlation: 1.2, sigmaSpot: 1, sigmaFutures: 1 })).toThrow(HedgeError);
    expect(() => hedgeRatioFromStatistics({ correlation: 0.5, sigmaSpot: 1, sigmaFutures: 0 })).toThrow(/sigmaFutures/);
    expect(() => hedgeRatioFromStatistics({ covariance: 2, sigmaSpot: 1, sigmaFutures: 1 })).toThrow(/exceeds 1/);
  });
});

describe("minimum-variance hedge ratio from Hull's 15 monthly changes", () => {
  const r = hedgeRatioFromSeries({ spot: dS, futures: dF, kind: "changes" }, airline);

  // Independent route: raw sums written out, then the textbook "computing formulas" Sxx = Σx² − (Σx)²/n …
  // (a different algorithm from the centred two-pass sums in the implementation).
  const n = 15;
  const sumF = -0.013;
  const sumS = 0.003;
  const sumFF = 0.013765;
  const sumSS = 0.009651;
  const sumFS = 0.010693;
  const sxx = sumFF - (sumF * sumF) / n; // 0.013765 − 0.000169/15 = 0.0137537333…
  const syy = sumSS - (sumS * sumS) / n; // 0.009651 − 0.000009/15 = 0.0096504
  const sxy = sumFS - (sumF * sumS) / n; // 0.010693 + 0.000039/15 = 0.0106956

  it("the written-out sums match the data (guards the transcription)", () => {
    let f = 0;
    let s = 0;
    let ff = 0;
    let ss = 0;
    let fs = 0;
    for (let i = 0; i < n; i++) {
      const x = dF[i] as number;
      const y = dS[i] as number;
      f += x;
      s += y;
      ff += x * x;
      ss += y * y;
      fs += x * y;
    }
    expect(dF).toHaveLength(n);
    expect(dS).toHaveLength(n);
    expect(f).toBeCloseTo(sumF, 12);
    expect(s).toBeCloseTo(sumS, 12);
    expect(ff).toBeCloseTo(sumFF, 12);
    expect(ss).toBeCloseTo(sumSS, 12);
    expect(fs).toBeCloseTo(sumFS, 12);
  });

  it("h*, ρ, σ_S, σ_F to 6 decimals against the sums of squares", () => {
    expect(r.hedgeRatio).toBeCloseTo(sxy / sxx, 6); // 0.777651
    expect(r.correlation).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 6); // 0.928372
    expect(r.sigmaFutures).toBeCloseTo(Math.sqrt(sxx / (n - 1)), 6); // 0.031343
    expect(r.sigmaSpot).toBeCloseTo(Math.sqrt(syy / (n - 1)), 6); // 0.026255
    expect(r.rSquared).toBeCloseTo((sxy * sxy) / (sxx * syy), 6); // 0.861875
    expect(r.observations).toBe(15);
  });

  it("agrees with Hull's printed figures at their printed precision", () => {
    expect(r.sigmaFutures).toBeCloseTo(0.0313, 4);
    expect(r.sigmaSpot).toBeCloseTo(0.0263, 4);
    expect(r.correlation).toBeCloseTo(0.928, 3);
    expect(r.hedgeRatio).toBeCloseTo(0.78, 2);
    expect(r.contracts?.value).toBe(37); // 0.777651 × 2,000,000 / 42,000 = 37.03 → 37
    expect(r.contracts?.unrounded).toBeCloseTo(((sxy / sxx) * 2_000_000) / 42_000, 9);
  });

  it("standard error and 95% interval of h* (t₀.₉₇₅,₁₃ = 2.1603686565)", () => {
    // SSE = Syy − h*·Sxy; SE = √(SSE/(n − 2)/Sxx) = 0.086343
    const h = sxy / sxx;
    const se = Math.sqrt((syy - h * sxy) / (n - 2) / sxx);
    expect(r.standardError).toBeCloseTo(se, 8);
    expect(r.standardError).toBeCloseTo(0.086343, 6);
    const [lo, hi] = r.ci95 ?? [Number.NaN, Number.NaN];
    expect(lo).toBeCloseTo(h - 2.1603686565 * se, 8); // 0.591118
    expect(hi).toBeCloseTo(h + 2.1603686565 * se, 8); // 0.964183
    expect(r.warnings).toEqual([]);
  });

  it("price levels are differenced into the same changes", () => {
    const level = (changes: number[], start: number): number[] => {
      const out = [start];
      for (const c of changes) out.push((out[out.length - 1] as number) + c);
      return out;
    };
    const fromLevels = hedgeRatioFromSeries({ spot: level(dS, 1.94), futures: level(dF, 1.99), kind: "levels" });
    expect(fromLevels.observations).toBe(15);
    expect(fromLevels.hedgeRatio).toBeCloseTo(r.hedgeRatio, 10);
    expect(fromLevels.correlation).toBeCloseTo(r.correlation ?? Number.NaN, 10);
  });

  it("warns below 12 observations", () => {
    const short = hedgeRatioFromSeries({ spot: dS.slice(0, 8), futures: dF.slice(0, 8), kind: "changes" });
    expect(short.observations).toBe(8);
    expect(short.warnings.join(" ")).toMatch(/only 8 price changes/);
  });

  it("rejects unusable histories with typed errors", () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof HedgeError ? e.code : "not a HedgeError";
      }
      return undefined;
    };
    expect(code(() => hedgeRatioFromSeries({ spot: [1, 2], futures: [1, 2], kind: "changes" }))).toBe(
      "SERIES_TOO_SHORT",
    );
    expect(code(() => hedgeRatioFromSeries({ spot: [1, 2, 3], futures: [1, 2], kind: "changes" }))).toBe(
      "INPUT_INVALID",
    );
    expect(code(() => hedgeRatioFromSeries({ spot: [1, 2, 3], futures: [5, 5, 5], kind: "changes" }))).toBe(
      "INPUT_INVALID",
    );
    expect(code(() => hedgeRatioFromSeries({ spot: [1, Number.NaN, 3], futures: [1, 2, 4], kind: "changes" }))).toBe(
      "INPUT_INVALID",
    );
  });
});

describe("contract counts", () => {
  it("tailed count worked by hand (illustrative prices S₀ = 1.94, F₀ = 1.99 USD/gallon)", () => {
    // V_A = 1.94 × 2,000,000 = 3,880,000; V_F = 1.99 × 42,000 = 83,580;
    // N* = 0.78 × 3,880,000 / 83,580 = 3,026,400 / 83,580 = 36.2096… → 36 contracts.
    const tailed = tailedContracts(0.78, { ...airline, spotPrice: 1.94, futuresPrice: 1.99 });
    expect(tailed.unrounded).toBeCloseTo(3_026_400 / 83_580, 12);
    expect(tailed.unrounded).toBeCloseTo(36.2096, 4);
    expect(tailed.value).toBe(36);
    // The same count arrives through the result when the exposure carries both prices.
    const r = hedgeRatioFromStatistics(
      { correlation: 0.928, sigmaSpot: 0.0263, sigmaFutures: 0.0313 },
      { ...airline, spotPrice: 1.94, futuresPrice: 1.99 },
    );
    expect(r.contractsTailed?.value).toBe(36);
    expect(Object.keys(r)).toEqual([
      "hedgeRatio",
      "correlation",
      "sigmaSpot",
      "sigmaFutures",
      "rSquared",
      "standardError",
      "ci95",
      "observations",
      "contracts",
      "contractsTailed",
      "warnings",
    ]);
    // Only one of the two prices: no tailed count, and a warning saying why.
    const half = hedgeRatioFromStatistics(
      { correlation: 0.928, sigmaSpot: 0.0263, sigmaFutures: 0.0313 },
      { ...airline, spotPrice: 1.94 },
    );
    expect(half.contractsTailed).toBeUndefined();
    expect(half.warnings.join(" ")).toMatch(/needs both/);
  });

  it("rounding rules: nearest, down (toward zero), up (away from zero)", () => {
    expect(optimalContracts(0.78, { ...airline, rounding: "down" }).value).toBe(37); // 37.14
    expect(optimalContracts(0.78, { ...airline, rounding: "up" }).value).toBe(38);
    expect(roundContractCount(9.5, "nearest").value).toBe(10);
    expect(roundContractCount(-9.5, "nearest").value).toBe(-10);
    expect(roundContractCount(-9.92, "down").value).toBe(-9); // a short hedge is also never over-sized
    expect(roundContractCount(-9.02, "up").value).toBe(-10);
    // 0.3 × 10 = 3.0000000000000004 in floating point: "up" must still give 3.
    expect(roundContractCount(0.3 * 10, "up").value).toBe(3);
    expect(Object.is(roundContractCount(-0.2, "down").value, -0)).toBe(false);
  });

  it("rejects a non-positive exposure or contract size", () => {
    expect(() => optimalContracts(0.78, { quantity: 0, contractSize: 42_000 })).toThrow(/quantity/);
    expect(() => optimalContracts(0.78, { quantity: 1, contractSize: -1 })).toThrow(/contractSize/);
  });
});

describe("properties", () => {
  const change = fc.integer({ min: -500, max: 500 }).map((v) => v / 1000);

  it("scaling ΔS by k scales h* by k", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(change, change), { minLength: 5, maxLength: 40 }),
        fc.double({ min: -20, max: 20, noNaN: true }).filter((k) => Math.abs(k) > 0.01),
        (pairs, k) => {
          const spot = pairs.map((p) => p[0]);
          const futures = pairs.map((p) => p[1]);
          fc.pre(new Set(spot).size > 1 && new Set(futures).size > 1);
          const base = hedgeRatioFromSeries({ spot, futures, kind: "changes" }).hedgeRatio;
          const scaled = hedgeRatioFromSeries({ spot: spot.map((s) => s * k), futures, kind: "changes" }).hedgeRatio;
          expect(Math.abs(scaled - k * base)).toBeLessThan(1e-9 * (1 + Math.abs(k * base)));
        },
      ),
    );
  });

  it("rounding down never exceeds the unrounded count; up never falls short; nearest is within ½", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 1, max: 1e12, noNaN: true }),
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        (h, quantity, contractSize) => {
          const down = optimalContracts(h, { quantity, contractSize, rounding: "down" });
          const up = optimalContracts(h, { quantity, contractSize, rounding: "up" });
          const nearest = optimalContracts(h, { quantity, contractSize, rounding: "nearest" });
          const slack = 1e-9 * Math.max(1, Math.abs(down.unrounded)); // the documented whole-number snap
          expect(Math.abs(down.value)).toBeLessThanOrEqual(Math.abs(down.unrounded) + slack);
          expect(Math.abs(up.value)).toBeGreaterThanOrEqual(Math.abs(up.unrounded) - slack);
          expect(Math.abs(nearest.value - nearest.unrounded)).toBeLessThanOrEqual(0.5 + slack);
          expect(Number.isInteger(down.value) && Number.isInteger(up.value)).toBe(true);
        },
      ),
    );
  });
});
