/**
 * One way out for every command: the JSON document, CSV, or the human rendering, to stdout or to
 * `--out FILE` (atomically). Messages and warnings go to stderr so `--json > plan.json` stays valid.
 */
import { HedgeError } from "../errors.js";
import { toJson } from "../report/json.js";
import { fitTables } from "../report/render/fit-tables.js";
import { excelCsv } from "../report/render/excel-csv.js";
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { writeFileAtomic } from "./files.js";
import type { IoContext } from "./context.js";
import { escapeControl, escapeHumanOutput } from "./error-report.js";
import { checkOutputFlags } from "./output-flags.js";

export interface OutputFlags {
  json?: boolean;
  csv?: boolean;
  out?: string;
  /** Keep every table whole, however wide the terminal. */
  wide?: boolean;
  /** CSV for Excel: a UTF-8 byte-order mark and ASCII-only headers. */
  excel?: boolean;
}

export interface Renderings {
  json: () => Record<string, unknown>;
  csv?: () => string;
  human: () => string;
}

export function chooseFormat(flags: OutputFlags, hasCsv: boolean): "json" | "csv" | "human" {
  checkOutputFlags(flags);
  // On a command whose output is one table (report's --excel shapes the CSV files it writes instead).
  if (flags.excel && !flags.csv) throw new HedgeError("USAGE", "--excel shapes CSV output", { hint: "add --csv" });
  if (flags.csv && !hasCsv) throw new HedgeError("USAGE", "this command has no CSV output", { hint: "use --json" });
  return flags.json ? "json" : flags.csv ? "csv" : "human";
}

export function emit(ctx: IoContext, flags: OutputFlags, r: Renderings, inputs: string[] = []): void {
  const format = chooseFormat(flags, r.csv !== undefined);
  const text =
    format === "json"
      ? toJson(r.json())
      : format === "csv"
        ? csvText(r.csv!(), flags)
        : humanText(ctx, flags, escapeHumanOutput(r.human()));
  // `--out -` is stdout, as in most Unix tools, never a file named "-".
  const toFile = flags.out !== undefined && flags.out !== "-";
  if (toFile) {
    writeFileAtomic(flags.out!, text, ctx.cwd, inputs);
    notice(ctx, `wrote ${flags.out}`);
  } else {
    ctx.stdout.write(text);
  }
  if (ctx.verbosity === "verbose") verboseSummary(ctx, inputs);
}

/**
 * Human text written straight to stdout in parts (`demo`, which prints each stage as it is ready): escaped and laid
 * out as emit lays out a command's human output, so a pipe gets plain tables there too.
 */
export function writeHuman(ctx: IoContext, text: string): void {
  ctx.stdout.write(humanText(ctx, {}, escapeHumanOutput(text)));
}

/** A line on stderr that --quiet silences (notes, "wrote FILE"); errors never go through here. */
export function notice(ctx: IoContext, line: string): void {
  if (ctx.verbosity !== "quiet") ctx.stderr.write(`${line}\n`);
}

/** --verbose: each input read, with its size, and the time the run took. */
function verboseSummary(ctx: IoContext, inputs: readonly string[]): void {
  for (const file of new Set(inputs)) {
    let size = "";
    try {
      size = ` (${statSync(resolve(ctx.cwd, file)).size.toLocaleString("en-US")} bytes)`;
    } catch {
      // Read through a config or gone since: the name is still worth printing.
    }
    ctx.stderr.write(`read: ${escapeControl(file, true)}${size}\n`);
  }
  if (ctx.startedAt !== undefined) ctx.stderr.write(`took: ${Date.now() - ctx.startedAt} ms\n`);
}

/**
 * Tables fit the terminal (or COLUMNS); a file or pipe gets plain aligned text without box drawing,
 * fitted only when COLUMNS is set.
 */
function humanText(ctx: IoContext, flags: OutputFlags, text: string): string {
  const toFile = flags.out !== undefined && flags.out !== "-";
  // Colour asked for (--color, FORCE_COLOR) keeps the drawn table: the plain layout would drop the styling.
  const coloured = (ctx as { colour?: boolean }).colour === true;
  const boxes = (!toFile && ctx.stdout.isTTY) || coloured;
  return fitTables(text, { columns: toFile ? undefined : ctx.columns, boxes, wide: Boolean(flags.wide) });
}

function csvText(text: string, flags: OutputFlags): string {
  return flags.excel ? excelCsv(text) : text;
}

export function warn(ctx: IoContext, messages: readonly string[]): void {
  if (ctx.verbosity === "quiet") return;
  for (const m of messages) ctx.stderr.write(`warning: ${escapeControl(m, true)}\n`);
}
