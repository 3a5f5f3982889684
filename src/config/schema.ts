/**
 * The config file `hedge.config.yaml` / `.json` (the README (conventions, exit codes)): every input and setting of a monthly
 * run in one place, so a scheduled job or a CI check runs one command with no flags. Every key is
 * optional in the file itself: environment variables and flags may supply the rest, and
 * `requireComplete` (complete.ts) says what is still missing after the layers are merged.
 */
import * as z from "zod";
import { contractSpecSchema } from "../curve/contract.js";
import { policySchema, roundingSchema } from "../hedge/policy.js";
import { isDay } from "../time/period.js";
import {
  CONTAINMENT_RULES,
  DATE_FORMATS,
  DELIMITER_NAMES,
  ON_ERROR_MODES,
  PROFILE_IDS,
  THOUSANDS_NAMES,
  USAGE_ENGINES,
} from "../ingest/reading/option-names.js";

const ratio = z.number().min(0, "a ratio between 0 and 1").max(1, "a ratio between 0 and 1");
const nonEmptyPath = z.string().min(1, "a file path");
const day = z.string().refine(isDay, "a date YYYY-MM-DD");

/**
 * A value that is either a path to a file or the document written inline. Checked by hand rather than
 * with z.union so an inline object reports its own key paths (`contract.tickSize: …`) instead of a
 * bare "invalid input" from the union.
 */
function pathOrInline<T extends z.ZodType>(inline: T, what: string) {
  return z.unknown().transform((value, ctx): string | z.output<T> => {
    if (typeof value === "string") {
      if (value.trim() === "")
        ctx.addIssue({ code: "custom", message: `a path to the ${what} file, or the ${what} written inline` });
      return value;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      ctx.addIssue({
        code: "custom",
        message: `a path to the ${what} file (a string), or the ${what} written inline (a mapping)`,
      });
      return z.NEVER;
    }
    const parsed = inline.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ ...issue, code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return parsed.data as z.output<T>;
  });
}

const COLUMN_FIELDS = ["date", "tokens", "kind", "model", "cost"] as const;

/** Column mapping: `date=day,tokens=n` (the --map syntax) or a mapping `{ date: day, tokens: n }`. */
export const columnMapSchema = z.union([
  z.string().min(1),
  z.strictObject(
    Object.fromEntries(COLUMN_FIELDS.map((f) => [f, z.string().min(1).optional()])) as Record<
      (typeof COLUMN_FIELDS)[number],
      z.ZodOptional<z.ZodString>
    >,
  ),
]);

/** A name from one of option-names.ts's tables, stored by its canonical name. */
function named<T extends string>(table: Readonly<Record<string, T>>, what: string) {
  return z.string().transform((value, ctx): T => {
    const canonical = Object.hasOwn(table, value.toLowerCase()) ? table[value.toLowerCase()] : undefined;
    if (canonical === undefined) {
      ctx.addIssue({ code: "custom", message: what });
      return z.NEVER;
    }
    return canonical;
  });
}

/**
 * How the usage file is read: the same names and values as the reading flags every usage command takes
 * (src/cli/usage-flags.ts); a flag given on the command line wins over the key.
 */
const usageDialectShape = {
  format: z.enum(PROFILE_IDS as [string, ...string[]], "an export format id (tokenhedge help formats)").optional(),
  dateFormat: z.enum(DATE_FORMATS, `one of ${DATE_FORMATS.join(", ")}`).optional(),
  delimiter: named(DELIMITER_NAMES, "one of , ; tab |").optional(),
  decimal: z.enum([".", ","], "the decimal mark: . or ,").optional(),
  thousands: named(THOUSANDS_NAMES, "one of none , . space '").optional(),
  tz: z.string().min(1, "an IANA time zone or an offset such as +02:00").optional(),
  onError: z.enum(ON_ERROR_MODES, "stop or skip").optional(),
  mapping: nonEmptyPath.optional(),
  containment: z.enum(CONTAINMENT_RULES, "nested or disjoint").optional(),
  dedupe: z.boolean().optional(),
  excludeCredits: z.boolean().optional(),
  currency: z.string().min(1, "a currency code such as USD").optional(),
  engine: z.enum(USAGE_ENGINES, "builtin or duckdb").optional(),
};

