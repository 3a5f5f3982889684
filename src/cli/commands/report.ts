import { Command, Option } from "commander";
import { requireComplete } from "../../config/index.js";
import { HedgeError } from "../../errors.js";
import { buildReportStage, reportInputFiles, reportOutputs } from "../../pipeline/index.js";
import { toJson } from "../../report/json.js";
import { warn } from "../output.js";
import { parseAsOf, parseIntOption } from "../options.js";
import { addConfigOption, resolveForCommand } from "../config-options.js";
import { loadPlanFromConfig } from "../plan-inputs.js";
import { addKnowledgeOptions } from "../forecast-knowledge.js";
import { loadEffectiveness } from "../effectiveness-read.js";
import { hashInputs, writeReportFiles } from "../report-files.js";
import { asOfFor } from "../as-of.js";
import { VERSION } from "../version.js";
import type { CommandEnv } from "./shared.js";
import { join } from "node:path";
import type { Framework } from "../../effectiveness/relationship.js";
import { parseJsonText } from "../../schema/zod-errors.js";
import { readTextFile } from "../files.js";

interface ReportFlags {
  out?: string;
  json?: boolean;
  config?: string;
  previous?: string;
  framework?: Framework;
  referencesIndex?: boolean;
}

export function reportCommand(env: CommandEnv): Command {
  const { ctx } = env;
  const cmd = addKnowledgeOptions(addConfigOption(new Command("report")))
    .description("the monthly report: report.md, a self-contained report.html with charts, report.json and CSV tables, with an audit block and a hedge designation memo")
    .option("--out <dir>", "directory to write the report into (created if missing)")
    .addOption(new Option("--as-of <date>", "the report date (default: today, UTC); the only value that changes between identical reruns").argParser(parseAsOf))
    .addOption(new Option("--seed <n>", "seed of every random draw (default: the config's, else 42)").argParser(parseIntOption("--seed", 0, 2 ** 32 - 1)))
    .addOption(new Option("--paths <n>", "Monte Carlo paths (default: the config's simulation.paths)").argParser(parseIntOption("--paths", 100, 1_000_000)))
    .option("--json", "print the list of files written as JSON (the report itself is report.json)")
    .option("--book <file>", "the hedge book already held (or book: in the config): the book's P&L and trades to target")
    .option("--settlements <file>", "final settlement prices of delivered months (or settlements: in the config)")
    .option("--previous <dir>", "last month's report directory: adds a month-on-month section against its report.json")
    .addOption(new Option("--framework <framework>", "accounting framework stated in the designation memo: asc815 or ifrs9").choices(["asc815", "ifrs9"]))
    .option("--references-index", "the purchase contract's price references the index: designate the price component (else the whole price risk)")
    .addHelpText(
      "after",
      `
Examples:
  tokenhedge report --config fixtures/config/acme.config.yaml --out out/2026-11 --as-of 2026-11-05
  0 6 2 * *  cd /srv/hedge && tokenhedge report --config hedge.config.yaml --out reports/$(date +\\%Y-\\%m)   (cron, monthly)`,
    );
  return cmd.action((flags: ReportFlags, self: Command) => {
    if (!flags.out) throw new HedgeError("USAGE_MISSING_FLAG", "missing --out", { expected: "--out DIR: the directory to write the report into", hint: "e.g. --out reports/2026-11" });
    const resolved = resolveForCommand(ctx, self);
    const cfg = requireComplete(resolved);
    const asOf = asOfFor(cfg);
    const files = reportInputFiles(cfg);
    const stage = loadPlanFromConfig(ctx, cfg);
    const hashes = hashInputs(ctx, files);
    const effectiveness = cfg.effectiveness ? loadEffectiveness(ctx, cfg.effectiveness) : null;
    const previousFile = flags.previous ? join(flags.previous, "report.json") : null;
    const previous = previousFile ? { file: previousFile, document: parseJsonText(readTextFile(previousFile, ctx.cwd), previousFile, "INPUT_INVALID") } : null;
    const accounting = flags.framework ? { framework: flags.framework, contractReferencesIndex: flags.referencesIndex === true } : null;
    const { model, warnings } = buildReportStage({ stage, cfg, resolved, asOf, toolVersion: VERSION, hashes, effectiveness, previous, accounting });
    warn(ctx, warnings);
    const written = writeReportFiles(ctx, flags.out, reportOutputs(model), files.map((f) => f.path));
    ctx.stderr.write(`wrote ${written.length} files to ${flags.out}\n`);
    if (flags.json) ctx.stdout.write(toJson({ command: "report", out: flags.out, asOf, files: written }));
    else ctx.stdout.write(written.map((w) => `${w.path}\n`).join(""));
  });
}
