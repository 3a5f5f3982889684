import { describe, expect, it } from "vitest";
import { parsePriceHistory } from "../../src/hedge/methods/price-history.js";
import { overHedge, parseVolumeLevel, volumeAt, volumeStandardDeviation } from "../../src/hedge/methods/volume.js";
import { HedgeError } from "../../src/errors.js";

describe("parsePriceHistory", () => {
  it("reads period,spot,futures levels, and other column names on request", () => {
    const h = parsePriceHistory("period,spot,futures\n2026-01,2.10,2.00\n2026-02,2.20,2.05\n", "h.csv");
    expect(h).toMatchObject({ spot: [2.1, 2.2], futures: [2, 2.05], periods: ["2026-01", "2026-02"], kind: "levels" });
    const o = parsePriceHistory("month,company,index\n2026-01,2.1,2.0\n", "h.csv", {
      spotColumn: "company",
      futuresColumn: "INDEX",
    });
    expect(o).toMatchObject({ spot: [2.1], futures: [2], spotColumn: "company", futuresColumn: "index" });
  });

  it("names a missing column with the flag to fix it, and a bad value with line and column", () => {
    const missing = (() => {
      try {
        parsePriceHistory("period,company,futures\n1,2,3\n", "h.csv");
      } catch (e) {
        return e as HedgeError;
      }
    })();
    expect(missing?.code).toBe("INPUT_MISSING_COLUMN");
    expect(missing?.details.hint).toMatch(/--spot-column/);
    const bad = (() => {
      try {
        parsePriceHistory("period,spot,futures\n1,2.1,2.0\n2,2,1x\n", "h.csv");
      } catch (e) {
        return e as HedgeError;
      }
    })();
    expect(bad?.location).toBe("h.csv:3:3");
    expect(bad?.details.value).toBe("1x");
  });

  it("negative values are price changes, allowed only with kind changes", () => {
    expect(() => parsePriceHistory("period,spot,futures\n1,-0.01,0.02\n", "h.csv")).toThrow(/not positive/);
    expect(parsePriceHistory("period,spot,futures\n1,-0.01,0.02\n", "h.csv", { kind: "changes" }).spot).toEqual([
      -0.01,
    ]);
  });
});

describe("volume distribution helpers", () => {
  const f = {
    month: "2027-01",
    mean: 100,
    p10: 80,
    p50: 100,
    p90: 120,
    quantiles: { p25: 90 },
    samples: Float64Array.from([70, 85, 95, 105, 145]),
  };

  it("parseVolumeLevel normalises p10, P10, 10%, 10 and rejects the rest", () => {
    for (const t of ["p10", "P10", "10%", "10"]) expect(parseVolumeLevel(t, "--volume-cap")).toBe("p10");
    expect(parseVolumeLevel("mean", "--volume-basis")).toBe("mean");
    expect(() => parseVolumeLevel("mean", "--volume-cap", false)).toThrow(HedgeError);
    expect(() => parseVolumeLevel("p100", "--volume-cap")).toThrow(/not a volume quantile/);
  });

  it("volumeAt: reported quantiles first, then type-8 quantiles of the samples", () => {
    expect(volumeAt(f, "p10")).toBe(80);
    expect(volumeAt(f, "p25")).toBe(90);
    expect(volumeAt(f, "mean")).toBe(100);
    // Type 8, n = 5, p = 0.5: h = (5 + 1/3)·0.5 + 1/3 = 3 → the 3rd order statistic, 95.
    expect(volumeAt(f, "p50")).toBe(100); // reported p50 wins
    expect(volumeAt({ ...f, p50: NaN, quantiles: {} } as never, "p40")).toBeCloseTo(85 + (2.466667 - 2) * 10, 5); // h = 5.3333·0.4 + 0.3333 = 2.4667
  });

  it("σ of the samples (n − 1), else (P90 − P10)/(2·1.28155)", () => {
    // mean 100; deviations −30, −15, −5, 5, 45 → squares 900 + 225 + 25 + 25 + 2025 = 3200; /4 = 800 → σ = 28.2843
    expect(volumeStandardDeviation(f)).toBeCloseTo(Math.sqrt(800), 12);
    expect(volumeStandardDeviation({ month: "x", mean: 100, p10: 80, p50: 100, p90: 120 })).toBeCloseTo(
      40 / (2 * 1.2815515655446004),
      12,
    );
  });

  it("over-hedge of 100 against 70, 85, 95, 105, 145: P = 3/5, E[excess] = (30 + 15 + 5)/5 = 10", () => {
    expect(overHedge(f.samples, 100)).toEqual({ probability: 0.6, expectedTokens: 10 });
    expect(overHedge(f.samples, 60)).toEqual({ probability: 0, expectedTokens: 0 });
    expect(overHedge(undefined, 60)).toBeNull();
  });
});
