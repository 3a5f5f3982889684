/** `tokenhedge effectiveness`: the options; the action (actions/effectiveness.ts) loads when it runs. */
import { Command, Option } from "commander";
import { parseNumberOption } from "../options.js";
import { withConfig } from "../config-flags.js";
import { EFFECTIVENESS_FLAG_BINDINGS, FLAG_BINDINGS } from "../config-names.js";
import { lazyAction, type CommandEnv } from "./shared.js";

export function effectivenessCommand(env: CommandEnv): Command {
  const { ctx } = env;
  const cmd = new Command("effectiveness")
    .description(
      "hedge-accounting effectiveness tests (ASC 815 / IFRS 9 style): dollar offset, regression, cash-flow hedge reserve",
    )
    .option(
      "--history <file>",
      "history CSV: period,hedge,item (value changes, gains positive) or period,spot,futures (prices)",
    )
    .option("--changes", "the spot and futures columns are period changes, not price levels")
    .addOption(
      new Option("--contracts <n>", "futures contracts held, N (long positive)").argParser(
        parseNumberOption("--contracts"),
      ),
    )
    .addOption(
      new Option("--contract-size <qf>", "quantity per contract, QF").argParser(
        parseNumberOption("--contract-size", 0),
      ),
    )
    .addOption(new Option("--exposure <qa>", "quantity hedged, QA").argParser(parseNumberOption("--exposure", 0)))
    .addOption(
      new Option(
        "--quote-unit-size <u>",
        "quantity units per quote unit, e.g. 1000000 for tokens priced in USD/Mtok (default 1)",
      ).argParser(parseNumberOption("--quote-unit-size", 0)),
    )
    .addOption(
      new Option("--regress <direction>", "which series is y: hedge-on-item (y = Δhedge) or item-on-hedge").choices([
        "hedge-on-item",
        "item-on-hedge",
      ]),
    )
    .addOption(
      new Option(
        "--side <side>",
        "long: a forecast purchase hedged with long futures; short: a forecast sale hedged with short futures (a negative --contracts reads as short)",
      ).choices(["long", "short"]),
    )
    .addOption(
      new Option(
        "--framework <framework>",
        "accounting framework: asc815 (ASU 2017-12: no separate ineffectiveness) or ifrs9 (lower-of test)",
      ).choices(["asc815", "ifrs9"]),
    )
    .option(
      "--book <file>",
      "test the book's actual trades (held through each period) against the tokens they cover, instead of a fixed --contracts",
    )
    .addHelpText(
      "after",
      `
Examples:
  tokenhedge effectiveness --history fixtures/effectiveness/worked-values.csv
  tokenhedge effectiveness --history fixtures/effectiveness/worked-prices.csv --contracts 2 --contract-size 1000 --exposure 2000
  tokenhedge effectiveness --config fixtures/config/acme.config.yaml --json`,
    );
  return env
    .output(withConfig(cmd, ctx, { bindings: { ...FLAG_BINDINGS, ...EFFECTIVENESS_FLAG_BINDINGS } }))
    .action(lazyAction(async () => (await import("../actions/effectiveness.js")).effectivenessAction(env)));
}
