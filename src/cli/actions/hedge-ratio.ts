/** `tokenhedge hedge-ratio`'s action (its options: commands/hedge-ratio.ts; the computation: pipeline/hedge-ratio-stage.ts). */
import { hedgeRatioInputs, hedgeRatioView, type HedgeRatioSettings } from "../../pipeline/index.js";
import { hedgeRatioCsv, hedgeRatioDocument, hedgeRatioHuman } from "../../report/views/hedge-ratio.js";
import { readTextFile } from "../files.js";
import { emit, warn, type OutputFlags } from "../output.js";
import type { CommandEnv } from "../commands/shared.js";

export interface HedgeRatioFlags extends OutputFlags, HedgeRatioSettings {}

export function hedgeRatioAction(env: CommandEnv) {
  return (flags: HedgeRatioFlags): void => {
    const { ctx } = env;
    // The flags are checked before the history file is read.
    const inputs = hedgeRatioInputs(flags);
    const text = inputs.statistics ? undefined : readTextFile(flags.history!, ctx.cwd);
    const view = hedgeRatioView(flags, inputs, text);
    warn(ctx, view.result.warnings);
    emit(
      ctx,
      flags,
      {
        json: () => hedgeRatioDocument(view),
        csv: () => hedgeRatioCsv(view),
        human: () => hedgeRatioHuman(view),
      },
      flags.history ? [flags.history] : [],
    );
  };
}
