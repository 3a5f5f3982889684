/**
 * One way out for every command: the JSON document, CSV, or the human rendering, to stdout or to
 * `--out FILE` (atomically). Messages and warnings go to stderr so `--json > plan.json` stays valid.
 */
import { HedgeError } from "../errors.js";
import { toJson } from "../report/json.js";
import { writeFileAtomic } from "./files.js";
import type { IoContext } from "./context.js";
import { escapeControl, escapeHumanOutput } from "./error-report.js";

export interface OutputFlags {
  json?: boolean;
  csv?: boolean;
  out?: string;
}

export interface Renderings {
  json: () => Record<string, unknown>;
  csv?: () => string;
  human: () => string;
}

export function chooseFormat(flags: OutputFlags, hasCsv: boolean): "json" | "csv" | "human" {
  if (flags.json && flags.csv) throw new HedgeError("USAGE", "--json and --csv cannot be used together", { hint: "pick one output format" });
  if (flags.csv && !hasCsv) throw new HedgeError("USAGE", "this command has no CSV output", { hint: "use --json" });
  return flags.json ? "json" : flags.csv ? "csv" : "human";
}

export function emit(ctx: IoContext, flags: OutputFlags, r: Renderings, inputs: string[] = []): void {
  const format = chooseFormat(flags, r.csv !== undefined);
  const text = format === "json" ? toJson(r.json()) : format === "csv" ? r.csv!() : escapeHumanOutput(r.human());
  // `--out -` is stdout, as in most Unix tools, never a file named "-".
  if (flags.out && flags.out !== "-") {
    writeFileAtomic(flags.out, text, ctx.cwd, inputs);
    ctx.stderr.write(`wrote ${flags.out}\n`);
  } else {
    ctx.stdout.write(text);
  }
}

export function warn(ctx: IoContext, messages: readonly string[]): void {
  for (const m of messages) ctx.stderr.write(`warning: ${escapeControl(m, true)}\n`);
}
