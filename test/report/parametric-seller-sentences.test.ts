/**
 * The answer sentence of `simulate --method parametric` (risk-sentences.ts) and a seller's sentences for
 * scenarios and simulate (seller-sentences.ts), on worked examples with the figures written out.
 */
import { describe, expect, it } from "vitest";
import type { Budget } from "../../src/scenarios/budget.js";
import type { ScenarioResult } from "../../src/scenarios/grid.js";
import type { ParametricFigures, ParametricResult } from "../../src/scenarios/parametric.js";
import type { SimulationResult } from "../../src/scenarios/simulate.js";
import { parametricSentence } from "../../src/report/risk-sentences.js";
import {
  sellerParametricSentence,
  sellerScenariosSentence,
  sellerSimulateSentence,
} from "../../src/report/seller-sentences.js";

const Z = 1.6449;
/** σ and the price / basis parts; CaR = z·σ and the volume part is the rest, so the parts sum to the total. */
function figures(mean: number, sd: number, price: number, basis = 0): ParametricFigures {
  const costAtRisk = Z * sd;
  return {
    mean,
    sd,
    costAtRisk,
    parts: { method: "euler-delta-normal", price, volume: costAtRisk - price - basis, basis, total: costAtRisk },
  };
}
const parametric = (unhedged: ParametricFigures, hedged: ParametricFigures): ParametricResult => ({
  method: "delta-normal",
  confidence: 0.95,
  z: Z,
  unhedged,
  hedged,
});

describe("parametricSentence (simulate --method parametric)", () => {
  // Unhedged σ $1.2M: CaR 1.6449 × 1,200,000 = $1,973,880, all volume. Hedged σ $1.1M: CaR $1,809,390, of which
  // price $150,000 and volume $1,659,390. Change 1,809,390 / 1,973,880 − 1 = −8.33%.
  const r = parametric(figures(3_250_000, 1_200_000, 0), figures(3_260_000, 1_100_000, 150_000));

  it("CaR unhedged → hedged with its Euler parts and the expected cost", () => {
    expect(parametricSentence(r, undefined)).toBe(
      "Delta-normal Cost-at-Risk 95% (z·σ) $1.97M unhedged → $1.81M hedged (-8.3%): price $0 → $150K, volume $1.97M → $1.66M; expected cost $3.25M → $3.26M.",
    );
  });

  it("P(over a total budget) from the normal: $4M budget", () => {
    // Unhedged: 1 − Φ((4,000,000 − 3,250,000) / 1,200,000 = 0.625) = 0.26599; hedged: 1 − Φ(740,000 / 1,100,000 =
    // 0.6727) = 0.25056.
    const budget: Budget = { kind: "total", usd: 4_000_000 } as Budget;
    expect(parametricSentence(r, budget)).toMatch(/; P\(over budget\), normal, 26\.6% → 25\.1%\.$/);
    // A rate budget moves with volume: no normal probability, so none in the sentence.
    expect(parametricSentence(r, { kind: "rate", usdPerMtok: 2 } as Budget)).not.toContain("budget");
  });

  it("names the basis part only when it is not zero", () => {
    const withBasis = parametric(figures(3_250_000, 1_200_000, 0), figures(3_260_000, 1_100_000, 150_000, 50_000));
    expect(parametricSentence(withBasis, undefined)).toContain(
      "price $0 → $150K, volume $1.97M → $1.61M, basis $0 → $50.0K;",
    );
  });
});

describe("a seller's sentences (--side short)", () => {
  const risk = (mean: number, car: number) => ({ mean, costAtRisk95: car }) as SimulationResult["unhedged"];
  const sim = (unhedgedCaR: number, hedgedCaR: number): SimulationResult =>
    ({
      paths: 5000,
      // Net costs: revenue negative.
      unhedged: risk(-3_250_000, unhedgedCaR),
      hedged: risk(-3_240_000, hedgedCaR),
      probOverBudget: null,
      probOverBudgetUnhedged: null,
      peakMargin: { mean: 0, p50: 0, p95: 481_000, p99: 0, max: 0 },
    }) as unknown as SimulationResult;

  it("simulate: the 95% revenue shortfall narrowed, widened or left, and the expected revenue", () => {
    // 1,100,000 / 2,000,000 − 1 = −45.0%; 2,100,000 / 2,000,000 − 1 = +5.0%.
    expect(sellerSimulateSentence(sim(2_000_000, 1_100_000), 629, 188_700)).toBe(
      "Hedging 629 contracts short narrows the 95% revenue shortfall from $2.00M to $1.10M (-45.0%); expected revenue $3.25M unhedged → $3.24M hedged; peak margin outflow P95 $481K on top of $189K initial margin (5,000 paths).",
    );
    expect(sellerSimulateSentence(sim(2_000_000, 2_100_000), 629, 188_700)).toContain(
      "widens the 95% revenue shortfall from $2.00M to $2.10M (+5.0%)",
    );
    expect(sellerSimulateSentence(sim(2_000_000, 2_000_000), 1, 188_700)).toMatch(
      /^Hedging 1 contract short leaves the 95% revenue shortfall at \$2\.00M; /,
    );
  });

  it("simulate --method parametric: the delta-normal revenue shortfall", () => {
    const r = parametric(figures(-3_250_000, 1_200_000, 0), figures(-3_260_000, 1_100_000, 150_000));
    expect(sellerParametricSentence(r, 629)).toBe(
      "Hedging 629 contracts short narrows the 95% revenue shortfall (delta-normal, z·σ) from $1.97M to $1.81M (-8.3%); expected revenue $3.25M unhedged → $3.26M hedged.",
    );
  });

  it("scenarios: the median case's hedged revenue, the lowest scenario, the largest margin outflow", () => {
    const row = (volumeCase: string, priceShock: number, hedgedCost: number, unhedgedCost: number, peak: number) =>
      ({
        volumeCase,
        priceShock,
        hedgedCost,
        unhedgedCost,
        vsBudget: null,
        margin: { flows: [], peakOutflow: peak, peakDate: null },
      }) as unknown as ScenarioResult;
    const results = [
      row("p10", -0.5, -1_400_000, -750_000, 0),
      row("p10", 0.5, -1_300_000, -2_250_000, 400_000),
      row("p50", -0.5, -2_900_000, -1_500_000, 0),
      row("p50", 0.5, -3_100_000, -4_500_000, 500_000),
    ];
    // Revenue = −net cost: P50 hedged $2.90M … $3.10M, unhedged $1.50M … $4.50M; the lowest revenue is the largest
    // net cost, −1,300,000 (P10, +50%).
    expect(sellerScenariosSentence(results)).toBe(
      "At the P50 volume the hedged revenue is $2.90M–$3.10M across price shocks -50% … +50% (unhedged $1.50M–$4.50M); lowest of 4 scenarios $1.30M (P10 volume, +50% shock); largest margin outflow $500K (+50% shock).",
    );
  });
});
