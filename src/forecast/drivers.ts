/**
 * What drives a forecast, in figures and in one paragraph a finance reader can take in: trend per period now and
 * at the horizon end (against the history's own recent and long-run growth), seasonality, level shifts and outages
 * found in the data, and why the model was chosen. Growth is read as in growth.ts.
 */
import type { FittedModel } from "./model.js";
import { growthLead, impliedGrowth, longRunGrowth, recentGrowth, RECENT_PERIODS, seasonalFigure } from "./growth.js";
import { periodAt } from "./periods.js";
import type { AppliedEvent, BlendMonth, Finding, ForecastDrivers, Granularity, ModelScore } from "./types.js";

/** A horizon-end growth above the last six periods' growth by more than this (per period) is warned about. */
export const GROWTH_WARNING_TOLERANCE = 0.001;

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function seasonName(granularity: Granularity, label: string): string {
  if (granularity === "month") return MONTHS[Number(label.slice(5, 7)) - 1] as string;
  return WEEKDAYS[new Date(`${label}T00:00:00Z`).getUTCDay()] as string;
}

const signed = (g: number, digits = 1) => `${g >= 0 ? "+" : "−"}${Math.abs(g * 100).toFixed(digits)}%`;

export interface DriverInput {
  /** The cleaned series the model was fitted to, its granularity and first period. */
  y: Float64Array;
  granularity: Granularity;
  start: string;
  m: number;
  model: FittedModel;
  horizon: number;
  findings: readonly Finding[];
  rule: string;
  weights: Record<string, number>;
  candidates: readonly ModelScore[];
  /** Events given (events.ts) and the volume plan's blend (volume-plan.ts), when there are any. */
  events?: readonly AppliedEvent[];
  blend?: readonly BlendMonth[];
}

/** The volume plan's blend in words: the months, and the weights (one, or a range). */
export function blendText(blend: readonly BlendMonth[]): string {
  if (blend.length === 0) return "no plan month after the data";
  const first = (blend[0] as BlendMonth).month;
  const last = (blend[blend.length - 1] as BlendMonth).month;
  const weights = [...new Set(blend.map((b) => b.weight))].sort((a, b) => a - b);
  const w = weights.length === 1 ? String(weights[0]) : `${weights[0]}–${weights[weights.length - 1]}`;
  const how =
    weights.length === 1 && weights[0] === 1
      ? "the plan overrides the statistical mean"
      : `mean = w·plan + (1 − w)·statistical, w = ${w}`;
  return `${blend.length} month(s) ${first === last ? first : `${first} … ${last}`} (${how}; sample paths scaled to the blended mean)`;
}

function why(input: DriverInput): string {
  const parts = Object.entries(input.weights);
  const score = (name: string) => input.candidates.find((c) => c.model === name);
  const error = (c: ModelScore | undefined) =>
    c?.mase !== undefined
      ? `MASE ${c.mase.toFixed(2)}`
      : c?.smape !== undefined
        ? `sMAPE ${c.smape.toFixed(1)}%`
        : undefined;
  const used = parts.map(([name, w]) => {
    const e = error(score(name));
    return parts.length > 1 ? `${name} ${Math.round(w * 100)}%${e ? ` (${e})` : ""}` : `${name}${e ? ` (${e})` : ""}`;
  });
  const others = input.candidates
    .filter((c) => !(c.model in input.weights) && error(c) !== undefined)
    .sort((a, b) => (a.mase ?? a.smape ?? 0) - (b.mase ?? b.smape ?? 0));
  const next = others[0];
  return `${used.join(", ")}: ${input.rule}${next ? `; best of the rest ${next.model} (${error(next)})` : ""}`;
}

export function forecastDrivers(input: DriverInput): ForecastDrivers {
  const { y, m, granularity, horizon } = input;
  const season = seasonalFigure(y, m);
  const means = input.model.pointForecast(Math.max(horizon, 1) + growthLead(m));
  const recent = recentGrowth(y, season)?.growth ?? null;
  const longRun = longRunGrowth(y, season)?.growth ?? null;
  const now = impliedGrowth(y, means, 1, m) ?? null;
  const end = impliedGrowth(y, means, horizon, m) ?? null;
  const unit = granularity === "month" ? "month" : "day";
  const lastPeriod = periodAt(granularity, input.start, y.length + horizon - 1);

  let seasonality: ForecastDrivers["seasonality"] = { seasonal: false, text: "no seasonal pattern detected" };
  if (season.figure) {
    const fig = Array.from(season.figure);
    const hi = fig.indexOf(Math.max(...fig));
    const lo = fig.indexOf(Math.min(...fig));
    const peak = seasonName(granularity, periodAt(granularity, input.start, hi));
    const trough = seasonName(granularity, periodAt(granularity, input.start, lo));
    seasonality = {
      seasonal: true,
      peak,
      peakFactor: fig[hi] as number,
      trough,
      troughFactor: fig[lo] as number,
      text: `peak in ${peak} (${signed((fig[hi] as number) - 1, 0)} on the average ${unit}), trough in ${trough} (${signed((fig[lo] as number) - 1, 0)})`,
    };
  }
  const shifts = input.findings.filter((f) => f.kind === "level-shift");
  const outages = input.findings.filter((f) => f.kind === "outage");
  const span = (f: Finding) => (f.start === f.end ? f.start : `${f.start}–${f.end}`);
  const listed = (items: readonly string[], what: string) =>
    items.length === 0 ? `no ${what} found` : items.join(", ");
  const warnings: string[] = [];
  if (end !== null && recent !== null && end > recent + GROWTH_WARNING_TOLERANCE) {
    warnings.push(
      `the forecast still grows ${signed(end)} a ${unit} at its horizon end (${lastPeriod}), faster than the last ${RECENT_PERIODS} ${unit}s' ${signed(recent)} a ${unit}: check before hedging volume on it`,
    );
  }
  const trendText =
    now === null || end === null
      ? "trend: not measurable (too short or not positive)"
      : `trend ${signed(now)} a ${unit} now, ${signed(end)} a ${unit} at the horizon end (${lastPeriod})` +
        (recent !== null ? `; history: ${signed(recent)} a ${unit} over the last ${RECENT_PERIODS} ${unit}s` : "") +
        (longRun !== null ? `, ${signed(longRun)} over the whole history` : "");
  const reason = why(input);
  const sentence =
    `${trendText[0]?.toUpperCase()}${trendText.slice(1)}. Seasonality: ${seasonality.text}. ` +
    `Level shifts: ${listed(
      shifts.map((f) => `around ${f.start}`),
      "level shifts",
    )}. ` +
    `Outages: ${listed(outages.map(span), "outages")}. ` +
    (input.events && input.events.length > 0 ? `Events: ${input.events.map((e) => e.text).join("; ")}. ` : "") +
    (input.blend ? `Volume plan: ${blendText(input.blend)}. ` : "") +
    `Why this model: ${reason}.`;
  return {
    growth: { lastSixPeriods: recent, longRun, now, horizonEnd: end },
    seasonality,
    levelShifts: shifts.map((f) => f.start),
    outages: outages.map(span),
    why: reason,
    sentence,
    warnings,
  };
}
