/**
 * Stage 1 of the pipeline: resolved inputs → exposure forecast → hedge plan. Every command that plans
 * (plan, scenarios, simulate, check, report, init, demo) calls `buildPlanStage`, so a change to how a
 * plan is assembled is made here once.
 */
import { completeCurve, type CompletedCurve } from "../curve/complete-curve.js";
import { resolveGpuConversion } from "../curve/gpu-conversion.js";
import { HedgeError } from "../errors.js";
import { forecastExposure, type ExposureForecast } from "../hedge/exposure.js";
import { mvhrMethod } from "../hedge/methods/mvhr-method.js";
import { quantityMethod } from "../hedge/methods/quantity-method.js";
import { parseVolumeLevel } from "../hedge/methods/volume.js";
import { hedgeRatioFromSeries } from "../hedge/mvhr.js";
import { percentageChangeRatio } from "../hedge/tailing.js";
import { buildPlan, type HedgePlan, type PlanOptions } from "../hedge/plan.js";
import { flatPolicy, type HedgePolicy, type Rounding } from "../hedge/policy.js";
import type { ContractSpec } from "../curve/contract.js";
import type { UsageSeries } from "../ingest/types.js";
import { addMonths, monthsBetween } from "../time/period.js";
import type { PipelineInputs, PolicyChoice, SizingSettings } from "./inputs.js";
import { buildBookStage, type BookStage } from "./book-stage.js";
import type { CompanyPricing } from "../company/pricing.js";
import { committedExposureFor, companyPricingFor } from "./company-stage.js";
import { savedPlanStage, type PlanSource } from "./saved-plan-stage.js";
import { checkCostCurrency } from "./currency.js";

/** What the plan stage gives every later stage. */
export interface PlanStage {
  inputs: PipelineInputs;
  /** The curve completed against the contract's listed months (interpolated months flagged). */
  curve: CompletedCurve;
  /** The policy in force (the ladder, a flat ratio's ladder, or the method's placeholder), rounding applied. */
  policy: HedgePolicy;
  exposure: ExposureForecast;
  plan: HedgePlan;
  /** The hedger's side, the book against the plan, and months past the curve stacked and rolled. */
  position: BookStage;
  /** The company's price, basis and commitments for the plan's months; null without usage cost or a price file. */
  company: CompanyPricing | null;
  /** Where the plan came from when it was read from a saved plan (`--plan FILE`); null when planned in this run. */
  source: PlanSource | null;
}

/** The ladder the plan uses: the given one, a flat ratio over the curve's months, or a placeholder for a method. */
export function resolvePolicy(choice: PolicyChoice, rounding: Rounding | undefined, months: number): HedgePolicy {
  const policy =
    choice.kind === "ladder"
      ? choice.policy
      : choice.kind === "ratio"
        ? flatPolicy(choice.ratio, rounding ?? "down", months)
        : {
            name: `none (ratios from --method ${choice.method})`,
            ladder: [{ fromMonth: 1, toMonth: Math.max(1, months), ratio: 1 }] as HedgePolicy["ladder"],
            rounding: rounding ?? "down",
          };
  return rounding ? { ...policy, rounding } : policy;
}

