/**
 * A saved plan marked on today's curve (`--plan FILE`): the saved months, contracts, ratios and forecast quantiles,
 * priced at the current futures curve. Scenarios and the simulation then shock around today's curve, as a desk
 * re-running last month's plan wants; each month whose price moved since the plan was saved is listed, with what the
 * move is worth on the saved contracts.
 *
 * What follows from the contracts is worked out again here: hedged tokens, locked-in cost at today's price, initial
 * margin and fees at this run's contract spec, the achieved ratio and the totals. Saved months no longer on the curve
 * or already in the usage history (delivered) are left out, and named.
 */
import { HedgeError } from "../errors.js";
import { Dec, toCents } from "../money/decimal.js";
import { quoteDivisor, type ContractSpec } from "../curve/contract.js";
import type { CurvePoint } from "../curve/parse-curve.js";
import { planTotals } from "./plan.js";
import type { HedgePlan, PlanFlag, PlanMonth } from "./plan-types.js";
import type { SavedPlan } from "./saved-plan.js";

export interface MovedMonth {
  month: string;
  contractMonth: string;
  savedPrice: number;
  currentPrice: number;
  /** currentPrice − savedPrice, in the contract's quote unit. */
  change: number;
  /** contracts × size × change (÷ 1e6 for a USD/Mtok quote): what the move is worth on the saved contracts, USD. */
  value: number;
}

export interface SavedPlanMark {
  /** The saved plan on today's curve. */
  plan: HedgePlan;
  moved: MovedMonth[];
  /** Saved months left out, and why. */
  dropped: { month: string; reason: string }[];
  /** Months of today's curve after the usage history that the saved plan does not hedge. */
  notInPlan: string[];
  warnings: string[];
}

export interface MarkInput {
  saved: SavedPlan;
  /** Today's curve, completed against the contract's listed months. */
  curve: readonly CurvePoint[];
  curveFile: string;
  /** The months this run forecasts (after the usage history): a saved month before them is delivered. */
  forecastMonths: readonly string[];
  spec: ContractSpec;
  /** The file the contract spec came from, for the error; null for an inline spec. */
  specFile: string | null;
}

/** The saved plan's contract must be this run's: name, underlying, quote unit, size and size unit (exit 3 otherwise). */
export function checkSavedContract(saved: SavedPlan, spec: ContractSpec, specFile: string | null): void {
  const c = saved.plan.contract;
  const fields = ["name", "underlying", "quoteUnit", "contractSize", "sizeUnit"] as const;
  for (const key of fields) {
    if (c[key] === spec[key]) continue;
    throw new HedgeError(
      "INPUT_INVALID",
      `the saved plan's contract is not this run's: contract.${key} ${JSON.stringify(c[key])} in the plan, ${JSON.stringify(spec[key])} in ${specFile ?? "the config's contract"}`,
      {
        file: saved.file,
        path: `contract.${key}`,
        value: JSON.stringify(c[key]),
        expected: `${JSON.stringify(spec[key])}, as in ${specFile ?? "the config's contract"}`,
        hint: "give the contract spec the plan was made with (--contract), or plan again with this one",
      },
    );
  }
}

