/** The inputs `plan` and `scenarios` share: usage → exposure forecast, curve, contract, policy → plan. */
import { Command, Option } from "commander";
import { HedgeError } from "../errors.js";
import { forecastExposure, type ExposureForecast } from "../hedge/exposure.js";
import { buildPlan, type HedgePlan } from "../hedge/plan.js";
import { flatPolicy, roundingSchema, type HedgePolicy } from "../hedge/policy.js";
import type { ContractSpec } from "../curve/contract.js";
import { loadContract, loadCurve, loadPolicy, loadUsage } from "./inputs.js";
import { parseNumberOption } from "./options.js";
import { addForecastOptions } from "./commands/shared.js";
import type { IoContext } from "./context.js";

export interface PlanFlags {
  curve?: string;
  contract?: string;
  policy?: string;
  ratio?: number;
  rounding?: string;
  horizon?: number;
  seed: number;
  map?: string;
}

export function addPlanOptions(cmd: Command): Command {
  return addForecastOptions(cmd)
    .option("--curve <file>", "futures curve CSV (month,price)")
    .option("--contract <file>", "contract spec JSON")
    .option("--policy <file>", "hedge policy JSON (a ladder of target ratios by tenor)")
    .addOption(new Option("--ratio <r>", "one target ratio for every month instead of a policy, e.g. 0.8").argParser(parseNumberOption("--ratio", 0, 1)).conflicts("policy"))
    .addOption(new Option("--rounding <rule>", "contract rounding (default: the policy's, else down)").choices(roundingSchema.options));
}

export interface PlanInputs {
  plan: HedgePlan;
  exposure: ExposureForecast;
  spec: ContractSpec;
  policy: HedgePolicy;
  files: string[];
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new HedgeError("USAGE_MISSING_FLAG", `missing ${flag}`, { expected: `${flag} FILE`, hint: "see tokenhedge plan --help" });
  return value;
}

export function loadPlan(ctx: IoContext, usageFile: string, flags: PlanFlags): PlanInputs {
  const curveFile = required(flags.curve, "--curve");
  const contractFile = required(flags.contract, "--contract");
  if (!flags.policy && flags.ratio === undefined) {
    throw new HedgeError("USAGE_MISSING_FLAG", "missing --policy or --ratio", { expected: "--policy FILE or --ratio R", hint: "e.g. --policy fixtures/acme/policy.json or --ratio 0.8" });
  }
  const series = loadUsage(ctx, usageFile, flags.map);
  const curve = loadCurve(ctx, curveFile);
  const spec = loadContract(ctx, contractFile);
  const rounding = flags.rounding as HedgePolicy["rounding"] | undefined;
  let policy = flags.policy ? loadPolicy(ctx, flags.policy) : flatPolicy(flags.ratio!, rounding ?? "down", curve.points.length);
  if (rounding) policy = { ...policy, rounding };
  const exposure = forecastExposure(series, {
    through: curve.points[curve.points.length - 1]!.month,
    seed: flags.seed,
    ...(flags.horizon !== undefined ? { horizon: flags.horizon } : {}),
    ...(spec.indexWeights ? { weights: spec.indexWeights } : {}),
  });
  const plan = buildPlan({ forecast: exposure.months, curve: curve.points, spec, policy });
  const files = [usageFile, curveFile, contractFile, ...(flags.policy ? [flags.policy] : [])];
  return { plan, exposure, spec, policy, files };
}
