/** `tokenhedge sql`: the options; the action (actions/sql.ts) loads when it runs. */
import { Command, InvalidArgumentError, Option } from "commander";
import { isDay } from "../../time/period.js";
import { DIALECTS } from "../../sql/dialect-names.js";
import { DEFAULT_HEADERS } from "../../sql/headers.js";
import { lazyAction, type CommandEnv } from "./shared.js";

const SQL_PROFILES = Object.keys(DEFAULT_HEADERS);

function parseDay(flag: string) {
  return (value: string): string => {
    if (!isDay(value)) throw new InvalidArgumentError(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
    return value;
  };
}

/** Repeatable --column EXPORT=TABLE: the table's name for an export column. */
function collectColumn(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const at = value.indexOf("=");
  if (at <= 0 || at === value.length - 1)
    throw new InvalidArgumentError(`--column must be EXPORT_COLUMN=TABLE_COLUMN, got "${value}"`);
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  Object.assign(out, previous ?? {});
  out[value.slice(0, at).trim()] = value.slice(at + 1).trim();
  return out;
}

export function sqlCommand(env: CommandEnv): Command {
  const cmd = new Command("sql").description(
    "print the aggregation query of an export profile for the warehouse that holds the export (Athena/Trino, BigQuery, Snowflake, Databricks/Spark, DuckDB); its CSV result ingests to the same totals as the raw export",
  );
  return env
    .output(cmd, { csv: false })
    .addOption(new Option("--profile <id>", "the export profile").choices(SQL_PROFILES).makeOptionMandatory())
    .addOption(new Option("--dialect <name>", "the SQL dialect").choices([...DIALECTS]).makeOptionMandatory())
    .option("--table <name>", "the table or view holding the export (catalog.schema.table)", "usage_export")
    .option(
      "--column <export=table>",
      "the table's name for an export column, when renamed on load (repeatable)",
      collectColumn,
    )
    .option(
      "--header-from <file>",
      "a sample export (CSV or .csv.gz) whose header decides the optional columns (default: the profile's full header)",
    )
    .option("--from <date>", "first day of the result (YYYY-MM-DD)", parseDay("--from"))
    .option("--to <date>", "last day of the result (YYYY-MM-DD)", parseDay("--to"))
    .addOption(
      new Option(
        "--date-format <layout>",
        "how the date column is written: iso (YYYY-MM-DD…), mdy (MM/DD/YYYY), unix (seconds)",
      ).choices(["iso", "mdy", "unix"]),
    )
    .addOption(
      new Option(
        "--containment <rule>",
        "LiteLLM: cache tokens inside prompt_tokens (nested, current) or not (disjoint, older)",
      ).choices(["nested", "disjoint"]),
    )
    .addHelpText(
      "after",
      `
Examples:
  tokenhedge sql --profile aws-cur --dialect athena --table cur.data_exports --from 2026-01-01 --to 2026-01-31
  tokenhedge sql --profile gcp-billing --dialect bigquery --table billing.vertex_daily
  tokenhedge sql --profile litellm --dialect databricks --table main.litellm.daily_user_spend --column date=usage_day
The result's columns: usage_date, provider, model, project, token_kind, currency, tokens, cost, cost_only (docs/warehouse.md).
`,
    )
    .action(lazyAction(async () => (await import("../actions/sql.js")).sqlAction(env)));
}
