/** `tokenhedge sql`'s action (its options: commands/sql.ts). */
import { emit, type OutputFlags } from "../output.js";
import type { DialectName } from "../../sql/dialect-names.js";
import type { DayLayout } from "../../sql/expr.js";
import { DEFAULT_HEADERS } from "../../sql/headers.js";
import { buildPlan } from "../../sql/plan.js";
import { renderSql } from "../../sql/render.js";
import { readHeader } from "../sql-header.js";
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
