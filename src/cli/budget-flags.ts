/** `--budget` of `scenarios` and `simulate`: USD for the horizon or a rate per Mtok, and how it meets the config's `budget`. */
import { InvalidArgumentError, Option, type Command } from "commander";
import { parseBudget, type Budget } from "../scenarios/budget-text.js";

function parseBudgetOption(value: string): Budget {
  const b = parseBudget(value);
  if (!b)
    throw new InvalidArgumentError(
      `--budget must be USD for the horizon (e.g. 2500000) or a rate (e.g. 2.0/Mtok), got "${value}"`,
    );
  return b;
}

export function budgetOption(): Option {
  return new Option(
    "--budget <amount>",
    "budget: USD for the whole horizon (2500000) or USD/Mtok (2.0/Mtok)",
  ).argParser(parseBudgetOption);
}

/**
 * The config layer (config-options.ts) reads every typed flag named like a config key, and its `budget` key is a
 * number in USD, which a rate such as "2.0/Mtok" is not. So the parsed --budget is taken off the command before the
 * config is resolved, and used in preference to the config's (flags win, as the config precedence says).
 */
export function takeBudgetFlag(command: Command, flags: { budget?: Budget | number }): Budget | undefined {
  const b = flags.budget;
  if (b === undefined || typeof b === "number") return undefined;
  command.setOptionValueWithSource("budget", undefined, "default");
  return b;
}

/** A budget the config file or TOKENHEDGE_BUDGET wrote back into the options: USD for the horizon. */
export function configBudget(flags: { budget?: Budget | number }): Budget | undefined {
  return typeof flags.budget === "number" && flags.budget > 0 ? { kind: "total", usd: flags.budget } : undefined;
}