/** The plan's method and sizing options (src/hedge/methods/) from the sizing settings. */
export function planOptionsFor(sizing: SizingSettings, spec: ContractSpec, series: UsageSeries): PlanOptions {
  const options: PlanOptions = {
    volumeCap:
      sizing.volumeCap.trim().toLowerCase() === "none"
        ? null
        : parseVolumeLevel(sizing.volumeCap, "--volume-cap", false),
    forecastBasis: parseVolumeLevel(sizing.volumeBasis, "--volume-basis"),
    conversion: resolveGpuConversion(spec, series.byModel, sizing.tokensPerGpuHour),
    ...(sizing.tail !== undefined ? { tail: { spotPrice: sizing.tail } } : {}),
    ...(sizing.minLot !== undefined ? { lot: sizing.minLot } : {}),
  };
  const history = sizing.history;
  const mvhr = history ? hedgeRatioFromSeries(history) : undefined;
  if (sizing.method === "mvhr") {
    if (!history || !mvhr) {
      throw new HedgeError("USAGE_MISSING_FLAG", "--method mvhr needs --history", {
        expected: "--history FILE with spot and futures prices",
        hint: "e.g. --history fixtures/acme/price-history.csv",
      });
    }
    // A tailed hedge needs ĥ from percentage changes (Hull ch. 3): N* = ĥ·(S₀·Q)/(F₀·size).
    options.method =
      sizing.tail !== undefined
        ? mvhrMethod(percentageChangeRatio(history), `${history.file} (percentage changes, tailed)`)
        : mvhrMethod(mvhr, history.file);
  } else if (sizing.method === "quantity") {
    options.method = quantityMethod({
      correlation: sizing.correlation,
      crossHedge: spec.underlying === "gpu-hour-index",
      ...(sizing.priceVolatility !== undefined ? { priceVolatility: sizing.priceVolatility } : {}),
      ...(sizing.companyPrice !== undefined ? { spotPrice: sizing.companyPrice } : {}),
      ...(sizing.volumeSd !== undefined ? { volumeSd: sizing.volumeSd } : {}),
      ...(sizing.priceSd !== undefined ? { priceSd: sizing.priceSd } : {}),
      ...(history && mvhr
        ? {
            history: {
              result: mvhr,
              source: history.file,
              lastSpot: history.kind === "levels" ? history.spot[history.spot.length - 1]! : null,
            },
          }
        : {}),
    });
  }
  return options;
}

/** Resolved inputs → completed curve, policy, exposure forecast (through the curve's last month) and plan. */
export function buildPlanStage(inputs: PipelineInputs): PlanStage {
  const { series, spec } = inputs;
  checkCostCurrency(series, spec, inputs.position?.contractFile);
  const curve = completeCurve(inputs.curve, spec.listedMonths, spec.name);
  // A flat ratio covers every calendar month of the curve (tenor counts months ahead, not rows of a quarterly curve).
  const first = curve.points[0]!.month;
  const policy = resolvePolicy(
    inputs.policy,
    inputs.rounding,
    monthsBetween(first, curve.points[curve.points.length - 1]!.month) + 1,
  );
  const exposure = forecastExposure(series, {
    through: curve.points[curve.points.length - 1]!.month,
    seed: inputs.seed,
    ...(inputs.horizon !== undefined ? { horizon: inputs.horizon } : {}),
    ...(spec.indexWeights ? { weights: spec.indexWeights } : {}),
    ...(inputs.events ? { events: inputs.events } : {}),
    ...(inputs.volumePlan ? { volumePlan: inputs.volumePlan } : {}),
  });
  const options = planOptionsFor(inputs.sizing, spec, series);
  const committed = committedExposureFor(inputs, exposure);
  if (committed)
    options.hedgeable = new Map(
      committed.months.map((f, i) => [f.month, { forecast: f, committedTokens: committed.committedTokens[i]! }]),
    );
  const saved = inputs.savedPlan ? savedPlanStage(inputs, inputs.savedPlan, curve, exposure) : null;
  const plan = saved
    ? saved.plan
    : buildPlan({ forecast: exposure.months, curve: curve.points, spec, policy, options });
  const position = buildBookStage({
    inputs,
    curve,
    policy,
    exposure,
    plan,
    options,
    origin: forecastOrigin({ exposure }),
  });
  if (saved && position.rolls) {
    // Months past the curve would be sized again from this run's forecast: the saved plan holds none.
    plan.warnings.push(
      `saved plan ${saved.source.file}: the forecast runs past the curve, but a saved plan holds no stacked months; plan again to stack and roll them`,
    );
    position.rolls = null;
  }
  return {
    inputs,
    curve,
    policy,
    exposure,
    plan,
    position,
    company: companyPricingFor(inputs, exposure, plan),
    source: saved?.source ?? null,
  };
}

/** The day after the last usage month: the forecast origin, the default start of margin and price paths. */
export function forecastOrigin(stage: Pick<PlanStage, "exposure">): string {
  const months = stage.exposure.history.months;
  return `${addMonths(months[months.length - 1]!, 1)}-01`;
}
