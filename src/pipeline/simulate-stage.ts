/** The Monte Carlo stage of `tokenhedge simulate`: the plan stage's volume paths × a price model → the cost distribution. */
import { quoteToUsdPerMtok } from "../curve/contract.js";
import type { Budget } from "../scenarios/budget.js";
import type { PriceModel } from "../scenarios/price-model.js";
import type { VolumeMatrix } from "../scenarios/simulate.js";
import { simulate, type Basis, type SimulationCommitments, type SimulationResult } from "../scenarios/simulate.js";
import { commitmentShare } from "../company/commitments.js";
import { volumeMatrix } from "../scenarios/volumes.js";
import { parametricRisk, type ParametricResult } from "../scenarios/parametric.js";
import { tailRisk, type TailRisk } from "../scenarios/risk.js";
import { DEFAULT_CONFIDENCE } from "../defaults.js";
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
  /** Level of the Cost-at-Risk and CVaR reported beside the 95% and 99% figures, and of the delta-normal figures (default 0.95). */
  confidence?: number;
  onProgress?: (fraction: number) => void;
}

/** The Monte Carlo result with the delta-normal figures and their Euler parts beside it (parametric.ts). */
export type SimulationWithParametric = SimulationResult & {
  parametric: ParametricResult;
  /** The tail of the unhedged and hedged cost at the run's confidence (at 95% the same as costAtRisk95 and cvar95). */
  atConfidence: { confidence: number; unhedged: TailRisk; hedged: TailRisk };
};

/** The forecast's volume paths over the plan months, seeded by the run's seed (the price stream is offset, stats/ziggurat.ts). */
function planVolumes(stage: PlanStage, paths: number, seed: number): VolumeMatrix {
  const { plan, exposure } = stage;
  return volumeMatrix(
    exposure.forecast.samplePaths(paths, seed),
    exposure.months.map((m) => m.month),
    plan.months.map((m) => m.month),
  );
}

/** The delta-normal figures on given volume paths: the floating volume only, committed volume being paid at its fixed price. */
function parametricOn(stage: PlanStage, volumes: VolumeMatrix, s: ParametricSettings): ParametricResult {
  const commitments = commitmentsFor(stage);
  const floating = commitments ? floatingVolumes(volumes, commitments) : volumes;
  return withFixedCost(
    parametricRisk({
      plan: stage.plan,
      volumes: floating,
      model: s.model,
      basis: s.basis,
      corr: s.corr,
      asOf: s.asOf,
      side: stage.position.side,
      confidence: s.confidence ?? DEFAULT_CONFIDENCE,
    }),
    commitments,
  );
}

/** What the delta-normal figures need of the simulation's settings: no price paths, no budget. */
export type ParametricSettings = Pick<
  SimulateSettings,
  "model" | "basis" | "paths" | "corr" | "seed" | "asOf" | "confidence"
>;

/**
 * `simulate --method parametric`: the delta-normal Cost-at-Risk and its Euler parts alone, without price paths. The
 * volume paths are the ones the Monte Carlo would draw with the same seed, so the figures equal its parametric block.
 */
export function parametricStage(stage: PlanStage, s: ParametricSettings): ParametricResult {
  return parametricOn(stage, planVolumes(stage, s.paths, s.seed), s);
}

/**
 * Volume paths from the forecast model, seeded by the same seed; the parametric Cost-at-Risk is computed from the
 * same paths, price model, basis and correlation.
 */
export function simulateStage(stage: PlanStage, s: SimulateSettings): SimulationWithParametric {
  const { plan } = stage;
  const volumes = planVolumes(stage, s.paths, s.seed);
  const commitments = commitmentsFor(stage);
  const result = simulate({
    plan,
    volumes,
    model: s.model,
    basis: s.basis,
    corr: s.corr,
    seed: s.seed,
    asOf: s.asOf,
    side: stage.position.side,
    ...(s.budget ? { budget: s.budget } : {}),
    ...(s.onProgress ? { onProgress: s.onProgress } : {}),
    ...(commitments ? { commitments } : {}),
  });
  const confidence = s.confidence ?? DEFAULT_CONFIDENCE;
  return {
    ...result,
    parametric: parametricOn(stage, volumes, s),
    atConfidence: {
      confidence,
      unhedged: tailRisk(result.samples.unhedged, confidence, result.unhedged),
      hedged: tailRisk(result.samples.hedged, confidence, result.hedged),
    },
  };
}

/**
 * The simulation's basis from the company's pricing: company price = S₀_m + β·(I − F₀_m) + noise, i.e.
 * a_m = S₀_m − β·F₀_m (index in USD/Mtok), b = β, and noise σ(ε)·√tenor (σ(ε) is per monthly change).
 * A GPU-hour cross hedge adds the conversion's drift: the index per Mtok is F·1e6/k, so a change of ln k moves it
 * by −F₀_m·Δln k and the company's price by β times that; with σ_k a year, the noise of month m is
 *   √((σ(ε)·√tenor)² + (β·F₀_m·σ_k·√(tenor/12))²)   (independent of ε).
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
      noise: plan.months.map((m) => {
        const own = pricing.basis.sigma * Math.sqrt(m.tenor);
        const k = pricing.conversionDrift
          ? beta * m.futuresPrice * perMtok * pricing.conversionDrift.sigma * Math.sqrt(m.tenor / 12)
          : 0;
        return Math.hypot(own, k);
      }),
    },
  };
}

/** The company's take-or-pay commitments per plan month, for the Monte Carlo; null without commitments. */
export function commitmentsFor(stage: Pick<PlanStage, "plan" | "company">): SimulationCommitments | null {
  const c = stage.company?.commitments;
  if (!c || c.commitments.length === 0) return null;
  const mix = stage.company?.mix?.lines ?? [];
  return {
    byMonth: stage.plan.months.map((pm) =>
      c.commitments
        .filter((x) => pm.month >= x.from && pm.month <= x.to)
        .map((x) => ({ share: commitmentShare(x, mix), tokens: x.tokensPerMonth, usdPerMtok: x.usdPerMtok })),
    ),
  };
}

/** Each path's volume less what its month's commitments use: the volume priced at the company's floating price. */
export function floatingVolumes(v: VolumeMatrix, c: SimulationCommitments): VolumeMatrix {
  const M = v.months;
  const data = Float64Array.from(v.data);
  for (let i = 0; i < v.paths; i++) {
    for (let m = 0; m < M; m++) {
      const q = v.data[i * M + m]!;
      let f = q;
      for (const cm of c.byMonth[m] ?? []) f -= Math.min(Math.round(q * cm.share), cm.tokens);
      data[i * M + m] = Math.max(0, f);
    }
  }
  return { ...v, data };
}

/** The delta-normal means with the committed volume's fixed cost added (it carries no risk: σ and CaR unchanged). */
export function withFixedCost(r: ParametricResult, c: SimulationCommitments | null): ParametricResult {
  if (!c) return r;
  const fixed = c.byMonth.reduce(
    (acc, list) => acc + list.reduce((a, x) => a + (x.tokens * x.usdPerMtok) / 1_000_000, 0),
    0,
  );
  return {
    ...r,
    unhedged: { ...r.unhedged, mean: r.unhedged.mean + fixed },
    hedged: { ...r.hedged, mean: r.hedged.mean + fixed },
  };
}
