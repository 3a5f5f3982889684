/** `tokenhedge scenarios`'s action (its options: commands/scenarios.ts). */
import type { Command } from "commander";
import { multiplierCase, scenarioGrid, twistGrid, type VolumeCase } from "../../scenarios/grid.js";
import type { Budget } from "../../scenarios/budget.js";
import { scenariosCsv, scenariosDocument, scenariosHuman } from "../../report/views/scenarios.js";
import { budgetForSide, forecastOrigin, liquidityStage, riskVolatility } from "../../pipeline/index.js";
import { liquidityHuman, rollHuman } from "../../report/views/stress.js";
import { planSourceDocument, planSourceHuman } from "../../report/views/plan-source.js";
import { scenariosSentence } from "../../report/risk-sentences.js";
import { sellerScenariosSentence } from "../../report/seller-sentences.js";
import { configBudget, takeBudgetFlag } from "../budget-flags.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { loadPlan, type PlanFlags } from "../plan-inputs.js";
import type { CommandEnv } from "../commands/shared.js";

export interface ScenarioFlags extends PlanFlags, OutputFlags {
  shocks: number[];
  volumes: VolumeCase[];
  volumeMultipliers?: number[];
  twist: number;
  budget?: Budget | number;
  asOf?: string;
  months?: boolean;
  gap: number[];
  stressPaths: number;
}

export function scenariosAction(env: CommandEnv) {
  return async (files: string[], flags: ScenarioFlags, command: Command): Promise<void> => {
    const { ctx } = env;
    const budgetFlag = takeBudgetFlag(command, flags);
    const stage = await loadPlan(ctx, files, flags);
    const { plan, exposure } = stage;
    const sided = budgetForSide(stage.position.side, budgetFlag, configBudget(flags));
    const budget = sided.budget;
    warn(ctx, [...exposure.forecast.warnings, ...plan.warnings, ...(stage.company?.warnings ?? []), ...sided.warnings]);
    const asOf = flags.asOf ?? forecastOrigin(stage);
    const cases: VolumeCase[] = [
      ...new Set([...flags.volumes, ...(flags.volumeMultipliers ?? []).map(multiplierCase)]),
    ];
    const options = {
      asOf,
      side: stage.position.side,
      ...(budget ? { budget } : {}),
      ...(stage.company ? { company: stage.company } : {}),
    };
    const results = scenarioGrid(plan, flags.shocks, cases, options);
    const twists = flags.twist > 0 ? twistGrid(plan, flags.twist, cases, options) : [];
    const extras = {
      twists,
      asOf,
      side: stage.position.side,
      ...(budget ? { budget } : {}),
      ...(stage.company ? { company: stage.company } : {}),
    };
    const liquidity = liquidityStage(stage, {
      asOf,
      gaps: flags.gap,
      paths: flags.stressPaths,
      seed: flags.seed,
      volatility: riskVolatility(stage.inputs).vol,
    });
    emit(
      ctx,
      flags,
      {
        json: () => ({
          ...scenariosDocument(plan, results, Boolean(flags.months), extras),
          liquidity,
          rolls: stage.position.rolls,
          ...(stage.source ? { planSource: planSourceDocument(stage.source) } : {}),
        }),
        csv: () => scenariosCsv(results, twists),
        human: () =>
          (stage.source ? planSourceHuman(stage.source) : "") +
          scenariosHuman(plan, results, ctx.colour, extras, Boolean(flags.months)) +
          "\n" +
          (stage.position.side === "long" ? scenariosSentence(results) : sellerScenariosSentence(results)) +
          "\n\n" +
          liquidityHuman(liquidity, ctx.colour) +
          (stage.position.rolls ? "\n" + rollHuman(stage.position.rolls, ctx.colour) : ""),
      },
      stage.inputs.files,
    );
  };
}
