/** Small hand-checkable plans shared by the scenario and simulation tests. */
import { contractSpecSchema } from "../../src/curve/contract.js";
import { buildPlan, type HedgePlan } from "../../src/hedge/plan.js";
import { flatPolicy } from "../../src/hedge/policy.js";

export const tokenSpec = contractSpecSchema.parse({
  name: "test token contract",
  underlying: "token-index",
  quoteUnit: "USD/Mtok",
  contractSize: 1_000_000_000,
  sizeUnit: "tokens",
  tickSize: 0.01,
  currency: "USD",
  initialMargin: 300,
  maintenanceMargin: 240,
});

const band = (mean: number) => ({ mean, p10: mean * 0.9, p50: mean, p90: mean * 1.1 });

/**
 * The worked month of docs/METHODOLOGY.md §5, plus a second month: 2026-12 forecast 12.4 B tokens at 2.10 (80% → 9 contracts),
 * 2027-01 forecast 12.5 B tokens at 2.00 (80% → floor(10.0) = 10 contracts). Contracts rounded down.
 */
export function twoMonthPlan(): HedgePlan {
  return buildPlan({
    forecast: [
      { month: "2026-12", ...band(12_400_000_000) },
      { month: "2027-01", ...band(12_500_000_000) },
    ],
    curve: [
      { month: "2026-12", price: 2.1 },
      { month: "2027-01", price: 2.0 },
    ],
    spec: tokenSpec,
    policy: flatPolicy(0.8, "down", 2),
  });
}
