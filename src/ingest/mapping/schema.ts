/**
 * The column mapping: how the columns of one export become canonical usage records (the exporters' published formats (tokenhedge help formats),
 * "What a column-mapping option must be able to express"). Built-in profiles are mappings written
 * in TypeScript; users write the same thing as a YAML or JSON mapping file (`--mapping FILE`, or
 * `USAGE.csv.map.yaml` beside the file). Every key is validated here, and errors name the key path.
 *
 * A mapping file, annotated:
 *
 * ```yaml
 * provider: openai                    # a constant, or {column: …}
 * delimiter: auto                     # auto | "," | ";" | "\t" | "|"
 * skipLines: 0                        # preamble lines above the header
 * numbers: {decimal: ".", thousands: none}
 * date: {column: start_time_iso, format: iso8601, zone: UTC, end: end_time_iso}
 * tokens:                             # wide: one column per token kind …
 *   - {column: input_tokens, kind: input_uncached, minus: [input_cached_tokens]}   # containment
 *   - {column: input_cached_tokens, kind: input_cache_read}
 *   - {column: output_tokens, kind: output}
 * quantity:                           # … or long: one quantity column and a kind column
 *   column: amount
 *   kind:
 *     column: type
 *     rules:
 *       - {equals: input_cache_hit_tokens, kind: input_cache_read}
 *       - {matches: "-output-tokens$", kind: output}
 *       - {equals: request_count, ignore: request count}
 *   unit: {column: pricing_unit, table: {"1K tokens": 1000, "1M tokens": 1000000}}
 * model: {column: model, aliases: {"Claude Sonnet 4.5": claude-sonnet-4-5}}
 * project: {column: project_id}
 * cost: {column: amount_value, currency: {column: amount_currency}, scale: 1}
 * filters:
 *   - {unless: {column: line_item_product_code, equals: AmazonBedrock}, then: skip, reason: not Amazon Bedrock}
 *   - {when: {column: line_item_line_item_type, in: [Credit, Tax, Refund]}, then: cost-only, reason: credit, tax or refund}
 * skipEmpty: true                     # rows with no token or cost value are empty buckets
 * key: [request_id]                   # columns identifying a row, for duplicates
 * ```
 */
import * as z from "zod";
import { DATE_FORMATS } from "../values/dates.js";

const nonEmpty = z.string().min(1, "must not be empty");

/** Where a dimension comes from: a constant, or a column (optionally a regex capture and an alias table). */
export const valueSourceSchema = z.union([
  nonEmpty,
  z
    .object({
      column: nonEmpty,
      /** A regular expression; the first capture group (or the whole match) is the value. */
      pattern: nonEmpty.optional(),
      /** Raw value (after `pattern`) → value. */
      aliases: z.record(z.string(), z.string()).optional(),
      /** `slug`: "Claude Sonnet 4.5" → "claude-sonnet-4-5"; `lower`: lower case. */
      normalize: z.enum(["none", "lower", "slug", "upper"]).optional(),
      /** Used when the cell is empty (or the pattern does not match). */
      default: z.string().optional(),
    })
    .strict(),
]);
export type ValueSource = z.infer<typeof valueSourceSchema>;

export const kindRuleSchema = z
  .object({
    equals: z.union([z.string(), z.array(z.string()).nonempty()]).optional(),
    /** Case-insensitive regular expression. */
    matches: nonEmpty.optional(),
    suffix: nonEmpty.optional(),
    kind: nonEmpty.optional(),
    /** Not token usage: skip the row and count it under this reason. */
    ignore: nonEmpty.optional(),
    /** The row's cost belongs to no single token kind (an aggregated wide export); its quantity must be empty or 0. */
    noKind: z.literal(true).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const tests = [r.equals, r.matches, r.suffix].filter((x) => x !== undefined).length;
    if (tests === 0) ctx.addIssue({ code: "custom", message: "give one of equals, matches or suffix" });
    if ([r.kind, r.ignore, r.noKind].filter((x) => x !== undefined).length !== 1)
      ctx.addIssue({ code: "custom", message: "give exactly one of kind or ignore (or noKind: true)" });
  });
export type KindRule = z.infer<typeof kindRuleSchema>;

const multiplier = z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?$/, "a positive decimal number")]);

