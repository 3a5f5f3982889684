/**
 * What the team knows (`--events FILE`): launches, outages and migrations, applied to a series before any model
 * sees it, and to the forecast after (docs/forecasting.md, "Events"). Pure: the events arrive parsed
 * (input/events-file.ts).
 *
 * - **Outage** (a first and a last day): the days are treated as missing. A monthly series with the daily data
 *   behind it keeps the month's usage outside the outage and scales it up to the whole month by the day count
 *   (T' = T_outside · D / (D − o) for o outage days of D); without daily data, or when the outage covers the whole
 *   month, the month is missing and interpolated log-linearly between the nearest months without an outage (the
 *   nearest one's value at either end). A daily series interpolates each outage day by the mean of the nearest
 *   clean days one or more weeks before and after (the same weekday).
 * - **Launch or migration in the history, with an uplift u**: a known level shift — a step regressor whose
 *   coefficient is given rather than estimated. Usage before the date is multiplied by u (for the month the date
 *   falls in, only its days before the date: T' = T · u·D / (b + u·a) for b days before and a from the date on),
 *   so the model sees one level and the fit keeps the whole history.
 * - **Launch or migration in the history without an uplift**: the step is unknown, so the fit starts at the event
 *   (the first whole period from the date on), if at least MIN_AFTER periods remain; otherwise the whole history
 *   is kept and a warning says so.
 * - **Launch or migration after the last observation, with an uplift u**: the forecast (mean, quantiles and every
 *   sample path) is multiplied by u from the event's period on — for a monthly series from its month on. Several
 *   multiply. Without an uplift it is not applied (a warning). Future outages are not applied (a warning).
 */
import { HedgeError } from "../errors.js";
import { addDays, dayToEpochDays, daysInMonth, monthIndex, monthOfDay } from "../time/period.js";
import type { FittedModel } from "./model.js";
import { periodAt } from "./periods.js";
import type { AppliedEvent, Finding, ForecastEvent, Granularity, TimeSeries } from "./types.js";

/** Fewest periods left after a history event without an uplift for the fit to start there. */
export const MIN_AFTER: Record<Granularity, number> = { month: 12, day: 56 };

export interface EventAdjustment {
  /** The series the models are fitted to. */
  series: TimeSeries;
  /** Multiplier of each forecast step (1-based step h → factors(h)), from future launches and migrations. */
  factor: (step: number) => number;
  applied: AppliedEvent[];
  warnings: string[];
}

function pct(u: number): string {
  const d = Math.round(Math.abs(u - 1) * 1000) / 10;
  return `${u >= 1 ? "+" : "−"}${Number.isInteger(d) ? d.toFixed(0) : d.toFixed(1)}%`;
}

function where(e: ForecastEvent): string {
  return e.source ? ` (${e.source})` : "";
}

/** Index of the period holding `day` in a series (may be < 0 or ≥ length). */
function periodIndex(granularity: Granularity, start: string, day: string): number {
  return granularity === "month"
    ? monthIndex(monthOfDay(day)) - monthIndex(start)
    : dayToEpochDays(day) - dayToEpochDays(start);
}

/** Log-linear interpolation of the missing entries (nearest value at either end). */
export function interpolateMissing(values: number[], missing: readonly boolean[]): number[] {
  const out = [...values];
  const known = values.map((_, i) => i).filter((i) => !missing[i]);
  if (known.length === 0) return out;
  for (let i = 0; i < values.length; i++) {
    if (!missing[i]) continue;
    const before = [...known].reverse().find((k) => k < i);
    const after = known.find((k) => k > i);
    if (before === undefined) out[i] = values[after as number] as number;
    else if (after === undefined) out[i] = values[before] as number;
    else {
      const a = values[before] as number;
      const b = values[after] as number;
      const t = (i - before) / (after - before);
      out[i] = a > 0 && b > 0 ? Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a))) : a + t * (b - a);
    }
  }
  return out;
}

