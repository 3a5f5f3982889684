/** `tokenhedge report`'s action (its options: commands/report.ts). */
import type { Command } from "commander";
import { requireComplete } from "../../config/index.js";
import { HedgeError } from "../../errors.js";
import { buildReportStage, reportInputFiles, reportOutputs } from "../../pipeline/index.js";
import { toJson } from "../../report/json.js";
import { notice, warn } from "../output.js";
import { resolveForCommand } from "../config-options.js";
import { loadPlanFromConfig } from "../plan-inputs.js";
import { loadEffectiveness } from "../effectiveness-read.js";
import { hashInputs, writeReportFiles } from "../report-files.js";
import { asOfFor } from "../as-of.js";
import { VERSION } from "../version.js";
import type { CommandEnv } from "../commands/shared.js";
import { join } from "node:path";
import type { Framework } from "../../effectiveness/relationship.js";
import { parseJsonText } from "../../schema/zod-errors.js";
import { readTextFile } from "../files.js";

export interface ReportFlags {
  out?: string;
  json?: boolean;
  config?: string;
  previous?: string;
  framework?: Framework;
  referencesIndex?: boolean;
  pdf?: boolean;
  /** Also write report.xlsx. */
  xlsx?: boolean;
  /** The CSV tables for Excel (BOM, ASCII headers). */
  excel?: boolean;
  /** A saved plan (`plan --json`) instead of planning again. */
  plan?: string;
}

export function reportAction(env: CommandEnv) {
  return async (flags: ReportFlags, self: Command): Promise<void> => {
    const { ctx } = env;
    if (!flags.out)
      throw new HedgeError("USAGE_MISSING_FLAG", "missing --out", {
        expected: "--out DIR: the directory to write the report into",
        hint: "e.g. --out reports/2026-11",
      });
    const resolved = resolveForCommand(ctx, self);
    const cfg = requireComplete(resolved);
    const asOf = asOfFor(cfg);
    const stage = await loadPlanFromConfig(ctx, cfg, flags.plan);
    // Every usage file read, one line each (a directory or glob in the config expanded), in the config's order.
    const usageFiles = (stage.inputs.usageSources?.inputs ?? []).map((i) => ({ role: "usage", path: i.path }));
    const listed = reportInputFiles(cfg);
    const at = listed.findIndex((f) => f.role === "usage");
    const files = listed.filter((f) => f.role !== "usage");
    files.splice(at < 0 ? files.length : at, 0, ...usageFiles);
    if (flags.plan) files.push({ role: "saved plan", path: flags.plan });
    const hashes = hashInputs(ctx, files);
    const effectiveness = cfg.effectiveness ? loadEffectiveness(ctx, cfg.effectiveness) : null;
    const previousFile = flags.previous ? join(flags.previous, "report.json") : null;
    const previous = previousFile
      ? {
          file: previousFile,
          document: parseJsonText(readTextFile(previousFile, ctx.cwd), previousFile, "INPUT_INVALID"),
        }
      : null;
    // The framework is chosen explicitly, by flag or by the config's report.framework (the flag wins).
    const framework = flags.framework ?? cfg.report.framework;
    const accounting = framework
      ? { framework, contractReferencesIndex: flags.referencesIndex === true || cfg.report.referencesIndex === true }
      : null;
    const { model, warnings } = buildReportStage({
      stage,
      cfg,
      resolved,
      asOf,
      toolVersion: VERSION,
      hashes,
      effectiveness,
      previous,
      accounting,
    });
    warn(ctx, warnings);
    const outputs: Record<string, string | Uint8Array> = reportOutputs(model, {
      xlsx: flags.xlsx === true,
      excel: flags.excel === true,
    });
    if (flags.pdf)
      outputs["report.pdf"] = (await import("../report-pdf.js")).renderPdf(outputs["report.html"] as string, ctx.env);
    const written = writeReportFiles(
      ctx,
      flags.out,
      outputs,
      files.map((f) => f.path),
    );
    notice(ctx, `wrote ${written.length} files to ${flags.out}`);
    if (flags.json) ctx.stdout.write(toJson({ command: "report", out: flags.out, asOf, files: written }));
    else ctx.stdout.write(written.map((w) => `${w.path}\n`).join(""));
  };
}
