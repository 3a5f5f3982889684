/**
 * `--events FILE`, `--volume-plan FILE` and `--volume-plan-weight W` (config keys `events:`, `volumePlan:`,
 * `volumePlanWeight:`): what the team knows, read here and handed to the forecasting core (src/forecast/events.ts,
 * volume-plan.ts), which does the rest. Shared by every command that forecasts.
 */
import { Option, type Command } from "commander";
import { DEFAULT_PLAN_WEIGHT, parseEventsFile, parseVolumePlanFile, type ForecastEvent, type VolumePlan } from "../forecast/index.js";
import type { IoContext } from "./context.js";
import { readTextFile } from "./files.js";
import { parseNumberOption } from "./options.js";

export interface KnowledgeFlags {
  events?: string;
  volumePlan?: string;
  volumePlanWeight?: number;
}

export interface Knowledge {
  events?: ForecastEvent[];
  volumePlan?: VolumePlan;
  /** The files read. */
  files: string[];
}

export function addKnowledgeOptions(cmd: Command): Command {
  return cmd
    .option("--events <file>", "known launches, outages and migrations (CSV or YAML: date,kind,uplift,end,note): outages left out of the fit, launches as a level shift, future launches scale the forecast")
    .option("--volume-plan <file>", "a top-down volume plan (CSV or YAML: month,tokens[,weight]) blended with the statistical forecast")
    .addOption(new Option("--volume-plan-weight <w>", `weight of the volume plan in months without their own (0 … 1; 1 overrides the forecast; default ${DEFAULT_PLAN_WEIGHT})`).argParser(parseNumberOption("--volume-plan-weight", 0, 1)));
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
    out.volumePlan = { months, file: flags.volumePlan, ...(flags.volumePlanWeight !== undefined ? { weight: flags.volumePlanWeight } : {}) };
    out.files.push(flags.volumePlan);
  }
  return out;
}
