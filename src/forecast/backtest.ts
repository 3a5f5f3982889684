/**
 * Rolling-origin evaluation (time-series cross-validation; FPP3 §5.10; docs/METHODOLOGY.md §2): refit each candidate
 * at several forecast origins, forecast up to h steps, and score the forecasts against what happened: MAE, MASE
 * (Hyndman & Koehler 2006), sMAPE and MAPE (M3/M4 definitions), and the empirical coverage of the 80% and 95%
 * intervals.
 *
 * Our defaults: monthly h = 3 with origins at each of the last 6 months and at least 12 months of training;
 * daily h = 28 with origins every 7 days over the last 12 weeks and at least 8 weeks of training. Forecasts that
 * would run past the end of the data are truncated. With so few origins these figures are noisy: treat small
 * differences between models as ties.
 */
import { maseScale } from "./accuracy.js";
import type { Candidate, CandidateContext } from "./candidates.js";
import type { FittedModel } from "./model.js";
import { quantileType8Sorted } from "../stats/quantile.js";
import { simulatePaths } from "./distribution.js";
import type { Granularity } from "./types.js";

export interface RollingOriginPlan {
  horizon: number;
  /** Training lengths (number of observations before each origin), ascending. */
  origins: number[];
}

export interface RollingOriginSettings {
  horizon: number;
  /** Spacing between origins. */
  step: number;
  /** How many origins at most. */
  count: number;
  /** Minimum training length. */
  minTrain: number;
}

export function defaultRollingOrigin(granularity: Granularity): RollingOriginSettings {
  return granularity === "month"
    ? { horizon: 12, step: 1, count: 12, minTrain: 12 }
    : { horizon: 28, step: 7, count: 12, minTrain: 56 };
}

/** Origins n − step, n − 2·step, … (at most `count`), keeping those with at least minTrain observations. */
export function rollingOrigins(n: number, settings: RollingOriginSettings): RollingOriginPlan {
  const origins: number[] = [];
  for (let k = settings.count; k >= 1; k--) {
    const origin = n - k * settings.step;
    if (origin >= settings.minTrain && origin < n) origins.push(origin);
  }
  return { horizon: settings.horizon, origins };
}

export interface BacktestScore {
  model: string;
  /** Mean absolute error over every (origin, step) pair. */
  mae: number;
  /** Mean of |e|/Q with Q the in-sample naive scale at each origin (lag m when the training set has 2m points). */
  mase: number | undefined;
  smape: number;
  mape: number | undefined;
  /** Fraction of actuals inside the 80% (P10–P90) and 95% (P2.5–P97.5) intervals. */
  coverage80: number;
  coverage95: number;
  /** Number of forecast origins at which the model could be fitted, and of scored points. */
  origins: number;
  points: number;
  /** Coverage at each step ahead. */
  byHorizon: HorizonCoverage[];
}

export interface HorizonCoverage {
  /** Steps ahead (1-based). */
  step: number;
  points: number;
  coverage80: number;
  coverage95: number;
}

export interface BacktestRun {
  scores: BacktestScore[];
  warnings: string[];
  /** Per model: the PIT of every scored actual, keyed "origin:step" (kept out of the scores, which are output). */
  pits: Map<string, Map<string, number>>;
}

/** Paths used for intervals of models without a closed form during backtests (fewer than for the final forecast). */
const BACKTEST_PATHS = 1000;

/** A model's forecast distribution at steps 0..horizon−1: its interval bounds and its CDF at a value. */
interface StepDistribution {
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  /** P(Y ≤ a): the probability integral transform of an actual a (Dawid 1984), for calibration. */
  cdf(a: number): number;
}

function distributions(model: FittedModel, horizon: number, seed: number): StepDistribution[] {
  const analytic = model.analytic(horizon);
  const out: StepDistribution[] = [];
  if (analytic) {
    for (let h = 0; h < horizon; h++) {
      const q = (p: number) => analytic.quantile(h, p);
      out.push({
        lo80: q(0.1),
        hi80: q(0.9),
        lo95: q(0.025),
        hi95: q(0.975),
        // Invert the quantile function by bisection (it is increasing in p); 40 halvings reach ~1e−12.
        cdf: (a) => {
          let lo = 0;
          let hi = 1;
          for (let i = 0; i < 40; i++) {
            const mid = (lo + hi) / 2;
            if (q(mid) <= a) lo = mid;
            else hi = mid;
          }
          return (lo + hi) / 2;
        },
      });
    }
    return out;
  }
  const paths = simulatePaths(model, horizon, BACKTEST_PATHS, seed);
  for (let h = 0; h < horizon; h++) {
    const column = Float64Array.from(paths, (p) => p[h] as number).sort();
    out.push({
      lo80: quantileType8Sorted(column, 0.1),
      hi80: quantileType8Sorted(column, 0.9),
      lo95: quantileType8Sorted(column, 0.025),
      hi95: quantileType8Sorted(column, 0.975),
      // Share of paths below a, ties counted half (the mid-distribution function).
      cdf: (a) => {
        let below = 0;
        let equal = 0;
        for (const v of column) {
          if (v < a) below++;
          else if (v === a) equal++;
          else break;
        }
        return (below + equal / 2) / column.length;
      },
    });
  }
  return out;
}

