/**
 * `tokenhedge completion SHELL`'s action: builds every command for real (their options are cheap to load,
 * docs/startup.md) and prints the script for the shell. The scripts are generated, so a new flag completes at once.
 */
import { COMMANDS } from "../command-table.js";
import { buildProgram } from "../program.js";
import { bashCompletion } from "../completion/bash.js";
import { fishCompletion } from "../completion/fish.js";
import { zshCompletion } from "../completion/zsh.js";
import { completionSpec } from "../completion/spec.js";
import type { CommandEnv } from "../commands/shared.js";
import type { SHELLS } from "../commands/completion.js";

const RENDER = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion } as const;

export function completionAction(env: CommandEnv) {
  return async (shell: (typeof SHELLS)[number]): Promise<void> => {
    const program = await buildProgram(env, []);
    const commands = await Promise.all(COMMANDS.map(async (row) => (await row.load())(env)));
    env.ctx.stdout.write(RENDER[shell](completionSpec(program, commands)));
  };
}
