/** `--plan FILE` on scenarios, simulate and report: a saved `plan --json` document used instead of planning again (saved-plan-read.ts reads it). */
import type { Command } from "commander";

export const SAVED_PLAN_HELP =
  "a plan saved by tokenhedge plan --json (or plan --json --out x.json): its months, contracts and forecast instead of planning again, priced on today's curve (--curve, or the config's curve)";

export function addSavedPlanOption(cmd: Command): Command {
  return cmd.option("--plan <file>", SAVED_PLAN_HELP);
}
