/**
 * A resolved config with everything a plan needs: the usage file, the curve, the contract, and a
 * policy or a flat ratio. A missing key is a usage error (exit 2) that says every way to supply it.
 */
import { DEFAULT_CONFIDENCE, DEFAULT_SEED, DEFAULT_SIMULATION_PATHS } from "../defaults.js";
import { HedgeError } from "../errors.js";
import type { ContractSpec } from "../curve/contract.js";
import type { HedgePolicy, Rounding } from "../hedge/policy.js";
import { parseMapFlag } from "../ingest/mapping/columns.js";
import type { ColumnMap } from "../ingest/types.js";
import { USAGE_DIALECT_KEYS, type UsageDialect } from "../ingest/reading/option-names.js";
import type { ValueSource } from "./layers.js";
import type { ResolvedConfig } from "./resolve.js";
import type { CompanyConfig, RegressDirection, ReportSettings, Thresholds } from "./schema.js";

export interface HedgeConfig {
  configFile: string | null;
  /** The usage file, its columns and how it is read (the same keys as the reading flags). */
  usage: { files: string[]; map?: Partial<ColumnMap> } & UsageDialect;
  curve: string;
  /** A path to the spec, or the spec written inline. */
  contract: string | ContractSpec;
  /** A path to the policy, the policy written inline, or absent when `ratio` is set. */
  policy?: string | HedgePolicy;
  ratio?: number;
  rounding?: Rounding;
  budget?: number;
  horizon?: number;
  seed: number;
  asOf?: string;
  simulation: { paths: number; confidence: number; priceVolatility?: number; volumePriceCorrelation?: number };
  effectiveness?: {
    history: string;
    changes: boolean;
    contracts?: number;
    contractSize?: number;
    exposure?: number;
    quoteUnitSize?: number;
    regress: RegressDirection;
    /** thresholds.minEffectiveness.rSquared, for the regression test's own criterion. */
    minRSquared?: number;
  };
  thresholds: Thresholds;
  report: ReportSettings;
  /** The hedge book file, and the settlement prices of delivered months. */
  book?: string;
  settlements?: string;
  /** The company's price, basis and commitments (`company:`). */
  company?: CompanyConfig;
  /** The events file and the volume plan (`events:`, `volumePlan:`, `volumePlanWeight:`). */
  events?: string;
  volumePlan?: string;
  volumePlanWeight?: number;
  sources: Record<string, ValueSource>;
}

/** How a user can supply each required key, for the error message. */
const WAYS: Record<string, { key: string; env: string; flag: string }> = {
  "usage.file": { key: "usage:", env: "TOKENHEDGE_USAGE", flag: "the FILE argument" },
  curve: { key: "curve:", env: "TOKENHEDGE_CURVE", flag: "--curve FILE" },
  contract: { key: "contract:", env: "TOKENHEDGE_CONTRACT", flag: "--contract FILE" },
  policy: {
    key: "policy: (or ratio:)",
    env: "TOKENHEDGE_POLICY (or TOKENHEDGE_RATIO)",
    flag: "--policy FILE (or --ratio R)",
  },
};

export function missingError(key: string, configFile: string | null): HedgeError {
  const w = WAYS[key]!;
  return new HedgeError("USAGE_MISSING_FLAG", `no ${key === "usage.file" ? "usage file" : key} given`, {
    ...(configFile ? { file: configFile } : {}),
    path: key,
    expected: `${w.key} in the config file, ${w.env}, or ${w.flag}`,
    hint: configFile ? `add ${w.key} to ${configFile}` : "write a config with tokenhedge init, or pass --config FILE",
  });
}

/** Which required keys are still missing (for `config show`). */
export function missingKeys(resolved: ResolvedConfig): string[] {
  const v = resolved.values;
  const out: string[] = [];
  const usage = typeof v.usage === "string" ? v.usage : v.usage?.file;
  if (!usage || (Array.isArray(usage) && usage.length === 0)) out.push("usage.file");
  if (!v.curve) out.push("curve");
  if (v.contract === undefined) out.push("contract");
  if (v.policy === undefined && v.ratio === undefined) out.push("policy");
  return out;
}

