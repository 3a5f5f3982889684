/**
 * The shell half of the pipeline's inputs: the reading of every input file into one `PipelineInputs`
 * (src/pipeline/inputs.ts), either from `plan`'s flags (declared in plan-flags.ts, shared by scenarios and
 * simulate) or from a resolved config. The pipeline itself (src/pipeline/) does the rest.
 */
import type { Command } from "commander";
import { HedgeError } from "../errors.js";
import type { HedgePolicy } from "../hedge/policy.js";
import { parsePriceHistory, type PriceHistory } from "../hedge/methods/price-history.js";
import { requireComplete, type HedgeConfig, type ValueSource } from "../config/index.js";
import {
  buildPlanStage,
  type PipelineInputs,
  type PlanStage,
  type PolicyChoice,
  type SizingSettings,
} from "../pipeline/index.js";
import { loadContract, loadCurve, loadPolicy, loadUsages } from "./inputs.js";
import { STDIN } from "./usage-inputs.js";
import type { IoContext } from "./context.js";
import { readTextFile } from "./files.js";
import { companyFromFlags, type CompanyFlags } from "./company-options.js";
import { applyDeferredConfig } from "./config-options.js";
import { COMMAND_KEY, FLAG_BINDINGS } from "./config-names.js";
import { positionSettings } from "./position-read.js";
import type { PlanFlags } from "./plan-flags.js";
import { readKnowledge } from "./forecast-knowledge.js";
import { ignoredFlagsWarning, ignoredSizingFlags, readSavedPlan } from "./saved-plan-read.js";
import { warn } from "./output.js";
import { usageDialectOf } from "./usage-flags.js";
import type { SavedPlan } from "../hedge/saved-plan.js";

export { addPlanOptions, type PlanFlags } from "./plan-flags.js";

function required(value: string | undefined, flag: string): string {
  if (!value)
    throw new HedgeError("USAGE_MISSING_FLAG", `missing ${flag}`, {
      expected: `${flag} FILE`,
      hint: "see tokenhedge plan --help",
    });
  return value;
}

/** The plan stage of `plan`, `scenarios`, `simulate` and `demo`: from the flags, or from a config when one is in play. */
export async function loadPlan(
  ctx: IoContext,
  usageFile: string | readonly string[] | undefined,
  flags: PlanFlags,
): Promise<PlanStage> {
  return buildPlanStage(await resolvePlanInputs(ctx, usageFile, flags));
}

/** The plan stage of a resolved config (`check`, `report`, `init`); `report --plan FILE` gives a saved plan. */
export async function loadPlanFromConfig(ctx: IoContext, cfg: HedgeConfig, savedPlanFile?: string): Promise<PlanStage> {
  return buildPlanStage(await inputsFromConfig(ctx, cfg, undefined, savedPlanFile));
}

/** Flags (or a config file / TOKENHEDGE_* variables: flags > env > file > defaults, config-options.ts) → pipeline inputs. */
export async function resolvePlanInputs(
  ctx: IoContext,
  usageArg: string | readonly string[] | undefined,
  flags: PlanFlags,
): Promise<PipelineInputs> {
  const usageFiles = usageArg === undefined ? [] : typeof usageArg === "string" ? [usageArg] : [...usageArg];
  const resolved = applyDeferredConfig(ctx, flags, true);
  if (flags.plan)
    warn(
      ctx,
      ignoredFlagsWarning(
        flags.plan,
        ignoredSizingFlags(flags, (flags as unknown as Record<string, unknown>)[COMMAND_KEY] as Command | undefined),
      ),
    );
  if (resolved) return inputsFromConfig(ctx, requireComplete(resolved), flags);
  if (usageFiles.length === 0) {
    throw new HedgeError("USAGE_MISSING_FLAG", "no usage file given", {
      expected: "a usage CSV argument, or --config FILE",
      hint: "see tokenhedge plan --help",
    });
  }
  const curveFile = required(flags.curve, "--curve");
  const contractFile = required(flags.contract, "--contract");
  const method = flags.method ?? "policy";
  const saved = flags.plan ? readSavedPlan(ctx, flags.plan) : undefined;
  if (!flags.policy && flags.ratio === undefined && method === "policy" && !saved) {
    throw new HedgeError("USAGE_MISSING_FLAG", "missing --policy or --ratio", {
      expected: "--policy FILE or --ratio R",
      hint: "e.g. --policy fixtures/acme/policy.json or --ratio 0.8",
    });
  }
  const usage = await loadUsages(ctx, usageFiles, {
    dialect: usageDialectOf(flags),
    ...(flags.map !== undefined ? { map: flags.map } : {}),
  });
  warn(ctx, usage.warnings);
  const series = usage.series;
  const spec = loadContract(ctx, contractFile);
  const curve = loadCurve(ctx, curveFile);
  const company = companyFromFlags(ctx, flags);
  const knowledge = readKnowledge(ctx, flags);
  const policy: PolicyChoice = flags.policy
    ? { kind: "ladder", policy: loadPolicy(ctx, flags.policy) }
    : flags.ratio !== undefined
      ? { kind: "ratio", ratio: flags.ratio }
      : saved
        ? savedPolicyChoice(saved)
        : { kind: "method", method };
  return {
    series,
    usageSources: { sources: usage.sources, overlaps: usage.overlaps, inputs: usage.inputs },
    curve,
    curveFile,
    spec,
    policy,
    ...(flags.rounding ? { rounding: flags.rounding as HedgePolicy["rounding"] } : {}),
    seed: flags.seed,
    ...(flags.horizon !== undefined ? { horizon: flags.horizon } : {}),
    sizing: sizingFromFlags(ctx, flags),
    company: company.settings,
    ...(knowledge.events ? { events: knowledge.events } : {}),
    ...(knowledge.volumePlan ? { volumePlan: knowledge.volumePlan } : {}),
    ...(saved ? { savedPlan: saved } : {}),
    files: [
      ...usage.inputs.map((i) => i.path).filter((p) => p !== STDIN),
      curveFile,
      contractFile,
      ...(flags.plan ? [flags.plan] : []),
      ...(flags.policy ? [flags.policy] : []),
      ...(flags.history ? [flags.history] : []),
      ...(flags.book ? [flags.book] : []),
      ...(flags.settlements ? [flags.settlements] : []),
      ...company.files,
      ...knowledge.files,
    ],
    sources: flagSources(flags),
    position: positionSettings(ctx, flags, {
      ...(flags.book ? { book: flags.book } : {}),
      ...(flags.settlements ? { settlements: flags.settlements } : {}),
      contractFile,
    }),
  };
}

