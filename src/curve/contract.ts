/**
 * Contract specifications. No exchange has published one for AI-token futures (DESIGN.md §1), so the
 * spec is always an input file and never hard-coded; shipped specs are labelled illustrative.
 */
import { z } from "zod";
import { parseJsonText, zodToHedgeError } from "../config/zod-errors.js";

const positive = z.number().positive();

export const contractSpecSchema = z
  .object({
    name: z.string().min(1),
    illustrative: z.boolean().default(false),
    disclaimer: z.string().optional(),
    underlying: z.enum(["token-index", "gpu-hour-index"]),
    index: z.string().optional(),
    quoteUnit: z.enum(["USD/Mtok", "USD/GPU-hour"]),
    /** In tokens for a token index, in GPU-hours for a GPU-hour index. */
    contractSize: positive,
    sizeUnit: z.enum(["tokens", "gpu-hours"]),
    tickSize: positive,
    currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 currency code such as USD"),
    /** Calendar months (1–12) with a listed contract; all months when absent. */
    listedMonths: z.array(z.number().int().min(1).max(12)).nonempty().optional(),
    settlement: z
      .object({ type: z.enum(["cash", "physical"]), method: z.string().optional(), description: z.string().optional() })
      .optional(),
    initialMargin: z.number().nonnegative(),
    maintenanceMargin: z.number().nonnegative(),
    feePerContract: z.number().nonnegative().default(0),
    /** Cross hedge: tokens served per GPU-hour (only for a GPU-hour underlying). */
    tokensPerGpuHour: positive.optional(),
    /** Index-token weights per token kind (DESIGN.md §4); every kind weighs 1 when absent. */
    indexWeights: z.record(z.string(), z.number().nonnegative()).optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const tokenish = spec.underlying === "token-index";
    if (tokenish && (spec.quoteUnit !== "USD/Mtok" || spec.sizeUnit !== "tokens")) {
      ctx.addIssue({ code: "custom", path: ["quoteUnit"], message: "a token-index contract is quoted in USD/Mtok with a size in tokens" });
    }
    if (!tokenish && (spec.quoteUnit !== "USD/GPU-hour" || spec.sizeUnit !== "gpu-hours")) {
      ctx.addIssue({ code: "custom", path: ["quoteUnit"], message: "a gpu-hour-index contract is quoted in USD/GPU-hour with a size in gpu-hours" });
    }
    if (!tokenish && spec.tokensPerGpuHour === undefined) {
      ctx.addIssue({ code: "custom", path: ["tokensPerGpuHour"], message: "required for a gpu-hour-index contract (tokens served per GPU-hour)" });
    }
    if (spec.maintenanceMargin > spec.initialMargin) {
      ctx.addIssue({ code: "custom", path: ["maintenanceMargin"], message: "must not exceed initialMargin" });
    }
  });

export type ContractSpec = z.infer<typeof contractSpecSchema>;

export function parseContractSpec(text: string, file: string): ContractSpec {
  const raw = parseJsonText(text, file, "CONTRACT_INVALID");
  const result = contractSpecSchema.safeParse(raw);
  if (!result.success) throw zodToHedgeError("CONTRACT_INVALID", "contract spec", file, result.error);
  return result.data;
}

/**
 * Price units per contract quote: a token contract quotes USD per 1,000,000 tokens, so the money value
 * of one contract is size / 1e6 × price; a GPU-hour contract quotes per GPU-hour, so it is size × price.
 */
export function quoteDivisor(spec: ContractSpec): number {
  return spec.underlying === "token-index" ? 1_000_000 : 1;
}
