/**
 * The hedge-ratio stage from the library, without the CLI: Hull's airline example (Options, Futures, and Other
 * Derivatives, ch. 3) from its statistics and from its 15 price changes, and the flag combinations it refuses
 * before any file is read.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hedgeRatioInputs, hedgeRatioView, type HedgeRatioSettings } from "../../src/index.js";
import { ROOT } from "../helpers/run-cli.js";

const base: HedgeRatioSettings = { spotColumn: "spot", futuresColumn: "futures", side: "long", rounding: "nearest" };

describe("hedgeRatioInputs → hedgeRatioView", () => {
  it("from ρ 0.928, σ_S 0.0263, σ_F 0.0313: h* = 0.928 · 0.0263 / 0.0313 = 0.7798, 37 contracts for 2,000,000 / 42,000", () => {
    const s = {
      ...base,
      rho: 0.928,
      sigmaSpot: 0.0263,
      sigmaFutures: 0.0313,
      exposure: 2_000_000,
      contractSize: 42_000,
    };
    const inputs = hedgeRatioInputs(s);
    expect(inputs.statistics).toEqual({ correlation: 0.928, sigmaSpot: 0.0263, sigmaFutures: 0.0313 });
    const view = hedgeRatioView(s, inputs, undefined);
    expect(view.source).toEqual({ kind: "statistics" });
    expect(view.result.hedgeRatio.toFixed(4)).toBe("0.7798");
    // 0.7798 · 2,000,000 / 42,000 = 37.13 → 37.
    expect(view.result.contracts?.value).toBe(37);
  });

  it("from the history text: Hull's 15 changes give h* 0.78 and 37 contracts", () => {
    const file = "fixtures/hull/airline-changes.csv";
    const s = { ...base, history: file, changes: true, exposure: 2_000_000, contractSize: 42_000 };
    const inputs = hedgeRatioInputs(s);
    expect(inputs.statistics).toBeUndefined();
    const view = hedgeRatioView(s, inputs, readFileSync(join(ROOT, file), "utf8"));
    expect(view.source).toMatchObject({ kind: "history", file, series: "changes" });
    expect(view.result.hedgeRatio.toFixed(2)).toBe("0.78");
    expect(view.result.observations).toBe(15);
    expect(view.result.contracts?.value).toBe(37);
  });

  it("refuses --history with statistics, --rho without --sigma-spot, and --exposure without --contract-size", () => {
    expect(() => hedgeRatioInputs({ ...base, history: "h.csv", rho: 0.9 })).toThrow(/cannot be combined/);
    expect(() => hedgeRatioInputs({ ...base, rho: 0.9, sigmaFutures: 0.03 })).toThrow(/--rho needs --sigma-spot/);
    expect(() => hedgeRatioInputs({ ...base, rho: 0.9, sigmaSpot: 0.02, sigmaFutures: 0.03, exposure: 10 })).toThrow(
      /missing --contract-size/,
    );
  });
});