export function runBacktest(
  y: Float64Array,
  candidates: readonly Candidate[],
  context: CandidateContext,
  plan: RollingOriginPlan,
  seed: number,
): BacktestRun {
  const n = y.length;
  const warnings: string[] = [];
  const scores: BacktestScore[] = [];
  const pits = new Map<string, Map<string, number>>();
  // Origins ascend, so the first fit of each automatic ETS search is made on the shortest training set and reused.
  const originContext: CandidateContext = { ...context, refilter: true };
  for (const candidate of candidates) {
    let absSum = 0;
    let scaledSum = 0;
    let scaledCount = 0;
    let smapeSum = 0;
    let apeSum = 0;
    let apeCount = 0;
    let in80 = 0;
    let in95 = 0;
    let points = 0;
    let origins = 0;
    const reasons = new Set<string>();
    const modelPits = new Map<string, number>();
    const steps = Array.from({ length: plan.horizon }, (_, j) => ({ step: j + 1, points: 0, in80: 0, in95: 0 }));
    for (const origin of plan.origins) {
      const train = y.subarray(0, origin);
      const fitted = candidate.fit(train, originContext);
      if (!("model" in fitted)) {
        reasons.add(fitted.reason);
        continue;
      }
      origins++;
      const h = Math.min(plan.horizon, n - origin);
      const forecast = fitted.model.pointForecast(h);
      const bands = distributions(fitted.model, h, seed + origin);
      const scale = maseScale(train, train.length >= 2 * context.m ? context.m : 1);
      for (let j = 0; j < h; j++) {
        const actual = y[origin + j] as number;
        const f = forecast[j] as number;
        const e = Math.abs(actual - f);
        absSum += e;
        if (scale !== undefined) {
          scaledSum += e / scale;
          scaledCount++;
        }
        const denom = Math.abs(actual) + Math.abs(f);
        smapeSum += denom === 0 ? 0 : (200 * e) / denom;
        if (actual !== 0) {
          apeSum += (100 * e) / Math.abs(actual);
          apeCount++;
        }
        // Usage is clamped at 0 in reported intervals; do the same here so coverage describes what users see.
        const band = bands[j] as StepDistribution;
        const at = steps[j] as (typeof steps)[number];
        const lo80 = Math.max(0, band.lo80);
        const lo95 = Math.max(0, band.lo95);
        if (actual >= lo80 && actual <= band.hi80) {
          in80++;
          at.in80++;
        }
        if (actual >= lo95 && actual <= band.hi95) {
          in95++;
          at.in95++;
        }
        at.points++;
        modelPits.set(`${origin}:${j + 1}`, band.cdf(actual));
        points++;
      }
    }
    if (points === 0) {
      warnings.push(`${candidate.name} could not be backtested: ${[...reasons].join("; ") || "no forecast origin"}`);
      continue;
    }
    if (reasons.size > 0) {
      warnings.push(
        `${candidate.name} was skipped at ${plan.origins.length - origins} of ${plan.origins.length} origins: ${[...reasons].join("; ")}`,
      );
    }
    scores.push({
      model: candidate.name,
      mae: absSum / points,
      mase: scaledCount === points ? scaledSum / scaledCount : undefined,
      smape: smapeSum / points,
      mape: apeCount > 0 ? apeSum / apeCount : undefined,
      coverage80: in80 / points,
      coverage95: in95 / points,
      origins,
      points,
      byHorizon: steps
        .filter((st) => st.points > 0)
        .map((st) => ({
          step: st.step,
          points: st.points,
          coverage80: st.in80 / st.points,
          coverage95: st.in95 / st.points,
        })),
    });
    pits.set(candidate.name, modelPits);
  }
  return { scores, warnings, pits };
}
