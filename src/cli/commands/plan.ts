/** `tokenhedge plan`: the options; the action (actions/plan.ts) loads when it runs. */
import { Command, Option } from "commander";
import { confidenceOption, parseRateOption } from "../options.js";
import { addPlanOptions } from "../plan-flags.js";
import { lazyAction, type CommandEnv } from "./shared.js";

export function planCommand(env: CommandEnv): Command {
  const cmd = new Command("plan")
    .description(
      "the hedge plan: per delivery month the forecast, target ratio (policy ladder, minimum-variance h*, or price-and-volume risk), " +
        "the volume cap, contracts, P(over-hedge), locked-in cost, margin and fees; then, in the company's money, its expected cost, " +
        "Cost-at-Risk unhedged → hedged, the cost of hedging and the part the index cannot hedge",
    )
    .argument(
      "<files...>",
      "usage exports: files, directories, quoted globs ('exports/*.csv') or - for standard input; each one's format detected from its header",
    );
  addPlanOptions(cmd)
    .addOption(
      new Option(
        "--funding-rate <rate>",
        "annual rate at which the initial margin is funded, e.g. 5% or 0.05 (default: margin not costed)",
      ).argParser(parseRateOption("--funding-rate")),
    )
    .addOption(
      confidenceOption(
        "level of the delta-normal Cost-at-Risk, e.g. 0.9 or 90% (default: the config's simulation.confidence, else 95%)",
      ),
    );
  return env.output(cmd).action(lazyAction(async () => (await import("../actions/plan.js")).planAction(env)));
}
