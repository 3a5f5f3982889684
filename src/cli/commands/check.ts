import { Command, Option } from "commander";
import { requireComplete } from "../../config/index.js";
import { checkCsv, checkDocument, checkHuman } from "../../report/views/check.js";
import { EXIT } from "../../errors.js";
import { checksNeedEffectiveness, evaluateChecks } from "../../pipeline/index.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { parseAsOf, parseIntOption } from "../options.js";
import { addConfigOption, resolveForCommand } from "../config-options.js";
import { loadPlanFromConfig } from "../plan-inputs.js";
import { addKnowledgeOptions } from "../forecast-knowledge.js";
import { loadEffectiveness } from "../effectiveness-read.js";
import { asOfFor } from "../as-of.js";
import type { CommandEnv } from "./shared.js";

interface CheckFlags extends OutputFlags {
  config?: string;
}

export function checkCommand(env: CommandEnv): Command {
  const { ctx } = env;
  const cmd = addKnowledgeOptions(addConfigOption(new Command("check")))
    .description("evaluate the config's thresholds (Cost-at-Risk, over-hedge probability, hedge-ratio bands, effectiveness, data quality); exit 1 on a breach")
    .addOption(new Option("--as-of <date>", "the run date for the stale-data rule (default: today, UTC)").argParser(parseAsOf))
    .addOption(new Option("--seed <n>", "seed of every random draw (default: the config's, else 42)").argParser(parseIntOption("--seed", 0, 2 ** 32 - 1)))
    .addOption(new Option("--paths <n>", "simulated paths (default: the config's simulation.paths)").argParser(parseIntOption("--paths", 100, 1_000_000)))
    .addHelpText(
      "after",
      `
Exit codes: 0 every rule passes · 1 a rule is breached (the table is printed first) · 2 bad config · 3 bad data.

Examples:
  tokenhedge check --config fixtures/config/acme.config.yaml --as-of 2026-11-05
  tokenhedge check --config hedge.config.yaml --json > check.json`,
    );
  return env.output(cmd).action((flags: CheckFlags, self: Command) => {
    const cfg = requireComplete(resolveForCommand(ctx, self));
    const stage = loadPlanFromConfig(ctx, cfg);
    warn(ctx, [...stage.exposure.forecast.warnings, ...stage.plan.warnings]);
    const effectiveness = checksNeedEffectiveness(cfg) ? loadEffectiveness(ctx, cfg.effectiveness!).result : null;
    const run = evaluateChecks(stage, cfg, asOfFor(cfg), { effectiveness });
    emit(ctx, flags, {
      json: () => checkDocument(run.summary, run.meta),
      csv: () => checkCsv(run.summary),
      human: () => checkHuman(run.summary, run.meta, ctx.colour),
    }, stage.inputs.files);
    // A breach is a result, not an error: the output above is complete, only the exit code says so.
    if (!run.summary.pass) ctx.exitCode = EXIT.breach;
  });
}
