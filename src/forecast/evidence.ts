/**
 * The default monthly choice: let the rolling-origin backtest decide (FPP3 §5.10), and combine rather than pick
 * when several candidates score alike (Bates & Granger 1969: weights by past accuracy; Aiolfi & Timmermann 2006:
 * trimming the poor performers before combining).
 *
 * Rule:
 * 1. Growth guard. When the history grows in the long run and its recent growth (last six months, seasonally
 *    adjusted) is below the long-run growth by more than two standard errors of the recent slope, the series is
 *    decelerating; a candidate whose forecast still grows, twelve months out, faster than halfway between the
 *    recent rate (or 0, if lower) and the long-run rate is carrying the early growth forward and is left out.
 * 2. Among the remaining candidates, keep those whose backtest MASE is at most twice the best (MARGIN).
 * 3. Weight them by 1 / MASE, normalised; one survivor is used on its own.
 */
import type { FittedModel } from "./model.js";
import {
  growthLead,
  impliedGrowth,
  longRunGrowth,
  recentGrowth,
  type GrowthFit,
  type SeasonalFigure,
} from "./growth.js";

/**
 * Candidates whose backtest MASE is at most (1 + MARGIN) × the best are combined: twice the best. A wide margin
 * because estimated weights rarely beat near-equal ones (the "forecast combination puzzle": Smith & Wallis 2009,
 * Oxford Bulletin of Economics and Statistics 71(3)); the trimming only drops clear losers (a trend-only model
 * on a seasonal series, a seasonal naive on a growing one). On bench/forecast-accuracy, margins of 75–150% gave
 * mean MASE 0.572–0.589 against 0.585 for the equal-weight combination and 0.660 for a 20% margin.
 */
export const MARGIN = 1;
/** Steps ahead at which a candidate's growth is checked against the history's (a hedge year). */
export const GUARD_STEPS = 12;

export interface ScoredFit {
  name: string;
  /** Backtest error: MASE, or sMAPE when MASE is undefined for some candidate. */
  error: number;
  model: FittedModel;
}

export interface EvidenceChoice {
  /** The candidates used and their weights (summing to 1), best first. */
  weights: { name: string; weight: number; model: FittedModel }[];
  /** Candidates left out by the growth guard, with their growth 12 steps ahead. */
  guarded: { name: string; growth: number }[];
  recent: number | undefined;
  longRun: number | undefined;
}

/** Long-run growth, and recent growth below it by more than two standard errors of the recent log slope. */
export function isDecelerating(recent: GrowthFit, longRun: number): boolean {
  if (!(longRun > 0) || !Number.isFinite(recent.se)) return false;
  return Math.log1p(longRun) - Math.log1p(recent.growth) > 2 * recent.se;
}

export function chooseByEvidence(
  y: ArrayLike<number>,
  season: SeasonalFigure,
  fits: readonly ScoredFit[],
): EvidenceChoice | undefined {
  const m = season.m;
  const recentFit = recentGrowth(y, season);
  const recent = recentFit?.growth;
  const longRun = longRunGrowth(y, season)?.growth;
  const guarded: { name: string; growth: number }[] = [];
  let eligible = [...fits];
  if (recentFit && longRun !== undefined && isDecelerating(recentFit, longRun)) {
    const floor = Math.max(recentFit.growth, 0);
    const ceiling = floor + (longRun - floor) / 2;
    const growthOf = (f: ScoredFit) =>
      impliedGrowth(y, f.model.pointForecast(GUARD_STEPS + growthLead(m)), GUARD_STEPS, m);
    const kept = eligible.filter((f) => {
      const g = growthOf(f);
      if (g === undefined || g <= ceiling) return true;
      guarded.push({ name: f.name, growth: g });
      return false;
    });
    // Every candidate runs away: keep the one that grows least rather than none.
    if (kept.length === 0 && eligible.length > 0) {
      const least = [...guarded].sort((a, b) => a.growth - b.growth)[0]!;
      guarded.splice(guarded.indexOf(least), 1);
      kept.push(eligible.find((f) => f.name === least.name)!);
    }
    eligible = kept;
  }
  const finite = eligible.filter((f) => Number.isFinite(f.error));
  if (finite.length === 0) return undefined;
  const best = Math.min(...finite.map((f) => f.error));
  const pool = finite.filter((f) => f.error <= (1 + MARGIN) * best).sort((a, b) => a.error - b.error);
  // A perfect backtest (error 0) takes all the weight among the perfect ones.
  const inverse = pool.map((f) => (best === 0 ? (f.error === 0 ? 1 : 0) : 1 / f.error));
  const total = inverse.reduce((a, b) => a + b, 0);
  return {
    weights: pool
      .map((f, i) => ({ name: f.name, weight: (inverse[i] as number) / total, model: f.model }))
      .filter((w) => w.weight > 0),
    guarded,
    recent,
    longRun,
  };
}
