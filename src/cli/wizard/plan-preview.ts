/** The plan the answers give, as `plan` would print it, and the budget question it suggests a default for. */
import { planSummary } from "../../report/views/plan.js";
import { fmtMoney, fmtPct } from "../../report/render/format.js";
import type { RunContext } from "../commands/shared.js";
import { loadPlanFromConfig } from "../plan-inputs.js";
import type { Prompter } from "../prompts.js";
import type { Answers } from "./answers.js";
import { expectedCost, roundBudget } from "./budget.js";
import { configFor } from "./config-text.js";
import type { InitFlags } from "./flags.js";

/** Print the plan on `out`, then the budget: asked on a terminal, else --budget or the suggestion. */
export async function planAndBudget(
  ctx: RunContext,
  prompter: Prompter,
  flags: InitFlags,
  answers: Answers,
  interactive: boolean,
  out: (s: string) => void,
): Promise<number> {
  const inputs = await loadPlanFromConfig(ctx, configFor(answers));
  const cost = expectedCost(inputs);
  // From the company's own cost when the usage has one: what it pays, and what check's budget test prices.
  const suggested = roundBudget((cost.company ?? cost.index) * 1.1);
  out(`\nPlan: ${planSummary(inputs.plan)}`);
  const months = `over ${inputs.plan.months.length} months (hedged ${fmtPct(inputs.plan.totals.achievedRatio, 1)})`;
  out(
    cost.company !== null
      ? `Forecast cost at the company's own price: ${fmtMoney(cost.company)} (${fmtMoney(cost.index)} at the curve prices) ${months}.`
      : `Forecast cost at the curve prices: ${fmtMoney(cost.index)} ${months}.`,
  );
  return interactive
    ? await prompter.number("Budget for token spend over the horizon, USD", {
        default: flags.budget ?? suggested,
        min: 1,
      })
    : (flags.budget ?? suggested);
}
