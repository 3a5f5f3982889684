/**
 * Reading a token curve against the structural deflation of token prices (docs/METHODOLOGY.md §3: roughly 10× a year
 * at constant capability). A falling token curve is normal; what carries information is its slope *relative*
 * to the trend. With a trend factor D per year, the trend price t months after the front month is
 *   T(t) = F_front · D^(−t/12),
 * and the curve relative to the trend is F(t)/T(t) = F(t)/F_front · D^(t/12). A curve falling more slowly than
 * the trend has a rising relative curve: *relative contango*; one falling faster: *relative backwardation*.
 *
 * Each step between quoted months m₁ < m₂ is read on a log scale, where the trend is a straight line:
 *   r = ln(F₂/F₁) + ln(D)·(m₂ − m₁)/12   (> 0: slower than the trend, < 0: faster).
 * A step counts as "on trend" when the price is within half a tick of the trend price, i.e. |r| ≤ (tick/2)/F₁ to
 * first order — the same resolution rule as the plain shape (shape.ts).
 */
import { HedgeError } from "../errors.js";
import { monthsBetween } from "../time/period.js";
import type { CurvePoint } from "./parse-curve.js";

export interface DeflationTrend {
  /** D: prices divide by this factor every year (10 = "10×"); 1 = no deflation. */
  factorPerYear: number;
  /** As given, e.g. "10x". */
  label: string;
}

export const DEFAULT_TOKEN_DEFLATION: DeflationTrend = { factorPerYear: 10, label: "10x" };

/**
 * `10x` / `10` (÷10 a year), `90%` (prices fall 90% a year, = 10x), `none` → null.
 * Throws a usage error for anything else (a rise is not a deflation trend: use a factor below 1 only knowingly).
 */
export function parseDeflation(text: string): DeflationTrend | null {
  const t = text.trim().toLowerCase();
  if (t === "none" || t === "off" || t === "0") return null;
  let factor: number | undefined;
  const times = /^(\d+(?:\.\d+)?)\s*[x×]?$/.exec(t);
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (times) factor = Number(times[1]);
  else if (pct) {
    const fall = Number(pct[1]) / 100;
    if (fall < 1) factor = 1 / (1 - fall);
  }
  if (factor === undefined || !(factor > 0) || !Number.isFinite(factor)) {
    throw new HedgeError("USAGE", `--deflation "${text}" is not a deflation rate`, {
      value: text,
      expected: "a factor per year such as 10x (prices ÷10 a year), a fall such as 90%, or none",
    });
  }
  return { factorPerYear: factor, label: t.endsWith("%") ? t : `${Number(factor.toFixed(6))}x` };
}

export type RelativeShape = "relative contango" | "relative backwardation" | "on trend" | "mixed against the trend";

export interface RelativeMonth {
  month: string;
  price: number;
  /** T(t): the front price deflated at the trend rate. */
  trendPrice: number;
  /** F(t)/T(t): 1 on the trend, above 1 dearer than the trend. */
  relativeToTrend: number;
  /** r for the step from the previous month (null for the front month). */
  stepVersusTrend: number | null;
}

export interface RelativeToTrend {
  trend: DeflationTrend;
  /** Annual price change implied by the trend: 1/D − 1 (−90% for 10x). */
  trendAnnualChange: number;
  /** Front-to-back annualised change of the curve: (F_back/F_front)^(12/span) − 1. */
  curveAnnualChange: number;
  /** (1 + curve)/(1 + trend) − 1: how much dearer per year than the trend the curve gets. */
  relativeAnnualChange: number;
  shape: RelativeShape;
  reading: string;
  months: RelativeMonth[];
}

const READINGS: Record<RelativeShape, string> = {
  "relative contango":
    "falling more slowly than the deflation trend: the market prices tokens dearer than the trend implies (an expected capacity shortage, or a slowing trend)",
  "relative backwardation":
    "falling faster than the deflation trend: the market expects cheaper tokens than the trend implies (new model generations or spare capacity ahead)",
  "on trend": "falling at the deflation trend rate, within half a tick",
  "mixed against the trend": "some steps slower and some faster than the deflation trend: kinks relative to the trend",
};

export function relativeToTrend(
  points: readonly CurvePoint[],
  trend: DeflationTrend,
  tickSize = 0.01,
): RelativeToTrend {
  const front = points[0]!;
  const back = points[points.length - 1]!;
  const lnD = Math.log(trend.factorPerYear);
  let ups = 0;
  let downs = 0;
  const months: RelativeMonth[] = points.map((p, i) => {
    const t = monthsBetween(front.month, p.month);
    const trendPrice = front.price * Math.exp((-lnD * t) / 12);
    const prev = points[i - 1];
    let step: number | null = null;
    if (prev) {
      step = Math.log(p.price / prev.price) + (lnD * monthsBetween(prev.month, p.month)) / 12;
      const tolerance = tickSize / 2 / prev.price;
      if (step > tolerance) ups++;
      else if (step < -tolerance) downs++;
    }
    return { month: p.month, price: p.price, trendPrice, relativeToTrend: p.price / trendPrice, stepVersusTrend: step };
  });
  const shape: RelativeShape =
    ups === 0 && downs === 0
      ? "on trend"
      : downs === 0
        ? "relative contango"
        : ups === 0
          ? "relative backwardation"
          : "mixed against the trend";
  const span = monthsBetween(front.month, back.month);
  const curveAnnualChange = span > 0 ? Math.pow(back.price / front.price, 12 / span) - 1 : 0;
  const trendAnnualChange = 1 / trend.factorPerYear - 1;
  return {
    trend,
    trendAnnualChange,
    curveAnnualChange,
    relativeAnnualChange: (1 + curveAnnualChange) / (1 + trendAnnualChange) - 1,
    shape,
    reading: READINGS[shape],
    months,
  };
}
