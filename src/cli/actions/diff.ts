/** `tokenhedge diff`'s action (its options: commands/diff.ts). */
import { diffPlans } from "../../book/diff.js";
import { parseJsonText } from "../../schema/zod-errors.js";
import { diffDocument, diffHuman } from "../../report/views/diff.js";
import { readTextFile } from "../files.js";
import { emit, warn, type OutputFlags } from "../output.js";
import type { CommandEnv } from "../commands/shared.js";

export function diffAction(env: CommandEnv) {
  return (oldFile: string, newFile: string, flags: OutputFlags): void => {
    const { ctx } = env;
    const read = (file: string): unknown => parseJsonText(readTextFile(file, ctx.cwd), file, "INPUT_INVALID");
    const d = diffPlans(read(oldFile), oldFile, read(newFile), newFile);
    warn(ctx, d.warnings);
    emit(ctx, flags, { json: () => diffDocument(d), human: () => diffHuman(d, ctx.colour) }, [oldFile, newFile]);
  };
}
