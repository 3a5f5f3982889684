/** `tokenhedge curve`: the options; the action (actions/curve.ts) loads when it runs. */
import { Command, Option } from "commander";
import { parseIntOption } from "../options.js";
import { lazyAction, type CommandEnv } from "./shared.js";

export function curveCommand(env: CommandEnv): Command {
  return env
    .output(new Command("curve"))
    .description(
      "shape of a futures curve (contango / backwardation / mixed / flat), its slope against a token-price deflation trend, " +
        "roll yield, interpolated months and a chart",
    )
    .argument("<file>", "curve CSV (month,price) or JSON ([{month, price}] or {points: [...]})")
    .option(
      "--contract <spec>",
      "contract spec (JSON or YAML): its tick sets what counts as flat, its listed months are checked, its underlying says token or GPU-hour",
    )
    .option(
      "--deflation <rate>",
      "trend to read a token curve against: a factor per year (10x), a fall (90%), or none (default 10x for token curves, none for GPU-hour curves)",
    )
    .option("--no-chart", "leave out the terminal chart")
    .addOption(
      new Option("--width <columns>", "most characters a chart line takes, y labels included")
        .argParser(parseIntOption("--width", 12, 200))
        .default(60),
    )
    .action(lazyAction(async () => (await import("../actions/curve.js")).curveAction(env)));
}
