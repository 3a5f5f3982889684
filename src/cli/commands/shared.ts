/** What every command file receives: the IO context (with colour resolved) and the shared output flags. */
import type { ChartStyle } from "../../report/views/forecast.js";
import { Command, Option } from "commander";
import type { IoContext } from "../context.js";
import { parseIntOption, seedOption } from "../options.js";

export interface RunContext extends IoContext {
  colour: boolean;
  /** Braille and block-character charts (else plain ASCII): context.ts unicodeEnabled. */
  unicode?: boolean;
  /** A command that finishes normally but must exit non-zero (e.g. `check` found a breach: 1) sets this. */
  exitCode?: number;
}

export interface CommandEnv {
  ctx: RunContext;
  /** Adds --json, --csv (and --excel), --out FILE and --wide. */
  output(cmd: Command, opts?: { csv?: boolean }): Command;
  /**
   * Every command built for real (program.ts provides it). Only `completion` needs the whole tree; taking it from
   * here rather than importing the command table keeps the modules free of cycles.
   */
  allCommands?: () => Promise<Command[]>;
}

export function makeCommandEnv(ctx: RunContext): CommandEnv {
  return {
    ctx,
    output(cmd, opts = {}) {
      cmd.option("--json", "print the JSON document (schemaVersion, stable field names)");
      if (opts.csv !== false) {
        cmd.option("--csv", "print the table as CSV");
        cmd.option("--excel", "with --csv: CSV for Excel (UTF-8 byte-order mark, ASCII-only headers)");
      }
      cmd.option("--wide", "keep every table whole, however wide the terminal");
      cmd.option("--out <file>", "write the output to FILE (atomically) instead of stdout");
      return cmd;
    },
  };
}

/**
 * An action whose code, and everything it imports, loads only when it runs: a command's file declares its options
 * (cheap) and names its action module; building the command for `--help` or for a usage error loads none of it.
 */
export function lazyAction<A extends unknown[]>(
  load: () => Promise<(...args: A) => unknown>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    await (
      await load()
    )(...args);
  };
}

/** Options of the commands that forecast: the seed of the sample paths and the horizon (the usage flags: usage-flags.ts). */
export function addForecastOptions(cmd: Command, defaultHorizon?: number): Command {
  const horizon = new Option("--horizon <months>", "months to forecast").argParser(parseIntOption("--horizon", 1, 120));
  if (defaultHorizon !== undefined) horizon.default(defaultHorizon);
  return cmd.addOption(horizon).addOption(seedOption("seed of every random draw").default(42));
}

/** How this run draws charts: Unicode or ASCII (context.ts unicodeEnabled) and the terminal's width when known. */
export function chartStyle(ctx: RunContext): ChartStyle {
  return { unicode: ctx.unicode ?? false, ...(ctx.columns !== undefined ? { columns: ctx.columns } : {}) };
}
