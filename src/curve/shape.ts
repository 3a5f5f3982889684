/**
 * Curve shape. Contango: later months dearer; backwardation: later months cheaper (docs/METHODOLOGY.md §3).
 * A step smaller than half a tick counts as flat, so price noise below the exchange's resolution does
 * not flip the reading.
 */
import type { CurvePoint } from "./parse-curve.js";
import { monthsBetween } from "../time/period.js";

export type CurveShape = "contango" | "backwardation" | "mixed" | "flat";

export interface MonthStep {
  month: string;
  price: number;
  /** Change from the previous listed month (null for the front month). */
  change: number | null;
  changePct: number | null;
}

export interface CurveAnalysis {
  shape: CurveShape;
  reading: string;
  front: CurvePoint;
  back: CurvePoint;
  frontToBackChange: number;
  frontToBackPct: number;
  /** Months from the front to the back delivery month. */
  spanMonths: number;
  steps: MonthStep[];
}

const READINGS: Record<CurveShape, string> = {
  contango: "later months dearer: the market expects tighter capacity ahead",
  backwardation:
    "later months cheaper: near-term demand overheating or a supply disruption, or structural price deflation",
  mixed: "no single direction: kinks along the curve",
  flat: "no change along the curve within half a tick",
};

export function classifySteps(changes: number[], tolerance: number): CurveShape {
  const ups = changes.filter((c) => c > tolerance).length;
  const downs = changes.filter((c) => c < -tolerance).length;
  if (ups === 0 && downs === 0) return "flat";
  if (downs === 0) return "contango";
  if (ups === 0) return "backwardation";
  return "mixed";
}

export function analyseCurve(points: CurvePoint[], tickSize = 0.01): CurveAnalysis {
  const front = points[0]!;
  const back = points[points.length - 1]!;
  const steps: MonthStep[] = points.map((p, i) => {
    const prev = i > 0 ? points[i - 1]! : undefined;
    return {
      month: p.month,
      price: p.price,
      change: prev ? p.price - prev.price : null,
      changePct: prev ? (p.price - prev.price) / prev.price : null,
    };
  });
  const shape = classifySteps(
    steps.slice(1).map((s) => s.change!),
    tickSize / 2,
  );
  return {
    shape,
    reading: READINGS[shape],
    front,
    back,
    frontToBackChange: back.price - front.price,
    frontToBackPct: (back.price - front.price) / front.price,
    spanMonths: monthsBetween(front.month, back.month),
    steps,
  };
}
