/**
 * `simulate`: Monte Carlo of price and volume over the plan's horizon — cost distribution, Cost-at-Risk, margin
 * need, and the hedge-ratio sweep. Same inputs as `plan` (plan-inputs.ts), plus the price model's parameters.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { HedgeError } from "../../errors.js";
import type { ResolvedConfig } from "../../config/index.js";
import { simulate } from "../../scenarios/simulate.js";
import { volumeMatrix } from "../../scenarios/volumes.js";
import { parsePriceHistory, type PriceHistory } from "../../hedge/methods/price-history.js";
import { estimateBasis, estimateGbmVol, estimateOu } from "../../scenarios/estimate.js";
import type { PriceModel } from "../../scenarios/price-model.js";
import type { Basis } from "../../scenarios/simulate.js";
import type { Budget } from "../../scenarios/budget.js";
import { simulateCsv, simulateDocument, simulateHuman, type SimulationProvenance } from "../../report/views/simulate.js";
import type { HedgePlan } from "../../hedge/plan.js";
import { readTextFile } from "../files.js";
import { parseAsOf, parseIntOption, parseNumberOption } from "../options.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { addPlanOptions, loadPlan, type PlanFlags } from "../plan-inputs.js";
import type { OutStream } from "../context.js";
import { configBudget, defaultAsOf, parseBudgetOption, takeBudgetFlag } from "./scenarios.js";
import type { CommandEnv } from "./shared.js";

/** Volatility when neither --vol, --history nor the config gives one: illustrative, and said to be so. */
export const DEFAULT_VOL = 0.3;

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

interface ModelChoice {
  model: PriceModel;
  basis: Basis;
  provenance: SimulationProvenance;
}

/** Decide the price model and basis from the flags, the history file and the config (flags first). */
function chooseModel(flags: SimulateFlags, command: Command, history: PriceHistory | undefined, plan: HedgePlan): ModelChoice {
  const notes: string[] = [];
  const sim = flags.resolvedConfig?.values.simulation;
  let vol: number;
  let volSource: string;
  let meanReversion = flags.meanReversion;
  let meanReversionSource: string | undefined = meanReversion !== undefined ? "--mean-reversion" : undefined;
  const historyLabel = history ? `estimated from ${history.file}, ${history.futures.length - 1} monthly changes` : "";
  if (flags.vol !== undefined) {
    vol = flags.vol;
    volSource = "--vol";
  } else if (flags.priceVol !== undefined) {
    vol = flags.priceVol;
    volSource = "--price-vol";
  } else if (history) {
    vol = estimateGbmVol(history.futures).vol;
    volSource = historyLabel;
  } else if (sim?.priceVolatility !== undefined) {
    vol = sim.priceVolatility;
    volSource = "config simulation.priceVolatility";
  } else {
    vol = DEFAULT_VOL;
    volSource = `default ${DEFAULT_VOL * 100}% — illustrative; give --vol or --history`;
    notes.push(`no --vol or --history: using an illustrative volatility of ${DEFAULT_VOL * 100}% a year`);
  }
  let model: PriceModel = { kind: "gbm", vol };
  if (flags.model === "ou") {
    if (meanReversion === undefined && history) {
      const ou = estimateOu(history.futures);
      if (ou) {
        meanReversion = ou.meanReversion;
        meanReversionSource = historyLabel;
        if (flags.vol === undefined) {
          vol = ou.vol;
          volSource = `${historyLabel} (OU fit)`;
        }
      } else {
        notes.push(`${history.file}: the AR(1) slope of the log price is not in (0, 1), so no mean reversion can be estimated; simulating GBM`);
      }
    }
    if (meanReversion === undefined && !history) {
      throw new HedgeError("USAGE_MISSING_FLAG", "--model ou needs --mean-reversion or --history", { expected: "--mean-reversion K (per year, e.g. 2) or --history FILE", hint: "or use --model gbm" });
    }
    if (meanReversion !== undefined) model = { kind: "ou", vol, meanReversion };
  } else if (meanReversion !== undefined) {
    notes.push("--mean-reversion is ignored with --model gbm");
  }
  if (model.kind === "gbm") model = { kind: "gbm", vol };

  let basis: Basis = { a: flags.basisA, b: flags.basisB, noise: flags.basisNoise };
  const typed = (name: string) => command.getOptionValueSource(name) === "cli";
  let basisSource = typed("basisA") || typed("basisB") || typed("basisNoise") ? "flags" : "default: the company pays the index";
  if (flags.basisFromHistory) {
    if (!history) throw new HedgeError("USAGE_MISSING_FLAG", "--basis-from-history needs --history", { expected: "--history FILE with period,spot,futures" });
    const perMtok = 1_000_000 / ((plan.contract.underlying === "token-index" ? 1_000_000 : 1) * (plan.contract.tokensPerGpuHour ?? 1));
    const est = estimateBasis(history.spot, history.futures.map((f) => f * perMtok));
    basis = {
      a: typed("basisA") ? flags.basisA : Number(est.a.toFixed(6)),
      b: typed("basisB") ? flags.basisB : Number(est.b.toFixed(6)),
      noise: typed("basisNoise") ? flags.basisNoise : Number(est.noise.toFixed(6)),
    };
    basisSource = `OLS of spot on the index in ${history.file} (R² ${est.rSquared.toFixed(3)}, ${est.observations} months)`;
  }
  return {
    model,
    basis,
    provenance: { volSource, ...(model.kind === "ou" && meanReversionSource ? { meanReversionSource } : {}), basisSource, volumeSource: "", notes },
  };
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

/** A progress bar on stderr, only on a terminal and only once the run has taken a second. */
function progressBar(stderr: OutStream, now: () => number): { update(f: number): void; done(): void } {
  const start = now();
  let shown = false;
  let last = -1;
  return {
    update(f) {
      if (!stderr.isTTY || now() - start < 1000) return;
      const pct = Math.floor(f * 100);
      if (pct === last) return;
      last = pct;
      shown = true;
      const width = 30;
      const fill = Math.round((pct / 100) * width);
      stderr.write(`\rsimulating [${"#".repeat(fill)}${".".repeat(width - fill)}] ${String(pct).padStart(3)}%`);
    },
    done() {
      if (shown) stderr.write(`\r${" ".repeat(50)}\r`);
    },
  };
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
      const { plan, exposure, files } = loadPlan(ctx, file, flags);
      warn(ctx, [...exposure.forecast.warnings, ...plan.warnings]);
      const budget = budgetFlag ?? configBudget(flags);
      const history = flags.history ? readLevels(ctx.cwd, flags) : undefined;
      const choice = chooseModel(flags, command, history, plan);
      const asOf = flags.asOf ?? defaultAsOf(exposure.history.months[exposure.history.months.length - 1]!);
      const bar = progressBar(ctx.stderr, Date.now);
      // Volume paths come from the forecast model, seeded by the same --seed (the price stream is offset, random.ts).
      const forecastMonths = exposure.months.map((m) => m.month);
      const volumes = volumeMatrix(exposure.forecast.samplePaths(flags.paths, flags.seed), forecastMonths, plan.months.map((m) => m.month));
      const result = simulate({
        plan,
        volumes,
        model: choice.model,
        basis: choice.basis,
        corr: flags.corr ?? 0,
        seed: flags.seed,
        asOf,
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
      }, files);
    });
}

function fmtCount(n: number): string {
  return n.toLocaleString("en-US");
}
