/** The Monte Carlo with take-or-pay commitments: fixed cost, floating remainder and the shortfall figure. */
import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/hedge/plan.js";
import { flatPolicy } from "../../src/hedge/policy.js";
import { simulate } from "../../src/scenarios/simulate.js";
import { floatingVolumes } from "../../src/pipeline/simulate-stage.js";
import { tokenSpec } from "./fixtures.js";

describe("simulate with a commitment of 4e9 tokens at 1.90 covering half the volume", () => {
  const plan = buildPlan({
    forecast: [{ month: "2027-01", mean: 7e9, p10: 7e9, p50: 7e9, p90: 7e9 }],
    curve: [{ month: "2027-01", price: 2 }],
    spec: tokenSpec,
    policy: flatPolicy(0, "down", 1),
  });
  const volumes = { paths: 2, months: 1, data: Float64Array.from([4e9, 10e9]) };
  const commitments = { byMonth: [[{ share: 0.5, tokens: 4e9, usdPerMtok: 1.9 }]] };
  // A sticky company price of 3.00 (b = 0), so the index path does not matter.
  const basis = { a: 0, b: 0, noise: 0, byMonth: { a: [3], noise: [0] } };
  const r = simulate({
    plan,
    volumes,
    model: { kind: "gbm", vol: 0.3 },
    basis,
    seed: 1,
    asOf: "2026-12-01",
    commitments,
  });

  it("path costs: 7,600 fixed + floating × 3.00 — 4e9 uses 2e9 of it (2e9 floating → 13,600), 10e9 uses all 4e9 (6e9 → 25,600)", () => {
    expect(Array.from(r.samples.unhedged)).toEqual([13_600, 25_600]);
  });

  it("shortfall: 2e9 unused × 1.90 = 3,800 on the first path, none on the second → mean 1,900, P = 50%", () => {
    expect(r.takeOrPay).not.toBeNull();
    expect(r.takeOrPay!.meanShortfallCost).toBeCloseTo(1900, 9);
    expect(r.takeOrPay!.probabilityOfShortfall).toBe(0.5);
  });

  it("without commitments the figure is null and every token floats: 12,000 and 30,000", () => {
    const plain = simulate({ plan, volumes, model: { kind: "gbm", vol: 0.3 }, basis, seed: 1, asOf: "2026-12-01" });
    expect(plain.takeOrPay).toBeNull();
    expect(Array.from(plain.samples.unhedged)).toEqual([12_000, 30_000]);
  });

  it("floatingVolumes gives the delta-normal figures the same floating volume: 2e9 and 6e9", () => {
    expect(Array.from(floatingVolumes(volumes, commitments).data)).toEqual([2e9, 6e9]);
  });
});
