/**
 * `--events FILE`, `--volume-plan FILE` and `--volume-plan-weight W` declared (config keys `events:`, `volumePlan:`,
 * `volumePlanWeight:`). Cheap to load: a command's --help builds these without the forecasting core
 * (forecast-knowledge.ts reads the files with the action).
 */
import { Option, type Command } from "commander";
import { DEFAULT_PLAN_WEIGHT } from "../forecast/defaults.js";
import { parseNumberOption } from "./options.js";

export interface KnowledgeFlags {
  events?: string;
  volumePlan?: string;
  volumePlanWeight?: number;
}

export function addKnowledgeOptions(cmd: Command): Command {
  return cmd
    .option(
      "--events <file>",
      "known launches, outages and migrations (CSV or YAML: date,kind,uplift,end,note): outages left out of the fit, launches as a level shift, future launches scale the forecast",
    )
    .option(
      "--volume-plan <file>",
      "a top-down volume plan (CSV or YAML: month,tokens[,weight]) blended with the statistical forecast",
    )
    .addOption(
      new Option(
        "--volume-plan-weight <w>",
        `weight of the volume plan in months without their own (0 … 1; 1 overrides the forecast; default ${DEFAULT_PLAN_WEIGHT})`,
      ).argParser(parseNumberOption("--volume-plan-weight", 0, 1)),
    );
}