/** Every key optional, even the file: a partial layer (TOKENHEDGE_MAP alone) must validate; complete.ts requires the file. */
export const usageSchema = z.strictObject({
  /** One usage file, or several (files, directories or globs) combined into one series. */
  file: z.union([nonEmptyPath, z.array(nonEmptyPath).min(1, "at least one usage file")]).optional(),
  map: columnMapSchema.optional(),
  ...usageDialectShape,
});

export const simulationSchema = z.strictObject({
  /** Monte Carlo paths. */
  paths: z.number().int().min(100, "at least 100 paths").max(1_000_000, "at most 1,000,000 paths").optional(),
  /** Confidence level of Cost-at-Risk (docs/METHODOLOGY.md: P95 − mean). */
  confidence: z.number().gt(0.5, "above 0.5").lt(1, "below 1").optional(),
  /** Annualised volatility of the settlement price (log returns), e.g. 0.45. */
  priceVolatility: z.number().min(0).max(5, "an annualised volatility such as 0.45").optional(),
  /** Correlation between volume surprises and price surprises (McKinnon 1967). */
  volumePriceCorrelation: z.number().min(-1).max(1).optional(),
});

export const regressDirectionSchema = z.enum(["hedge-on-item", "item-on-hedge"]);
export type RegressDirection = z.infer<typeof regressDirectionSchema>;

export const effectivenessSchema = z.strictObject({
  /** History CSV: `period,hedge,item` value changes, or `period,spot,futures` prices (required once merged). */
  history: nonEmptyPath.optional(),
  /** The spot/futures columns are already period changes (otherwise they are levels). */
  changes: z.boolean().optional(),
  /** Contracts held: positive long, negative short (a short hedge of a forecast sale). */
  contracts: z
    .number()
    .refine((n) => Number.isFinite(n) && n !== 0, "a non-zero number of contracts (negative for a short hedge)")
    .optional(),
  contractSize: z.number().positive().optional(),
  exposure: z.number().positive().optional(),
  /** Quantity units per quote unit: 1000000 when quantities are tokens and prices USD/Mtok. */
  quoteUnitSize: z.number().positive().optional(),
  regress: regressDirectionSchema.optional(),
});

const bandSchema = z
  .strictObject({ fromMonth: z.number().int().min(1), toMonth: z.number().int().min(1), min: ratio, max: ratio })
  .refine((b) => b.toMonth >= b.fromMonth, { path: ["toMonth"], message: "must be ≥ fromMonth" })
  .refine((b) => b.max >= b.min, { path: ["max"], message: "must be ≥ min" });

export const thresholdsSchema = z.strictObject({
  /** Largest acceptable Cost-at-Risk of the hedged cost over the horizon, in USD. */
  maxCostAtRisk: z.number().nonnegative("an amount in USD ≥ 0").optional(),
  /** Largest acceptable probability that a delivery month is over-hedged (hedged tokens > realised tokens). */
  maxOverHedgeProbability: ratio.optional(),
  /** Achieved hedge ratio bands per tenor: "policy" takes the policy ladder's min/max. */
  hedgeRatioBands: z.union([z.literal("policy"), z.array(bandSchema).nonempty()]).optional(),
  /** Minimum hedge effectiveness (needs `effectiveness.history`). */
  minEffectiveness: z
    .strictObject({
      rSquared: ratio.optional(),
      dollarOffset: z.boolean().optional(),
      /** The cumulative dollar offset must pass at every period, not only the last. */
      dollarOffsetEveryPeriod: z.boolean().optional(),
    })
    .optional(),
  /** Largest number of days with no usage rows between the first and last day of the usage file. */
  maxMissingDays: z.number().int().nonnegative().optional(),
  /** Largest number of days between the last usage day and the as-of date. */
  maxStaleDays: z.number().int().nonnegative().optional(),
  /**
   * R² of the company's price changes on the index's (the basis regression) at least this; a sticky basis scores 0.
   * Evaluated by default at 0.8 for a GPU-hour cross hedge.
   */
  minBasisRSquared: ratio.optional(),
});

