/** The inputs `plan` and `scenarios` share: usage → exposure forecast, curve, contract, policy → plan. */
import { Command, Option } from "commander";
import { HedgeError } from "../errors.js";
import { forecastExposure, type ExposureForecast } from "../hedge/exposure.js";
import { buildPlan, type HedgePlan } from "../hedge/plan.js";
import { flatPolicy, roundingSchema, type HedgePolicy } from "../hedge/policy.js";
import type { ContractSpec } from "../curve/contract.js";
import { loadContract, loadCurve, loadPolicy, loadUsage } from "./inputs.js";
import { parseIntOption, parseNumberOption } from "./options.js";
import { addForecastOptions } from "./commands/shared.js";
import type { IoContext } from "./context.js";
import { ingestUsage, type UsageSeries } from "../ingest/index.js";
import type { FuturesCurve } from "../curve/parse-curve.js";
import { requireComplete, type HedgeConfig } from "../config/index.js";
import { readTextFile } from "./files.js";
import { applyDeferredConfig, withDeferredConfig } from "./config-options.js";
import { completeCurve } from "../curve/complete-curve.js";
import { resolveGpuConversion } from "../curve/gpu-conversion.js";
import type { PlanOptions } from "../hedge/plan.js";
import { hedgeRatioFromSeries } from "../hedge/mvhr.js";
import { parsePriceHistory } from "../hedge/methods/price-history.js";
import { mvhrMethod } from "../hedge/methods/mvhr-method.js";
import { quantityMethod } from "../hedge/methods/quantity-method.js";
import { parseVolumeLevel } from "../hedge/methods/volume.js";

export interface PlanFlags {
  curve?: string;
  contract?: string;
  policy?: string;
  ratio?: number;
  rounding?: string;
  horizon?: number;
  seed: number;
  map?: string;
  /** --config FILE (see config-options.ts); the usage FILE argument becomes optional with it. */
  config?: string;
  /** Hedge-ratio method and sizing flags (planOptionsFromFlags). */
  method?: "policy" | "mvhr" | "quantity";
  volumeCap?: string;
  volumeBasis?: string;
  history?: string;
  spotColumn?: string;
  futuresColumn?: string;
  changes?: boolean;
  corr?: number;
  priceVol?: number;
  companyPrice?: number;
  tail?: number;
  minLot?: number;
  tokensPerGpuHour?: number;
}

export function addPlanOptions(cmd: Command): Command {
  return addForecastOptions(withDeferredConfig(cmd, { usageArgument: true }))
    .option("--curve <file>", "futures curve CSV (month,price) or JSON")
    .option("--contract <file>", "contract spec JSON or YAML")
    .option("--policy <file>", "hedge policy JSON (a ladder of target ratios by tenor)")
    .addOption(new Option("--ratio <r>", "one target ratio for every month instead of a policy, e.g. 0.8").argParser(parseNumberOption("--ratio", 0, 1)).conflicts("policy"))
    .addOption(new Option("--rounding <rule>", "contract rounding (default: the policy's, else down)").choices(roundingSchema.options))
    .addOption(new Option("--method <method>", "where target ratios come from: the policy ladder, the minimum-variance ratio of --history, or price-and-volume risk").choices(["policy", "mvhr", "quantity"]).default("policy"))
    .option("--volume-cap <quantile>", "never hedge more tokens than this quantile of a month's volume forecast (none to switch off)", "p10")
    .option("--volume-basis <level>", "the forecast volume to hedge: mean or a quantile such as p50", "mean")
    .option("--history <file>", "price history CSV (period,spot,futures) for --method mvhr or quantity")
    .option("--spot-column <name>", "spot (company price) column of --history", "spot")
    .option("--futures-column <name>", "futures column of --history", "futures")
    .option("--changes", "--history holds per-period price changes, not levels")
    .addOption(new Option("--corr <rho>", "quantity method: correlation of volume with the futures price").argParser(parseNumberOption("--corr", -1, 1)).default(0))
    .addOption(new Option("--price-vol <v>", "quantity method: annualised volatility of the futures price, e.g. 0.45 (default: from --history)").argParser(parseNumberOption("--price-vol", 0)))
    .addOption(new Option("--company-price <p>", "quantity method: the company's price per Mtok today (default: the history's last spot)").argParser(parseNumberOption("--company-price", 0)))
    .addOption(new Option("--tail <spot>", "tail the hedge (Hull ch. 3): size on values with today's spot price S0 in the contract's quote unit").argParser(parseNumberOption("--tail", 0)))
    .addOption(new Option("--min-lot <n>", "contracts in whole multiples of n (default: the spec's minimumLot, else 1)").argParser(parseIntOption("--min-lot", 1)))
    .addOption(new Option("--tokens-per-gpu-hour <k>", "GPU-hour contracts: override the spec's tokens per GPU-hour").argParser(parseNumberOption("--tokens-per-gpu-hour", 0)));
}

