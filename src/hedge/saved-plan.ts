/**
 * A saved plan: the JSON document `tokenhedge plan --json` (or `plan --json --out x.json`) writes, read back for
 * `scenarios`, `simulate` and `report --plan FILE` instead of planning again.
 *
 * Checked with a zod schema: schemaVersion 1 and command "plan", at least one delivery month, each month once and in
 * order, every number a number. What the later stages need is required (month, tenor, the forecast's mean basis and
 * P10/P50/P90, the ratios, contracts, futures price); what follows from it (hedged tokens, locked-in cost, margin,
 * fees, achieved ratio, the totals) may be left out, since it is worked out again from the contracts
 * (saved-plan-mark.ts). Other keys of the document (the company's answer, the summary, …) are ignored.
 */
import * as z from "zod";
import { HedgeError } from "../errors.js";
import { zodToHedgeError } from "../schema/zod-errors.js";
import { policySchema, roundingSchema, type HedgePolicy } from "./policy.js";
import { quoteDivisor } from "../curve/contract.js";
import { planTotals } from "./plan.js";
import type { HedgePlan, PlanFlag, PlanMonth } from "./plan-types.js";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a delivery month YYYY-MM");
const tokens = z.number().nonnegative("a number of tokens ≥ 0");
const nullableNumber = z.number().nullable();
const PLAN_FLAGS: readonly PlanFlag[] = [
  "capped",
  "above-band",
  "below-band",
  "cap-below-band",
  "below-lot",
  "negative-ratio",
  "interpolated-price",
  "later-contract",
];

const monthSchema = z
  .object({
    month,
    contractMonth: month.optional(),
    tenor: z.number().int("a whole number of months ahead").min(1),
    forecastTokens: tokens,
    forecastBasis: z.string().min(1).optional(),
    forecastP10: tokens,
    forecastP50: tokens,
    forecastP90: tokens,
    targetRatio: z.number(),
    hedgeRatio: z.number(),
    band: z.object({ min: nullableNumber, max: nullableNumber }).nullable().default(null),
    capQuantile: z.string().nullable().default(null),
    capTokens: tokens.nullable().default(null),
    exposureUnits: z.number().nonnegative().optional(),
    contractsUnrounded: z.number().optional(),
    contracts: z.number().int("a whole number of contracts").nonnegative(),
    hedgedTokens: tokens.optional(),
    achievedRatio: z.number().optional(),
    futuresPrice: z.number().positive("a futures price > 0"),
    futuresPriceInterpolated: z.boolean().default(false),
    tailFactor: nullableNumber.default(null),
    lockedInCost: z.number().optional(),
    initialMargin: z.number().optional(),
    fees: z.number().optional(),
    probabilityOverHedge: z.number().min(0).max(1).nullable().default(null),
    expectedOverHedgeTokens: tokens.nullable().default(null),
    flags: z.array(z.enum(PLAN_FLAGS as [PlanFlag, ...PlanFlag[]])).default([]),
    methodDetail: z.record(z.string(), nullableNumber).nullable().default(null),
    committedTokens: tokens.optional(),
    hedgeableTokens: tokens.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.forecastP50 < m.forecastP10)
      ctx.addIssue({ code: "custom", path: ["forecastP50"], message: `≥ forecastP10 (${m.forecastP10})` });
    if (m.forecastP90 < m.forecastP50)
      ctx.addIssue({ code: "custom", path: ["forecastP90"], message: `≥ forecastP50 (${m.forecastP50})` });
    if (m.contractMonth !== undefined && m.contractMonth < m.month)
      ctx.addIssue({ code: "custom", path: ["contractMonth"], message: `${m.month} or a later delivery month` });
  });

const conversionSchema = z.object({
  tokensPerGpuHour: z.number().positive(),
  source: z.string(),
  byModel: z
    .array(
      z.object({
        model: z.string(),
        tokens: z.number(),
        tokensPerGpuHour: z.number().positive(),
        usedBlended: z.boolean(),
      }),
    )
    .nullable(),
  sensitivity: z.array(
    z.object({
      change: z.number(),
      tokensPerGpuHour: z.number(),
      contracts: z.number(),
      contractsChange: z.number(),
      achievedRatioIfTrue: z.number(),
    }),
  ),
  warning: z.string(),
});

export const savedPlanSchema = z
  .object({
    schemaVersion: z.literal(1, "1 (the schemaVersion tokenhedge plan --json writes)"),
    command: z.literal("plan", 'a document saved by tokenhedge plan --json (command "plan")'),
    seed: z.number().int().nonnegative().optional(),
    forecastModel: z.string().optional(),
    contract: z.object({
      name: z.string().min(1),
      underlying: z.enum(["token-index", "gpu-hour-index"]),
      quoteUnit: z.string().min(1),
      contractSize: z.number().int().positive(),
      sizeUnit: z.string().min(1),
      illustrative: z.boolean().default(false),
      tokensPerGpuHour: z.number().positive().nullable().default(null),
      minimumLot: z.number().int().positive().default(1),
    }),
    method: z.looseObject({ name: z.enum(["policy", "mvhr", "quantity"]), description: z.string() }),
    rounding: roundingSchema,
    lot: z.number().int().positive().default(1),
    forecastBasis: z.string().min(1).default("mean"),
    volumeCap: z.string().nullable().default(null),
    tailing: z.object({ spotPrice: z.number() }).nullable().default(null),
    conversion: conversionSchema.nullable().default(null),
    months: z.array(monthSchema).min(1, "at least one delivery month"),
    warnings: z.array(z.string()).default([]),
    side: z.enum(["long", "short"]).default("long"),
  })
  .superRefine((doc, ctx) => {
    doc.months.forEach((m, i) => {
      const prev = doc.months[i - 1];
      if (prev && m.month <= prev.month)
        ctx.addIssue({
          code: "custom",
          path: ["months", i, "month"],
          message: `each delivery month once, in order (after ${prev.month})`,
        });
    });
    if (doc.contract.underlying === "gpu-hour-index" && doc.contract.tokensPerGpuHour === null) {
      ctx.addIssue({
        code: "custom",
        path: ["contract", "tokensPerGpuHour"],
        message: "the tokens per GPU-hour the plan was sized with",
      });
    }
  });

