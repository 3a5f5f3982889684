/** `tokenhedge config show`'s action (its options: commands/config.ts). */
import type { Command } from "commander";
import { missingKeys } from "../../config/index.js";
import { configDocument, configHuman } from "../../report/views/config.js";
import { toJson } from "../../report/json.js";
import { resolveForCommand } from "../config-options.js";
import type { CommandEnv } from "../commands/shared.js";

export interface ShowFlags {
  json?: boolean;
}

/** `tokenhedge config show`: the resolved config and where each value came from. */
export function configAction(env: CommandEnv) {
  return (flags: ShowFlags, cmd: Command): void => {
    const { ctx } = env;
    const resolved = resolveForCommand(ctx, cmd);
    const missing = missingKeys(resolved);
    ctx.stdout.write(
      flags.json ? toJson(configDocument(resolved, missing)) : configHuman(resolved, missing, ctx.colour),
    );
  };
}
