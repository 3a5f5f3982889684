/**
 * `--events FILE`, `--volume-plan FILE` and `--volume-plan-weight W` (config keys `events:`, `volumePlan:`,
 * `volumePlanWeight:`): what the team knows, declared in forecast-knowledge-flags.ts, read here and handed to the forecasting core (src/forecast/events.ts,
 * volume-plan.ts), which does the rest. Shared by every command that forecasts.
 */
import { parseEventsFile, parseVolumePlanFile, type ForecastEvent, type VolumePlan } from "../forecast/index.js";
import type { IoContext } from "./context.js";
import { readTextFile } from "./files.js";
import type { KnowledgeFlags } from "./forecast-knowledge-flags.js";

export { addKnowledgeOptions, type KnowledgeFlags } from "./forecast-knowledge-flags.js";

export interface Knowledge {
  events?: ForecastEvent[];
  volumePlan?: VolumePlan;
  /** The files read. */
  files: string[];
}

/** Read the events and volume-plan files named by the flags (or the config keys written into them). */
export function readKnowledge(ctx: IoContext, flags: KnowledgeFlags): Knowledge {
  const out: Knowledge = { files: [] };
  if (flags.events) {
    out.events = parseEventsFile(readTextFile(flags.events, ctx.cwd), flags.events);
    out.files.push(flags.events);
  }
  if (flags.volumePlan) {
    const months = parseVolumePlanFile(readTextFile(flags.volumePlan, ctx.cwd), flags.volumePlan);
    out.volumePlan = {
      months,
      file: flags.volumePlan,
      ...(flags.volumePlanWeight !== undefined ? { weight: flags.volumePlanWeight } : {}),
    };
    out.files.push(flags.volumePlan);
  }
  return out;
}
