/** `tokenhedge forecast FILE`: the options; the action (actions/forecast.ts) loads when it runs. */
import { Command, Option } from "commander";
import { withConfig } from "../config-flags.js";
import { DEFAULT_PATHS, MAX_HORIZON } from "../../forecast/defaults.js";
import { parseIntOption, pathsOption, seedOption } from "../options.js";
import { addKnowledgeOptions } from "../forecast-knowledge-flags.js";
import { addUsageReadOptions } from "../usage-flags.js";
import { lazyAction, type CommandEnv } from "./shared.js";

export function forecastCommand(env: CommandEnv): Command {
  const cmd = new Command("forecast")
    .description("forecast token usage by month or by day with 80% / 95% intervals, a fan chart and model scores")
    .argument(
      "<files...>",
      "usage exports: files, directories, quoted globs ('exports/*.csv') or - for standard input; each one's format detected from its header; or one two-column series file with the header period,value (YYYY-MM or YYYY-MM-DD)",
    )
    .addOption(
      new Option("--period <period>", "forecast monthly totals or daily values")
        .choices(["month", "day"])
        .default("month"),
    )
    .addOption(
      new Option("--horizon <n>", "periods to forecast (default 12 months or 90 days)").argParser(
        parseIntOption("--horizon", 1, MAX_HORIZON.day),
      ),
    )
    .addOption(
      new Option(
        "--select <method>",
        "model choice: weighted by rolling-origin backtest evidence, the equal-weight ETS+Theta+damped combination, automatic ETS by AICc, a holdout or the single best backtest model (default: evidence by month; by day the single best backtest model, or aicc under 77 days)",
      ).choices(["evidence", "combination", "aicc", "holdout", "backtest"]),
    )
    .addOption(
      new Option(
        "--outliers <mode>",
        "outage days: interpolate for fitting or keep (default: interpolate daily, keep monthly)",
      ).choices(["keep", "interpolate"]),
    )
    .option("--backtest", "also print a rolling-origin evaluation per model (MASE, sMAPE, MAPE, interval coverage)")
    .addOption(seedOption("seed of the sample paths").default(42))
    .addOption(pathsOption("sample paths for simulated quantiles").default(DEFAULT_PATHS));
  return env
    .output(withConfig(addUsageReadOptions(addKnowledgeOptions(cmd)), env.ctx, { usageArgument: true }))
    .action(lazyAction(async () => (await import("../actions/forecast.js")).forecastAction(env)));
}
