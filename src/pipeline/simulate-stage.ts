/** The Monte Carlo stage of `tokenhedge simulate`: the plan stage's volume paths × a price model → the cost distribution. */
import { quoteToUsdPerMtok } from "../curve/contract.js";
import type { Budget } from "../scenarios/budget.js";
import type { PriceModel } from "../scenarios/price-model.js";
import { simulate, type Basis, type SimulationResult } from "../scenarios/simulate.js";
import { volumeMatrix } from "../scenarios/volumes.js";
import { parametricRisk, type ParametricResult } from "../scenarios/parametric.js";
import type { PlanStage } from "./plan-stage.js";
import type { CompanyPricing } from "../company/pricing.js";

export interface SimulateSettings {
  model: PriceModel;
  basis: Basis;
  paths: number;
  /** Gaussian-copula correlation between a path's volume and its price. */
  corr: number;
  seed: number;
  /** Start of the price paths, YYYY-MM-DD (default in the shell: forecastOrigin). */
  asOf: string;
  budget?: Budget;
  onProgress?: (fraction: number) => void;
}

/** The Monte Carlo result with the delta-normal figures and their Euler parts beside it (parametric.ts). */
export type SimulationWithParametric = SimulationResult & { parametric: ParametricResult };

/**
 * Volume paths from the forecast model, seeded by the same seed (the price stream is offset, stats/ziggurat.ts); the
 * parametric Cost-at-Risk is computed from the same paths, price model, basis and correlation.
 */
export function simulateStage(stage: PlanStage, s: SimulateSettings): SimulationWithParametric {
  const { plan, exposure } = stage;
  const volumes = volumeMatrix(exposure.forecast.samplePaths(s.paths, s.seed), exposure.months.map((m) => m.month), plan.months.map((m) => m.month));
  const result = simulate({
    plan,
    volumes,
    model: s.model,
    basis: s.basis,
    corr: s.corr,
    seed: s.seed,
    asOf: s.asOf,
    ...(s.budget ? { budget: s.budget } : {}),
    ...(s.onProgress ? { onProgress: s.onProgress } : {}),
  });
  return { ...result, parametric: parametricRisk({ plan, volumes, model: s.model, basis: s.basis, corr: s.corr, asOf: s.asOf }) };
}

/**
 * The simulation's basis from the company's pricing: company price = S₀_m + β·(I − F₀_m) + noise, i.e.
 * a_m = S₀_m − β·F₀_m (index in USD/Mtok), b = β, and noise σ(ε)·√tenor (σ(ε) is per monthly change).
 */
export function companySimulationBasis(stage: Pick<PlanStage, "plan">, pricing: CompanyPricing): Basis {
  const { plan } = stage;
  const perMtok = quoteToUsdPerMtok(plan.contract);
  const beta = pricing.basis.beta;
  return {
    a: 0,
    b: beta,
    noise: 0,
    byMonth: {
      a: plan.months.map((m) => pricing.priceByMonth.get(m.month)! - beta * m.futuresPrice * perMtok),
      noise: plan.months.map((m) => pricing.basis.sigma * Math.sqrt(m.tenor)),
    },
  };
}
