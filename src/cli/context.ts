/**
 * The IO context: everything a command may touch outside the pure core. Commands receive it instead
 * of reaching for `process`, so tests can run them with in-memory streams and a fake terminal.
 */
export interface OutStream {
  write(text: string): void;
  isTTY: boolean;
}

export interface IoContext {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: OutStream;
  stderr: OutStream;
  stdinIsTTY: boolean;
}

export function processContext(): IoContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: { write: (t) => void process.stdout.write(t), isTTY: Boolean(process.stdout.isTTY) },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: Boolean(process.stderr.isTTY) },
    stdinIsTTY: Boolean(process.stdin.isTTY),
  };
}

/**
 * Colour on or off (DESIGN.md §7): `FORCE_COLOR` (non-zero) forces it, as Node documents; otherwise off
 * for `--no-color`, any `NO_COLOR`, `TERM=dumb`, or a stdout that is not a terminal. chalk does not read
 * NO_COLOR itself, hence this function; renderers get their chalk from report/render/colour.ts.
 */
export function colourEnabled(ctx: IoContext, flag: boolean | undefined): boolean {
  const force = ctx.env.FORCE_COLOR;
  if (flag === false) return false;
  if (flag === true) return true;
  if (force !== undefined && force !== "0" && force !== "false") return true;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== "") return false;
  if (ctx.env.TERM === "dumb") return false;
  return ctx.stdout.isTTY;
}

/** Prompts only on a terminal, never in CI (DESIGN.md §7). */
export function canPrompt(ctx: IoContext): boolean {
  return ctx.stdinIsTTY && ctx.stdout.isTTY && !ctx.env.CI;
}
