/** Read an effectiveness history file and run its tests in the core (`effectiveness`, `check`, `report`). */
import { runEffectiveness, type EffectivenessRun, type EffectivenessSettings } from "../pipeline/index.js";
import { readTextFile } from "./files.js";
import type { IoContext } from "./context.js";

export function loadEffectiveness(ctx: IoContext, s: EffectivenessSettings): EffectivenessRun {
  return runEffectiveness(readTextFile(s.history, ctx.cwd), s);
}
