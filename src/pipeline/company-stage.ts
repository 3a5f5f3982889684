/**
 * The company's pricing of the plan's months (src/company/, docs/company-cost.md): which price the exposure is valued at,
 * the mix, the basis to the index and any commitments, resolved once from `PipelineInputs.company`. Every later
 * stage (scenarios, simulate, check, report) reads the result from `PlanStage.company`.
 */
import { quoteToUsdPerMtok } from "../curve/contract.js";
import { resolveCompanyPricing, resolveMix, type CompanyPricing } from "../company/pricing.js";
import { uncommittedExposure } from "../company/committed-exposure.js";
import type { VolumeForecastMonth } from "../hedge/methods/types.js";
import type { ExposureForecast } from "../hedge/exposure.js";
import type { HedgePlan } from "../hedge/plan.js";
import type { CompanySettings, PipelineInputs } from "./inputs.js";

export type { CompanySettings };

/** The company's pricing for the plan's months, or null when the usage has no cost and nothing else was asked. */
export function companyPricingFor(
  inputs: PipelineInputs,
  exposure: ExposureForecast,
  plan: HedgePlan,
): CompanyPricing | null {
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
    ...(history
      ? {
          history: {
            spot: levels(history.spot, history.kind),
            futures: levels(history.futures, history.kind),
            file: history.file,
          },
        }
      : {}),
    ...(settings.commitments ? { commitments: settings.commitments } : {}),
    ...(plan.contract.underlying === "gpu-hour-index"
      ? {
          conversionDrift:
            settings.kDrift !== undefined
              ? { sigma: settings.kDrift, source: "--k-drift" }
              : {
                  sigma: DEFAULT_K_DRIFT,
                  source: `default ${DEFAULT_K_DRIFT * 100}% a year, illustrative (--k-drift)`,
                },
        }
      : {}),
  });
}

/** Annual volatility of ln k assumed for a GPU-hour cross hedge when none is given: illustrative, and said so. */
export const DEFAULT_K_DRIFT = 0.2;

function levels(xs: readonly number[], kind: "levels" | "changes"): readonly number[] {
  if (kind === "levels") return xs;
  const out = [0];
  for (const x of xs) out.push(out[out.length - 1]! + x);
  return out;
}

/**
 * With commitments, the forecast months with the committed volume taken out (at the mix future months are priced
 * at) and each month's committed tokens: the plan sizes its contracts on that remainder. Null without commitments.
 */
export function committedExposureFor(
  inputs: PipelineInputs,
  exposure: ExposureForecast,
): { months: VolumeForecastMonth[]; committedTokens: number[] } | null {
  const commitments = inputs.company?.commitments;
  if (!commitments || commitments.commitments.length === 0) return null;
  const mix = resolveMix({
    cells: inputs.series.cells ?? [],
    completeMonths: exposure.history.months,
    ...(inputs.company?.mix ? { mix: inputs.company.mix } : {}),
    ...(inputs.company?.window !== undefined ? { window: inputs.company.window } : {}),
  });
  const result = uncommittedExposure(exposure.months, commitments.commitments, mix?.lines ?? []);
  const byMonth = new Map(result.committed.map((c) => [c.month, c.committedTokens]));
  const months = result.months.filter((f) => byMonth.has(f.month));
  return { months, committedTokens: months.map((f) => byMonth.get(f.month)!) };
}
