/** `tokenhedge check`: the options; the action (actions/check.ts) loads when it runs. */
import { Command } from "commander";
import { asOfOption, confidenceOption, pathsOption, seedOption } from "../options.js";
import { addConfigOption } from "../config-flags.js";
import { addKnowledgeOptions } from "../forecast-knowledge-flags.js";
import { addUsageReadOptions } from "../usage-flags.js";
import { lazyAction, type CommandEnv } from "./shared.js";

export function checkCommand(env: CommandEnv): Command {
  const cmd = addUsageReadOptions(addKnowledgeOptions(addConfigOption(new Command("check"))))
    .description(
      "evaluate the config's thresholds (Cost-at-Risk, over-hedge probability, hedge-ratio bands, effectiveness, data quality); exit 1 on a breach",
    )
    .addOption(asOfOption("the run date for the stale-data rule (default: today, UTC)"))
    .addOption(seedOption("seed of every random draw (default: the config's, else 42)"))
    .addOption(pathsOption("simulated paths (default: the config's simulation.paths)"))
    .addOption(
      confidenceOption(
        "level of the Cost-at-Risk that maxCostAtRisk is tested at, e.g. 0.9 or 90% (default: the config's simulation.confidence, else 95%)",
      ),
    )
    .addHelpText(
      "after",
      `
Exit codes: 0 every rule passes · 1 a rule is breached (the table is printed first) · 2 bad config · 3 bad data.

Examples:
  tokenhedge check --config fixtures/config/acme.config.yaml --as-of 2026-11-05
  tokenhedge check --config hedge.config.yaml --json > check.json`,
    );
  return env.output(cmd).action(lazyAction(async () => (await import("../actions/check.js")).checkAction(env)));
}
