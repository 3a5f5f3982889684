import { Command, Option } from "commander";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describeSource, requireComplete, type HedgeConfig, type ResolvedConfig } from "../../config/index.js";
import { HedgeError } from "../../errors.js";
import { analyseCurve } from "../../curve/shape.js";
import { DEFAULT_PRICE_SHOCKS, DEFAULT_VOLUME_CASES, scenarioGrid } from "../../scenarios/grid.js";
import { buildReport, reportCsvFiles, reportDocument, type ReportInputFile } from "../../report/views/report.js";
import { configEntries } from "../../report/views/config.js";
import { reportHtml } from "../../report/html/report.js";
import { CHART_FILES, reportMarkdown } from "../../report/markdown/report.js";
import { contractsChart, curveChart, distributionChart, scenarioChart, usageChart } from "../../report/svg/charts.js";
import { toJson } from "../../report/json.js";
import { writeDirectoryAtomic } from "../files.js";
import { warn } from "../output.js";
import { parseAsOf, parseIntOption } from "../options.js";
import { addConfigOption, resolveForCommand } from "../config-options.js";
import { loadPlanFromConfig } from "../plan-inputs.js";
import { asOfFor, DEFAULT_PRICE_VOLATILITY, evaluateChecks, simulateForConfig } from "./check.js";
import { loadEffectiveness } from "./effectiveness.js";
import { VERSION } from "../program.js";
import type { CommandEnv, RunContext } from "./shared.js";

interface ReportFlags {
  out?: string;
  json?: boolean;
  config?: string;
}

/** Every input file the report read, with its role, for the audit block (SHA-256 of the exact bytes). */
function inputFiles(cfg: HedgeConfig): { role: string; path: string }[] {
  const files: { role: string; path: string }[] = [];
  if (cfg.configFile) files.push({ role: "config", path: cfg.configFile });
  files.push({ role: "usage", path: cfg.usage.file }, { role: "curve", path: cfg.curve });
  if (typeof cfg.contract === "string") files.push({ role: "contract", path: cfg.contract });
  if (typeof cfg.policy === "string") files.push({ role: "policy", path: cfg.policy });
  if (cfg.effectiveness) files.push({ role: "effectiveness history", path: cfg.effectiveness.history });
  return files;
}

function hashInputs(ctx: RunContext, files: { role: string; path: string }[]): ReportInputFile[] {
  return files.map((f) => {
    const bytes = readFileSync(resolve(ctx.cwd, f.path));
    return { role: f.role, path: f.path, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
  });
}

/** Refuse, before writing anything, any output that would land on an input file. */
function guardOutputs(ctx: RunContext, outDir: string, names: string[], inputs: string[]): void {
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : p);
  const protectedPaths = new Set(inputs.map((i) => real(resolve(ctx.cwd, i))));
  for (const name of names) {
    const target = real(resolve(ctx.cwd, outDir, name));
    if (protectedPaths.has(target)) {
      throw new HedgeError("USAGE", `refusing to write ${name} over the input file ${relative(ctx.cwd, target) || target}`, {
        file: join(outDir, name),
        hint: "choose another --out directory",
      });
    }
  }
}

function parameterRows(resolved: ResolvedConfig): { key: string; value: unknown; source: string }[] {
  return configEntries(resolved).map((e) => ({
    key: e.key,
    value: (e.key === "contract" || e.key === "policy") && typeof e.value === "object" && e.value !== null ? "(inline)" : e.value,
    source: describeSource(e.source),
  }));
}