export function markSavedPlan(i: MarkInput): SavedPlanMark {
  const { saved, spec } = i;
  checkSavedContract(saved, spec, i.specFile);
  const prices = new Map(i.curve.map((p) => [p.month, p]));
  const forecast = new Set(i.forecastMonths);
  const divisor = quoteDivisor(spec);
  const dropped: SavedPlanMark["dropped"] = [];
  const moved: MovedMonth[] = [];
  const months: PlanMonth[] = [];
  for (const m of saved.plan.months) {
    const point = prices.get(m.contractMonth);
    if (!point) {
      dropped.push({ month: m.month, reason: `${m.contractMonth} is not on ${i.curveFile}` });
      continue;
    }
    if (!forecast.has(m.month)) {
      dropped.push({ month: m.month, reason: "delivered (in the usage history)" });
      continue;
    }
    if (point.price !== m.futuresPrice) {
      const change = new Dec(point.price).minus(m.futuresPrice);
      moved.push({
        month: m.month,
        contractMonth: m.contractMonth,
        savedPrice: m.futuresPrice,
        currentPrice: point.price,
        change: change.toNumber(),
        value: toCents(change.times(m.contracts).times(spec.contractSize).div(divisor)),
      });
    }
    months.push(markMonth(m, point, spec, divisor));
  }
  if (months.length === 0) {
    throw new HedgeError(
      "INPUT_INVALID",
      `nothing left of the saved plan on today's curve: ${dropped.map((d) => `${d.month} ${d.reason}`).join("; ")}`,
      {
        file: saved.file,
        path: "months",
        expected: `delivery months on ${i.curveFile} after the usage history`,
        hint: "the plan is older than the curve and the usage: plan again (tokenhedge plan --json > plan.json)",
      },
    );
  }
  const planned = new Set(months.map((m) => m.month));
  const first = months[0]!.month;
  const notInPlan = i.curve.map((p) => p.month).filter((m) => m >= first && forecast.has(m) && !planned.has(m));
  const plan: HedgePlan = { ...saved.plan, months, totals: planTotals(months, spec.contractSize, divisor) };
  return { plan, moved, dropped, notInPlan, warnings: markWarnings(saved, { moved, dropped, notInPlan }, i.curveFile) };
}

/** One saved month at today's price: the contracts' hedged tokens, locked-in cost, margin and fees worked out again. */
function markMonth(m: PlanMonth, point: CurvePoint, spec: ContractSpec, divisor: number): PlanMonth {
  const exposureTokens = m.hedgeableTokens ?? m.forecastTokens;
  const interpolated = Boolean(point.interpolated);
  const flags: PlanFlag[] = m.flags.filter((f) => f !== "interpolated-price");
  if (interpolated) flags.unshift("interpolated-price");
  return {
    ...m,
    achievedRatio: exposureTokens > 0 ? m.hedgedTokens / exposureTokens : 0,
    futuresPrice: point.price,
    futuresPriceInterpolated: interpolated,
    lockedInCost: toCents(new Dec(m.contracts).times(spec.contractSize).times(point.price).div(divisor)),
    initialMargin: toCents(new Dec(m.contracts).times(spec.initialMargin)),
    fees: toCents(new Dec(m.contracts).times(spec.feePerContract)),
    flags,
  };
}

function markWarnings(
  saved: SavedPlan,
  r: Pick<SavedPlanMark, "moved" | "dropped" | "notInPlan">,
  curveFile: string,
): string[] {
  const out: string[] = [];
  const n = (k: number, what: string): string => `${k} ${what}${k === 1 ? "" : "s"}`;
  if (r.moved.length > 0) {
    const list = r.moved.map((m) => `${m.month} ${m.savedPrice} → ${m.currentPrice}`).join(", ");
    out.push(
      `saved plan ${saved.file}: the futures price moved in ${n(r.moved.length, "month")} since it was saved; priced on today's curve ${curveFile}: ${list}`,
    );
  }
  if (r.dropped.length > 0)
    out.push(
      `saved plan ${saved.file}: ${n(r.dropped.length, "month")} left out: ${r.dropped.map((d) => `${d.month} (${d.reason})`).join(", ")}`,
    );
  if (r.notInPlan.length > 0)
    out.push(
      `saved plan ${saved.file}: ${n(r.notInPlan.length, "month")} of today's curve not in the plan, so not hedged here: ${r.notInPlan.join(", ")} (plan again to size ${r.notInPlan.length === 1 ? "it" : "them"})`,
    );
  if (saved.edited.length > 0)
    out.push(
      `saved plan ${saved.file}: hedged tokens do not match the contracts in ${n(saved.edited.length, "month")} (edited by hand?); worked out again from the contracts, without a P(over-hedge): ${saved.edited.join(", ")}`,
    );
  return out;
}
