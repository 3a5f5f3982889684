/**
 * Interval calibration from the backtest (spread-calibration.ts): the pooled factor, its shrinkage toward 1 by the
 * evidence (Kish's design effect), the per-step factors (empirical Bayes), and the level-shift cut
 * (selection-rules.ts `calibrated`, forecast-series.ts `latestShift`). Worked examples with their answers.
 */
import { describe, expect, it } from "vitest";
import type { BacktestRun } from "../../src/forecast/backtest.js";
import { fitDrift } from "../../src/forecast/baselines.js";
import { latestShift } from "../../src/forecast/forecast-series.js";
import { calibrated } from "../../src/forecast/selection-rules.js";
import {
  calibrateSpread,
  designEffect,
  factorAt,
  PRIOR_LOG_SD,
  QUANTILE_VARIANCE,
  type CalibrationPoint,
} from "../../src/forecast/spread-calibration.js";
import type { Finding } from "../../src/forecast/types.js";

describe("forecast/spread-calibration: constants", () => {
  it("c = 0.8·0.2 / (2φ(z_0.9)·z_0.9)² and τ = ln 2 / z_0.975", () => {
    // φ(1.2815516) = 0.1754983; 2φ·z = 0.3509966 × 1.2815516 = 0.4498203; 0.16 / 0.4498203² = 0.790755.
    expect(QUANTILE_VARIANCE).toBeCloseTo(0.790755, 5);
    // 0.6931472 / 1.9599640 = 0.353653.
    expect(PRIOR_LOG_SD).toBeCloseTo(0.353653, 6);
  });
});

describe("forecast/spread-calibration: Kish's design effect", () => {
  it("is 1 + (m̄ − 1)ρ with the ANOVA intra-cluster correlation", () => {
    // [[1,1],[0,0],[0,0]]: every cluster uniform, MSW = 0 → ρ = 1; m̄ = Σm²/N = 12/6 = 2 → deff = 2.
    expect(
      designEffect([
        [1, 1],
        [0, 0],
        [0, 0],
      ]),
    ).toBeCloseTo(2, 12);
    // [[1,0],[1,0],[0,0]]: MSB = 1/6 < MSW = 1/3 → ρ < 0, held at 0 → deff = 1.
    expect(
      designEffect([
        [1, 0],
        [1, 0],
        [0, 0],
      ]),
    ).toBe(1);
    // [[1,1,0],[0,0,0],[1,0,0],[1,1,1]]: N = 12, mean ½; SSB = 3·(1/36 + 1/4 + 1/36 + 1/4) = 5/3, MSB = 5/9;
    // SSW = 2/3 + 0 + 2/3 + 0 = 4/3, MSW = (4/3)/8 = 1/6; m₀ = (12 − 36/12)/3 = 3;
    // ρ = (5/9 − 1/6) / (5/9 + 2·1/6) = 7/16; deff = 1 + (3 − 1)·7/16 = 1.875.
    expect(
      designEffect([
        [1, 1, 0],
        [0, 0, 0],
        [1, 0, 0],
        [1, 1, 1],
      ]),
    ).toBeCloseTo(1.875, 12);
    // One cluster: its points count as one.
    expect(designEffect([[1, 0, 0, 0]])).toBe(4);
  });
});

describe("forecast/spread-calibration: calibrateSpread", () => {
  it("pooled: κ̂ from the type-8 80% quantile of the scores, shrunk toward 1 by the evidence", () => {
    // 5 origins × 5 steps; each origin has one score 1.2 (at a different step) and four 0.5.
    const points: CalibrationPoint[] = [];
    for (let o = 10; o < 15; o++)
      for (let s = 1; s <= 5; s++) points.push({ origin: o, step: s, z: s === o - 9 ? 1.2 : 0.5 });
    const c = calibrateSpread(points)!;
    // Q_0.8 (type 8) of 20 × 0.5 and 5 × 1.2: rank (25 + 1/3)·0.8 + 1/3 = 20.6 → 0.5 + 0.6·0.7 = 0.92;
    // κ̂ = 0.92 / 1.2815516 = 0.717880.
    expect(c.estimate).toBeCloseTo(0.71788, 5);
    // Outside (z > 0.92): one of five in every origin → MSB = 0, ρ held at 0, deff 1: 25 effective points.
    expect(c.effectivePoints).toBe(25);
    // w = τ² / (τ² + c/25) = 0.1250705 / (0.1250705 + 0.0316302) = 0.798149; κ = 0.717880^0.798149 = 0.767552.
    expect(c.weight).toBeCloseTo(0.798149, 5);
    expect(c.factor).toBeCloseTo(0.767552, 5);
    // Every step has the same scores (four 0.5, one 1.2): no departure from the pool, so every step takes κ.
    expect(c.byHorizon.map((h) => h.factor)).toEqual(Array.from({ length: 5 }, () => c.factor));
    expect(factorAt(c, 9)).toBe(c.factor);
  });

  it("by step: a step's own departure is kept in proportion to the between-step variance (empirical Bayes)", () => {
    // 40 origins, step 1 scores 0.9 and step 2 scores 1.6.
    const points: CalibrationPoint[] = [];
    for (let o = 20; o < 60; o++) points.push({ origin: o, step: 1, z: 0.9 }, { origin: o, step: 2, z: 1.6 });
    const c = calibrateSpread(points)!;
    // Pooled: rank (80 + 1/3)·0.8 + 1/3 = 64.6 > 40 → 1.6; κ̂ = 1.6 / 1.2815516 = 1.248487; nobody is above 1.6, so
    // ρ = 0 and 80 effective points; w = 0.1250705 / (0.1250705 + 0.790755/80) = 0.926757; κ = 1.248487^w = 1.228357.
    expect(c.estimate).toBeCloseTo(1.248487, 5);
    expect(c.factor).toBeCloseTo(1.228357, 5);
    // Steps: κ̂₁ = 0.9 / 1.2815516 = 0.702274, d₁ = ln(0.9/1.6) = −0.575364, d₂ = 0; mean d² = 0.165522, mean noise
    // c/40 = 0.019769; τ_h² = 0.145753; w_h = 0.145753 / (0.145753 + 0.019769) = 0.880566.
    // Step 1: 1.228357 · exp(0.880566 · −0.575364) = 0.740101; step 2: 1.228357.
    expect(c.byHorizon[0]!.weight).toBeCloseTo(0.880566, 5);
    expect(c.byHorizon[0]!.factor).toBeCloseTo(0.740101, 5);
    expect(c.byHorizon[1]!.factor).toBeCloseTo(1.228357, 5);
    // Beyond the backtest's two steps: the pooled factor.
    expect(factorAt(c, 2)).toBeCloseTo(1.228357, 5);
  });

  it("holds factors within [0.5, 2] and needs 4 points", () => {
    const tight = Array.from({ length: 10 }, (_, i): CalibrationPoint => ({ origin: i, step: 1, z: 0.01 }));
    expect(calibrateSpread(tight)!.estimate).toBe(0.5);
    const wide = Array.from({ length: 10 }, (_, i): CalibrationPoint => ({ origin: i, step: 1, z: 4 }));
    expect(calibrateSpread(wide)!.estimate).toBe(2);
    expect(calibrateSpread(tight.slice(0, 3))).toBeUndefined();
  });
});