export const unitSchema = z.union([
  z.object({ multiplier }).strict(),
  z
    .object({
      column: nonEmpty,
      /** Unit text (matched case-insensitively, spaces ignored) → tokens per unit. */
      table: z.record(z.string(), multiplier),
      /**
       * Decide per row whether the quantity is in pricing units or already raw tokens, from
       * cost ≈ quantity × unit price (the exporters' published formats (tokenhedge help formats), "Azure quantity units").
       */
      verify: z.object({ cost: nonEmpty, unitPrice: nonEmpty }).strict().optional(),
    })
    .strict(),
]);
export type UnitSpec = z.infer<typeof unitSchema>;

export const conditionSchema = z
  .object({
    column: nonEmpty,
    equals: z.string().optional(),
    in: z.array(z.string()).nonempty().optional(),
    matches: nonEmpty.optional(),
    empty: z.boolean().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const n = [c.equals, c.in, c.matches, c.empty].filter((x) => x !== undefined).length;
    if (n !== 1) ctx.addIssue({ code: "custom", message: "give exactly one of equals, in, matches or empty" });
  });
export type Condition = z.infer<typeof conditionSchema>;

export const filterSchema = z
  .object({
    when: conditionSchema.optional(),
    unless: conditionSchema.optional(),
    /** skip: not usage at all; cost-only: its cost counts (credits, tax, refunds), its quantity never does. The first matching filter decides. */
    then: z.enum(["skip", "cost-only"]),
    reason: nonEmpty,
  })
  .strict()
  .superRefine((f, ctx) => {
    if ((f.when === undefined) === (f.unless === undefined))
      ctx.addIssue({ code: "custom", message: "give exactly one of when or unless" });
  });
export type FilterRule = z.infer<typeof filterSchema>;

export const tokenColumnSchema = z
  .object({
    column: nonEmpty,
    kind: nonEmpty,
    /** Containment: these columns are included in this one, so they are subtracted from it. */
    minus: z.array(nonEmpty).optional(),
    multiplier: multiplier.optional(),
    /** The column may be missing from the header (exports gain and lose columns over time). */
    optional: z.boolean().optional(),
  })
  .strict();
export type TokenColumn = z.infer<typeof tokenColumnSchema>;

export const mappingSchema = z
  .object({
    /** A label shown in the output. */
    name: z.string().optional(),
    provider: valueSourceSchema.optional(),
    delimiter: z.enum(["auto", ",", ";", "\t", "|"]).optional(),
    skipLines: z.number().int().min(0).max(1000).optional(),
    numbers: z
      .object({
        decimal: z.enum([".", ","]).optional(),
        thousands: z.enum(["none", ",", ".", " ", "'"]).optional(),
      })
      .strict()
      .optional(),
    date: z
      .object({
        column: nonEmpty,
        format: z.enum(DATE_FORMATS).optional(),
        /** Zone of date-times written without an offset (default UTC). */
        zone: z.string().optional(),
        /** instant: bucket instants in --tz (default); as-written: by the date as written in the file. */
        bucket: z.enum(["instant", "as-written"]).optional(),
        /** Column with the end of the bucket (tells hourly from daily rows). */
        end: nonEmpty.optional(),
      })
      .strict(),
    tokens: z.array(tokenColumnSchema).nonempty().optional(),
    quantity: z
      .object({
        column: nonEmpty,
        kind: z.union([nonEmpty, z.object({ column: nonEmpty, rules: z.array(kindRuleSchema).optional() }).strict()]),
        unit: unitSchema.optional(),
      })
      .strict()
      .optional(),
    /** What an empty token cell means: an error (default) or zero. */
    emptyTokens: z.enum(["error", "zero"]).optional(),
    model: valueSourceSchema.optional(),
    project: valueSourceSchema.optional(),
    cost: z
      .object({
        column: nonEmpty,
        currency: valueSourceSchema.optional(),
        /** Multiply every amount by this (e.g. 0.01 for amounts in cents). */
        scale: z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?$/)]).optional(),
      })
      .strict()
      .optional(),
    filters: z.array(filterSchema).optional(),
    skipEmpty: z.boolean().optional(),
    /** Columns that identify a row (duplicates); default: every column except the measures. */
    key: z.array(nonEmpty).nonempty().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.tokens === undefined && m.quantity === undefined && m.cost === undefined) {
      ctx.addIssue({ code: "custom", message: "give tokens (wide), quantity (long) or at least cost", path: [] });
    }
    if (m.tokens !== undefined && m.quantity !== undefined)
      ctx.addIssue({ code: "custom", message: "give tokens or quantity, not both", path: ["quantity"] });
  });

export type MappingSpec = z.infer<typeof mappingSchema>;
