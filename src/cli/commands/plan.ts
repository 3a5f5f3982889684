import { Command } from "commander";
import { planCsv, planDocument, planHuman } from "../../report/views/plan.js";
import { bookTradesCsv, positionHuman, withPosition } from "../../report/views/book.js";
import { forecastNotes, forecastNotesHuman } from "../../report/views/forecast-notes.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { addPlanOptions, loadPlan, type PlanFlags } from "../plan-inputs.js";
import type { CommandEnv } from "./shared.js";

export function planCommand(env: CommandEnv): Command {
  const cmd = new Command("plan")
    .description(
      "the hedge plan: per delivery month the forecast, target ratio (policy ladder, minimum-variance h*, or price-and-volume risk), " +
        "the volume cap, contracts, P(over-hedge), locked-in cost, margin and fees, with a summary line",
    )
    .argument("<file>", "usage CSV");
  return env.output(addPlanOptions(cmd)).action((file: string, flags: PlanFlags & OutputFlags) => {
    const { ctx } = env;
    const { plan, exposure, inputs, position } = loadPlan(ctx, file, flags);
    warn(ctx, [...exposure.forecast.warnings, ...plan.warnings, ...(position.book?.warnings ?? [])]);
    emit(ctx, flags, {
      json: () => withPosition(planDocument(plan, { forecastModel: exposure.forecast.model, forecastNotes: forecastNotes(exposure.forecast), seed: flags.seed }), plan, position),
      csv: () => (position.book ? bookTradesCsv(position.book) : planCsv(plan)),
      human: () => planHuman(plan, ctx.colour) + forecastNotesHuman(exposure.forecast) + positionHuman(position, ctx.colour),
    }, inputs.files);
  });
}
