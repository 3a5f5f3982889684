import { Command, Option } from "commander";
import { planCsv, planDocument, planHuman } from "../../report/views/plan.js";
import { planAnswerDocument, planAnswerHuman } from "../../report/views/plan-answer.js";
import { bookTradesCsv, positionHuman, withPosition } from "../../report/views/book.js";
import { planAnswer } from "../../pipeline/plan-answer.js";
import { forecastNotes, forecastNotesHuman } from "../../report/views/forecast-notes.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { parseRateOption } from "../options.js";
import { addPlanOptions, loadPlan, type PlanFlags } from "../plan-inputs.js";
import type { CommandEnv } from "./shared.js";

interface PlanCommandFlags extends PlanFlags, OutputFlags {
  fundingRate?: number;
}

export function planCommand(env: CommandEnv): Command {
  const cmd = new Command("plan")
    .description(
      "the hedge plan: per delivery month the forecast, target ratio (policy ladder, minimum-variance h*, or price-and-volume risk), " +
        "the volume cap, contracts, P(over-hedge), locked-in cost, margin and fees; then, in the company's money, its expected cost, " +
        "Cost-at-Risk unhedged → hedged, the cost of hedging and the part the index cannot hedge",
    )
    .argument("<file>", "usage CSV");
  addPlanOptions(cmd).addOption(
    new Option("--funding-rate <rate>", "annual rate at which the initial margin is funded, e.g. 5% or 0.05 (default: margin not costed)").argParser(parseRateOption("--funding-rate")),
  );
  return env.output(cmd).action((file: string, flags: PlanCommandFlags) => {
    const { ctx } = env;
    const stage = loadPlan(ctx, file, flags);
    const { plan, exposure, inputs, position, company } = stage;
    const answer = planAnswer(stage, flags.fundingRate !== undefined ? { fundingRate: flags.fundingRate } : {});
    warn(ctx, [...exposure.forecast.warnings, ...plan.warnings, ...(company?.warnings ?? []), ...(position.book?.warnings ?? [])]);
    emit(ctx, flags, {
      json: () =>
        withPosition(planDocument(plan, { forecastModel: exposure.forecast.model, forecastNotes: forecastNotes(exposure.forecast), seed: flags.seed, company: planAnswerDocument(answer, company) }), plan, position),
      csv: () => (position.book ? bookTradesCsv(position.book) : planCsv(plan)),
      human: () => planHuman(plan, ctx.colour) + forecastNotesHuman(exposure.forecast) + planAnswerHuman(answer, company, ctx.colour) + positionHuman(position, ctx.colour),
    }, inputs.files);
  });
}
