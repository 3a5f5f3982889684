/** `tokenhedge check`'s action (its options: commands/check.ts). */
import type { Command } from "commander";
import { requireComplete } from "../../config/index.js";
import { checkCsv, checkDocument, checkHuman } from "../../report/views/check.js";
import { EXIT } from "../../errors.js";
import { checksNeedEffectiveness, evaluateChecks } from "../../pipeline/index.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { resolveForCommand } from "../config-options.js";
import { loadPlanFromConfig } from "../plan-inputs.js";
import { loadEffectiveness } from "../effectiveness-read.js";
import { asOfFor } from "../as-of.js";
import type { CommandEnv } from "../commands/shared.js";

export interface CheckFlags extends OutputFlags {
  config?: string;
}

export function checkAction(env: CommandEnv) {
  return async (flags: CheckFlags, self: Command): Promise<void> => {
    const { ctx } = env;
    const cfg = requireComplete(resolveForCommand(ctx, self));
    const stage = await loadPlanFromConfig(ctx, cfg);
    warn(ctx, [...stage.exposure.forecast.warnings, ...stage.plan.warnings]);
    const effectiveness = checksNeedEffectiveness(cfg) ? loadEffectiveness(ctx, cfg.effectiveness!).result : null;
    const run = evaluateChecks(stage, cfg, asOfFor(cfg), { effectiveness });
    emit(
      ctx,
      flags,
      {
        json: () => checkDocument(run.summary, run.meta),
        csv: () => checkCsv(run.summary),
        human: () => checkHuman(run.summary, run.meta, ctx.colour),
      },
      stage.inputs.files,
    );
    // A breach is a result, not an error: the output above is complete, only the exit code says so.
    if (!run.summary.pass) ctx.exitCode = EXIT.breach;
  };
}