export interface PlanInputs {
  plan: HedgePlan;
  exposure: ExposureForecast;
  spec: ContractSpec;
  policy: HedgePolicy;
  files: string[];
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new HedgeError("USAGE_MISSING_FLAG", `missing ${flag}`, { expected: `${flag} FILE`, hint: "see tokenhedge plan --help" });
  return value;
}

export function loadPlan(ctx: IoContext, usageFile: string | undefined, flags: PlanFlags): PlanInputs {
  // A config file or TOKENHEDGE_* variables: resolve flags > env > file > defaults (config-options.ts).
  const resolved = applyDeferredConfig(ctx, flags, true);
  if (resolved) return loadPlanFromConfig(ctx, requireComplete(resolved), flags);
  if (!usageFile) {
    throw new HedgeError("USAGE_MISSING_FLAG", "no usage file given", { expected: "a usage CSV argument, or --config FILE", hint: "see tokenhedge plan --help" });
  }
  const curveFile = required(flags.curve, "--curve");
  const contractFile = required(flags.contract, "--contract");
  if (!flags.policy && flags.ratio === undefined && (flags.method ?? "policy") === "policy") {
    throw new HedgeError("USAGE_MISSING_FLAG", "missing --policy or --ratio", { expected: "--policy FILE or --ratio R", hint: "e.g. --policy fixtures/acme/policy.json or --ratio 0.8" });
  }
  const series = loadUsage(ctx, usageFile, flags.map);
  const spec = loadContract(ctx, contractFile);
  const curve = completeCurve(loadCurve(ctx, curveFile), spec.listedMonths, spec.name);
  const rounding = flags.rounding as HedgePolicy["rounding"] | undefined;
  let policy = flags.policy
    ? loadPolicy(ctx, flags.policy)
    : flags.ratio !== undefined
      ? flatPolicy(flags.ratio, rounding ?? "down", curve.points.length)
      : { name: `none (ratios from --method ${flags.method})`, ladder: [{ fromMonth: 1, toMonth: Math.max(1, curve.points.length), ratio: 1 }] as HedgePolicy["ladder"], rounding: rounding ?? "down" };
  if (rounding) policy = { ...policy, rounding };
  const exposure = forecastExposure(series, {
    through: curve.points[curve.points.length - 1]!.month,
    seed: flags.seed,
    ...(flags.horizon !== undefined ? { horizon: flags.horizon } : {}),
    ...(spec.indexWeights ? { weights: spec.indexWeights } : {}),
  });
  const plan = buildPlan({ forecast: exposure.months, curve: curve.points, spec, policy, options: planOptionsFromFlags(ctx, flags, spec, series) });
  const files = [usageFile, curveFile, contractFile, ...(flags.policy ? [flags.policy] : []), ...(flags.history ? [flags.history] : [])];
  return { plan, exposure, spec, policy, files };
}

/** What a resolved config gives: the plan inputs plus the usage series and the curve (for reports and checks). */
export interface ConfiguredPlanInputs extends PlanInputs {
  series: UsageSeries;
  curve: FuturesCurve;
}

