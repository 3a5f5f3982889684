/** `tokenhedge sql`'s action (its options: commands/sql.ts). */
import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse/sync";
import { checkRegularInput } from "../files.js";
import { emit, type OutputFlags } from "../output.js";
import { HedgeError } from "../../errors.js";
import { detectDelimiter } from "../../ingest/engine.js";
import type { DialectName } from "../../sql/dialect-names.js";
import type { DayLayout } from "../../sql/expr.js";
import { DEFAULT_HEADERS } from "../../sql/headers.js";
import { buildPlan } from "../../sql/plan.js";
import { renderSql } from "../../sql/render.js";
import type { CommandEnv, RunContext } from "../commands/shared.js";

export interface SqlFlags extends OutputFlags {
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

export function sqlAction(env: CommandEnv) {
  return (flags: SqlFlags): Promise<void> => run(env.ctx, flags);
}

/** The header line of a sample export, streamed (a multi-gigabyte or gzip file is not read whole). */
async function readHeader(ctx: RunContext, file: string): Promise<string[]> {
  const full = resolve(ctx.cwd, file);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    // A FIFO would never open without a writer, and /dev/zero has no header line to end.
    checkRegularInput(file, full, "CSV or .csv.gz export");
    const raw = createReadStream(full, { highWaterMark: 1 << 16 });
    const stream = /\.gz$/i.test(file) ? raw.pipe(createGunzip()) : raw;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (chunk.includes(10) || size > 1 << 20) break;
    }
    raw.destroy();
  } catch (err) {
    throw new HedgeError("USAGE", `--header-from: cannot read ${file}: ${(err as Error).message}`, {
      file,
      expected: "a readable CSV or .csv.gz export",
      ...(err instanceof HedgeError && err.details.hint !== undefined ? { hint: err.details.hint } : {}),
    });
  }
  const text = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\ufeff/, "");
  const line = text.split(/\r?\n/)[0] ?? "";
  const rows = parse(line, { delimiter: detectDelimiter(Buffer.from(line)), relax_quotes: true }) as string[][];
  const header = rows[0] ?? [];
  if (header.length === 0)
    throw new HedgeError("USAGE", `--header-from: ${file} has no header line`, {
      file,
      expected: "a CSV export with a header",
    });
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
  const command = [
    "tokenhedge sql",
    `--profile ${flags.profile}`,
    `--dialect ${flags.dialect}`,
    `--table ${flags.table}`,
    ...(flags.from ? [`--from ${flags.from}`] : []),
    ...(flags.to ? [`--to ${flags.to}`] : []),
  ].join(" ");
  const sql = renderSql(plan, {
    dialect: flags.dialect,
    table: flags.table,
    ...(flags.column ? { columns: flags.column } : {}),
    command,
  });
  emit(ctx, flags, {
    json: () => ({
      command: "sql",
      profile: plan.profile,
      dialect: flags.dialect,
      table: flags.table,
      resultColumns: plan.resultColumns,
      notes: plan.notes,
      sql,
    }),
    human: () => sql,
  });
}
