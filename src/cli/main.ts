/**
 * The one exit point: build the program, run it, and turn every outcome into an exit code
 * (the README (conventions, exit codes)). Commands throw HedgeError; commander's own usage errors become exit 2 (commander
 * would exit 1); anything else is a bug: exit 4 with a short note, the stack only with TOKENHEDGE_DEBUG.
 * Under `--json` every failure, usage errors included, also prints the JSON error document.
 */
import { CommanderError } from "commander";
import { EXIT, HedgeError } from "../errors.js";
import { colourEnabled, columnsFromEnv, processContext, unicodeEnabled, type IoContext } from "./context.js";
import { errorJson, escapeControl, formatError } from "./error-report.js";
import { USAGE_HINT, usageMessage } from "./usage-errors.js";
import { buildProgram } from "./program.js";
import { VERSION } from "./version.js";
import { makeCommandEnv, type RunContext } from "./commands/shared.js";
import { HELP_TOPIC_NAMES } from "./commands/help-topic-names.js";
import { COMMANDS } from "./command-table.js";
import { resetRunInputs } from "./files/run-inputs.js";

function colourFlag(argv: string[]): boolean | undefined {
  if (argv.includes("--no-color")) return false;
  if (argv.includes("--color")) return true;
  return undefined;
}

/** The words before a `--`, where the program's global options are. */
function globalFlags(argv: string[]): string[] {
  const end = argv.indexOf("--");
  return end >= 0 ? argv.slice(0, end) : argv;
}

/** --quiet or --verbose, anywhere on the line before a `--` (the program takes them as global options). */
function verbosityFlag(argv: string[]): "quiet" | "verbose" | undefined {
  const flags = globalFlags(argv);
  const quiet = flags.includes("--quiet");
  const verbose = flags.includes("--verbose");
  if (quiet && verbose)
    throw new HedgeError("USAGE", "--quiet and --verbose cannot be used together", { hint: "pick one" });
  return quiet ? "quiet" : verbose ? "verbose" : undefined;
}

/** commander's message ("error: unknown option '--x'") as a usage HedgeError, for the JSON document. */
function commanderUsage(err: CommanderError): HedgeError {
  return new HedgeError("USAGE", usageMessage(err.message), { hint: USAGE_HINT });
}

export async function run(argv: string[], io: IoContext = processContext()): Promise<number> {
  // A caller's IoContext without a width (a library or test run) still honours COLUMNS.
  const columns = io.columns ?? columnsFromEnv(io.env);
  const ctx: RunContext = {
    ...io,
    ...(columns !== undefined ? { columns } : {}),
    colour: colourEnabled(io, colourFlag(argv)),
    unicode: unicodeEnabled(io, globalFlags(argv).includes("--ascii")),
    startedAt: Date.now(),
  };
  const env = makeCommandEnv(ctx);
  const wantsJson = argv.includes("--json");
  resetRunInputs();

  const fail = (err: HedgeError, printed = false): number => {
    if (!printed) ctx.stderr.write(formatError(err));
    if (wantsJson) ctx.stderr.write(errorJson(err));
    return err.exitCode;
  };
  try {
    const verbosity = verbosityFlag(argv);
    if (verbosity) ctx.verbosity = verbosity;
  } catch (err) {
    return fail(err as HedgeError);
  }

  if (argv[0] === "help" && argv[1] !== undefined) {
    // The topics' texts come from the config and ingest modules: loaded only when a topic is asked for.
    if ((HELP_TOPIC_NAMES as readonly string[]).includes(argv[1])) {
      const { helpTopic } = await import("./commands/help-topics.js");
      if (helpTopic(env, argv[1])) return EXIT.ok;
    }
    if (!COMMANDS.some((c) => c.name === argv[1])) {
      const names = [...new Set([...COMMANDS.map((c) => c.name), ...HELP_TOPIC_NAMES])];
      return fail(
        new HedgeError("USAGE", `no help topic or command "${argv[1]}"`, {
          value: argv[1],
          expected: `one of ${names.join(", ")}`,
          hint: "tokenhedge help lists the commands",
        }),
      );
    }
  }

  try {
    await (await buildProgram(env, argv)).parseAsync(argv, { from: "user" });
    // A command may finish normally yet ask for a non-zero exit (`check` found a breach: 1).
    return ctx.exitCode ?? EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; every other commander error is a usage error (already printed).
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help")
        return EXIT.ok;
      if (err.exitCode === 0) return EXIT.ok;
      return fail(commanderUsage(err), true);
    }
    if (err instanceof HedgeError) return fail(err);
    const e = err as Error;
    if (wantsJson) ctx.stderr.write(errorJson(new HedgeError("INTERNAL", e?.message ?? String(err))));
    ctx.stderr.write(
      `tokenhedge: internal error: ${escapeControl(e?.message ?? String(err))}\nThis is a bug in tokenhedge ${VERSION}; please report it with the command line you ran.\n`,
    );
    if (ctx.env.TOKENHEDGE_DEBUG) ctx.stderr.write(`${e?.stack ?? ""}\n`);
    return EXIT.internal;
  }
}
