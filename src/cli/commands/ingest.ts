/** `tokenhedge ingest FILE`: the options; the action (actions/ingest.ts) loads when it runs. */
import { Command, InvalidArgumentError, Option } from "commander";
import { withConfig } from "../config-flags.js";
import { parseAsOf, parseIntOption } from "../options.js";
import type { IngestOptions } from "../../ingest/options.js";
import { DATE_FORMATS, GROUP_BY, PROFILE_IDS } from "../../ingest/option-names.js";
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

const DELIMITERS: Record<string, "," | ";" | "\t" | "|"> = {
  ",": ",",
  comma: ",",
  ";": ";",
  semicolon: ";",
  tab: "\t",
  "\\t": "\t",
  "\t": "\t",
  "|": "|",
  pipe: "|",
};
const THOUSANDS: Record<string, IngestOptions["thousands"]> = {
  none: "none",
  ",": ",",
  ".": ".",
  space: " ",
  " ": " ",
  "'": "'",
  apostrophe: "'",
};

function parseDelimiter(value: string): string {
  const d = DELIMITERS[value.toLowerCase()];
  if (!d) throw new InvalidArgumentError(`--delimiter must be one of , ; tab |, got "${value}"`);
  return d;
}

function parseThousands(value: string): string {
  const t = THOUSANDS[value.toLowerCase()];
  if (!t) throw new InvalidArgumentError(`--thousands must be one of none , . space ', got "${value}"`);
  return t;
}

export function ingestCommand(env: CommandEnv): Command {
  const cmd = new Command("ingest")
    .description(
      "read a usage export (OpenAI, Anthropic, AWS CUR, Azure, GCP, FOCUS, LiteLLM, OpenRouter, DeepSeek or any CSV): per-period totals, kinds, models, cost, data-quality findings",
    )
    .argument("<file>", "usage CSV; the export format is detected from its header (default: the config's usage file)");
  return env
    .output(withConfig(cmd, env.ctx, { usageArgument: true }))
    .addOption(new Option("--format <id>", "the export format instead of detecting it").choices([...PROFILE_IDS]))
    .option("--map <mapping>", "generic columns, e.g. date=day,tokens=n,kind=token_type,model=model,cost=cost_usd")
    .option("--mapping <file>", "a YAML/JSON mapping file (default: FILE.map.yaml beside the data, when present)")
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
    .option("--delimiter <char>", "field delimiter: , ; tab | (default: detected)", parseDelimiter)
    .addOption(new Option("--decimal <mark>", "decimal mark of numbers").choices([".", ","]))
    .option(
      "--thousands <sep>",
      "thousands separator in numbers: none , . space ' (default none; . with --decimal ,)",
      parseThousands,
    )
    .addOption(
      new Option("--date-format <format>", "date format (default: detected per cell)").choices([...DATE_FORMATS]),
    )
    .option("--tz <zone>", "time zone the days are counted in: IANA name or offset (default UTC)")
    .addOption(
      new Option(
        "--containment <rule>",
        "generic wide files: cache columns inside the input column (nested) or separate (disjoint)",
      ).choices(["nested", "disjoint"]),
    )
    .addOption(
      new Option("--on-error <mode>", "stop at the first bad row, or skip bad rows and report them")
        .choices(["stop", "skip"])
        .default("stop"),
    )
    .option("--dedupe", "remove duplicate rows (same key) instead of only reporting them")
    .option("--as-of <date>", "today, for future-dated rows and stale data (YYYY-MM-DD)", parseAsOf)
    .option(
      "--stale-days <n>",
      "days without data before --as-of that count as stale (default 7)",
      parseIntOption("--stale-days", 0, 3650),
    )
    .option("--exclude-credits", "leave out credit, tax and refund rows (by default their cost is included)")
    .option("--currency <code>", "the currency to report when the cost comes in several")
    .addOption(
      new Option(
        "--engine <name>",
        "builtin reader, or duckdb: DuckDB scans and groups a file or quoted glob of CSV, .csv.gz or Parquet exports (optional package @duckdb/node-api; Parquet always uses it)",
      )
        .choices(["builtin", "duckdb"])
        .default("builtin"),
    )
    .action(lazyAction(async () => (await import("../actions/ingest.js")).ingestAction(env)));
}
