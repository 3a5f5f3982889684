/** The commander tree: global flags, one sub-command per pipeline stage, examples in --help. */
import { Command, Help } from "commander";
import type { CommandEnv } from "./commands/shared.js";
import { COMMANDS, invokedCommand } from "./command-table.js";
import { HELP_TOPIC_NAMES } from "./commands/help-topic-names.js";
import { usageOutput } from "./usage-errors.js";
import { checkOutputFlags } from "./output-flags.js";
import { VERSION } from "./version.js";

const A = "fixtures/acme";
const EXAMPLES = `
Examples:
  tokenhedge ingest ${A}/usage.csv                          monthly totals, token kinds, cost, missing days
  tokenhedge forecast ${A}/usage.csv --horizon 12           monthly forecast with 80% / 95% intervals
  tokenhedge curve ${A}/token-curve.csv                     contango / backwardation, month-by-month changes
  tokenhedge plan ${A}/usage.csv --curve ${A}/token-curve.csv --contract ${A}/token-contract.json --policy ${A}/policy.json
                                                            contracts per delivery month
  tokenhedge scenarios ${A}/usage.csv --curve ${A}/token-curve.csv --contract ${A}/token-contract.json --policy ${A}/policy.json
                                                            P&L under price shocks × volume cases
  tokenhedge demo                                           all of the above on the bundled fixtures

Most commands take --json (one versioned JSON document) and those with a table --csv; each --help lists its own.
Help topics: ${HELP_TOPIC_NAMES.map((t) => `tokenhedge help ${t}`).join(", ")}
`;

/** The program for one command line: `argv` says which command to load (the rest stay unloaded). */
export async function buildProgram(env: CommandEnv, argv: readonly string[]): Promise<Command> {
  const program = new Command("tokenhedge")
    .description("Forecast AI token usage and plan a futures hedge against AI-token and GPU-hour futures curves.")
    .version(VERSION, "-V, --version")
    .option("--no-color", "no colour (also NO_COLOR=1, TERM=dumb, or when stdout is not a terminal)")
    .option("--color", "colour even when stdout is not a terminal (also FORCE_COLOR=1)")
    .option("--ascii", "plain ASCII charts (also TERM=dumb, or a locale that is not UTF-8, e.g. LANG=C)")
    .option("--quiet", "no progress, notes or warnings on stderr (errors still print)")
    .option("--verbose", "also print on stderr each input read, with its size, and the time taken")
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    // Before any command's work (and before its config hooks read files): flags that cannot go together.
    .hook("preAction", (_program, action) => checkOutputFlags(action.opts()));
  usageOutput(program, env.ctx);
  // Only the invoked command is built for real (command-table.ts says why); the others are stubs that carry the
  // line the top-level help prints for them, term included, so that help reads exactly as with every command built.
  const invoked = invokedCommand(argv);
  const make = invoked ? await invoked.load() : undefined;
  const stubTerms = new WeakMap<Command, string>();
  program.configureHelp({ subcommandTerm: (cmd) => stubTerms.get(cmd) ?? new Help().subcommandTerm(cmd) });
  for (const row of COMMANDS) {
    if (row === invoked && make) {
      // addCommand (unlike .command) does not copy settings: exitOverride and output must reach every sub-command.
      const withTree: CommandEnv = {
        ...env,
        allCommands: () => Promise.all(COMMANDS.map(async (r) => (await r.load())(env))),
      };
      program.addCommand(make(withTree).copyInheritedSettings(program));
    } else {
      const stub = new Command(row.name).description(row.description);
      stubTerms.set(stub, row.usage === "" ? row.name : `${row.name} ${row.usage}`);
      program.addCommand(stub);
    }
  }
  return program;
}
