import { Command, Option } from "commander";
import { loadUsage } from "../inputs.js";
import { emit, type OutputFlags } from "../output.js";
import { ingestCsv, ingestDocument, ingestHuman, type Period } from "../../report/views/ingest.js";
import type { CommandEnv, RunContext } from "./shared.js";

interface IngestFlags extends OutputFlags {
  map?: string;
  period: Period;
}

export function ingestCommand(env: CommandEnv): Command {
  return env
    .output(new Command("ingest"))
    .description("validate and aggregate a usage CSV: per-period totals, token kinds, models, cost, missing days")
    .argument("<file>", "usage CSV (date,model,token_type,tokens,cost_usd or mapped with --map)")
    .option("--map <mapping>", "column mapping, e.g. date=day,tokens=n,kind=token_type,model=model,cost=cost_usd")
    .addOption(new Option("--period <period>", "aggregate by day or month").choices(["day", "month"]).default("month"))
    .action((file: string, flags: IngestFlags) => run(env.ctx, file, flags));
}

function run(ctx: RunContext, file: string, flags: IngestFlags): void {
  const series = loadUsage(ctx, file, flags.map);
  emit(
    ctx,
    flags,
    {
      json: () => ingestDocument(series, flags.period),
      csv: () => ingestCsv(series, flags.period),
      human: () => ingestHuman(series, flags.period, ctx.colour),
    },
    [file],
  );
}
