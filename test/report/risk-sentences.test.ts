/** The one-sentence answers of scenarios and simulate (src/report/risk-sentences.ts), worked examples. */
import { describe, expect, it } from "vitest";
import type { ScenarioResult } from "../../src/scenarios/grid.js";
import type { SimulationResult } from "../../src/scenarios/simulate.js";
import { scenariosSentence, simulateSentence } from "../../src/report/risk-sentences.js";

/** The fields the sentence reads; the rest of a result does not matter to it. */
function row(
  volumeCase: string,
  priceShock: number,
  hedgedCost: number,
  unhedgedCost: number,
  vsBudget: number | null,
  peakOutflow: number | null,
): ScenarioResult {
  return {
    volumeCase,
    priceShock,
    hedgedCost,
    unhedgedCost,
    vsBudget,
    margin: peakOutflow === null ? null : { flows: [], peakOutflow, peakDate: null },
  } as unknown as ScenarioResult;
}

describe("scenariosSentence", () => {
  it("the median case's hedged range, the worst scenario against the budget, the largest margin outflow", () => {
    const results = [
      row("p10", -0.5, 2_000_000, 1_500_000, -1_000_000, 500_000),
      row("p10", 0.5, 1_000_000, 1_500_000, -2_000_000, 0),
      row("p50", -0.5, 3_500_000, 3_000_000, 500_000, 500_000),
      row("p50", 0.5, 2_500_000, 3_000_000, -500_000, 0),
      row("p90", -0.5, 5_250_000, 4_750_000, 2_250_000, 500_000),
      row("p90", 0.5, 4_250_000, 4_750_000, 1_250_000, 0),
    ];
    expect(scenariosSentence(results)).toBe(
      "At the P50 volume the hedged cost is $2.50M–$3.50M across price shocks -50% … +50% (unhedged $3.00M); worst of 6 scenarios $5.25M (P90 volume, -50% shock), $2.25M over budget; 3 of the 6 over budget; largest margin outflow $500K (-50% shock).",
    );
  });

  it("without a budget or a margin path, and a multiplier case alone", () => {
    const results = [row("x1.2", 0, 1_234_000, 1_234_000, null, null)];
    expect(scenariosSentence(results)).toBe(
      "At the ×1.2 volume the hedged cost is $1.23M at a 0% price shock (unhedged $1.23M); worst of 1 scenario $1.23M (×1.2 volume, 0% shock).",
    );
  });
});

describe("simulateSentence", () => {
  const risk = (mean: number, car: number) => ({ mean, costAtRisk95: car }) as SimulationResult["unhedged"];
  const result = (budget: boolean): SimulationResult =>
    ({
      paths: 5000,
      unhedged: risk(3_250_000, 2_000_000),
      hedged: risk(3_260_000, 1_500_000),
      probOverBudget: budget ? 0.2 : null,
      probOverBudgetUnhedged: budget ? 0.25 : null,
      peakMargin: { mean: 0, p50: 0, p95: 480_000, p99: 0, max: 0 },
    }) as unknown as SimulationResult;

  it("expected cost and Cost-at-Risk unhedged → hedged, the budget, the margin", () => {
    expect(simulateSentence(result(true), 188_700)).toBe(
      "Expected cost $3.25M unhedged → $3.26M hedged; Cost-at-Risk 95% $2.00M → $1.50M (-25.0%); P(over budget) 25.0% → 20.0%; peak margin outflow P95 $480K on top of $189K initial margin (5,000 paths).",
    );
    expect(simulateSentence(result(false), 188_700)).not.toContain("budget");
  });
});
