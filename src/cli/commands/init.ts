/** `tokenhedge init`: the options; the wizard (actions/init.ts, steps in wizard/) loads when it runs. */
import { Command, Option } from "commander";
import { DEFAULT_CONFIG_NAME, parseLadder } from "../wizard/flags.js";
import { parseIntOption, parseNumberOption, parseRateOption } from "../options.js";
import { inquirerPrompter, type Prompter } from "../prompts.js";
import { lazyAction, type CommandEnv } from "./shared.js";
import { addUsageReadOptions } from "../usage-flags.js";

export function initCommand(env: CommandEnv, prompter: Prompter = inquirerPrompter()): Command {
  return addUsageReadOptions(new Command("init"))
    .description(
      "interactive wizard: look at a usage file, ask for the curve, contract, policy and budget, show the plan, write hedge.config.yaml",
    )
    .option("--usage <file>", "usage CSV (default: found under the working directory)")
    .option("--curve <file>", "futures curve CSV")
    .option("--contract <file>", "contract spec JSON")
    .addOption(new Option("--policy <file>", "hedge policy JSON").conflicts(["ratio", "ladder"]))
    .addOption(
      new Option("--ratio <r>", "one hedge ratio for every month, 0–1")
        .argParser(parseRateOption("--ratio"))
        .conflicts("ladder"),
    )
    .addOption(
      new Option("--ladder <percents>", "target ratios in % per 3-month bucket (default 80,60,40,25)").argParser(
        parseLadder,
      ),
    )
    .addOption(
      new Option(
        "--budget <usd>",
        "budget for the horizon in USD (default: the forecast cost at the company's own price, else at the curve, + 10%)",
      ).argParser(parseNumberOption("--budget", 0)),
    )
    .addOption(
      new Option("--horizon <months>", "months to forecast at least").argParser(parseIntOption("--horizon", 1, 120)),
    )
    .option("--out <file>", "config file to write", DEFAULT_CONFIG_NAME)
    .option("-y, --yes", "accept every default: no prompt (for scripts and CI)")
    .option("--force", "replace an existing config file")
    .addHelpText(
      "after",
      `
Without a terminal, or in CI, init does not prompt: pass --yes and the files.
Before writing, init runs check's rules on the config: a band floor of its own ladder that the plan cannot
reach is lowered (asked first on a terminal) and noted in the file; any other breach is listed on stderr
and in the file's header (with --yes the file is still written; check then exits 1 on it).
Examples:
  tokenhedge init
  tokenhedge init --yes --usage fixtures/acme/usage.csv --curve fixtures/acme/token-curve.csv --contract fixtures/acme/token-contract.json --out hedge.config.yaml`,
    )
    .action(lazyAction(async () => (await import("../actions/init.js")).initAction(env, prompter)));
}
