/**
 * `simulate`: Monte Carlo of price and volume over the plan's horizon — cost distribution, Cost-at-Risk, margin
 * need, and the hedge-ratio sweep. Same inputs as `plan` (plan-inputs.ts), plus the price model's parameters.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { HedgeError } from "../../errors.js";
import type { ResolvedConfig } from "../../config/index.js";
import { parsePriceHistory, type PriceHistory } from "../../hedge/methods/price-history.js";
import type { Budget } from "../../scenarios/budget.js";
import { simulateCsv, simulateDocument, simulateHuman, type SimulationProvenance } from "../../report/views/simulate.js";
import { choosePriceModel, forecastOrigin, simulateStage } from "../../pipeline/index.js";
import { readTextFile } from "../files.js";
import { parseAsOf, parseIntOption, parseNumberOption } from "../options.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { addPlanOptions, loadPlan, type PlanFlags } from "../plan-inputs.js";
import { configBudget, parseBudgetOption, takeBudgetFlag } from "../budget-options.js";
import { progressBar } from "../simulate-progress.js";
import type { CommandEnv } from "./shared.js";

/**
 * --history (with --spot-column, --futures-column) and --corr are the plan's own flags (plan-inputs.ts): the same
 * price history sizes a minimum-variance plan and gives the simulation its volatility, and the same price–volume
 * correlation sizes a quantity-risk plan and pairs the simulated paths (copula.ts).
 */
interface SimulateFlags extends PlanFlags, OutputFlags {
  model: "gbm" | "ou";
  vol?: number;
  meanReversion?: number;
  basisA: number;
  basisB: number;
  basisNoise: number;
  basisFromHistory?: boolean;
  paths: number;
  budget?: Budget | number;
  asOf?: string;
  resolvedConfig?: ResolvedConfig;
}

/** "0.45" or "45%" → 0.45. */
function parseVol(value: string): number {
  const t = value.trim();
  const n = t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (t === "" || !Number.isFinite(n) || n < 0 || n > 5) throw new InvalidArgumentError(`--vol must be an annual volatility such as 0.45 or 45%, got "${value}"`);
  return n;
}

/** The --history prices as levels (a volatility needs levels: log returns of the futures price). */
function readLevels(cwd: string, flags: SimulateFlags): PriceHistory {
  const file = flags.history!;
  if (flags.changes) {
    throw new HedgeError("USAGE", "simulate needs price levels in --history, not changes", { file, expected: "--history without --changes", hint: "or give --vol" });
  }
  return parsePriceHistory(readTextFile(file, cwd), file, {
    ...(flags.spotColumn ? { spotColumn: flags.spotColumn } : {}),
    ...(flags.futuresColumn ? { futuresColumn: flags.futuresColumn } : {}),
  });
}