/** The same plan as loadPlan, from a resolved config (contract and policy may be inline there). */
export function loadPlanFromConfig(ctx: IoContext, cfg: HedgeConfig, flags?: PlanFlags): ConfiguredPlanInputs {
  const series = ingestUsage(readTextFile(cfg.usage.file, ctx.cwd), { file: cfg.usage.file, ...(cfg.usage.map ? { map: cfg.usage.map } : {}) });
  const spec = typeof cfg.contract === "string" ? loadContract(ctx, cfg.contract) : cfg.contract;
  const curve = completeCurve(loadCurve(ctx, cfg.curve), spec.listedMonths, spec.name);
  let policy =
    cfg.policy === undefined ? flatPolicy(cfg.ratio!, cfg.rounding ?? "down", curve.points.length) : typeof cfg.policy === "string" ? loadPolicy(ctx, cfg.policy) : cfg.policy;
  if (cfg.rounding) policy = { ...policy, rounding: cfg.rounding };
  const exposure = forecastExposure(series, {
    through: curve.points[curve.points.length - 1]!.month,
    seed: cfg.seed,
    ...(cfg.horizon !== undefined ? { horizon: cfg.horizon } : {}),
    ...(spec.indexWeights ? { weights: spec.indexWeights } : {}),
  });
  const plan = buildPlan({ forecast: exposure.months, curve: curve.points, spec, policy, options: planOptionsFromFlags(ctx, flags ?? { seed: cfg.seed }, spec, series) });
  const files = [cfg.usage.file, cfg.curve, ...(typeof cfg.contract === "string" ? [cfg.contract] : []), ...(typeof cfg.policy === "string" ? [cfg.policy] : [])];
  if (cfg.configFile) files.push(cfg.configFile);
  return { plan, exposure, spec, policy, files, series, curve };
}

/**
 * The plan's method and sizing options from the flags (issue 5): --method, --volume-cap, --volume-basis,
 * --history (+ columns, --changes), --corr, --price-vol, --company-price, --tail, --min-lot,
 * --tokens-per-gpu-hour. Reads the history file; everything else is pure (src/hedge/methods/).
 */
export function planOptionsFromFlags(ctx: IoContext, flags: PlanFlags, spec: ContractSpec, series: UsageSeries): PlanOptions {
  const method = flags.method ?? "policy";
  const capText = flags.volumeCap ?? "p10";
  const options: PlanOptions = {
    volumeCap: capText.trim().toLowerCase() === "none" ? null : parseVolumeLevel(capText, "--volume-cap", false),
    forecastBasis: parseVolumeLevel(flags.volumeBasis ?? "mean", "--volume-basis"),
    conversion: resolveGpuConversion(spec, series.byModel, flags.tokensPerGpuHour),
    ...(flags.tail !== undefined ? { tail: { spotPrice: flags.tail } } : {}),
    ...(flags.minLot !== undefined ? { lot: flags.minLot } : {}),
  };
  const history = flags.history
    ? parsePriceHistory(readTextFile(flags.history, ctx.cwd), flags.history, {
        ...(flags.spotColumn ? { spotColumn: flags.spotColumn } : {}),
        ...(flags.futuresColumn ? { futuresColumn: flags.futuresColumn } : {}),
        kind: flags.changes ? "changes" : "levels",
      })
    : undefined;
  const mvhr = history ? hedgeRatioFromSeries(history) : undefined;
  if (method === "mvhr") {
    if (!history || !mvhr) {
      throw new HedgeError("USAGE_MISSING_FLAG", "--method mvhr needs --history", { expected: "--history FILE with spot and futures prices", hint: "e.g. --history fixtures/acme/price-history.csv" });
    }
    options.method = mvhrMethod(mvhr, history.file);
  } else if (method === "quantity") {
    options.method = quantityMethod({
      correlation: flags.corr ?? 0,
      crossHedge: spec.underlying === "gpu-hour-index",
      ...(flags.priceVol !== undefined ? { priceVolatility: flags.priceVol } : {}),
      ...(flags.companyPrice !== undefined ? { spotPrice: flags.companyPrice } : {}),
      ...(history && mvhr ? { history: { result: mvhr, source: history.file, lastSpot: history.kind === "levels" ? history.spot[history.spot.length - 1]! : null } } : {}),
    });
  }
  return options;
}
