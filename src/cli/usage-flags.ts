/**
 * The reading flags: how a usage file is read, declared once and given to every command that reads one
 * (ingest, forecast, plan, scenarios, simulate, check, report, init). The same keys live in the config's
 * `usage:` section (config/schema.ts); the flag wins over the key (config-names.ts binds the two). A hint in
 * an error may therefore name any of these flags on any of those commands.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import {
  CONTAINMENT_RULES,
  DATE_FORMATS,
  DELIMITER_NAMES,
  ON_ERROR_MODES,
  PROFILE_IDS,
  THOUSANDS_NAMES,
  USAGE_DIALECT_KEYS,
  USAGE_ENGINES,
  type UsageDialect,
} from "../ingest/reading/option-names.js";

/** The parsed reading flags: the dialect, and `--map` (generic columns, bound to the config's `usage.map`). */
export interface UsageReadFlags extends UsageDialect {
  map?: string;
}

function parseDelimiter(value: string): string {
  const d = Object.hasOwn(DELIMITER_NAMES, value.toLowerCase()) ? DELIMITER_NAMES[value.toLowerCase()] : undefined;
  if (!d) throw new InvalidArgumentError(`--delimiter must be one of , ; tab |, got "${value}"`);
  return d;
}

function parseThousands(value: string): string {
  const t = Object.hasOwn(THOUSANDS_NAMES, value.toLowerCase()) ? THOUSANDS_NAMES[value.toLowerCase()] : undefined;
  if (!t) throw new InvalidArgumentError(`--thousands must be one of none , . space ', got "${value}"`);
  return t;
}

/**
 * Add the reading flags. None has a commander default: an untyped flag leaves the config's key (or the
 * reader's own default) in force, and the resolved-parameters audit records only what was set.
 */
export function addUsageReadOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option("--format <id>", "usage export format instead of detecting it from the header").choices([
        ...PROFILE_IDS,
      ]),
    )
    .addOption(
      new Option("--date-format <format>", "usage date format (default: detected per cell)").choices([...DATE_FORMATS]),
    )
    .option("--delimiter <char>", "usage field delimiter: , ; tab | (default: detected)", parseDelimiter)
    .addOption(new Option("--decimal <mark>", "decimal mark of the usage numbers").choices([".", ","]))
    .option(
      "--thousands <sep>",
      "thousands separator in the usage numbers: none , . space ' (default none; . with --decimal ,)",
      parseThousands,
    )
    .option("--tz <zone>", "time zone the usage days are counted in: IANA name or offset (default UTC)")
    .addOption(
      new Option(
        "--on-error <mode>",
        "bad usage rows: stop at the first (default), or skip them and report them",
      ).choices([...ON_ERROR_MODES]),
    )
    .option(
      "--map <columns>",
      "generic usage columns, e.g. date=day,tokens=n,kind=token_type,model=model,cost=cost_usd",
    )
    .option("--mapping <file>", "a YAML/JSON usage mapping file (default: FILE.map.yaml beside the data, when present)")
    .addOption(
      new Option(
        "--containment <rule>",
        "generic wide usage files: cache columns inside the input column (nested) or separate (disjoint)",
      ).choices([...CONTAINMENT_RULES]),
    )
    .option("--dedupe", "remove duplicate usage rows (same key) instead of only reporting them")
    .option("--exclude-credits", "leave out credit, tax and refund rows (by default their cost is included)")
    .option("--currency <code>", "the usage cost currency to report when the file has several")
    .addOption(
      new Option(
        "--engine <name>",
        "usage reader: builtin (default), or duckdb: DuckDB scans and groups a file or quoted glob of CSV, .csv.gz or Parquet exports (optional package @duckdb/node-api; Parquet always uses it)",
      ).choices([...USAGE_ENGINES]),
    );
}

/** The reading flags of a command's parsed options (whatever else the options hold). */
export function usageDialectOf(flags: object): UsageDialect {
  const values = flags as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of USAGE_DIALECT_KEYS) if (values[key] !== undefined) out[key] = values[key];
  return out as UsageDialect;
}
