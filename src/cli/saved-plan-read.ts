/** Reading `--plan FILE`: the text here, the checks in the core (src/hedge/saved-plan.ts). */
import type { Command } from "commander";
import { HedgeError } from "../errors.js";
import { parseSavedPlan, type SavedPlan } from "../hedge/saved-plan.js";
import { parseJsonText } from "../schema/zod-errors.js";
import type { IoContext } from "./context.js";
import { readTextFile } from "./files.js";

export function readSavedPlan(ctx: IoContext, file: string): SavedPlan {
  const text = readTextFile(file, ctx.cwd);
  let doc: unknown;
  try {
    doc = parseJsonText(text, file, "INPUT_INVALID");
  } catch (err) {
    // Most often plan's table saved without --json.
    if (err instanceof HedgeError)
      throw new HedgeError(err.code, err.message, {
        ...err.details,
        hint: "save the plan as JSON: tokenhedge plan … --json > plan.json (or --json --out plan.json)",
      });
    throw err;
  }
  return parseSavedPlan(doc, file);
}

/** Sizing flags, by option attribute: with `--plan` the saved contracts stand, so these change nothing. */
const SIZING_FLAGS: Readonly<Record<string, string>> = {
  ratio: "--ratio",
  rounding: "--rounding",
  volumeCap: "--volume-cap",
  volumeBasis: "--volume-basis",
  minLot: "--min-lot",
  tail: "--tail",
  tokensPerGpuHour: "--tokens-per-gpu-hour",
  sizing: "--sizing",
};

/** The sizing flags typed beside `--plan FILE` (and --method mvhr|quantity), which a saved plan's contracts ignore. */
export function ignoredSizingFlags(flags: object, command: Command | undefined): string[] {
  const values = flags as Record<string, unknown>;
  const typed = (attr: string): boolean =>
    values[attr] !== undefined && (command ? command.getOptionValueSource(attr) === "cli" : true);
  const out = Object.entries(SIZING_FLAGS)
    .filter(([attr]) => typed(attr))
    .map(([, flag]) => flag);
  if ((values.method === "mvhr" || values.method === "quantity") && typed("method"))
    out.unshift(`--method ${values.method}`);
  return out;
}

export function ignoredFlagsWarning(file: string, ignored: readonly string[]): string[] {
  if (ignored.length === 0) return [];
  return [
    `${ignored.join(", ")} ${ignored.length === 1 ? "does" : "do"} not change a saved plan's contracts: ignored with --plan ${file} (plan again to size with ${ignored.length === 1 ? "it" : "them"})`,
  ];
}
