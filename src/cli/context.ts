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
  /** Standard input, for a usage file given as `-` (read only then). */
  stdin?: AsyncIterable<Uint8Array>;
  /** The terminal's width in characters when stdout is a terminal (else COLUMNS, else unknown). */
  columns?: number;
  /** --quiet: no progress, notes or warnings on stderr (errors still print); --verbose: also the inputs read and the time taken. */
  verbosity?: "quiet" | "verbose";
  /** When the run started (Date.now()), for --verbose's timing. */
  startedAt?: number;
}

/**
 * A reader that stops early (`tokenhedge … | head -3`) closes the pipe; the next write fails with
 * EPIPE. Unix tools end quietly then, with status 0: the reader got what it asked for.
 */
function endQuietlyOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
}

/** `COLUMNS` as a positive integer, or undefined. */
export function columnsFromEnv(env: Record<string, string | undefined>): number | undefined {
  const n = Number(env.COLUMNS);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function processContext(): IoContext {
  endQuietlyOnBrokenPipe(process.stdout);
  endQuietlyOnBrokenPipe(process.stderr);
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: { write: (t) => void process.stdout.write(t), isTTY: Boolean(process.stdout.isTTY) },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: Boolean(process.stderr.isTTY) },
    stdinIsTTY: Boolean(process.stdin.isTTY),
    // A getter: touching process.stdin opens it, which only a run that reads `-` should do.
    get stdin() {
      return process.stdin;
    },
    columns: (process.stdout.isTTY ? process.stdout.columns : undefined) ?? columnsFromEnv(process.env),
  };
}

/**
 * Colour on or off (the README (conventions, exit codes)): `FORCE_COLOR` (non-zero) forces it, as Node documents; otherwise off
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

/**
 * Braille and block-character charts, or plain ASCII: ASCII for `--ascii`, `TERM=dumb`, or a locale that is set
 * and is not UTF-8 (the first of LC_ALL, LC_CTYPE, LANG that is set, as POSIX reads them: `C`, `POSIX`,
 * `en_US.ISO-8859-1`). No locale at all (Windows terminals, many CI runners) keeps Unicode: the rest of the output
 * already has "…" and "—". A pipe or a file keeps it too; only the tables turn plain there, to be parsed.
 */
export function unicodeEnabled(ctx: IoContext, asciiFlag: boolean): boolean {
  if (asciiFlag) return false;
  if (ctx.env.TERM === "dumb") return false;
  const locale = [ctx.env.LC_ALL, ctx.env.LC_CTYPE, ctx.env.LANG].find((v) => v !== undefined && v !== "");
  return locale === undefined || /utf-?8/i.test(locale);
}

/** Prompts only on a terminal, never in CI (the README (conventions, exit codes)). */
export function canPrompt(ctx: IoContext): boolean {
  return ctx.stdinIsTTY && ctx.stdout.isTTY && !ctx.env.CI;
}
