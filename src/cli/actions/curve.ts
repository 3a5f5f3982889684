/** `tokenhedge curve`'s action (its options: commands/curve.ts). */
import { curveReportCsv, curveReportDocument, curveReportHuman } from "../../report/views/curve.js";
import { loadCurveReport } from "../curve-read.js";
import { emit, type OutputFlags } from "../output.js";
import type { CommandEnv } from "../commands/shared.js";

export interface CurveFlags extends OutputFlags {
  contract?: string;
  deflation?: string;
  chart: boolean;
  width: number;
}

export function curveAction(env: CommandEnv) {
  return (file: string, flags: CurveFlags): void => {
    const { ctx } = env;
    const report = loadCurveReport(ctx, file, flags.contract, flags.deflation);
    emit(
      ctx,
      flags,
      {
        json: () => curveReportDocument(file, report),
        csv: () => curveReportCsv(report),
        human: () =>
          curveReportHuman(file, report, {
            colour: ctx.colour,
            chart: flags.chart,
            // --width, but never wider than the terminal.
            width: ctx.columns !== undefined ? Math.min(flags.width, ctx.columns) : flags.width,
            unicode: ctx.unicode ?? false,
          }),
      },
      [file, ...(flags.contract ? [flags.contract] : [])],
    );
  };
}
