/**
 * `tokenhedge completion SHELL`'s action: builds every command for real (their options are cheap to load,
 * docs/startup.md) and prints the script for the shell. The scripts are generated, so a new flag completes at once.
 */
import type { Command } from "commander";
import { bashCompletion } from "../completion/bash.js";
import { fishCompletion } from "../completion/fish.js";
import { zshCompletion } from "../completion/zsh.js";
import { completionSpec } from "../completion/spec.js";
import type { Shell } from "../completion/shells.js";
import type { CommandEnv } from "../commands/shared.js";

const RENDER = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion } as const;

export function completionAction(env: CommandEnv) {
  return async (shell: Shell, _opts: unknown, self: Command): Promise<void> => {
    const root = self.parent;
    if (!root || !env.allCommands) throw new Error("completion must run as a sub-command of the program");
    const commands = await env.allCommands();
    env.ctx.stdout.write(RENDER[shell](completionSpec(root, commands)));
  };
}