/** Outage days of a daily series → the mean of the nearest clean same-weekday days before and after. */
function interpolateDays(values: number[], missing: readonly boolean[]): number[] {
  const out = [...values];
  const unresolved = values.map(() => false);
  for (let i = 0; i < values.length; i++) {
    if (!missing[i]) continue;
    const found: number[] = [];
    for (let k = i - 7; k >= 0; k -= 7)
      if (!missing[k]) {
        found.push(values[k] as number);
        break;
      }
    for (let k = i + 7; k < values.length; k += 7)
      if (!missing[k]) {
        found.push(values[k] as number);
        break;
      }
    if (found.length > 0) out[i] = found.reduce((a, b) => a + b, 0) / found.length;
    else unresolved[i] = true;
  }
  // A series too short for a clean same-weekday neighbour: interpolate between the nearest clean days.
  return unresolved.some(Boolean)
    ? interpolateMissing(
        out,
        missing.map((m, i) => m && unresolved[i] === true),
      )
    : out;
}

/** Days of [first, last] inside `month`. */
function daysInside(month: string, first: string, last: string): number {
  const m0 = `${month}-01`;
  const m1 = `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
  const a = first > m0 ? first : m0;
  const b = last < m1 ? last : m1;
  return a > b ? 0 : dayToEpochDays(b) - dayToEpochDays(a) + 1;
}

/** Sum of the daily values over [first, last] within `month`, and the month's daily total; undefined if not covered. */
function dailyShare(
  daily: TimeSeries | undefined,
  month: string,
  first: string,
  last: string,
): { inside: number; total: number } | undefined {
  if (!daily || daily.granularity !== "day") return undefined;
  const m0 = `${month}-01`;
  const days = daysInMonth(month);
  const i0 = dayToEpochDays(m0) - dayToEpochDays(daily.start);
  if (i0 < 0 || i0 + days > daily.values.length) return undefined;
  let inside = 0;
  let total = 0;
  for (let d = 0; d < days; d++) {
    const v = daily.values[i0 + d] as number;
    const day = addDays(m0, d);
    total += v;
    if (day >= first && day <= last) inside += v;
  }
  return { inside, total };
}

/**
 * Apply the events to a series: the adjusted history, the multiplier of each forecast step, and what was done.
 * `daily` is the daily series behind a monthly one, when there is one.
 */
export function applyEvents(series: TimeSeries, events: readonly ForecastEvent[], daily?: TimeSeries): EventAdjustment {
  const { granularity } = series;
  let values = [...series.values];
  const n = values.length;
  const applied: AppliedEvent[] = [];
  const warnings: string[] = [];
  const lastPeriod = periodAt(granularity, series.start, n - 1);
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const label = (e: ForecastEvent) =>
    `${e.kind} ${e.date}${e.kind === "outage" && e.end && e.end !== e.date ? `–${e.end}` : ""}${e.uplift !== undefined ? ` ${pct(e.uplift)}` : ""}`;
  const record = (e: ForecastEvent, effect: AppliedEvent["effect"], text: string) =>
    applied.push({
      kind: e.kind,
      date: e.date,
      ...(e.end ? { end: e.end } : {}),
      ...(e.uplift !== undefined ? { uplift: e.uplift } : {}),
      ...(e.note ? { note: e.note } : {}),
      effect,
      text,
    });

  // 1. Outages: missing periods, interpolated.
  const missing = values.map(() => false);
  for (const e of sorted.filter((x) => x.kind === "outage")) {
    const last = e.end ?? e.date;
    const i0 = periodIndex(granularity, series.start, e.date);
    const i1 = periodIndex(granularity, series.start, last);
    if (i0 >= n) {
      warnings.push(
        `${label(e)}${where(e)} is after the last observation (${lastPeriod}): future outages are not applied to the forecast`,
      );
      record(e, "ignored", `${label(e)}: after the data, not applied`);
      continue;
    }
    if (i1 < 0) {
      record(e, "ignored", `${label(e)}: before the data`);
      continue;
    }
    if (granularity === "day") {
      for (let i = Math.max(0, i0); i <= Math.min(n - 1, i1); i++) missing[i] = true;
      record(
        e,
        "excluded",
        `${label(e)}: ${Math.min(n - 1, i1) - Math.max(0, i0) + 1} day(s) excluded from the fit and interpolated`,
      );
      continue;
    }
    const touched: string[] = [];
    for (let i = Math.max(0, i0); i <= Math.min(n - 1, i1); i++) {
      const month = periodAt("month", series.start, i);
      const o = daysInside(month, e.date, last);
      const D = daysInMonth(month);
      const share = dailyShare(daily, month, e.date, last);
      if (o < D && share && share.total > 0) {
        values[i] = (values[i] as number) * (1 - share.inside / share.total) * (D / (D - o));
        touched.push(`${month} (${o} of ${D} days scaled out)`);
      } else {
        missing[i] = true;
        touched.push(`${month} (interpolated)`);
      }
    }
    record(e, "excluded", `${label(e)}: excluded from the fit — ${touched.join(", ")}`);
  }
  if (missing.some(Boolean))
    values = granularity === "day" ? interpolateDays(values, missing) : interpolateMissing(values, missing);

  // 2. Launches and migrations.
  let startAt = 0;
  const future: { step: number; uplift: number }[] = [];
  for (const e of sorted.filter((x) => x.kind !== "outage")) {
    const i = periodIndex(granularity, series.start, e.date);
    if (i < 0 || (i === 0 && (granularity === "day" || e.date.endsWith("-01")))) {
      record(e, "ignored", `${label(e)}: at or before the start of the data, nothing to adjust`);
      continue;
    }
    if (i >= n) {
      if (e.uplift === undefined) {
        warnings.push(
          `${label(e)}${where(e)} is after the data but has no expected uplift: not applied to the forecast`,
        );
        record(e, "ignored", `${label(e)}: no uplift given, not applied`);
      } else {
        future.push({ step: i - n + 1, uplift: e.uplift });
        record(e, "forecast", `${label(e)}: forecast × ${e.uplift} from ${periodAt(granularity, series.start, i)} on`);
      }
      continue;
    }
    if (e.uplift !== undefined) {
      const u = e.uplift;
      for (let k = 0; k < i; k++) values[k] = (values[k] as number) * u;
      let partial = "";
      if (granularity === "month") {
        const month = periodAt("month", series.start, i);
        const D = daysInMonth(month);
        const b = Number(e.date.slice(8, 10)) - 1;
        if (b > 0) {
          values[i] = (values[i] as number) * ((u * D) / (b + u * (D - b)));
          partial = ` (and ${month}'s ${b} day(s) before it)`;
        }
      }
      record(e, "level-shift", `${label(e)}: known level shift, history before it × ${u}${partial}`);
    } else {
      const first = granularity === "month" && !e.date.endsWith("-01") ? i + 1 : i;
      if (n - first >= MIN_AFTER[granularity]) {
        startAt = Math.max(startAt, first);
        record(
          e,
          "fit-after",
          `${label(e)}: no uplift given, so the fit starts at ${periodAt(granularity, series.start, first)}`,
        );
      } else {
        warnings.push(
          `${label(e)}${where(e)} has no expected uplift and only ${n - first} ${granularity === "month" ? "month" : "day"}(s) follow it (the fit needs ${MIN_AFTER[granularity]} to start there): the whole history is used; give its uplift to correct the level`,
        );
        record(e, "ignored", `${label(e)}: no uplift and too little data after it, not corrected`);
      }
    }
  }
  if (startAt > 0) {
    values = values.slice(startAt);
  }
  const adjusted: TimeSeries = { granularity, start: periodAt(granularity, series.start, startAt), values };
  future.sort((a, b) => a.step - b.step);
  const factor = (step: number) => future.reduce((f, x) => (step >= x.step ? f * x.uplift : f), 1);
  return { series: adjusted, factor, applied, warnings };
}

