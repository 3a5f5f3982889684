/** `tokenhedge plan`'s action (its options: commands/plan.ts). */
import { planCsv, planDocument, planHuman } from "../../report/views/plan.js";
import { bookTradesCsv, positionHuman, withPosition } from "../../report/views/book.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { loadPlan, type PlanFlags } from "../plan-inputs.js";
import type { CommandEnv } from "../commands/shared.js";

export function planAction(env: CommandEnv) {
  return (file: string, flags: PlanFlags & OutputFlags): void => {
    const { ctx } = env;
    const { plan, exposure, inputs, position } = loadPlan(ctx, file, flags);
    warn(ctx, [...exposure.forecast.warnings, ...plan.warnings, ...(position.book?.warnings ?? [])]);
    emit(ctx, flags, {
      json: () => withPosition(planDocument(plan, { forecastModel: exposure.forecast.model, seed: flags.seed }), plan, position),
      csv: () => (position.book ? bookTradesCsv(position.book) : planCsv(plan)),
      human: () => planHuman(plan, ctx.colour) + positionHuman(position, ctx.colour),
    }, inputs.files);
  };
}
