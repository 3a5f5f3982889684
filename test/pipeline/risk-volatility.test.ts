import { describe, expect, it } from "vitest";
import { parsePriceHistory } from "../../src/hedge/methods/price-history.js";
import { riskVolatility } from "../../src/pipeline/risk-volatility.js";
import type { SizingSettings } from "../../src/pipeline/inputs.js";
import { runJson } from "../helpers/run-cli.js";

const sizing = (extra: Partial<SizingSettings> = {}): SizingSettings => ({
  method: "policy",
  volumeCap: "p10",
  volumeBasis: "mean",
  correlation: 0,
  ...extra,
});
// Futures 100 → 110 → 99 → 108.9: log changes ln 1.1, ln 0.9, ln 1.1 (mean 0.0284199); sample variance
// (2 × 0.0668902² + 0.1337805²) / 2 = 0.0134229, sd 0.1158573 a month, × √12 = 0.401341 a year.
const history = parsePriceHistory(
  "period,spot,futures\n2026-01,100,100\n2026-02,110,110\n2026-03,99,99\n2026-04,108.9,108.9\n",
  "prices.csv",
);

describe("the risk figures' price volatility: one order everywhere", () => {
  it("--price-vol first, whatever else is given", () => {
    const v = riskVolatility({ sizing: sizing({ priceVolatility: 0.6, history }), configPriceVolatility: 0.45 });
    expect(v).toEqual({ vol: 0.6, origin: "flag", source: "--price-vol" });
  });

  it("then the price history's own volatility (worked example above)", () => {
    const v = riskVolatility({ sizing: sizing({ history }), configPriceVolatility: 0.45 });
    expect(v.origin).toBe("history");
    expect(v.vol).toBeCloseTo(0.401341, 5);
    expect(v.source).toBe("prices.csv, 3 monthly changes");
  });

  it("then the config's simulation.priceVolatility, then the illustrative default, named as such", () => {
    expect(riskVolatility({ sizing: sizing(), configPriceVolatility: 0.45 })).toEqual({
      vol: 0.45,
      origin: "config",
      source: "config simulation.priceVolatility",
    });
    const d = riskVolatility({ sizing: sizing() });
    expect(d.vol).toBe(0.3);
    expect(d.origin).toBe("default");
    expect(d.source).toMatch(/illustrative/);
  });

  it("a config's priceVolatility reaches plan's risk sentence and the scenarios' liquidity stress, as simulate uses it", () => {
    const config = ["--config", "fixtures/config/acme.config.yaml"];
    const plan = runJson<{ company: { risk: { priceVolatility: number } } }>(["plan", ...config, "--json"]);
    expect(plan.company.risk.priceVolatility).toBe(0.45);
    const scenarios = runJson<{ liquidity: { simulated: { volatility: number } } }>(["scenarios", ...config, "--json"]);
    expect(scenarios.liquidity.simulated.volatility).toBe(0.45);
    const sim = runJson<{ model: { vol: number } }>(["simulate", ...config, "--paths", "200", "--json"]);
    expect(sim.model.vol).toBe(0.45);
  });
});