describe("forecast/selection-rules: calibrated after a level shift", () => {
  // Origins (training lengths) 10 … 13, steps 1 and 2. Forecasts made before the new level (origins 10 and 11)
  // missed it: PIT 0.999 (z = 3.090); from origins 12 and 13: PIT Φ(0.5) = 0.6914625 (z = 0.5).
  const pits = new Map<string, number>();
  for (const o of [10, 11, 12, 13]) for (const s of [1, 2]) pits.set(`${o}:${s}`, o < 12 ? 0.999 : 0.6914625);
  const run: BacktestRun = { scores: [], warnings: [], pits: new Map([["drift", pits]]) };
  const model = fitDrift([10, 12, 11, 14, 15, 17, 16, 19, 20, 22, 21, 24, 25, 27]);

  it("uses only the origins whose training holds the first period at the new level", () => {
    const c = calibrated(model, run, { drift: 1 }, { index: 11, label: "2025-01-12" });
    // Origins ≥ 12: four scores of 0.5 → κ̂ = 0.5 / 1.2815516 = 0.39, held at 0.5; none above → 4 effective
    // points; w = 0.1250705 / (0.1250705 + 0.790755/4) = 0.387505; κ = 0.5^0.387505 = 0.764451.
    expect(c.calibration?.points).toBe(4);
    expect(c.calibration?.after).toBe("2025-01-12");
    expect(c.spread).toBeCloseTo(0.764451, 5);
    expect(c.note).toContain("from 4 backtest actuals after the level shift of 2025-01-12");
    expect(c.note).toContain("× 0.50, the bound");
  });

  it("without the shift every origin counts, and the misses ask for wider intervals", () => {
    const c = calibrated(model, run, { drift: 1 });
    // Eight scores, four at 3.090: Q_0.8 rank (8 + 1/3)·0.8 + 1/3 = 7 → 3.090; κ̂ = 2.41, held at 2.
    expect(c.calibration?.points).toBe(8);
    expect(c.calibration?.estimate).toBe(2);
    expect(c.calibration?.after).toBeUndefined();
    expect(c.spread).toBeGreaterThan(1);
  });

  it("a shift before every origin cuts nothing", () => {
    const c = calibrated(model, run, { drift: 1 }, { index: 9, label: "2025-01-10" });
    expect(c.calibration?.points).toBe(8);
    expect(c.calibration?.after).toBeUndefined();
  });
});

describe("forecast/forecast-series: latestShift", () => {
  const shift = (start: string): Finding => ({
    kind: "level-shift",
    start,
    end: start,
    count: 1,
    action: "flagged",
    message: "",
  });
  it("daily: the shift's day; monthly: the month after a mid-month day, the month itself from its 1st", () => {
    const daily = { granularity: "day" as const, start: "2025-01-01", values: [] };
    expect(latestShift([shift("2025-01-11")], daily, 0, 100)).toEqual({ index: 10, label: "2025-01-11" });
    // Two leading zeros dropped: index 8 of the cleaned series.
    expect(latestShift([shift("2025-01-11")], daily, 2, 100)?.index).toBe(8);
    const monthly = { granularity: "month" as const, start: "2025-03", values: [] };
    expect(latestShift([shift("2026-02-19")], monthly, 0, 20)?.index).toBe(12);
    expect(latestShift([shift("2026-03-01")], monthly, 0, 20)?.index).toBe(12);
    expect(latestShift([shift("2025-10")], monthly, 0, 20)?.index).toBe(7);
  });
  it("the latest of several; none for one an event accounts for, or outside the series", () => {
    const daily = { granularity: "day" as const, start: "2025-01-01", values: [] };
    expect(latestShift([shift("2025-01-11"), shift("2025-02-01")], daily, 0, 100)?.index).toBe(31);
    expect(latestShift([{ ...shift("2025-01-11"), event: true }], daily, 0, 100)).toBeUndefined();
    expect(latestShift([shift("2025-06-01")], daily, 0, 100)).toBeUndefined();
    expect(latestShift([{ ...shift("2025-01-11"), kind: "outage" }], daily, 0, 100)).toBeUndefined();
  });
});
