/**
 * A saved plan read back (src/hedge/saved-plan.ts) and marked on today's curve (saved-plan-mark.ts), on a minimal
 * hand-written document: the derived figures worked out again from the contracts, months that moved, months left out.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseContractSpec } from "../../src/curve/contract.js";
import { parseSavedPlan } from "../../src/hedge/saved-plan.js";
import { markSavedPlan } from "../../src/hedge/saved-plan-mark.js";
import { errorOf } from "../helpers/error-of.js";

const spec = parseContractSpec(readFileSync("fixtures/acme/token-contract.json", "utf8"), "token-contract.json");
const contract = {
  name: spec.name,
  underlying: "token-index",
  quoteUnit: "USD/Mtok",
  contractSize: 1_000_000_000,
  sizeUnit: "tokens",
};
const month = (m: string, tenor: number, contracts: number, futuresPrice: number) => ({
  month: m,
  tenor,
  forecastTokens: 80e9,
  forecastP10: 66e9,
  forecastP50: 78e9,
  forecastP90: 93e9,
  targetRatio: 0.8,
  hedgeRatio: 0.8,
  contracts,
  futuresPrice,
});
const doc = {
  schemaVersion: 1,
  command: "plan",
  contract,
  method: { name: "policy", description: "by hand" },
  rounding: "down",
  months: [month("2026-11", 1, 20, 2.2), month("2026-12", 2, 10, 2), month("2027-01", 3, 5, 2.05)],
};

describe("a saved plan, read and marked on today's curve", () => {
  const saved = parseSavedPlan(doc, "by-hand.json");

  it("reads a minimal document: hedged tokens from the contracts, the totals summed", () => {
    expect(saved.plan.months.map((m) => [m.month, m.contractMonth, m.hedgedTokens])).toEqual([
      ["2026-11", "2026-11", 20e9],
      ["2026-12", "2026-12", 10e9],
      ["2027-01", "2027-01", 5e9],
    ]);
    expect(saved.plan.totals).toMatchObject({ contracts: 35, hedgedTokens: 35e9 });
    expect([saved.seed, saved.side, saved.edited, saved.policy]).toEqual([null, "long", [], null]);
  });

  it("prices the months on today's curve; a delivered month is left out; the move is worth contracts × 1,000 Mtok × change", () => {
    const curve = [
      { month: "2026-12", price: 2.1 },
      { month: "2027-01", price: 2.05 },
      { month: "2027-02", price: 1.98, interpolated: true },
    ];
    const r = markSavedPlan({
      saved,
      curve,
      curveFile: "today.csv",
      forecastMonths: ["2026-12", "2027-01", "2027-02"],
      spec,
      specFile: "token-contract.json",
    });
    expect(r.dropped).toEqual([{ month: "2026-11", reason: "2026-11 is not on today.csv" }]);
    expect(r.moved).toEqual([
      { month: "2026-12", contractMonth: "2026-12", savedPrice: 2, currentPrice: 2.1, change: 0.1, value: 1000 },
    ]);
    expect(r.notInPlan).toEqual(["2027-02"]);
    // 10 × 1,000 Mtok × 2.10 = $21,000 locked in at today's price; margin 10 × $300, fees 10 × $1.50.
    expect(r.plan.months[0]).toMatchObject({
      month: "2026-12",
      futuresPrice: 2.1,
      lockedInCost: 21_000,
      initialMargin: 3000,
      fees: 15,
      achievedRatio: 10e9 / 80e9,
    });
    expect(r.plan.totals).toMatchObject({ contracts: 15, lockedInCost: 21_000 + 10_250, initialMargin: 4500 });
    expect(r.warnings.join("\n")).toMatch(
      /moved in 1 month .*2026-12 2 → 2.1[\s\S]*1 month left out: 2026-11 \(2026-11 is not on today.csv\)[\s\S]*not in the plan, so not hedged here: 2027-02/,
    );
  });

  it("a month on the curve but already in the usage history is delivered", () => {
    const curve = [
      { month: "2026-11", price: 2.2 },
      { month: "2026-12", price: 2 },
      { month: "2027-01", price: 2.05 },
    ];
    const r = markSavedPlan({
      saved,
      curve,
      curveFile: "c.csv",
      forecastMonths: ["2026-12", "2027-01"],
      spec,
      specFile: null,
    });
    expect(r.dropped).toEqual([{ month: "2026-11", reason: "delivered (in the usage history)" }]);
    expect(r.moved).toEqual([]);
  });

  it("nothing left on today's curve, or another contract, is bad input naming the field", () => {
    const none = errorOf(() =>
      markSavedPlan({
        saved,
        curve: [{ month: "2028-01", price: 2 }],
        curveFile: "c.csv",
        forecastMonths: ["2028-01"],
        spec,
        specFile: null,
      }),
    );
    expect([none.code, none.exitCode, none.details.path]).toEqual(["INPUT_INVALID", 3, "months"]);
    const other = errorOf(() =>
      markSavedPlan({
        saved: parseSavedPlan({ ...doc, contract: { ...contract, quoteUnit: "USD/GPU-hour" } }, "x.json"),
        curve: [],
        curveFile: "c.csv",
        forecastMonths: [],
        spec,
        specFile: "k.json",
      }),
    );
    expect(other.details).toMatchObject({
      file: "x.json",
      path: "contract.quoteUnit",
      value: '"USD/GPU-hour"',
      expected: '"USD/Mtok", as in k.json',
    });
  });

  it("names the value found at the bad key", () => {
    const e = errorOf(() => parseSavedPlan({ ...doc, months: [{ ...doc.months[0], futuresPrice: -1 }] }, "bad.json"));
    expect(e.details).toMatchObject({
      file: "bad.json",
      path: "months[0].futuresPrice",
      value: "-1",
      expected: "a futures price > 0",
    });
    expect(e.exitCode).toBe(3);
  });
});
