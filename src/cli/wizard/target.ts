/** Where init writes: --out, unless it exists (then --force, or on a terminal: replace it or name another file). */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { HedgeError } from "../../errors.js";
import type { RunContext } from "../commands/shared.js";
import type { Prompter } from "../prompts.js";
import type { InitFlags } from "./flags.js";

export async function chooseTarget(
  ctx: RunContext,
  prompter: Prompter,
  flags: InitFlags,
  interactive: boolean,
): Promise<string> {
  let target = flags.out;
  const targetExists = existsSync(resolve(ctx.cwd, target));
  if (targetExists && !flags.force) {
    if (!interactive) {
      throw new HedgeError("USAGE", "already exists; not replaced", {
        file: target,
        hint: "pass --force to replace it, or --out FILE for another name",
      });
    }
    const replace = await prompter.yesNo(`${target} exists. Replace it?`, false);
    if (!replace) {
      target = (
        await prompter.text("Write the config to", {
          default: target.replace(/\.ya?ml$/i, "") + ".new.yaml",
          validate: (v) => (existsSync(resolve(ctx.cwd, v.trim())) ? `${v} exists too` : true),
        })
      ).trim();
    }
  }
  return target;
}
