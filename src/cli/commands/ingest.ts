/** `tokenhedge ingest FILE`: the options; the action (actions/ingest.ts) loads when it runs. */
import { Command, InvalidArgumentError, Option } from "commander";
import { withConfig } from "../config-flags.js";
import { asOfOption, parseIntOption } from "../options.js";
import { GROUP_BY } from "../../ingest/reading/option-names.js";
import { addUsageReadOptions } from "../usage-flags.js";
import { isDay } from "../../time/period.js";
import { lazyAction, type CommandEnv } from "./shared.js";

function parseDayOption(flag: string) {
  return (value: string): string => {
    if (!isDay(value)) throw new InvalidArgumentError(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
    return value;
  };
}

/** Repeatable and comma-separated: --model a --model b,c → [a, b, c]. */
function collect(value: string, previous: string[] | undefined): string[] {
  const parts = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (parts.length === 0) throw new InvalidArgumentError("expected at least one value");
  return [...(previous ?? []), ...parts];
}

export function ingestCommand(env: CommandEnv): Command {
  const cmd = new Command("ingest")
    .description(
      "read a usage export (OpenAI, Anthropic, AWS CUR, Azure, GCP, FOCUS, LiteLLM, OpenRouter, DeepSeek or any CSV): per-period totals, kinds, models, cost, data-quality findings",
    )
    .argument(
      "<files...>",
      "usage exports: files, directories, quoted globs ('exports/*.csv') or - for standard input; each one's format detected from its header (default: the config's usage file)",
    );
  return addUsageReadOptions(env.output(withConfig(cmd, env.ctx, { usageArgument: true })))
    .option("--print-mapping", "print the mapping in force as YAML (a starting point for --mapping) and exit")
    .addOption(new Option("--period <period>", "aggregate by day or month").choices(["day", "month"]).default("month"))
    .addOption(
      new Option("--group-by <dimension>", "totals per model, provider, project or token kind").choices([...GROUP_BY]),
    )
    .option("--from <date>", "first day to include (YYYY-MM-DD)", parseDayOption("--from"))
    .option("--to <date>", "last day to include (YYYY-MM-DD)", parseDayOption("--to"))
    .option("--model <names>", "only these models (repeatable, comma-separated)", collect)
    .option("--provider <names>", "only these providers (repeatable, comma-separated)", collect)
    .option("--project <names>", "only these projects (repeatable, comma-separated)", collect)
    .addOption(asOfOption("today, for future-dated rows and stale data (YYYY-MM-DD)"))
    .option(
      "--stale-days <n>",
      "days without data before --as-of that count as stale (default 7)",
      parseIntOption("--stale-days", 0, 3650),
    )
    .addHelpText(
      "after",
      "\nEnvironment:\n  TOKENHEDGE_THREADS=auto|N  worker threads for a large file: auto (the default, also when unset): files of\n                             64 MB or more, one thread per core up to 4; 1: one thread; N: N threads at any size (at most 16)",
    )
    .action(lazyAction(async () => (await import("../actions/ingest.js")).ingestAction(env)));
}
