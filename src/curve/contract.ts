/**
 * Contract specifications. No exchange has published one for AI-token futures (docs/METHODOLOGY.md §3), so the
 * spec is always an input file (JSON or YAML) and never hard-coded; shipped specs are labelled illustrative.
 * Validation errors name the key path (`tokensPerGpuHour.models.gpt-4o: …`).
 */
import * as z from "zod";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { HedgeError } from "../errors.js";
import { parseJsonText, zodToHedgeError } from "../schema/zod-errors.js";

const positive = z.number().positive();

/** Tokens served per GPU-hour for a cross hedge: one blended number, or per model (with an optional blended fallback). */
const perModelConversionSchema = z.strictObject({
  /** Used for models without their own entry, and when the usage has no model column. */
  blended: positive.optional(),
  models: z.record(z.string().min(1), positive).refine((m) => Object.keys(m).length > 0, "at least one model"),
});

export type PerModelConversion = z.infer<typeof perModelConversionSchema>;
export type TokensPerGpuHour = number | PerModelConversion;

/**
 * Checked by hand rather than with z.union so that `tokensPerGpuHour.models.x: Too small` names its own path
 * instead of zod's bare "Invalid input" for a union.
 */
const tokensPerGpuHourSchema = z.unknown().transform((value, ctx): TokensPerGpuHour => {
  if (typeof value === "number") {
    if (!(Number.isFinite(value) && value > 0))
      ctx.addIssue({ code: "custom", message: "a positive number of tokens per GPU-hour, e.g. 5000000" });
    return value;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    ctx.addIssue({
      code: "custom",
      message: "a number (blended tokens per GPU-hour) or { blended?, models: { MODEL: tokens per GPU-hour } }",
    });
    return z.NEVER;
  }
  const parsed = perModelConversionSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return parsed.data;
});

export const contractSpecSchema = z
  .object({
    name: z.string().min(1),
    illustrative: z.boolean().default(false),
    disclaimer: z.string().optional(),
    underlying: z.enum(["token-index", "gpu-hour-index"]),
    index: z.string().optional(),
    quoteUnit: z.enum(["USD/Mtok", "USD/GPU-hour"]),
    /** In tokens for a token index, in GPU-hours for a GPU-hour index. */
    contractSize: z
      .number()
      .int("a whole number of units (tokens or GPU-hours), e.g. 1000000")
      .positive()
      .max(1e15, "at most 1e15 units: is the size in the right unit?"),
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
    /** Orders are whole multiples of this many contracts (1 when absent). */
    minimumLot: z.number().int().positive().optional(),
    /** Cross hedge: tokens served per GPU-hour (only for a GPU-hour underlying): a number, or per model. */
    tokensPerGpuHour: tokensPerGpuHourSchema.optional(),
    /** Index-token weights per token kind (docs/METHODOLOGY.md); every kind weighs 1 when absent. */
    indexWeights: z.record(z.string(), z.number().nonnegative()).optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const tokenish = spec.underlying === "token-index";
    if (tokenish && (spec.quoteUnit !== "USD/Mtok" || spec.sizeUnit !== "tokens")) {
      ctx.addIssue({
        code: "custom",
        path: ["quoteUnit"],
        message: "a token-index contract is quoted in USD/Mtok with a size in tokens",
      });
    }
    if (!tokenish && (spec.quoteUnit !== "USD/GPU-hour" || spec.sizeUnit !== "gpu-hours")) {
      ctx.addIssue({
        code: "custom",
        path: ["quoteUnit"],
        message: "a gpu-hour-index contract is quoted in USD/GPU-hour with a size in gpu-hours",
      });
    }
    if (!tokenish && spec.tokensPerGpuHour === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["tokensPerGpuHour"],
        message: "required for a gpu-hour-index contract (tokens served per GPU-hour)",
      });
    }
    if (tokenish && spec.tokensPerGpuHour !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["tokensPerGpuHour"],
        message: "only for a gpu-hour-index contract (a token contract needs no conversion)",
      });
    }
    // Prices are quoted in USD: a contract in another currency needs an FX rate, which no input gives.
    if (spec.currency !== spec.quoteUnit.slice(0, 3)) {
      ctx.addIssue({
        code: "custom",
        path: ["currency"],
        message: `the contract is quoted in ${spec.quoteUnit}, so its currency must be ${spec.quoteUnit.slice(0, 3)} (no FX conversion is applied)`,
      });
    }
    if (spec.maintenanceMargin > spec.initialMargin) {
      ctx.addIssue({ code: "custom", path: ["maintenanceMargin"], message: "must not exceed initialMargin" });
    }
  });

export type ContractSpec = z.infer<typeof contractSpecSchema>;

/** YAML for `.yaml` / `.yml` files, JSON otherwise. */
export function parseContractSpec(text: string, file: string): ContractSpec {
  const raw = /\.ya?ml$/i.test(file) ? parseYamlText(text, file) : parseJsonText(text, file, "CONTRACT_INVALID");
  const result = contractSpecSchema.safeParse(raw);
  if (!result.success) throw zodToHedgeError("CONTRACT_INVALID", "contract spec", file, result.error);
  return result.data;
}

function parseYamlText(text: string, file: string): unknown {
  try {
    // Plain YAML 1.2 core schema: no custom tags, so a spec cannot construct objects.
    return parseYaml(text, { prettyErrors: true });
  } catch (err) {
    const pos = err instanceof YAMLParseError ? err.linePos?.[0] : undefined;
    throw new HedgeError("CONTRACT_INVALID", `not valid YAML: ${(err as Error).message.split("\n")[0]}`, {
      file,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
      expected: "a YAML mapping of the contract spec's keys",
    });
  }
}

/**
 * Price units per contract quote: a token contract quotes USD per 1,000,000 tokens, so the money value
 * of one contract is size / 1e6 × price; a GPU-hour contract quotes per GPU-hour, so it is size × price.
 */
export function quoteDivisor(spec: Pick<ContractSpec, "underlying">): number {
  return spec.underlying === "token-index" ? 1_000_000 : 1;
}

/**
 * USD per Mtok of one unit of the contract's quote: 1 for a token contract (it quotes USD/Mtok); for a GPU-hour
 * contract, 1e6 / (tokens per GPU-hour), so a GPU-hour price becomes the price of a million tokens. Takes a plan's
 * contract, whose tokensPerGpuHour is the effective number (null for a token contract).
 */
export function quoteToUsdPerMtok(contract: {
  underlying: ContractSpec["underlying"];
  tokensPerGpuHour: number | null;
}): number {
  return 1_000_000 / (quoteDivisor(contract) * (contract.tokensPerGpuHour ?? 1));
}
