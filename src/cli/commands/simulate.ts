/** `tokenhedge simulate`: the options; the action (actions/simulate.ts) loads when it runs. */
import { Command } from "commander";
import { addPlanOptions } from "../plan-flags.js";
import { addSavedPlanOption } from "../saved-plan-flags.js";
import { addSimulateOptions } from "../simulate-flags.js";
import { lazyAction, type CommandEnv } from "./shared.js";

export function simulateCommand(env: CommandEnv): Command {
  const cmd = new Command("simulate")
    .description(
      "Monte Carlo of price and volume: cost distribution, Cost-at-Risk, margin need and a hedge-ratio sweep 0%–150%",
    )
    .argument(
      "<files...>",
      "usage exports: files, directories, quoted globs ('exports/*.csv') or - for standard input; each one's format detected from its header",
    );
  return addSimulateOptions(env.output(addSavedPlanOption(addPlanOptions(cmd)))).action(
    lazyAction(async () => (await import("../actions/simulate.js")).simulateAction(env)),
  );
}
