/**
 * One currency for the usage cost and the contract. The plan prices the exposure in the contract's
 * currency and compares it with what the usage file says was spent; with no FX input, a usage cost
 * in EUR against a USD contract would be read as dollars. Called once by `buildPlanStage`, so
 * plan, scenarios, simulate, check and report all refuse the same way. Pure.
 */
import type { ContractSpec } from "../curve/contract.js";
import { HedgeError } from "../errors.js";
import type { UsageSeries } from "../ingest/types.js";

/** The currency the usage cost is in, or undefined when the run has no single usage cost (no cost column, or several currencies none of which was chosen). */
export function usageCostCurrency(series: Pick<UsageSeries, "totalCost" | "currency">): string | undefined {
  if (series.totalCost === null) return undefined;
  // A cost column without a currency is read as USD (the ingest profiles' documented assumption).
  return series.currency ?? "USD";
}

/**
 * Refuse (exit 3) a usage cost in another currency than the contract's. `contractFile` names the
 * spec's file; undefined for a contract written inline in a config (its name is given instead).
 */
export function checkCostCurrency(
  series: Pick<UsageSeries, "file" | "totalCost" | "currency">,
  spec: Pick<ContractSpec, "name" | "currency">,
  contractFile?: string,
): void {
  const usage = usageCostCurrency(series);
  if (usage === undefined || usage === spec.currency) return;
  const contract = contractFile ?? `"${spec.name}"`;
  throw new HedgeError(
    "INPUT_INVALID",
    `the usage cost is in ${usage} (${series.file}) but the contract is in ${spec.currency} (${contract})`,
    {
      file: series.file,
      value: usage,
      expected: `usage cost in ${spec.currency}, the contract's currency`,
      hint: `tokenhedge has no FX input yet: convert the usage costs to ${spec.currency} first (or export them in ${spec.currency}) and run again`,
    },
  );
}
