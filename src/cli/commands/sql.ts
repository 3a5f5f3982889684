import { Command, InvalidArgumentError, Option } from "commander";
import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse/sync";
import { emit, type OutputFlags } from "../output.js";
import { HedgeError } from "../../errors.js";
import { detectDelimiter } from "../../ingest/engine.js";
import { isDay } from "../../time/period.js";
import { DIALECTS, type DialectName } from "../../sql/dialects.js";
import type { DayLayout } from "../../sql/expr.js";
import { DEFAULT_HEADERS } from "../../sql/headers.js";
import { buildPlan } from "../../sql/plan.js";
import { renderSql } from "../../sql/render.js";
import type { CommandEnv, RunContext } from "./shared.js";

interface SqlFlags extends OutputFlags {
  profile: string;
  dialect: DialectName;
  table: string;
  column?: Record<string, string>;
  headerFrom?: string;
  from?: string;
  to?: string;
  dateFormat?: DayLayout;
  containment?: "nested" | "disjoint";
}

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
  if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError(`--column must be EXPORT_COLUMN=TABLE_COLUMN, got "${value}"`);
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
    .option("--column <export=table>", "the table's name for an export column, when renamed on load (repeatable)", collectColumn)
    .option("--header-from <file>", "a sample export (CSV or .csv.gz) whose header decides the optional columns (default: the profile's full header)")
    .option("--from <date>", "first day of the result (YYYY-MM-DD)", parseDay("--from"))
    .option("--to <date>", "last day of the result (YYYY-MM-DD)", parseDay("--to"))
    .addOption(new Option("--date-format <layout>", "how the date column is written: iso (YYYY-MM-DD…), mdy (MM/DD/YYYY), unix (seconds)").choices(["iso", "mdy", "unix"]))
    .addOption(new Option("--containment <rule>", "LiteLLM: cache tokens inside prompt_tokens (nested, current) or not (disjoint, older)").choices(["nested", "disjoint"]))
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
    .action((flags: SqlFlags) => run(env.ctx, flags));
}

/** The header line of a sample export, streamed (a multi-gigabyte or gzip file is not read whole). */
async function readHeader(ctx: RunContext, file: string): Promise<string[]> {
  const full = resolve(ctx.cwd, file);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const raw = createReadStream(full, { highWaterMark: 1 << 16 });
    const stream = /\.gz$/i.test(file) ? raw.pipe(createGunzip()) : raw;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (chunk.includes(10) || size > 1 << 20) break;
    }
    raw.destroy();
  } catch (err) {
    throw new HedgeError("USAGE", `--header-from: cannot read ${file}: ${(err as Error).message}`, { file, expected: "a readable CSV or .csv.gz export" });
  }
  const text = Buffer.concat(chunks).toString("utf8").replace(/^\ufeff/, "");
  const line = text.split(/\r?\n/)[0] ?? "";
  const rows = parse(line, { delimiter: detectDelimiter(Buffer.from(line)), relax_quotes: true }) as string[][];
  const header = rows[0] ?? [];
  if (header.length === 0) throw new HedgeError("USAGE", `--header-from: ${file} has no header line`, { file, expected: "a CSV export with a header" });
  return header;
}

async function run(ctx: RunContext, flags: SqlFlags): Promise<void> {
  const header = flags.headerFrom ? await readHeader(ctx, flags.headerFrom) : DEFAULT_HEADERS[flags.profile]!;
  const plan = buildPlan(flags.profile, {
    header,
    ...(flags.dateFormat ? { dateLayout: flags.dateFormat } : {}),
    ...(flags.containment ? { containment: flags.containment } : {}),
    ...(flags.from ? { from: flags.from } : {}),
    ...(flags.to ? { to: flags.to } : {}),
  });
  const command = ["tokenhedge sql", `--profile ${flags.profile}`, `--dialect ${flags.dialect}`, `--table ${flags.table}`, ...(flags.from ? [`--from ${flags.from}`] : []), ...(flags.to ? [`--to ${flags.to}`] : [])].join(" ");
  const sql = renderSql(plan, { dialect: flags.dialect, table: flags.table, ...(flags.column ? { columns: flags.column } : {}), command });
  emit(ctx, flags, {
    json: () => ({ command: "sql", profile: plan.profile, dialect: flags.dialect, table: flags.table, resultColumns: plan.resultColumns, notes: plan.notes, sql }),
    human: () => sql,
  });
}
