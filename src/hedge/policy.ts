/**
 * Hedge policy: a ladder of target ratios by tenor (months ahead), with bands, and a rounding rule.
 * Typical corporate practice hedges near months heavily and far months lightly, because the volume
 * forecast is less certain further out (docs/METHODOLOGY.md).
 */
import * as z from "zod";
import { HedgeError } from "../errors.js";
import { parseJsonText, zodToHedgeError } from "../schema/zod-errors.js";
import { ROUNDING_RULES } from "./rounding.js";

export const roundingSchema = z.enum(ROUNDING_RULES);
export type Rounding = z.infer<typeof roundingSchema>;

const ratio = z.number().min(0).max(1);

const rungSchema = z
  .object({
    fromMonth: z.number().int().min(1),
    toMonth: z.number().int().min(1),
    ratio,
    min: ratio.optional(),
    max: ratio.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.toMonth < r.fromMonth) ctx.addIssue({ code: "custom", path: ["toMonth"], message: "must be ≥ fromMonth" });
    if (r.min !== undefined && r.min > r.ratio)
      ctx.addIssue({ code: "custom", path: ["min"], message: "must be ≤ ratio" });
    if (r.max !== undefined && r.max < r.ratio)
      ctx.addIssue({ code: "custom", path: ["max"], message: "must be ≥ ratio" });
  });

export const policySchema = z
  .object({
    name: z.string().optional(),
    ladder: z.array(rungSchema).nonempty(),
    rounding: roundingSchema.default("down"),
    /** With a book: trade both ways to target (default), or add only — never sell, flag an over-hedge. */
    rebalance: z.enum(["both", "add-only"]).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const sorted = [...p.ladder].map((r, i) => ({ ...r, i })).sort((a, b) => a.fromMonth - b.fromMonth);
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k]!.fromMonth <= sorted[k - 1]!.toMonth) {
        ctx.addIssue({
          code: "custom",
          path: ["ladder", sorted[k]!.i, "fromMonth"],
          message: `overlaps months ${sorted[k - 1]!.fromMonth}–${sorted[k - 1]!.toMonth}`,
        });
      }
    }
  });

export type HedgePolicy = z.infer<typeof policySchema>;
export type PolicyRung = HedgePolicy["ladder"][number];

export function parsePolicy(text: string, file: string): HedgePolicy {
  const result = policySchema.safeParse(parseJsonText(text, file, "POLICY_INVALID"));
  if (!result.success) throw zodToHedgeError("POLICY_INVALID", "hedge policy", file, result.error);
  return result.data;
}

/** A one-rung policy: the same ratio for every month (`--ratio`). */
export function flatPolicy(targetRatio: number, rounding: Rounding, months: number): HedgePolicy {
  if (!(targetRatio >= 0 && targetRatio <= 1)) {
    throw new HedgeError("USAGE", `--ratio ${targetRatio} is outside 0–1`, {
      value: String(targetRatio),
      expected: "a hedge ratio between 0 and 1, e.g. 0.8",
    });
  }
  return {
    name: `flat ${targetRatio}`,
    ladder: [{ fromMonth: 1, toMonth: Math.max(1, months), ratio: targetRatio }],
    rounding,
  };
}

/** The rung for tenor `t` (1 = first hedged month); undefined when the ladder does not reach it. */
export function rungFor(policy: HedgePolicy, tenor: number): PolicyRung | undefined {
  return policy.ladder.find((r) => tenor >= r.fromMonth && tenor <= r.toMonth);
}
