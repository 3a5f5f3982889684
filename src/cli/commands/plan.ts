/** `tokenhedge plan`: the options; the action (actions/plan.ts) loads when it runs. */
import { Command } from "commander";
import { addPlanOptions } from "../plan-flags.js";
import { lazyAction, type CommandEnv } from "./shared.js";

export function planCommand(env: CommandEnv): Command {
  const cmd = new Command("plan")
    .description(
      "the hedge plan: per delivery month the forecast, target ratio (policy ladder, minimum-variance h*, or price-and-volume risk), " +
        "the volume cap, contracts, P(over-hedge), locked-in cost, margin and fees, with a summary line",
    )
    .argument("<file>", "usage CSV");
  return env.output(addPlanOptions(cmd)).action(lazyAction(async () => (await import("../actions/plan.js")).planAction(env)));
}