/** The ladder a saved plan was sized with, for the book and the report (no --policy needed with --plan). */
function savedPolicyChoice(saved: SavedPlan): PolicyChoice {
  return saved.policy ? { kind: "ladder", policy: saved.policy } : { kind: "method", method: saved.plan.method.name };
}

/** A resolved config → pipeline inputs (contract and policy may be inline there); the plan flags, if any, size it; `--plan` reads a saved plan. */
export async function inputsFromConfig(
  ctx: IoContext,
  cfg: HedgeConfig,
  flags?: PlanFlags,
  savedPlanFile?: string,
): Promise<PipelineInputs> {
  const savedFile = savedPlanFile ?? flags?.plan;
  const saved = savedFile ? readSavedPlan(ctx, savedFile) : undefined;
  const { files: usageFiles, map, ...dialect } = cfg.usage;
  const usage = await loadUsages(ctx, usageFiles, {
    dialect,
    ...(map ? { map } : {}),
    ...(cfg.asOf ? { extra: { asOf: cfg.asOf } } : {}),
  });
  warn(ctx, usage.warnings);
  const series = usage.series;
  const spec = typeof cfg.contract === "string" ? loadContract(ctx, cfg.contract) : cfg.contract;
  const curve = loadCurve(ctx, cfg.curve);
  const policy: PolicyChoice =
    cfg.policy === undefined
      ? { kind: "ratio", ratio: cfg.ratio! }
      : { kind: "ladder", policy: typeof cfg.policy === "string" ? loadPolicy(ctx, cfg.policy) : cfg.policy };
  const files = [
    ...usage.inputs.map((i) => i.path).filter((p) => p !== STDIN),
    cfg.curve,
    ...(typeof cfg.contract === "string" ? [cfg.contract] : []),
    ...(typeof cfg.policy === "string" ? [cfg.policy] : []),
  ];
  if (cfg.book) files.push(cfg.book);
  if (cfg.settlements) files.push(cfg.settlements);
  if (cfg.configFile) files.push(cfg.configFile);
  if (savedFile) files.push(savedFile);
  if (cfg.company?.history && flags?.history === undefined) files.push(cfg.company.history);
  const company = companyFromFlags(ctx, companyFlagsOf(cfg, flags));
  const knowledge = readKnowledge(ctx, {
    ...(cfg.events !== undefined ? { events: cfg.events } : {}),
    ...(cfg.volumePlan !== undefined ? { volumePlan: cfg.volumePlan } : {}),
    ...(cfg.volumePlanWeight !== undefined ? { volumePlanWeight: cfg.volumePlanWeight } : {}),
  });
  files.push(...knowledge.files);
  return {
    series,
    usageSources: { sources: usage.sources, overlaps: usage.overlaps, inputs: usage.inputs },
    curve,
    curveFile: cfg.curve,
    spec,
    policy,
    ...(cfg.rounding ? { rounding: cfg.rounding } : {}),
    seed: cfg.seed,
    ...(cfg.horizon !== undefined ? { horizon: cfg.horizon } : {}),
    sizing: sizingFromFlags(ctx, {
      ...(flags ?? { seed: cfg.seed }),
      ...(flags?.history === undefined && cfg.company?.history ? { history: cfg.company.history } : {}),
    }),
    company: company.settings,
    ...(knowledge.events ? { events: knowledge.events } : {}),
    ...(knowledge.volumePlan ? { volumePlan: knowledge.volumePlan } : {}),
    ...(saved ? { savedPlan: saved } : {}),
    ...(cfg.simulation.priceVolatility !== undefined ? { configPriceVolatility: cfg.simulation.priceVolatility } : {}),
    configConfidence: cfg.simulation.confidence,
    files: [...files, ...company.files],
    sources: cfg.sources,
    position: positionSettings(ctx, flags ?? {}, {
      ...(cfg.book ? { book: cfg.book } : {}),
      ...(cfg.settlements ? { settlements: cfg.settlements } : {}),
      ...(typeof cfg.contract === "string" ? { contractFile: cfg.contract } : {}),
    }),
  };
}