export const reportSchema = z.strictObject({
  title: z.string().min(1).optional(),
  /** The reporting entity named in the hedge designation memo. */
  entity: z.string().min(1).optional(),
  /** The accounting framework the memo states (--framework); --framework on the command line wins. */
  framework: z.enum(["asc815", "ifrs9"]).optional(),
  /** The purchase contract's price references the index: designate the price component (--references-index). */
  referencesIndex: z.boolean().optional(),
});

/** The company's own price (docs/company-cost.md): the files and choices of --prices, --price-window, --mix, --basis, --commitments. */
export const companySchema = z.strictObject({
  prices: nonEmptyPath.optional(),
  priceWindow: z.number().int().min(1).max(24).optional(),
  mix: nonEmptyPath.optional(),
  /** "index" values the exposure at the index (--company-price index). */
  price: z.literal("index").optional(),
  basis: z.enum(["sticky", "regression", "index"]).optional(),
  commitments: nonEmptyPath.optional(),
  /** Price history `period,spot,futures` (levels): the company's price beside the index, for a regression basis (--history). */
  history: nonEmptyPath.optional(),
  /** GPU-hour cross hedge: annual volatility of the tokens-per-GPU-hour conversion (--k-drift). */
  kDrift: ratio.optional(),
});

export const configFileSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1, "1 (the only config version so far)").optional(),
  // `usage: file.csv` is shorthand for `usage: { file: file.csv }`: normalised first, so a bad key inside the
  // mapping is reported by its own path (`usage.delimiter: …`) rather than as a failed union.
  usage: z.preprocess((v) => (typeof v === "string" || Array.isArray(v) ? { file: v } : v), usageSchema).optional(),
  curve: nonEmptyPath.optional(),
  contract: pathOrInline(contractSpecSchema, "contract spec").optional(),
  policy: pathOrInline(policySchema, "hedge policy").optional(),
  ratio: ratio.optional(),
  rounding: roundingSchema.optional(),
  /** Budget for token spend over the plan horizon, in USD. */
  budget: z.number().positive("an amount in USD > 0").optional(),
  horizon: z.number().int().min(1).max(120).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  asOf: day.optional(),
  simulation: simulationSchema.optional(),
  effectiveness: effectivenessSchema.optional(),
  thresholds: thresholdsSchema.optional(),
  report: reportSchema.optional(),
  /** The hedge book: a CSV or YAML file of the futures trades already held. */
  book: nonEmptyPath.optional(),
  /** Final settlement prices of delivered months (CSV month,settlement_price). */
  settlements: nonEmptyPath.optional(),
  company: companySchema.optional(),
  /** Launches, outages and migrations the team knows of (CSV or YAML; --events). */
  events: nonEmptyPath.optional(),
  /** A top-down volume plan, month and tokens (CSV or YAML; --volume-plan), and its default weight. */
  volumePlan: nonEmptyPath.optional(),
  volumePlanWeight: z.number().min(0, "a weight 0 … 1").max(1, "a weight 0 … 1").optional(),
});

export type ConfigFile = z.output<typeof configFileSchema>;
export type ColumnMapSetting = z.output<typeof columnMapSchema>;
export type SimulationSettings = z.output<typeof simulationSchema>;
export type EffectivenessSettings = z.output<typeof effectivenessSchema>;
export type Thresholds = z.output<typeof thresholdsSchema>;
export type ReportSettings = z.output<typeof reportSchema>;
export type CompanyConfig = z.output<typeof companySchema>;
