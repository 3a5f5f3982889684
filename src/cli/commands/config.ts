/** `tokenhedge config`: the options; the action (actions/config.ts) loads when it runs. */
import { Command, Option } from "commander";
import { asOfOption, parseIntOption, parseRateOption, seedOption } from "../options.js";
import { addConfigOption } from "../config-flags.js";
import { lazyAction, type CommandEnv } from "./shared.js";
import { usageOutput } from "../usage-errors.js";

/** `tokenhedge config show`: the resolved config and where each value came from. */
export function configCommand(env: CommandEnv): Command {
  const { ctx } = env;
  const show = addConfigOption(new Command("show"))
    .description(
      "print the resolved config: every value and where it came from (flag > env TOKENHEDGE_* > config file > default)",
    )
    .option("--json", "print the JSON document (values, sources, missing keys)")
    .option("--curve <file>", "override the curve")
    .option("--contract <file>", "override the contract spec")
    .option("--policy <file>", "override the policy")
    .addOption(new Option("--ratio <r>", "override with one target ratio").argParser(parseRateOption("--ratio")))
    .addOption(new Option("--horizon <months>", "override the horizon").argParser(parseIntOption("--horizon", 1, 120)))
    .addOption(seedOption("override the seed"))
    .addOption(asOfOption("override the as-of date"))
    // A grandchild command gets no settings from the program: make errors and help behave like everywhere else.
    .exitOverride()
    .action(lazyAction(async () => (await import("../actions/config.js")).configAction(env)));
  usageOutput(show, ctx);
  return new Command("config").description("show the resolved config (tokenhedge config show)").addCommand(show);
}
