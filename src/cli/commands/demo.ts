/** `tokenhedge demo`: the options; the action (actions/demo.ts) loads when it runs. */
import { Command } from "commander";
import { lazyAction, type CommandEnv } from "./shared.js";

export function demoCommand(env: CommandEnv): Command {
  return new Command("demo")
    .description(
      "the whole pipeline on the bundled fixtures (what `npm start` runs): the answer first, then each stage",
    )
    .action(lazyAction(async () => (await import("../actions/demo.js")).demoAction(env)));
}
