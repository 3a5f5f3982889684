/** `tokenhedge ingest`'s action (its options: commands/ingest.ts). */
import { loadUsages } from "../inputs.js";
import { STDIN } from "../usage-inputs.js";
import { HedgeError } from "../../errors.js";
import { usageDialectOf, type UsageReadFlags } from "../usage-flags.js";
import { emit, notice, warn } from "../output.js";
import { ingestCsv, ingestDocument, ingestHuman } from "../../report/views/ingest.js";
import { mappingToYaml } from "../../ingest/mapping/load.js";
import type { CommandEnv, RunContext } from "../commands/shared.js";
import type { OutputFlags } from "../output.js";
import type { Period } from "../../report/views/ingest.js";
import type { GroupBy } from "../../ingest/reading/option-names.js";

export interface IngestFlags extends OutputFlags, UsageReadFlags {
  map?: string;
  printMapping?: boolean;
  period: Period;
  asOf?: string;
  staleDays?: number;
  from?: string;
  to?: string;
  model?: string[];
  provider?: string[];
  project?: string[];
  groupBy?: GroupBy;
}

export function ingestAction(env: CommandEnv) {
  return (files: string[], flags: IngestFlags): Promise<void> => runIngest(env.ctx, files, flags);
}

async function runIngest(ctx: RunContext, files: string[], flags: IngestFlags): Promise<void> {
  if (flags.printMapping && (files.length > 1 || files[0] === STDIN))
    throw new HedgeError("USAGE", "--print-mapping prints the mapping of one usage file", {
      value: files.join(" "),
      expected: "one file: tokenhedge ingest FILE --print-mapping",
    });
  const usage = await loadUsages(ctx, files, {
    dialect: usageDialectOf(flags),
    ...(flags.map ? { map: flags.map } : {}),
    extra: {
      ...(flags.asOf ? { asOf: flags.asOf } : {}),
      ...(flags.staleDays !== undefined ? { staleDays: flags.staleDays } : {}),
      ...(flags.from ? { from: flags.from } : {}),
      ...(flags.to ? { to: flags.to } : {}),
      ...(flags.model ? { models: flags.model } : {}),
      ...(flags.provider ? { providers: flags.provider } : {}),
      ...(flags.project ? { projects: flags.project } : {}),
    },
  });
  const { series } = usage;
  if (flags.printMapping) {
    if (usage.inputs.length > 1)
      throw new HedgeError("USAGE", "--print-mapping prints the mapping of one usage file", {
        value: usage.inputs.map((i) => i.path).join(" "),
        expected: "one file: tokenhedge ingest FILE --print-mapping",
      });
    ctx.stdout.write(
      `# ${series.profile?.title ?? "mapping"}: ${series.profile?.reason ?? ""}\n${mappingToYaml(series.mapping!)}`,
    );
    return;
  }
  // Which format and why, and every assumption, on stderr (stdout stays a clean document).
  if (series.profile && (flags.json || flags.csv)) {
    notice(ctx, `note: format ${series.profile.id} (${series.profile.title}): ${series.profile.reason}`);
    for (const n of series.profile.notes) notice(ctx, `note: ${n}`);
  }
  warn(
    ctx,
    (series.findings ?? []).filter((f) => f.severity === "warning").map((f) => f.message),
  );
  const filters: Record<string, string | string[]> = {};
  if (flags.from) filters.from = flags.from;
  if (flags.to) filters.to = flags.to;
  if (flags.model) filters.model = flags.model;
  if (flags.provider) filters.provider = flags.provider;
  if (flags.project) filters.project = flags.project;
  const view = {
    ...(flags.groupBy ? { groupBy: flags.groupBy } : {}),
    filters,
    usage: { sources: usage.sources, overlaps: usage.overlaps },
  };
  emit(
    ctx,
    flags,
    {
      json: () => ingestDocument(series, flags.period, view),
      csv: () => ingestCsv(series, flags.period, view),
      human: () => ingestHuman(series, flags.period, ctx.colour, view),
    },
    usage.inputs.map((i) => i.path).filter((p) => p !== STDIN),
  );
}
