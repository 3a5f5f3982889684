/**
 * Every sub-command, as a row: what the top-level `--help` lists (name, usage term, description) and how to load
 * the command's module. Start-up cost is module loading, so only the command actually invoked is imported (its
 * options, its inputs' schemas, prompts, renderers); every other command is a stub with just its help line.
 *
 * To add a command: add a row here, in the order `tokenhedge --help` lists it. `usage` is what commander prints
 * after the name ("[options]" when the command has options, then its arguments); `description` must equal the
 * command's own .description(...). test/cli/command-table.test.ts builds every real command and fails on a mismatch.
 */
import type { Command } from "commander";
import type { CommandEnv } from "./commands/shared.js";

export interface CommandRow {
  name: string;
  usage: string;
  description: string;
  load: () => Promise<(env: CommandEnv) => Command>;
}

export const COMMANDS: readonly CommandRow[] = [
  {
    name: "ingest",
    usage: "[options] [files...]",
    description:
      "read a usage export (OpenAI, Anthropic, AWS CUR, Azure, GCP, FOCUS, LiteLLM, OpenRouter, DeepSeek or any CSV): per-period totals, kinds, models, cost, data-quality findings",
    load: async () => (await import("./commands/ingest.js")).ingestCommand,
  },
  {
    name: "forecast",
    usage: "[options] [files...]",
    description: "forecast token usage by month or by day with 80% / 95% intervals, a fan chart and model scores",
    load: async () => (await import("./commands/forecast.js")).forecastCommand,
  },
  {
    name: "curve",
    usage: "[options] <file>",
    description:
      "shape of a futures curve (contango / backwardation / mixed / flat), its slope against a token-price deflation trend, roll yield, interpolated months and a chart",
    load: async () => (await import("./commands/curve.js")).curveCommand,
  },
  {
    name: "hedge-ratio",
    usage: "[options]",
    description:
      "minimum-variance hedge ratio h* (Hull ch. 3) from a price history or from statistics, with ρ, σ's, R², its standard error and 95% interval, and contract counts",
    load: async () => (await import("./commands/hedge-ratio.js")).hedgeRatioCommand,
  },
  {
    name: "plan",
    usage: "[options] [files...]",
    description:
      "the hedge plan: per delivery month the forecast, target ratio (policy ladder, minimum-variance h*, or price-and-volume risk), " +
      "the volume cap, contracts, P(over-hedge), locked-in cost, margin and fees; then, in the company's money, its expected cost, " +
      "Cost-at-Risk unhedged → hedged, the cost of hedging and the part the index cannot hedge",
    load: async () => (await import("./commands/plan.js")).planCommand,
  },
  {
    name: "scenarios",
    usage: "[options] [files...]",
    description:
      "P&L of the hedge plan under price shocks, curve twists × volume cases: unhedged cost, futures P&L, hedged cost, effective USD/Mtok, budget, variation margin",
    load: async () => (await import("./commands/scenarios.js")).scenariosCommand,
  },
  {
    name: "simulate",
    usage: "[options] [files...]",
    description:
      "Monte Carlo of price and volume: cost distribution, Cost-at-Risk, margin need and a hedge-ratio sweep 0%–150%",
    load: async () => (await import("./commands/simulate.js")).simulateCommand,
  },
  {
    name: "demo",
    usage: "",
    description:
      "the whole pipeline on the bundled fixtures (what `npm start` runs): the answer first, then each stage",
    load: async () => (await import("./commands/demo.js")).demoCommand,
  },
  {
    name: "config",
    usage: "",
    description: "show the resolved config (tokenhedge config show)",
    load: async () => (await import("./commands/config.js")).configCommand,
  },
  {
    name: "effectiveness",
    usage: "[options]",
    description:
      "hedge-accounting effectiveness tests (ASC 815 / IFRS 9 style): dollar offset, regression, cash-flow hedge reserve",
    load: async () => (await import("./commands/effectiveness.js")).effectivenessCommand,
  },
  {
    name: "check",
    usage: "[options]",
    description:
      "evaluate the config's thresholds (Cost-at-Risk, over-hedge probability, hedge-ratio bands, effectiveness, data quality); exit 1 on a breach",
    load: async () => (await import("./commands/check.js")).checkCommand,
  },
  {
    name: "report",
    usage: "[options]",
    description:
      "the monthly report: report.md, a self-contained report.html with charts, report.json and CSV tables (and report.xlsx with --xlsx), with an audit block and a hedge designation memo",
    load: async () => (await import("./commands/report.js")).reportCommand,
  },
  {
    name: "init",
    usage: "[options]",
    description:
      "interactive wizard: look at a usage file, ask for the curve, contract, policy and budget, show the plan, write hedge.config.yaml",
    load: async () => (await import("./commands/init.js")).initCommand,
  },
  {
    name: "diff",
    usage: "[options] <old> <new>",
    description:
      "month on month: what changed between two saved plans (plan --json) or reports (report.json) in forecast, target, held, trades, cost and risk",
    load: async () => (await import("./commands/diff.js")).diffCommand,
  },
  {
    name: "basis",
    usage: "[options]",
    description:
      "the price a hedge locks in with basis risk (Hull ch. 3): S2 + F1 − F2, received by a short hedger and paid by a long one; with --legs, a stack-and-roll hedge's gain over its legs",
    load: async () => (await import("./commands/basis.js")).basisCommand,
  },
  {
    name: "sql",
    usage: "[options]",
    description:
      "print the aggregation query of an export profile for the warehouse that holds the export (Athena/Trino, BigQuery, Snowflake, Databricks/Spark, DuckDB); its CSV result ingests to the same totals as the raw export",
    load: async () => (await import("./commands/sql.js")).sqlCommand,
  },
  {
    name: "completion",
    usage: "<shell>",
    description: "print a shell completion script (bash, zsh or fish) for every command, option and choice",
    load: async () => (await import("./commands/completion.js")).completionCommand,
  },
];

/**
 * The command a command line runs: the first word that is not a flag (the program's own flags take no values),
 * or, after `help`, the command whose help is asked for.
 */
export function invokedCommand(argv: readonly string[]): CommandRow | undefined {
  const words = argv.filter((a) => !a.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}
