/**
 * Everything `tokenhedge curve` says about one curve: the plain shape (shape.ts), the reading against a
 * deflation trend for token curves (deflation.ts), roll yields (roll-yield.ts) and which months were
 * interpolated (complete-curve.ts).
 */
import type { CompletedCurve } from "./complete-curve.js";
import { relativeToTrend, type DeflationTrend, type RelativeToTrend } from "./deflation.js";
import { rollYields, type RollYields } from "./roll-yield.js";
import { analyseCurve, type CurveAnalysis } from "./shape.js";

/** "token": priced per Mtok (the default unit, docs/METHODOLOGY.md); "gpu-hour": per GPU-hour. */
export type CurveKind = "token" | "gpu-hour";

export interface CurveReport {
  kind: CurveKind;
  /** Why the kind is what it is: "contract spec", "curve file" or "default (USD/Mtok)". */
  kindSource: string;
  quoteUnit: string;
  tickSize: number;
  analysis: CurveAnalysis;
  /** Annualised front-to-back change (F_back/F_front)^(12/span) − 1; null for one month. */
  annualisedChange: number | null;
  rollYield: RollYields;
  /** Null when no trend applies (a GPU-hour curve without --deflation, or `--deflation none`). */
  relative: RelativeToTrend | null;
  interpolated: string[];
}

export interface CurveReportOptions {
  kind: CurveKind;
  kindSource: string;
  tickSize: number;
  /** The deflation trend to read against; null for none. */
  trend: DeflationTrend | null;
}

export function curveReport(curve: CompletedCurve, opts: CurveReportOptions): CurveReport {
  const analysis = analyseCurve(curve.points, opts.tickSize);
  return {
    kind: opts.kind,
    kindSource: opts.kindSource,
    quoteUnit: curve.quoteUnit ?? (opts.kind === "token" ? "USD/Mtok" : "USD/GPU-hour"),
    tickSize: opts.tickSize,
    analysis,
    annualisedChange:
      analysis.spanMonths > 0
        ? Math.pow(analysis.back.price / analysis.front.price, 12 / analysis.spanMonths) - 1
        : null,
    rollYield: rollYields(curve.points),
    relative: opts.trend && curve.points.length > 1 ? relativeToTrend(curve.points, opts.trend, opts.tickSize) : null,
    interpolated: curve.interpolated,
  };
}
