/** Reading `--plan FILE`: the text here, the checks in the core (src/hedge/saved-plan.ts). */
import { parseSavedPlan, type SavedPlan } from "../hedge/saved-plan.js";
import { parseJsonText } from "../schema/zod-errors.js";
import type { IoContext } from "./context.js";
import { readTextFile } from "./files.js";

export function readSavedPlan(ctx: IoContext, file: string): SavedPlan {
  return parseSavedPlan(parseJsonText(readTextFile(file, ctx.cwd), file, "INPUT_INVALID"), file);
}
