/** `tokenhedge plan`'s action (its options: commands/plan.ts). */
import { planCsv, planDocument, planHuman } from "../../report/views/plan.js";
import { planAnswerDocument, planAnswerHuman } from "../../report/views/plan-answer.js";
import { bookTradesCsv, positionHuman, withPosition } from "../../report/views/book.js";
import { forecastNotes, forecastNotesHuman } from "../../report/views/forecast-notes.js";
import { planAnswer } from "../../pipeline/plan-answer.js";
import { usageSourcesFields } from "../../report/views/ingest.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { loadPlan, type PlanFlags } from "../plan-inputs.js";
import type { CommandEnv } from "../commands/shared.js";

interface PlanCommandFlags extends PlanFlags, OutputFlags {
  fundingRate?: number;
  /** Level of the delta-normal Cost-at-Risk (the config's simulation.confidence when not typed). */
  confidence?: number;
}

export function planAction(env: CommandEnv) {
  return async (files: string[], flags: PlanCommandFlags): Promise<void> => {
    const { ctx } = env;
    const stage = await loadPlan(ctx, files, flags);
    const { plan, exposure, inputs, position, company } = stage;
    const answer = planAnswer(stage, {
      ...(flags.fundingRate !== undefined ? { fundingRate: flags.fundingRate } : {}),
      ...(flags.confidence !== undefined ? { confidence: flags.confidence } : {}),
    });
    warn(ctx, [
      ...exposure.forecast.warnings,
      ...plan.warnings,
      ...(company?.warnings ?? []),
      ...(position.book?.warnings ?? []),
    ]);
    emit(
      ctx,
      flags,
      {
        json: () => ({
          ...withPosition(
            planDocument(plan, {
              forecastModel: exposure.forecast.model,
              forecastNotes: forecastNotes(exposure.forecast),
              seed: flags.seed,
              company: planAnswerDocument(answer, company),
            }),
            plan,
            position,
          ),
          // Several usage files: each one's own totals and their overlaps (one file: nothing added).
          ...usageSourcesFields(inputs.usageSources),
        }),
        csv: () => (position.book ? bookTradesCsv(position.book) : planCsv(plan)),
        human: () =>
          planHuman(plan, ctx.colour) +
          forecastNotesHuman(exposure.forecast) +
          planAnswerHuman(answer, company, ctx.colour) +
          positionHuman(position, ctx.colour),
      },
      inputs.files,
    );
  };
}