export function reportCommand(env: CommandEnv): Command {
  const { ctx } = env;
  const cmd = addConfigOption(new Command("report"))
    .description("the monthly report: report.md, a self-contained report.html with charts, report.json and CSV tables, with an audit block and a hedge designation memo")
    .option("--out <dir>", "directory to write the report into (created if missing)")
    .addOption(new Option("--as-of <date>", "the report date (default: today, UTC); the only value that changes between identical reruns").argParser(parseAsOf))
    .addOption(new Option("--seed <n>", "seed of every random draw (default: the config's, else 42)").argParser(parseIntOption("--seed", 0, 2 ** 32 - 1)))
    .addOption(new Option("--paths <n>", "Monte Carlo paths (default: the config's simulation.paths)").argParser(parseIntOption("--paths", 100, 1_000_000)))
    .option("--json", "print the list of files written as JSON (the report itself is report.json)")
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
    const files = inputFiles(cfg);

    const inputs = loadPlanFromConfig(ctx, cfg);
    const hashes = hashInputs(ctx, files);
    const sim = simulateForConfig(inputs, cfg);
    const hasThresholds = Object.keys(cfg.thresholds).length > 0;
    const check = hasThresholds ? evaluateChecks(ctx, cfg, inputs, asOf, sim).summary : null;
    const effectiveness = cfg.effectiveness ? loadEffectiveness(ctx, cfg.effectiveness) : null;
    const scenarios = scenarioGrid(inputs.plan, DEFAULT_PRICE_SHOCKS, DEFAULT_VOLUME_CASES, cfg.budget !== undefined ? { budget: { kind: "total", usd: cfg.budget } } : {});
    const warnings = [...inputs.exposure.forecast.warnings, ...inputs.plan.warnings, ...(effectiveness?.result.warnings ?? [])];
    warn(ctx, warnings);

    const model = buildReport({
      title: cfg.report.title ?? "Token hedge report",
      entity: cfg.report.entity ?? null,
      toolVersion: VERSION,
      asOf,
      seed: cfg.seed,
      configFile: cfg.configFile,
      inputs: hashes,
      parameters: parameterRows(resolved),
      series: inputs.series,
      exposure: inputs.exposure,
      curve: { file: cfg.curve, points: inputs.curve.points, analysis: analyseCurve(inputs.curve.points, inputs.spec.tickSize) },
      spec: inputs.spec,
      policy: inputs.policy,
      plan: inputs.plan,
      scenarios,
      simulation:
        sim.result && sim.costAtRisk !== null
          ? {
              result: sim.result,
              confidence: sim.confidence,
              costAtRisk: sim.costAtRisk,
              volatility: cfg.simulation.priceVolatility ?? DEFAULT_PRICE_VOLATILITY,
              volatilitySource: cfg.simulation.priceVolatility === undefined ? "illustrative default; set simulation.priceVolatility" : "simulation.priceVolatility in the config",
            }
          : null,
      check,
      effectiveness,
      budget: cfg.budget ?? null,
      warnings,
    });

    const outputs: Record<string, string> = {
      "report.json": toJson(reportDocument(model)),
      "report.md": reportMarkdown(model),
      "report.html": reportHtml(model),
      ...reportCsvFiles(model),
      [CHART_FILES.usage]: usageChart(model).text + "\n",
      [CHART_FILES.curve]: curveChart(model).text + "\n",
      [CHART_FILES.contracts]: contractsChart(model).text + "\n",
    };
    const dist = distributionChart(model);
    if (dist) outputs[CHART_FILES.distribution] = dist.text + "\n";
    else outputs[CHART_FILES.scenarios] = scenarioChart(model).text + "\n";

    const names = Object.keys(outputs).sort();
    guardOutputs(ctx, flags.out, names, files.map((f) => f.path));
    const outDir = resolve(ctx.cwd, flags.out);
    if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
      throw new HedgeError("USAGE", `--out ${flags.out} is a file, not a directory`, { file: flags.out, hint: "give a directory; it is created if missing" });
    }
    // The directory appears complete or not at all (a killed or disk-full run leaves the old one).
    writeDirectoryAtomic(flags.out, outputs, ctx.cwd, files.map((f) => f.path));
    const written = names.map((name) => ({ path: join(flags.out!, name), bytes: Buffer.byteLength(outputs[name]!, "utf8") }));
    ctx.stderr.write(`wrote ${written.length} files to ${flags.out}\n`);
    if (flags.json) ctx.stdout.write(toJson({ command: "report", out: flags.out, asOf, files: written }));
    else ctx.stdout.write(written.map((w) => `${w.path}\n`).join(""));
  });
}
