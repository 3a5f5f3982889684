/**
 * The policy method: each delivery month takes the target ratio of its tenor bucket in the policy ladder
 * (docs/METHODOLOGY.md). Typical corporate practice hedges near months heavily and far months lightly, because the
 * volume forecast is less certain further out. A tenor beyond the ladder gets ratio 0, with a warning.
 */
import type { HedgePolicy } from "../policy.js";
import type { HedgeRatioMethod } from "./types.js";

export function policyMethod(policy: HedgePolicy): HedgeRatioMethod {
  return {
    name: "policy",
    description: `policy ladder${policy.name ? ` "${policy.name}"` : ""}`,
    ratioFor: (ctx) =>
      ctx.rung
        ? { ratio: ctx.rung.ratio }
        : { ratio: 0, warning: `${ctx.month}: tenor ${ctx.tenor} is beyond the policy ladder; ratio 0` },
    summary: { policy: policy.name ?? null, ladder: policy.ladder },
    warnings: [],
  };
}
