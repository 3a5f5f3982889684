import { Command, Option } from "commander";
import { completeCurve } from "../../curve/complete-curve.js";
import { curveReport, type CurveKind, type CurveReport } from "../../curve/curve-report.js";
import { DEFAULT_TOKEN_DEFLATION, parseDeflation } from "../../curve/deflation.js";
import { curveReportCsv, curveReportDocument, curveReportHuman } from "../../report/views/curve.js";
import { loadContract, loadCurve } from "../inputs.js";
import type { IoContext } from "../context.js";
import { parseIntOption } from "../options.js";
import { emit, warn, type OutputFlags } from "../output.js";
import type { CommandEnv } from "./shared.js";

interface CurveFlags extends OutputFlags {
  contract?: string;
  deflation?: string;
  chart: boolean;
  width: number;
}

/** Read, complete and analyse a curve (the `curve` command's work; `demo` shows it too). */
export function loadCurveReport(ctx: IoContext, file: string, contractFile?: string, deflation?: string): CurveReport {
  const raw = loadCurve(ctx, file);
  const spec = contractFile ? loadContract(ctx, contractFile) : undefined;
  const curve = completeCurve(raw, spec?.listedMonths, spec?.name);
  let kind: CurveKind = "token";
  let kindSource = "the default unit; pass --contract for a GPU-hour curve";
  if (spec) {
    kind = spec.underlying === "gpu-hour-index" ? "gpu-hour" : "token";
    kindSource = `from ${contractFile}`;
  } else if (raw.quoteUnit) {
    kind = /gpu/i.test(raw.quoteUnit) ? "gpu-hour" : "token";
    kindSource = "from the curve file's quoteUnit";
  }
  const trend = deflation !== undefined ? parseDeflation(deflation) : kind === "token" ? DEFAULT_TOKEN_DEFLATION : null;
  if (curve.interpolated.length > 0) {
    warn(ctx, [`${file}: no price for ${curve.interpolated.join(", ")}; interpolated linearly between the neighbouring months (flagged)`]);
  }
  return curveReport(curve, { kind, kindSource, tickSize: spec?.tickSize ?? 0.01, trend });
}

export function curveCommand(env: CommandEnv): Command {
  return env
    .output(new Command("curve"))
    .description(
      "shape of a futures curve (contango / backwardation / mixed / flat), its slope against a token-price deflation trend, " +
        "roll yield, interpolated months and a chart",
    )
    .argument("<file>", "curve CSV (month,price) or JSON ([{month, price}] or {points: [...]})")
    .option("--contract <spec>", "contract spec (JSON or YAML): its tick sets what counts as flat, its listed months are checked, its underlying says token or GPU-hour")
    .option("--deflation <rate>", "trend to read a token curve against: a factor per year (10x), a fall (90%), or none (default 10x for token curves, none for GPU-hour curves)")
    .option("--no-chart", "leave out the terminal chart")
    .addOption(new Option("--width <columns>", "chart width").argParser(parseIntOption("--width", 12, 200)).default(60))
    .action((file: string, flags: CurveFlags) => {
      const { ctx } = env;
      const report = loadCurveReport(ctx, file, flags.contract, flags.deflation);
      emit(ctx, flags, {
        json: () => curveReportDocument(file, report),
        csv: () => curveReportCsv(report),
        human: () => curveReportHuman(file, report, { colour: ctx.colour, chart: flags.chart, width: flags.width }),
      }, [file, ...(flags.contract ? [flags.contract] : [])]);
    });
}
