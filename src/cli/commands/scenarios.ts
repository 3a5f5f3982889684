/** `tokenhedge scenarios`: the options; the action (actions/scenarios.ts) loads when it runs. */
import { Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_PRICE_SHOCKS, DEFAULT_TWIST, DEFAULT_VOLUME_CASES } from "../../scenarios/defaults.js";
import { DEFAULT_GAPS, DEFAULT_STRESS_PATHS } from "../../pipeline/defaults.js";
import { budgetOption } from "../budget-flags.js";
import { asOfOption, parseIntOption, parseShockList, parseVolumeCases } from "../options.js";
import { addPlanOptions } from "../plan-flags.js";
import { addSavedPlanOption } from "../saved-plan-flags.js";
import { lazyAction, type CommandEnv } from "./shared.js";

/** "0.8,1.2" → [0.8, 1.2]: multiples of the forecast mean. */
export function parseMultipliers(value: string): number[] {
  const parts = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (parts.length === 0)
    throw new InvalidArgumentError(`expected a comma-separated list of multipliers, got "${value}"`);
  return parts.map((p) => {
    const n = Number(p.replace(/^[x×]/i, ""));
    if (!Number.isFinite(n) || n < 0 || n > 100)
      throw new InvalidArgumentError(`volume multiplier "${p}" must be a number between 0 and 100, e.g. 0.8`);
    return n;
  });
}

/** A twist in %, e.g. 20 → 0.2; 0 turns twists off. */
function parseTwist(value: string): number {
  const n = Number(value.trim().replace(/%$/, ""));
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n >= 100)
    throw new InvalidArgumentError(`--twist must be a percentage from 0 to below 100, got "${value}"`);
  return n / 100;
}

export function scenariosCommand(env: CommandEnv): Command {
  const cmd = new Command("scenarios")
    .description(
      "P&L of the hedge plan under price shocks, curve twists × volume cases: unhedged cost, futures P&L, hedged cost, effective USD/Mtok, budget, variation margin",
    )
    .argument(
      "<files...>",
      "usage exports: files, directories, quoted globs ('exports/*.csv') or - for standard input; each one's format detected from its header",
    );
  return env
    .output(addSavedPlanOption(addPlanOptions(cmd)))
    .addOption(
      new Option("--shocks <list>", "settlement price shocks against the curve, in %")
        .argParser(parseShockList)
        .default([...DEFAULT_PRICE_SHOCKS], "-50,-25,0,25,50,100"),
    )
    .addOption(
      new Option("--volumes <list>", "volume cases: p10, p50, p90, mean")
        .argParser(parseVolumeCases)
        .default([...DEFAULT_VOLUME_CASES], "p10,p50,p90"),
    )
    .addOption(
      new Option(
        "--volume-multipliers <list>",
        "extra volume cases as multiples of the forecast mean, e.g. 0.8,1.2",
      ).argParser(parseMultipliers),
    )
    .addOption(
      new Option(
        "--twist <pct>",
        "curve twist in %: front months up and back months down by this much, and the reverse (0 = none)",
      )
        .argParser(parseTwist)
        .default(DEFAULT_TWIST, String(DEFAULT_TWIST * 100)),
    )
    .addOption(budgetOption())
    .addOption(
      asOfOption("start of the margin path, YYYY-MM-DD (default: the day after the last complete usage month)"),
    )
    .option("--months", "per-month breakdown and margin flows (in --json and in the tables)")
    .addOption(
      new Option("--gap <list>", "liquidity stress: day-one gaps of the index in %, e.g. -50,50")
        .argParser(parseShockList)
        .default([...DEFAULT_GAPS], "-50,50"),
    )
    .addOption(
      new Option(
        "--stress-paths <n>",
        "liquidity stress: simulated daily price paths for the P95/P99 peak funding need (0: none)",
      )
        .argParser(parseIntOption("--stress-paths", 0, 1_000_000))
        .default(DEFAULT_STRESS_PATHS),
    )
    .action(lazyAction(async () => (await import("../actions/scenarios.js")).scenariosAction(env)));
}
