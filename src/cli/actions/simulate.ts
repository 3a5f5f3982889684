/** `tokenhedge simulate`'s action (its options: commands/simulate.ts). */
/**
 * `simulate`: Monte Carlo of price and volume over the plan's horizon — cost distribution, Cost-at-Risk, margin
 * need, and the hedge-ratio sweep. Same inputs as `plan` (plan-inputs.ts), plus the price model's parameters
 * (simulate-options.ts).
 */
import type { Command } from "commander";
import { simulateCsv, simulateDocument, simulateHuman } from "../../report/views/simulate.js";
import {
  budgetForSide,
  choosePriceModel,
  companySimulationBasis,
  DEFAULT_STRESS_PATHS,
  forecastOrigin,
  liquidityStage,
  simulateStage,
} from "../../pipeline/index.js";
import { liquidityHuman } from "../../report/views/stress.js";
import { PLAN_SOURCE_USE, planSourceDocument, planSourceHuman } from "../../report/views/plan-source.js";
import { simulateSentence } from "../../report/risk-sentences.js";
import { sellerSimulateSentence } from "../../report/seller-sentences.js";
import { emit, warn } from "../output.js";
import { loadPlan } from "../plan-inputs.js";
import { configBudget, takeBudgetFlag } from "../budget-flags.js";
import { priceModelSettings, readLevels, type SimulateFlags } from "../simulate-options.js";
import { progressBar, progressStream } from "../progress-bar.js";
import { confidenceOf, emitParametric, planFlagsOf, simulationProvenance } from "./simulate-parametric.js";
import type { CommandEnv } from "../commands/shared.js";
import { STICKY_BASIS_WARNING } from "../../company/pricing.js";

export function simulateAction(env: CommandEnv) {
  return async (files: string[], flags: SimulateFlags, command: Command): Promise<void> => {
    const { ctx } = env;
    const budgetFlag = takeBudgetFlag(command, flags);
    const parametricOnly = flags.method === "parametric";
    const stage = await loadPlan(ctx, files, planFlagsOf(flags));
    const { plan, exposure } = stage;
    const sided = budgetForSide(stage.position.side, budgetFlag, configBudget(flags));
    const settings = priceModelSettings(flags, command);
    // The company's own price (docs/company-cost.md) sets the basis unless --basis-a/-b/-noise or --basis-from-history say otherwise.
    const legacyBasis = settings.basisFromHistory || Object.values(settings.basisTyped).some(Boolean);
    // The company's basis is not used then, so its assumption is not said either.
    const companyWarnings = (stage.company?.warnings ?? []).filter((w) => !(legacyBasis && w === STICKY_BASIS_WARNING));
    warn(ctx, [...exposure.forecast.warnings, ...plan.warnings, ...companyWarnings, ...sided.warnings]);
    const budget = sided.budget;
    // --history, else the config's company.history (the plan's inputs hold it): the price model reads the same
    // prices as plan, check and report do.
    const configHistory = stage.inputs.sizing.history;
    const history = flags.history
      ? readLevels(ctx.cwd, flags)
      : configHistory?.kind === "levels"
        ? configHistory
        : undefined;
    const choice = choosePriceModel(settings, history, plan);
    const basis = stage.company && !legacyBasis ? companySimulationBasis(stage, stage.company) : choice.basis;
    if (parametricOnly) {
      emitParametric(ctx, flags, stage, { choice, basis, ...(budget ? { budget } : {}) });
      return;
    }
    const bar = progressBar(progressStream(ctx), Date.now);
    const confidence = confidenceOf(flags, stage);
    const result = simulateStage(stage, {
      model: choice.model,
      basis,
      paths: flags.paths,
      corr: flags.corr ?? 0,
      seed: flags.seed,
      asOf: flags.asOf ?? forecastOrigin(stage),
      confidence,
      ...(budget ? { budget } : {}),
      onProgress: (f) => bar.update(f),
    });
    bar.done();
    const provenance = simulationProvenance(stage, choice, basis, flags.paths, budget);
    // The funding need along daily paths of the same volatility, with the day-one gaps of the liquidity stress.
    const liquidity = liquidityStage(stage, {
      asOf: flags.asOf ?? forecastOrigin(stage),
      seed: flags.seed,
      volatility: choice.model.vol,
      paths: Math.min(flags.paths, DEFAULT_STRESS_PATHS),
    });
    // The terminal's width (or COLUMNS): the charts fit it.
    const columns = ctx.columns ?? Number.NaN;
    emit(
      ctx,
      flags,
      {
        json: () => ({
          ...simulateDocument(plan, result, provenance),
          liquidity,
          ...(stage.source ? { planSource: planSourceDocument(stage.source) } : {}),
        }),
        csv: () => simulateCsv(result),
        // The answer sentence: a buyer's costs, or a seller's revenue (its figures are net costs, revenue negative).
        human: () =>
          (stage.source ? planSourceHuman(stage.source, PLAN_SOURCE_USE.simulate) : "") +
          simulateHuman(plan, result, provenance, {
            colour: ctx.colour,
            unicode: ctx.unicode ?? false,
            ...(Number.isFinite(columns) && columns > 0 ? { width: columns } : {}),
          }) +
          "\n" +
          (result.side === "long"
            ? simulateSentence(result, plan.totals.initialMargin)
            : sellerSimulateSentence(result, plan.totals.contracts, plan.totals.initialMargin)) +
          "\n\n" +
          liquidityHuman(liquidity, ctx.colour),
      },
      stage.inputs.files,
    );
  };
}