function columnMap(map: string | Partial<ColumnMap> | undefined): Partial<ColumnMap> | undefined {
  if (map === undefined) return undefined;
  if (typeof map === "string") return parseMapFlag(map);
  const out: Partial<ColumnMap> = {};
  for (const [k, v] of Object.entries(map)) if (v !== undefined) out[k as keyof ColumnMap] = v;
  return out;
}

export function requireComplete(resolved: ResolvedConfig): HedgeConfig {
  const missing = missingKeys(resolved);
  if (missing.length > 0) throw missingError(missing[0]!, resolved.configFile);
  const v = resolved.values;
  const usage = (typeof v.usage === "string" ? { file: v.usage } : v.usage!) as {
    file: string | string[];
    map?: string | Partial<ColumnMap>;
  } & UsageDialect;
  const dialect: Record<string, unknown> = {};
  for (const key of USAGE_DIALECT_KEYS) if (usage[key] !== undefined) dialect[key] = usage[key];
  const map = columnMap(usage.map);
  const e = v.effectiveness;
  if (e && !e.history) {
    throw new HedgeError("CONFIG_INVALID", "effectiveness settings without a history file", {
      ...(resolved.configFile ? { file: resolved.configFile } : {}),
      path: "effectiveness.history",
      expected: "effectiveness.history: a CSV of period,hedge,item or period,spot,futures",
    });
  }
  return {
    configFile: resolved.configFile,
    usage: {
      files: typeof usage.file === "string" ? [usage.file] : [...usage.file],
      ...(map ? { map } : {}),
      ...(dialect as UsageDialect),
    },
    curve: v.curve!,
    contract: v.contract!,
    ...(v.policy !== undefined ? { policy: v.policy } : {}),
    ...(v.ratio !== undefined ? { ratio: v.ratio } : {}),
    ...(v.rounding !== undefined ? { rounding: v.rounding } : {}),
    ...(v.budget !== undefined ? { budget: v.budget } : {}),
    ...(v.horizon !== undefined ? { horizon: v.horizon } : {}),
    seed: v.seed ?? DEFAULT_SEED,
    ...(v.asOf !== undefined ? { asOf: v.asOf } : {}),
    simulation: {
      paths: v.simulation?.paths ?? DEFAULT_SIMULATION_PATHS,
      confidence: v.simulation?.confidence ?? DEFAULT_CONFIDENCE,
      ...(v.simulation?.priceVolatility !== undefined ? { priceVolatility: v.simulation.priceVolatility } : {}),
      ...(v.simulation?.volumePriceCorrelation !== undefined
        ? { volumePriceCorrelation: v.simulation.volumePriceCorrelation }
        : {}),
    },
    ...(v.book !== undefined ? { book: v.book } : {}),
    ...(v.settlements !== undefined ? { settlements: v.settlements } : {}),
    ...(v.events !== undefined ? { events: v.events } : {}),
    ...(v.volumePlan !== undefined ? { volumePlan: v.volumePlan } : {}),
    ...(v.volumePlanWeight !== undefined ? { volumePlanWeight: v.volumePlanWeight } : {}),
    ...(e
      ? {
          effectiveness: {
            history: e.history!,
            changes: e.changes ?? false,
            ...(e.contracts !== undefined ? { contracts: e.contracts } : {}),
            ...(e.contractSize !== undefined ? { contractSize: e.contractSize } : {}),
            ...(e.exposure !== undefined ? { exposure: e.exposure } : {}),
            ...(e.quoteUnitSize !== undefined ? { quoteUnitSize: e.quoteUnitSize } : {}),
            regress: e.regress ?? "hedge-on-item",
            ...(v.thresholds?.minEffectiveness?.rSquared !== undefined
              ? { minRSquared: v.thresholds.minEffectiveness.rSquared }
              : {}),
          },
        }
      : {}),
    thresholds: v.thresholds ?? {},
    report: v.report ?? {},
    ...(v.company !== undefined ? { company: v.company } : {}),
    sources: resolved.sources,
  };
}
