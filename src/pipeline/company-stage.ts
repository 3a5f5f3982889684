/**
 * The company's pricing of the plan's months (issue 10; src/company/): which price the exposure is valued at,
 * the mix, the basis to the index and any commitments, resolved once from `PipelineInputs.company`. Every later
 * stage (scenarios, simulate, check, report) reads the result from `PlanStage.company`.
 */
import { quoteToUsdPerMtok } from "../curve/contract.js";
import { resolveCompanyPricing, type CompanyPricing } from "../company/pricing.js";
import type { ExposureForecast } from "../hedge/exposure.js";
import type { HedgePlan } from "../hedge/plan.js";
import type { CompanySettings, PipelineInputs } from "./inputs.js";

export type { CompanySettings };


/** The company's pricing for the plan's months, or null when the usage has no cost and nothing else was asked. */
export function companyPricingFor(inputs: PipelineInputs, exposure: ExposureForecast, plan: HedgePlan): CompanyPricing | null {
  const settings = inputs.company ?? {};
  const hasCost = inputs.series.totalCost !== null && inputs.series.totalCost !== undefined;
  if (!settings.prices && !hasCost && !settings.useIndex) return null;
  const perMtok = quoteToUsdPerMtok(plan.contract);
  const history = inputs.sizing.history;
  return resolveCompanyPricing({
    cells: inputs.series.cells ?? [],
    completeMonths: exposure.history.months,
    months: plan.months.map((m) => ({ month: m.month, indexPrice: m.futuresPrice * perMtok })),
    ...(settings.prices ? { prices: settings.prices } : {}),
    ...(settings.mix ? { mix: settings.mix } : {}),
    ...(settings.window !== undefined ? { window: settings.window } : {}),
    ...(settings.useIndex ? { useIndex: true } : {}),
    ...(settings.basis ? { basis: settings.basis } : {}),
    // A history of changes is summed back into levels; their differences are the same changes.
    ...(history ? { history: { spot: levels(history.spot, history.kind), futures: levels(history.futures, history.kind), file: history.file } } : {}),
    ...(settings.commitments ? { commitments: settings.commitments } : {}),
  });
}

function levels(xs: readonly number[], kind: "levels" | "changes"): readonly number[] {
  if (kind === "levels") return xs;
  const out = [0];
  for (const x of xs) out.push(out[out.length - 1]! + x);
  return out;
}
