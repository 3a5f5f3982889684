/**
 * `forecast`'s machine outputs: the JSON document (also `plan --json`'s forecast part via an exposure forecast), the
 * CSV of per-period intervals, and the warnings and data-quality findings printed to stderr, each once.
 */
import type { Finding, PeriodForecast } from "../../forecast/index.js";
import type { ExposureForecast } from "../../hedge/exposure.js";
import { renderCsv } from "../render/csv.js";
import {
  backtestNote,
  exposureForecastView,
  isExposure,
  periodLabel,
  rounder,
  type ForecastView,
} from "./forecast-view-model.js";

function pointJson(p: PeriodForecast, r: (v: number) => number): Record<string, unknown> {
  return {
    period: p.period,
    mean: r(p.mean),
    lo80: r(p.lo80),
    hi80: r(p.hi80),
    lo95: r(p.lo95),
    hi95: r(p.hi95),
    quantiles: {
      p5: r(p.quantiles.p5),
      p10: r(p.quantiles.p10),
      p25: r(p.quantiles.p25),
      p50: r(p.quantiles.p50),
      p75: r(p.quantiles.p75),
      p90: r(p.quantiles.p90),
      p95: r(p.quantiles.p95),
    },
  };
}

const NOISE_NOTE = "rolling-origin figures from";

/** Warnings for stderr: the forecast's, the monthly aggregation's and the backtest's, each once. */
export function forecastWarnings(view: ForecastView): string[] {
  const all = [...view.result.warnings, ...(view.monthly?.warnings ?? []), ...(view.backtest?.warnings ?? [])];
  // The backtest's "figures are noisy" caveat is printed under its table instead.
  return [...new Set(all)].filter((w) => !w.startsWith(NOISE_NOTE));
}

/** Data-quality findings for stderr (outages, spikes, level shifts …), minus those already warned about. */
export function forecastFindings(view: ForecastView): Finding[] {
  const warned = new Set(forecastWarnings(view));
  const seen = new Set<string>();
  return view.result.findings.filter((f) => {
    if (warned.has(f.message) || seen.has(f.message)) return false;
    seen.add(f.message);
    return true;
  });
}

export function forecastDocument(input: ForecastView | ExposureForecast): Record<string, unknown> {
  const view = isExposure(input) ? exposureForecastView(input) : input;
  const r = rounder(view.decimals);
  const { result, history } = view;
  const doc: Record<string, unknown> = {
    command: "forecast",
    ...(view.file !== undefined ? { file: view.file } : {}),
    source: view.source,
    model: result.model,
    selection: {
      method: result.selection,
      rule: result.rule,
      weights: result.weights,
      ...(result.spread !== undefined ? { spread: result.spread } : {}),
      ...(result.calibration ? { calibration: result.calibration } : {}),
    },
    drivers: result.drivers,
    ...(result.events ? { events: result.events } : {}),
    ...(result.volumePlan
      ? {
          volumePlan: {
            ...result.volumePlan,
            months: result.volumePlan.months.map((m) => ({ ...m, statistical: r(m.statistical), mean: r(m.mean) })),
          },
        }
      : {}),
    granularity: result.granularity,
    seed: result.seed,
    paths: view.paths,
    ...(view.unit !== undefined ? { unit: view.unit } : {}),
    forecast: result.points.map((p) => pointJson(p, r)),
    candidates: result.candidates.map((c) => (c.mae !== undefined ? { ...c, mae: r(c.mae) } : c)),
    findings: result.findings,
    warnings: forecastWarnings(view),
    history: history.values.map((v, i) => ({
      period: periodLabel(history.granularity, history.start, i),
      value: r(v),
    })),
    excludedPartialMonths: view.excluded,
  };
  if (view.monthly) {
    const m = view.monthly;
    doc.monthly = {
      source: "daily sample paths summed per calendar month",
      model: m.model,
      partialMonth: m.partialMonth ? { ...m.partialMonth, observedTotal: r(m.partialMonth.observedTotal) } : null,
      forecast: m.points.map((p) => pointJson(p, r)),
    };
  }
  if (view.backtest) {
    const b = view.backtest;
    doc.backtest = {
      horizon: b.horizon,
      origins: b.origins,
      scores: b.scores.map((s) => ({ ...s, mae: r(s.mae), mase: s.mase ?? null, mape: s.mape ?? null })),
      note: backtestNote(b, result.granularity),
    };
  }
  return doc;
}

export function forecastCsv(input: ForecastView | ExposureForecast): string {
  const view = isExposure(input) ? exposureForecastView(input) : input;
  const r = rounder(view.decimals);
  return renderCsv(
    ["period", "mean", "lo80", "hi80", "lo95", "hi95"],
    view.result.points.map((p) => [p.period, r(p.mean), r(p.lo80), r(p.hi80), r(p.lo95), r(p.hi95)]),
  );
}
