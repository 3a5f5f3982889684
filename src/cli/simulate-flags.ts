/** The flags of `simulate` beyond the plan's, declared: the price model, the basis, paths, budget and start date. */
import { InvalidArgumentError, Option, type Command } from "commander";
import type { ResolvedConfig } from "../config/index.js";
import type { Budget } from "../scenarios/budget-text.js";
import { budgetOption } from "./budget-flags.js";
import { asOfOption, confidenceOption, parseNumberOption, pathsOption } from "./options.js";
import type { OutputFlags } from "./output.js";
import type { PlanFlags } from "./plan-flags.js";

/**
 * --history (with --spot-column, --futures-column) and --corr are the plan's own flags (plan-inputs.ts): the same
 * price history sizes a minimum-variance plan and gives the simulation its volatility, and the same price–volume
 * correlation sizes a quantity-risk plan and pairs the simulated paths (copula.ts).
 */
export interface SimulateFlags extends Omit<PlanFlags, "method">, OutputFlags {
  /** The plan's sizing methods, or parametric: the delta-normal Cost-at-Risk alone, sized by --sizing. */
  method?: NonNullable<PlanFlags["method"]> | "parametric";
  sizing?: NonNullable<PlanFlags["method"]>;
  model: "gbm" | "ou";
  vol?: number;
  meanReversion?: number;
  basisA: number;
  basisB: number;
  basisNoise: number;
  basisFromHistory?: boolean;
  paths: number;
  /** Cost-at-Risk level (the config's simulation.confidence when not typed). */
  confidence?: number;
  budget?: Budget | number;
  asOf?: string;
  resolvedConfig?: ResolvedConfig;
}

/** "0.45" or "45%" → 0.45. */
function parseVol(value: string): number {
  const t = value.trim();
  const n = t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (t === "" || !Number.isFinite(n) || n < 0 || n > 5)
    throw new InvalidArgumentError(`--vol must be an annual volatility such as 0.45 or 45%, got "${value}"`);
  return n;
}

/** simulate's own options, after the plan's (addPlanOptions) and the output flags. */
export function addSimulateOptions(cmd: Command): Command {
  // simulate's --method also takes parametric (the risk figures without price paths); the sizing then comes from --sizing.
  const method = cmd.options.find((o) => o.long === "--method");
  if (method) {
    method.choices([...(method.argChoices ?? []), "parametric"]);
    method.description +=
      "; parametric: only the delta-normal Cost-at-Risk (z·σ) and its price, volume and basis parts, no price paths (size with --sizing)";
  }
  return cmd
    .addOption(
      new Option(
        "--sizing <method>",
        "with --method parametric: where the target ratios come from (as --method for plan)",
      ).choices(["policy", "mvhr", "quantity"]),
    )
    .addOption(
      new Option(
        "--model <model>",
        "index price model: gbm (geometric Brownian motion) or ou (mean-reverting log price)",
      )
        .choices(["gbm", "ou"])
        .default("gbm"),
    )
    .addOption(
      new Option(
        "--vol <sigma>",
        "annual volatility of the index, e.g. 0.45 or 45% (default: from --history, else 30%)",
      ).argParser(parseVol),
    )
    .addOption(
      new Option(
        "--mean-reversion <kappa>",
        "OU mean-reversion speed per year, e.g. 2 (half-life ln2/κ years)",
      ).argParser(parseNumberOption("--mean-reversion", 0, 100)),
    )
    .addOption(
      new Option("--basis-a <a>", "company price = a + b·index + noise: intercept a, USD/Mtok")
        .argParser(parseNumberOption("--basis-a", -1000, 1000))
        .default(0),
    )
    .addOption(new Option("--basis-b <b>", "slope b").argParser(parseNumberOption("--basis-b", -100, 100)).default(1))
    .addOption(
      new Option("--basis-noise <sd>", "standard deviation of the noise, USD/Mtok")
        .argParser(parseNumberOption("--basis-noise", 0, 1000))
        .default(0),
    )
    .option(
      "--basis-from-history",
      "estimate a, b and the noise from --history: OLS of the spot price changes on the futures price changes, anchored at the last month",
    )
    .addOption(pathsOption("number of simulated paths").default(100_000))
    .addOption(
      confidenceOption(
        "level of the Cost-at-Risk and CVaR shown beside the 95% and 99% figures, and of the delta-normal figures, e.g. 0.9 or 90% (default: the config's simulation.confidence, else 95%)",
      ),
    )
    .addOption(budgetOption())
    .addOption(asOfOption("start of the simulation, YYYY-MM-DD (default: the day after the last complete usage month)"))
    .addHelpText(
      "after",
      `
The plan's flags also drive the simulation: --history (period,spot,futures price levels) estimates the volatility
(and, with --model ou, the mean reversion; with --basis-from-history, the basis); --corr is the price–volume
correlation of the simulated paths (a Gaussian copula between a path's total volume and its average price);
--price-vol is used as --vol when --vol is not given. Volatility precedence: --vol, --price-vol, --history,
the config's simulation.priceVolatility, else an illustrative 30%.

Delta-normal only: --method parametric gives CaR = z·σ of the linearised cost with its Euler parts, from the
same volume paths, price model and basis (the figures equal the "delta-normal" table of the Monte Carlo run).

Example:
  tokenhedge simulate fixtures/acme/usage.csv --curve fixtures/acme/token-curve.csv --contract fixtures/acme/token-contract.json \\
    --policy fixtures/acme/policy.json --vol 0.45 --budget 3500000
`,
    );
}
