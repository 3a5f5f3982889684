/** `tokenhedge hedge-ratio`: the options; the action (actions/hedge-ratio.ts) loads when it runs. */
import { Command, Option } from "commander";
import { parseNumberOption } from "../options.js";
import { lazyAction, type CommandEnv } from "./shared.js";

export function hedgeRatioCommand(env: CommandEnv): Command {
  const num = (flag: string, min?: number, max?: number) => parseNumberOption(flag, min, max);
  return env
    .output(new Command("hedge-ratio"))
    .description(
      "minimum-variance hedge ratio h* (Hull ch. 3) from a price history or from statistics, with ρ, σ's, R², its standard error and 95% interval, and contract counts",
    )
    .option("--history <file>", "CSV with one row per period: the company's price (spot) and the futures price")
    .option("--spot-column <name>", "spot column of --history", "spot")
    .option("--futures-column <name>", "futures column of --history", "futures")
    .option("--changes", "--history holds per-period price changes (ΔS, ΔF), not price levels")
    .addOption(
      new Option("--rho <r>", "correlation of ΔS and ΔF (with --sigma-spot and --sigma-futures)").argParser(
        num("--rho", -1, 1),
      ),
    )
    .addOption(new Option("--sigma-spot <s>", "standard deviation of ΔS").argParser(num("--sigma-spot", 0)))
    .addOption(new Option("--sigma-futures <s>", "standard deviation of ΔF").argParser(num("--sigma-futures", 0)))
    .addOption(new Option("--covariance <c>", "Cov(ΔS, ΔF) (with --sigma-futures)").argParser(num("--covariance")))
    .addOption(
      new Option("--exposure <q>", "Q_A: units exposed, in the contract size's unit").argParser(num("--exposure", 0)),
    )
    .addOption(
      new Option("--contract-size <q>", "Q_F: units per futures contract").argParser(num("--contract-size", 0)),
    )
    .addOption(new Option("--spot <price>", "S0, spot price today (tailed count)").argParser(num("--spot", 0)))
    .addOption(new Option("--futures <price>", "F0, futures price today (tailed count)").argParser(num("--futures", 0)))
    .addOption(
      new Option("--rounding <rule>", "rounding of contract counts (the spelling plan uses)")
        .choices(["nearest", "down", "up"])
        .default("nearest"),
    )
    .addOption(new Option("--round <rule>", "alias of --rounding").choices(["nearest", "down", "up"]).hideHelp())
    .addOption(
      new Option(
        "--side <side>",
        "long: buy N* futures against a purchase; short: sell N* against a sale (a seller of capacity)",
      )
        .choices(["long", "short"])
        .default("long"),
    )
    .addHelpText(
      "after",
      `
Examples:
  tokenhedge hedge-ratio --history fixtures/hull/airline-changes.csv --changes --exposure 2000000 --contract-size 42000
  tokenhedge hedge-ratio --rho 0.928 --sigma-spot 0.0263 --sigma-futures 0.0313 --exposure 2000000 --contract-size 42000
  tokenhedge hedge-ratio --history fixtures/acme/price-history.csv --exposure 80000 --contract-size 1000 --spot 2.18 --futures 2.10
`,
    )
    .action(lazyAction(async () => (await import("../actions/hedge-ratio.js")).hedgeRatioAction(env)));
}