/** The sizing flags (--method, --volume-cap, …); reads the --history price file, if any. */
function sizingFromFlags(ctx: IoContext, flags: PlanFlags): SizingSettings {
  const history: PriceHistory | undefined = flags.history
    ? parsePriceHistory(readTextFile(flags.history, ctx.cwd), flags.history, {
        ...(flags.spotColumn ? { spotColumn: flags.spotColumn } : {}),
        ...(flags.futuresColumn ? { futuresColumn: flags.futuresColumn } : {}),
        kind: flags.changes ? "changes" : "levels",
      })
    : undefined;
  return {
    method: flags.method ?? "policy",
    volumeCap: flags.volumeCap ?? "p10",
    volumeBasis: flags.volumeBasis ?? "mean",
    ...(history ? { history } : {}),
    correlation: flags.corrVolumeFutures ?? (history ? undefined : flags.corrPriceVolume) ?? flags.corr ?? 0,
    ...(flags.volumeSd !== undefined ? { volumeSd: flags.volumeSd } : {}),
    ...(flags.priceSd !== undefined ? { priceSd: flags.priceSd } : {}),
    ...(flags.priceVol !== undefined ? { priceVolatility: flags.priceVol } : {}),
    ...(typeof flags.companyPrice === "number" ? { companyPrice: flags.companyPrice } : {}),
    ...(flags.tail !== undefined ? { tail: flags.tail } : {}),
    ...(flags.minLot !== undefined ? { minLot: flags.minLot } : {}),
    ...(flags.tokensPerGpuHour !== undefined ? { tokensPerGpuHour: flags.tokensPerGpuHour } : {}),
  };
}

/** Provenance of a flags-only run: a typed flag is "flag", anything else a default. */
function flagSources(flags: PlanFlags): Record<string, ValueSource> {
  const cmd = (flags as unknown as Record<string, unknown>)[COMMAND_KEY] as Command | undefined;
  const values = flags as unknown as Record<string, unknown>;
  const sources: Record<string, ValueSource> = { "usage.file": { kind: "flag", name: "the FILE argument" } };
  for (const [attr, binding] of Object.entries(FLAG_BINDINGS)) {
    if (values[attr] === undefined) continue;
    const typed = cmd ? cmd.getOptionValueSource(attr) === "cli" : true;
    sources[binding.path] = typed ? { kind: "flag", name: binding.flag } : { kind: "default" };
  }
  return sources;
}

/** The company settings of a config, any company flag given beside it taking precedence. */
function companyFlagsOf(cfg: HedgeConfig, flags?: PlanFlags): CompanyFlags {
  const c = cfg.company ?? {};
  const pick = <T>(flag: T | undefined, key: T | undefined): T | undefined => flag ?? key;
  const out: CompanyFlags = {};
  const prices = pick(flags?.prices, c.prices);
  const priceWindow = pick(flags?.priceWindow, c.priceWindow);
  const mix = pick(flags?.mix, c.mix);
  const basis = pick(flags?.basis, c.basis);
  const commitments = pick(flags?.commitments, c.commitments);
  const companyPrice = pick(flags?.companyPrice, c.price);
  if (prices !== undefined) out.prices = prices;
  if (priceWindow !== undefined) out.priceWindow = priceWindow;
  if (mix !== undefined) out.mix = mix;
  if (basis !== undefined) out.basis = basis;
  if (commitments !== undefined) out.commitments = commitments;
  if (companyPrice !== undefined) out.companyPrice = companyPrice;
  const kDrift = pick(flags?.kDrift, c.kDrift);
  if (kDrift !== undefined) out.kDrift = kDrift;
  return out;
}
