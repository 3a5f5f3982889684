/**
 * The exposure a futures hedge answers for once commitments are taken out. A committed-use contract fixes the price
 * of the volume it covers (take-or-pay, commitments.ts), so that volume is already hedged: the plan sizes contracts
 * on the uncommitted remainder only.
 *
 * For a month with volume V the remainder is g(V) = V − Σ min(V·sᵢ, Cᵢ) (sᵢ the mix share commitment i covers, Cᵢ its
 * committed tokens). g never decreases as V grows, so a quantile of the remainder is g of the volume's quantile, and
 * sorted sample paths stay sorted under g. The mean is the mean of g over the sample paths (g is not linear: below a
 * commitment's level the remainder does not fall with V), or g(mean) when a month has no paths.
 */
import type { VolumeForecastMonth } from "../hedge/methods/types.js";
import { applyCommitments, type Commitment } from "./commitments.js";
import type { MixLine } from "./mix.js";

/** Per delivery month: what is committed and what is left for the hedge, at the forecast mean. */
export interface CommittedExposureMonth {
  month: string;
  /** Tokens committed (take-or-pay) in the month. */
  committedTokens: number;
  /** The forecast mean before commitments are taken out, tokens. */
  forecastTokens: number;
  /** The mean uncommitted remainder, tokens: what the plan hedges. */
  uncommittedTokens: number;
}

export interface CommittedExposure {
  months: VolumeForecastMonth[];
  committed: CommittedExposureMonth[];
}

export function uncommittedExposure(
  months: readonly VolumeForecastMonth[],
  commitments: readonly Commitment[],
  mix: readonly MixLine[],
): CommittedExposure {
  const committed: CommittedExposureMonth[] = [];
  const out = months.map((f): VolumeForecastMonth => {
    const g = (v: number): number => applyCommitments(commitments, mix, f.month, v).uncommittedTokens;
    const committedTokens = applyCommitments(commitments, mix, f.month, f.mean).committedTokens;
    if (committedTokens === 0) return f;
    const samples = f.samples ? Float64Array.from(f.samples, g) : undefined;
    const mean = samples && samples.length > 0 ? samples.reduce((s, x) => s + x, 0) / samples.length : g(f.mean);
    committed.push({
      month: f.month,
      committedTokens,
      forecastTokens: Math.round(f.mean),
      uncommittedTokens: Math.round(mean),
    });
    return {
      ...f,
      mean,
      p10: g(f.p10),
      p50: g(f.p50),
      p90: g(f.p90),
      ...(f.quantiles ? { quantiles: Object.fromEntries(Object.entries(f.quantiles).map(([k, v]) => [k, g(v)])) } : {}),
      ...(samples ? { samples } : {}),
    };
  });
  return { months: out, committed };
}