/**
 * A model whose forecast at step h (1-based) is the original's times `factor(h)`: mean, closed-form quantiles and
 * sample paths alike (a positive multiplier commutes with quantiles and with the clamp at 0).
 */
export function scaledModel(model: FittedModel, factor: (step: number) => number, name = model.name): FittedModel {
  const scale = (x: Float64Array) => {
    for (let h = 0; h < x.length; h++) x[h] = (x[h] as number) * factor(h + 1);
    return x;
  };
  return {
    name,
    nObs: model.nObs,
    ...(model.aicc !== undefined ? { aicc: model.aicc } : {}),
    pointForecast: (horizon) => scale(Float64Array.from(model.pointForecast(horizon))),
    analytic: (horizon) => {
      const a = model.analytic(horizon);
      if (!a) return undefined;
      return { mean: scale(Float64Array.from(a.mean)), quantile: (step, p) => a.quantile(step, p) * factor(step + 1) };
    },
    ...(model.exactMean !== undefined
      ? { exactMean: (horizon: number) => scale(Float64Array.from(model.exactMean?.(horizon) as Float64Array)) }
      : {}),
    samplePath: (horizon, rng, stratum) => scale(model.samplePath(horizon, rng, stratum)),
  };
}

/** Events must be valid whatever their source (the file reader checks them with file:line; this guards the API). */
export function checkEvents(events: readonly ForecastEvent[]): void {
  for (const e of events) {
    if (!["launch", "outage", "migration"].includes(e.kind)) {
      throw new HedgeError("INPUT_INVALID", `unknown event kind "${String(e.kind)}"${where(e)}`, {
        value: String(e.kind),
        expected: "launch, outage or migration",
      });
    }
    if (e.uplift !== undefined && !(Number.isFinite(e.uplift) && e.uplift > 0)) {
      throw new HedgeError("INPUT_INVALID", `event uplift ${String(e.uplift)}${where(e)} must be a positive factor`, {
        value: String(e.uplift),
        expected: "a factor > 0 such as 1.3",
      });
    }
  }
}

