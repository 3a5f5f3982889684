import { Command } from "commander";
import { analyseCurve } from "../../curve/shape.js";
import { curveCsv, curveDocument, curveHuman } from "../../report/views/curve.js";
import { loadContract, loadCurve } from "../inputs.js";
import { emit, type OutputFlags } from "../output.js";
import type { CommandEnv } from "./shared.js";

interface CurveFlags extends OutputFlags {
  contract?: string;
}

export function curveCommand(env: CommandEnv): Command {
  return env
    .output(new Command("curve"))
    .description("shape of a futures curve (contango / backwardation / mixed / flat), front-to-back and per-month changes")
    .argument("<file>", "curve CSV with columns month,price")
    .option("--contract <spec>", "contract spec (its tick size sets what counts as flat)")
    .action((file: string, flags: CurveFlags) => {
      const { ctx } = env;
      const curve = loadCurve(ctx, file);
      const tick = flags.contract ? loadContract(ctx, flags.contract).tickSize : 0.01;
      const analysis = analyseCurve(curve.points, tick);
      emit(ctx, flags, {
        json: () => curveDocument(file, analysis),
        csv: () => curveCsv(analysis),
        human: () => curveHuman(file, analysis, ctx.colour),
      }, [file]);
    });
}
