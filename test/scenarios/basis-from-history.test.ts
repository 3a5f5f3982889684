/** `simulate --basis-from-history`: the basis is fitted on price CHANGES, never on levels. */
import { describe, expect, it } from "vitest";
import { choosePriceModel } from "../../src/pipeline/price-model-choice.js";
import { twoMonthPlan } from "./fixtures.js";

describe("--basis-from-history on changes", () => {
  // ΔF = ±0.1 alternating; ε = (+0.01, +0.01, −0.01, −0.01) sums to 0 and is orthogonal to ΔF; ΔS = 0.6·ΔF + ε.
  const futures = [2, 2.1, 2.0, 2.1, 2.0];
  const spot = [3, 3.07, 3.02, 3.07, 3.0];
  const history = {
    file: "h.csv",
    periods: ["1", "2", "3", "4", "5"],
    spotColumn: "spot",
    futuresColumn: "futures",
    spot,
    futures,
    kind: "levels" as const,
  };
  const settings = {
    model: "gbm" as const,
    vol: 0.3,
    basis: { a: 0, b: 1, noise: 0 },
    basisTyped: { a: false, b: false, noise: false },
    basisFromHistory: true,
  };
  const choice = choosePriceModel(settings, history, twoMonthPlan());

  it("b = β of the changes = 0.6 exactly, noise = σ(ε) = √(4·0.01²/2) = 0.014142, a anchored at the last pair: 3.00 − 0.6 × 2.00 = 1.8; R² = 0.0144/(0.0144 + 0.0004) = 0.973", () => {
    expect(choice.basis.b).toBeCloseTo(0.6, 6);
    expect(choice.basis.noise).toBeCloseTo(Math.sqrt(2e-4), 6);
    expect(choice.basis.a).toBeCloseTo(1.8, 6);
    expect(choice.provenance.basisSource).toMatch(/price changes on the index's in h\.csv \(R² 0\.973 on 4 changes\)/);
  });
});
