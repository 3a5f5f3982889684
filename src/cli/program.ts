/** The commander tree: global flags, one sub-command per pipeline stage, examples in --help. */
import { Command } from "commander";
import type { CommandEnv } from "./commands/shared.js";
import { ingestCommand } from "./commands/ingest.js";
import { forecastCommand } from "./commands/forecast.js";
import { curveCommand } from "./commands/curve.js";
import { hedgeRatioCommand } from "./commands/hedge-ratio.js";
import { planCommand } from "./commands/plan.js";
import { scenariosCommand } from "./commands/scenarios.js";
import { simulateCommand } from "./commands/simulate.js";
import { demoCommand } from "./commands/demo.js";
import { configCommand } from "./commands/config.js";
import { effectivenessCommand } from "./commands/effectiveness.js";
import { checkCommand } from "./commands/check.js";
import { reportCommand } from "./commands/report.js";
import { initCommand } from "./commands/init.js";
import { sqlCommand } from "./commands/sql.js";
import { diffCommand } from "./commands/diff.js";
import { basisCommand } from "./commands/basis.js";
import { HELP_TOPIC_NAMES } from "./commands/help-topics.js";
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

Every command takes --json (one versioned JSON document) and --csv for its table.
Help topics: ${HELP_TOPIC_NAMES.map((t) => `tokenhedge help ${t}`).join(", ")}
`;

export function buildProgram(env: CommandEnv): Command {
  const program = new Command("tokenhedge")
    .description("Forecast AI token usage and plan a futures hedge against AI-token and GPU-hour futures curves.")
    .version(VERSION, "-V, --version")
    .option("--no-color", "no colour (also NO_COLOR=1, TERM=dumb, or when stdout is not a terminal)")
    .option("--color", "colour even when stdout is not a terminal (also FORCE_COLOR=1)")
    .addHelpText("after", EXAMPLES)
    .showHelpAfterError("(add --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => env.ctx.stdout.write(s),
      writeErr: (s) => env.ctx.stderr.write(s),
    });
  for (const make of [ingestCommand, forecastCommand, curveCommand, hedgeRatioCommand, planCommand, scenariosCommand, simulateCommand, demoCommand, configCommand, effectivenessCommand, checkCommand, reportCommand, initCommand, diffCommand, basisCommand, sqlCommand]) {
    // addCommand (unlike .command) does not copy settings: exitOverride and output must reach every sub-command.
    program.addCommand(make(env).copyInheritedSettings(program));
  }
  return program;
}
