import { Command } from "commander";
import { diffPlans } from "../../book/diff.js";
import { parseJsonText } from "../../schema/zod-errors.js";
import { diffDocument, diffHuman } from "../../report/views/diff.js";
import { readTextFile } from "../files.js";
import { emit, warn, type OutputFlags } from "../output.js";
import type { CommandEnv } from "./shared.js";

export function diffCommand(env: CommandEnv): Command {
  return env
    .output(new Command("diff"), { csv: false })
    .description("month on month: what changed between two saved plans (plan --json) or reports (report.json) in forecast, target, held, trades, cost and risk")
    .argument("<old>", "last month's plan or report JSON")
    .argument("<new>", "this month's plan or report JSON")
    .action((oldFile: string, newFile: string, flags: OutputFlags) => {
      const { ctx } = env;
      const read = (file: string): unknown => parseJsonText(readTextFile(file, ctx.cwd), file, "INPUT_INVALID");
      const d = diffPlans(read(oldFile), oldFile, read(newFile), newFile);
      warn(ctx, d.warnings);
      emit(ctx, flags, { json: () => diffDocument(d), human: () => diffHuman(d, ctx.colour) }, [oldFile, newFile]);
    });
}
