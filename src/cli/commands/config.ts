import { Command, Option } from "commander";
import { missingKeys } from "../../config/index.js";
import { configDocument, configHuman } from "../../report/views/config.js";
import { toJson } from "../../report/json.js";
import { parseAsOf, parseIntOption, parseNumberOption } from "../options.js";
import { addConfigOption, resolveForCommand } from "../config-options.js";
import type { CommandEnv } from "./shared.js";

interface ShowFlags {
  json?: boolean;
}

/** `tokenhedge config show`: the resolved config and where each value came from. */
export function configCommand(env: CommandEnv): Command {
  const { ctx } = env;
  const show = addConfigOption(new Command("show"))
    .description("print the resolved config: every value and where it came from (flag > env TOKENHEDGE_* > config file > default)")
    .option("--json", "print the JSON document (values, sources, missing keys)")
    .option("--curve <file>", "override the curve")
    .option("--contract <file>", "override the contract spec")
    .option("--policy <file>", "override the policy")
    .addOption(new Option("--ratio <r>", "override with one target ratio").argParser(parseNumberOption("--ratio", 0, 1)))
    .addOption(new Option("--horizon <months>", "override the horizon").argParser(parseIntOption("--horizon", 1, 120)))
    .addOption(new Option("--seed <n>", "override the seed").argParser(parseIntOption("--seed", 0, 2 ** 32 - 1)))
    .addOption(new Option("--as-of <date>", "override the as-of date").argParser(parseAsOf))
    // A grandchild command gets no settings from the program: make errors and help behave like everywhere else.
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) })
    .action((flags: ShowFlags, cmd: Command) => {
      const resolved = resolveForCommand(ctx, cmd);
      const missing = missingKeys(resolved);
      ctx.stdout.write(flags.json ? toJson(configDocument(resolved, missing)) : configHuman(resolved, missing, ctx.colour));
    });
  return new Command("config").description("show the resolved config (tokenhedge config show)").addCommand(show);
}