/** A detected level shift within this many days of a launch or migration in the events file is that event. */
export const MATCH_DAYS = 14;

function dayOf(period: string): string {
  return period.length === 7 ? `${period}-01` : period;
}

/**
 * Detected level shifts and outages that the events file accounts for: marked as such (their message says which
 * event, and that it was corrected) so that they are no longer warned about as uncorrected.
 */
export function matchFindings(findings: readonly Finding[], events: readonly ForecastEvent[]): Finding[] {
  return findings.map((f) => {
    if (f.kind !== "level-shift" && f.kind !== "outage") return f;
    const start = dayToEpochDays(dayOf(f.start));
    const end = dayToEpochDays(dayOf(f.end));
    const match = events.find((e) => {
      if (f.kind === "outage") {
        if (e.kind !== "outage") return false;
        return dayToEpochDays(e.date) <= end + 1 && dayToEpochDays(e.end ?? e.date) >= start - 1;
      }
      return e.kind !== "outage" && Math.abs(dayToEpochDays(e.date) - start) <= MATCH_DAYS;
    });
    if (!match) return f;
    const what = `${match.kind} ${match.date}${match.uplift !== undefined ? ` ${pct(match.uplift)}` : ""}`;
    const done =
      f.kind === "outage"
        ? "excluded from the fit"
        : match.uplift !== undefined
          ? "corrected as a known level shift"
          : "the fit starts there if enough data follow";
    return {
      ...f,
      action: f.kind === "outage" ? "interpolated" : f.action,
      message: `${f.message.replace(/ — a launch or migration\?.*$/, "")} — the events file's ${what}: ${done}`,
      event: true,
    };
  });
}
