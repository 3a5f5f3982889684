/** `tokenhedge basis`: the options; the action (actions/basis.ts) loads when it runs. */
import { Command, Option } from "commander";
import { parseNumberOption } from "../options.js";
import { lazyAction, type CommandEnv } from "./shared.js";

const price = (flag: string): Option => new Option(`${flag} <price>`).argParser(parseNumberOption(flag, 0));

export function basisCommand(env: CommandEnv): Command {
  return env
    .output(new Command("basis"), { csv: false })
    .description(
      "the price a hedge locks in with basis risk (Hull ch. 3): S2 + F1 − F2, received by a short hedger and paid by a long one; " +
        "with --legs, a stack-and-roll hedge's gain over its legs",
    )
    .addOption(
      new Option("--side <side>", "short (a seller hedging a sale) or long (a buyer hedging a purchase)")
        .choices(["long", "short"])
        .makeOptionMandatory(),
    )
    .addOption(price("--f1"))
    .addOption(price("--f2"))
    .addOption(price("--s1"))
    .addOption(price("--s2"))
    .addOption(
      new Option("--quantity <units>", "units hedged, for the total").argParser(parseNumberOption("--quantity", 0)),
    )
    .option(
      "--legs <file>",
      "stack and roll: CSV contract,open_date,close_date,open_price,close_price, one row per leg (with --s1, --s2)",
    )
    .action(lazyAction(async () => (await import("../actions/basis.js")).basisAction(env)));
}