export type SavedPlanDocument = z.output<typeof savedPlanSchema>;

/** A saved plan, read: the plan as saved (derived figures as saved, or 0 where left out; hedged tokens from the contracts) and where it came from. */
export interface SavedPlan {
  file: string;
  schemaVersion: 1;
  seed: number | null;
  forecastModel: string | null;
  side: "long" | "short";
  plan: HedgePlan;
  /** The policy ladder the plan was sized with (method.ladder), or null when the method had none. */
  policy: HedgePolicy | null;
  /** Months whose saved hedged tokens are not contracts × size (contracts edited by hand); empty when none. */
  edited: string[];
}

/** A parsed JSON document → the saved plan; not a plan document: INPUT_INVALID (exit 3) naming the key path, the value and what was expected. */
export function parseSavedPlan(doc: unknown, file: string): SavedPlan {
  const result = savedPlanSchema.safeParse(doc);
  if (!result.success) {
    const err = zodToHedgeError("INPUT_INVALID", "saved plan", file, result.error, doc);
    throw new HedgeError(err.code, err.message, {
      ...err.details,
      hint: "save one with tokenhedge plan --json > plan.json (or plan --json --out plan.json); a report's report.json is not a plan",
    });
  }
  const d = result.data;
  const perUnit = d.contract.tokensPerGpuHour ?? 1;
  const edited: string[] = [];
  const months = d.months.map((m): PlanMonth => {
    const hedgedTokens = Math.round(
      m.contracts * d.contract.contractSize * (d.contract.underlying === "token-index" ? 1 : perUnit),
    );
    // Contracts edited by hand: the saved over-hedge figures were for the old count, so they are dropped.
    const handEdited = m.hedgedTokens !== undefined && m.hedgedTokens !== hedgedTokens;
    if (handEdited) edited.push(m.month);
    return {
      month: m.month,
      contractMonth: m.contractMonth ?? m.month,
      tenor: m.tenor,
      forecastTokens: m.forecastTokens,
      forecastBasis: m.forecastBasis ?? d.forecastBasis,
      forecastP10: m.forecastP10,
      forecastP50: m.forecastP50,
      forecastP90: m.forecastP90,
      targetRatio: m.targetRatio,
      hedgeRatio: m.hedgeRatio,
      band: m.band,
      capQuantile: m.capQuantile,
      capTokens: m.capTokens,
      exposureUnits: m.exposureUnits ?? m.forecastTokens / (d.contract.underlying === "token-index" ? 1 : perUnit),
      contractsUnrounded: m.contractsUnrounded ?? m.contracts,
      contracts: m.contracts,
      hedgedTokens,
      achievedRatio: m.achievedRatio ?? 0,
      futuresPrice: m.futuresPrice,
      futuresPriceInterpolated: m.futuresPriceInterpolated,
      tailFactor: m.tailFactor,
      lockedInCost: m.lockedInCost ?? 0,
      initialMargin: m.initialMargin ?? 0,
      fees: m.fees ?? 0,
      probabilityOverHedge: handEdited ? null : m.probabilityOverHedge,
      expectedOverHedgeTokens: handEdited ? null : m.expectedOverHedgeTokens,
      flags: m.flags,
      methodDetail: m.methodDetail,
      ...(m.committedTokens !== undefined ? { committedTokens: m.committedTokens } : {}),
      ...(m.hedgeableTokens !== undefined ? { hedgeableTokens: m.hedgeableTokens } : {}),
    };
  });
  const plan: HedgePlan = {
    contract: d.contract,
    method: d.method,
    rounding: d.rounding,
    lot: d.lot,
    forecastBasis: d.forecastBasis,
    volumeCap: d.volumeCap,
    tailing: d.tailing,
    conversion: d.conversion,
    months,
    totals: planTotals(months, d.contract.contractSize, quoteDivisor(d.contract)),
    warnings: d.warnings,
  };
  return {
    file,
    schemaVersion: 1,
    seed: d.seed ?? null,
    forecastModel: d.forecastModel ?? null,
    side: d.side,
    plan,
    policy: savedPolicy(d),
    edited,
  };
}

/** The ladder recorded under method.ladder (a policy plan), as a policy; null when absent or not a valid ladder. */
function savedPolicy(d: SavedPlanDocument): HedgePolicy | null {
  if (!Array.isArray(d.method.ladder)) return null;
  const parsed = policySchema.safeParse({
    ...(typeof d.method.policy === "string" ? { name: d.method.policy } : {}),
    ladder: d.method.ladder,
    rounding: d.rounding,
  });
  return parsed.success ? parsed.data : null;
}
