/** `tokenhedge diff`: the options; the action (actions/diff.ts) loads when it runs. */
import { Command } from "commander";
import { lazyAction, type CommandEnv } from "./shared.js";

export function diffCommand(env: CommandEnv): Command {
  return env
    .output(new Command("diff"), { csv: false })
    .description(
      "month on month: what changed between two saved plans (plan --json) or reports (report.json) in forecast, target, held, trades, cost and risk",
    )
    .argument("<old>", "last month's plan or report JSON")
    .argument("<new>", "this month's plan or report JSON")
    .action(lazyAction(async () => (await import("../actions/diff.js")).diffAction(env)));
}