export function simulateCommand(env: CommandEnv): Command {
  const cmd = new Command("simulate")
    .description("Monte Carlo of price and volume: cost distribution, Cost-at-Risk, margin need and a hedge-ratio sweep 0%–150%")
    .argument("<file>", "usage CSV");
  return env
    .output(addPlanOptions(cmd))
    .addOption(new Option("--model <model>", "index price model: gbm (geometric Brownian motion) or ou (mean-reverting log price)").choices(["gbm", "ou"]).default("gbm"))
    .addOption(new Option("--vol <sigma>", "annual volatility of the index, e.g. 0.45 or 45% (default: from --history, else 30%)").argParser(parseVol))
    .addOption(new Option("--mean-reversion <kappa>", "OU mean-reversion speed per year, e.g. 2 (half-life ln2/κ years)").argParser(parseNumberOption("--mean-reversion", 0, 100)))
    .addOption(new Option("--basis-a <a>", "company price = a + b·index + noise: intercept a, USD/Mtok").argParser(parseNumberOption("--basis-a", -1000, 1000)).default(0))
    .addOption(new Option("--basis-b <b>", "slope b").argParser(parseNumberOption("--basis-b", -100, 100)).default(1))
    .addOption(new Option("--basis-noise <sd>", "standard deviation of the noise, USD/Mtok").argParser(parseNumberOption("--basis-noise", 0, 1000)).default(0))
    .option("--basis-from-history", "estimate a, b and the noise from --history (OLS of spot on futures)")
    .addOption(new Option("--paths <n>", "number of simulated paths").argParser(parseIntOption("--paths", 100, 1_000_000)).default(100_000))
    .addOption(new Option("--budget <amount>", "budget: USD for the whole horizon (2500000) or USD/Mtok (2.0/Mtok)").argParser(parseBudgetOption))
    .addOption(new Option("--as-of <date>", "start of the simulation, YYYY-MM-DD (default: the day after the last complete usage month)").argParser(parseAsOf))
    .addHelpText(
      "after",
      `
The plan's flags also drive the simulation: --history (period,spot,futures price levels) estimates the volatility
(and, with --model ou, the mean reversion; with --basis-from-history, the basis); --corr is the price–volume
correlation of the simulated paths (a Gaussian copula between a path's total volume and its average price);
--price-vol is used as --vol when --vol is not given. Volatility precedence: --vol, --price-vol, --history,
the config's simulation.priceVolatility, else an illustrative 30%.

Example:
  tokenhedge simulate fixtures/acme/usage.csv --curve fixtures/acme/token-curve.csv --contract fixtures/acme/token-contract.json \\
    --policy fixtures/acme/policy.json --vol 0.45 --budget 3500000
`,
    )
    .action((file: string, flags: SimulateFlags, command: Command) => {
      const { ctx } = env;
      const budgetFlag = takeBudgetFlag(command, flags);
      const stage = loadPlan(ctx, file, flags);
      const { plan, exposure } = stage;
      warn(ctx, [...exposure.forecast.warnings, ...plan.warnings]);
      const budget = budgetFlag ?? configBudget(flags);
      const history = flags.history ? readLevels(ctx.cwd, flags) : undefined;
      const typed = (name: string) => command.getOptionValueSource(name) === "cli";
      const configVol = flags.resolvedConfig?.values.simulation?.priceVolatility;
      const choice = choosePriceModel(
        {
          model: flags.model,
          ...(flags.vol !== undefined ? { vol: flags.vol } : {}),
          ...(flags.priceVol !== undefined ? { priceVol: flags.priceVol } : {}),
          ...(flags.meanReversion !== undefined ? { meanReversion: flags.meanReversion } : {}),
          ...(configVol !== undefined ? { configVol } : {}),
          basis: { a: flags.basisA, b: flags.basisB, noise: flags.basisNoise },
          basisTyped: { a: typed("basisA"), b: typed("basisB"), noise: typed("basisNoise") },
          basisFromHistory: flags.basisFromHistory === true,
        },
        history,
        plan,
      );
      const bar = progressBar(ctx.stderr, Date.now);
      const result = simulateStage(stage, {
        model: choice.model,
        basis: choice.basis,
        paths: flags.paths,
        corr: flags.corr ?? 0,
        seed: flags.seed,
        asOf: flags.asOf ?? forecastOrigin(stage),
        ...(budget ? { budget } : {}),
        onProgress: (f) => bar.update(f),
      });
      bar.done();
      const provenance: SimulationProvenance = {
        ...choice.provenance,
        volumeSource: `${fmtCount(flags.paths)} sample paths of the ${exposure.forecast.model} forecast`,
        ...(budget ? { budget } : {}),
      };
      const columns = Number(ctx.env.COLUMNS);
      emit(ctx, flags, {
        json: () => simulateDocument(plan, result, provenance),
        csv: () => simulateCsv(result),
        human: () => simulateHuman(plan, result, provenance, { colour: ctx.colour, ...(Number.isFinite(columns) && columns > 0 ? { width: columns } : {}) }),
      }, stage.inputs.files);
    });
}

function fmtCount(n: number): string {
  return n.toLocaleString("en-US");
}
