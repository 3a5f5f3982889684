/**
 * Automatic ETS selection by AICc (docs/METHODOLOGY.md §2; R's `ets(y)` with defaults; HKSG 2002 §3):
 * fit every admissible candidate and keep the one with the lowest AICc.
 */
import { fitEts, type EtsFit, type EtsFitOptions } from "./fit.js";
import { etsName, type ErrorType, type EtsSpec, type SeasonType, type TrendType } from "./spec.js";

export interface AutoEtsOptions extends EtsFitOptions {
  /** Allow seasonal candidates (default true; they also need n ≥ 2m, m ≤ 24, our limit). */
  seasonal?: boolean;
  /** Only damped trends (the "Damped" component of the combination, §6.2). */
  dampedOnly?: boolean;
  /** Only additive components (used on log-transformed data, §4). */
  additiveOnly?: boolean;
  /** Allow multiplicative trends (off by default, as in R). */
  multiplicativeTrend?: boolean;
  /** Restrict to non-seasonal trend N/A (the product's rule for 3 ≤ n < 6, §1.10). */
  simpleOnly?: boolean;
}

export interface CandidateFit {
  name: string;
  spec: EtsSpec;
  /** undefined when the model could not be fitted (too many parameters for the data, infeasible start). */
  fit: EtsFit | undefined;
}

export interface AutoEtsResult {
  best: EtsFit | undefined;
  candidates: CandidateFit[];
}

/** Candidate specifications in R's loop order: error → trend → season → damped first. */
export function etsCandidateSpecs(y: ArrayLike<number>, m: number, options: AutoEtsOptions = {}): EtsSpec[] {
  let n = 0;
  let positive = true;
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (Number.isNaN(v)) continue;
    n++;
    if (v <= 0) positive = false;
  }
  const seasonalAllowed = (options.seasonal ?? true) && !options.simpleOnly && m > 1 && m <= 24 && n >= 2 * m;
  const errors: ErrorType[] = options.additiveOnly || !positive ? ["A"] : ["A", "M"];
  const trends: TrendType[] = options.simpleOnly
    ? ["N", "A"]
    : options.multiplicativeTrend
      ? ["N", "A", "M"]
      : ["N", "A"];
  const seasons: SeasonType[] = !seasonalAllowed
    ? ["N"]
    : options.additiveOnly || !positive
      ? ["N", "A"]
      : ["N", "A", "M"];
  const dampings = options.simpleOnly ? [false] : [true, false];
  const specs: EtsSpec[] = [];
  for (const error of errors) {
    for (const trend of trends) {
      if (options.additiveOnly && trend === "M") continue;
      for (const season of seasons) {
        for (const damped of dampings) {
          if (trend === "N" && damped) continue;
          if (options.dampedOnly && !damped) continue;
          // R's "restrict": no additive error with multiplicative components, no M trend with A season.
          if (error === "A" && (trend === "M" || season === "M")) continue;
          if (error === "M" && trend === "M" && season === "A") continue;
          specs.push({ error, trend, damped, season, m: season === "N" ? 1 : m });
        }
      }
    }
  }
  return specs;
}

export function autoEts(y: ArrayLike<number>, m: number, options: AutoEtsOptions = {}): AutoEtsResult {
  const candidates: CandidateFit[] = [];
  let best: EtsFit | undefined;
  for (const spec of etsCandidateSpecs(y, m, options)) {
    const fit = fitEts(y, spec, options);
    candidates.push({ name: etsName(spec), spec, fit });
    if (fit && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) best = fit;
  }
  return { best, candidates };
}
