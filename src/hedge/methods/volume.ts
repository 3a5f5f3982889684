/**
 * Reading the volume forecast's distribution: a named quantile (`p10`, `p25` …) of a month, its spread, and the
 * over-hedge a position implies. Over-hedge (docs/METHODOLOGY.md): hedged tokens above the volume that materialises turn
 * that part of the hedge into a speculative position, so a plan reports, per month,
 *   P(over-hedge) = P(V < H)  and  E[max(0, H − V)],
 * estimated from the forecast's seeded sample paths (the empirical distribution of V).
 */
import { HedgeError } from "../../errors.js";
import { normalQuantile } from "../../stats/normal.js";
import { quantileOfSorted } from "../../stats/quantile.js";
import type { VolumeForecastMonth } from "./types.js";

/** "p10", "P10", "10%", "10" → "p10"; "mean" → "mean". Throws a usage error for anything else. */
export function parseVolumeLevel(text: string, flag: string, allowMean = true): string {
  const t = text.trim().toLowerCase();
  if (allowMean && t === "mean") return "mean";
  const m = /^p?(\d{1,2}(?:\.\d+)?)%?$/.exec(t);
  const p = m ? Number(m[1]) : NaN;
  if (!(p > 0 && p < 100)) {
    throw new HedgeError("USAGE", `${flag} "${text}" is not a volume quantile`, {
      value: text,
      expected: `a quantile of the volume forecast such as p10 or p25${allowMean ? ", or mean" : ""}`,
    });
  }
  return `p${Number(p.toString())}`;
}

/** The volume of `f` at `level` ("mean" or "pNN"): a reported quantile when there is one, else from the samples. */
export function volumeAt(f: VolumeForecastMonth, level: string): number {
  if (level === "mean") return f.mean;
  const reported =
    f.quantiles?.[level] ?? (level === "p10" ? f.p10 : level === "p50" ? f.p50 : level === "p90" ? f.p90 : undefined);
  if (reported !== undefined) return reported;
  const p = Number(level.slice(1)) / 100;
  if (f.samples && f.samples.length > 0) return quantileOfSorted(f.samples as unknown as number[], p, 8);
  throw new HedgeError(
    "USAGE",
    `the forecast for ${f.month} has no ${level} (reported: p10, p50, p90${f.quantiles ? `, ${Object.keys(f.quantiles).join(", ")}` : ""})`,
    {
      value: level,
      expected: "a reported quantile",
    },
  );
}

/**
 * σ of the month's volume: the sample standard deviation of the simulated volumes when there are any, otherwise
 * (P90 − P10)/(2·z₀.₉), exact for a normal forecast distribution.
 */
export function volumeStandardDeviation(f: VolumeForecastMonth): number {
  const s = f.samples;
  if (s && s.length > 1) {
    let mean = 0;
    for (let i = 0; i < s.length; i++) mean += s[i]!;
    mean /= s.length;
    let ss = 0;
    for (let i = 0; i < s.length; i++) ss += (s[i]! - mean) ** 2;
    return Math.sqrt(ss / (s.length - 1));
  }
  return (f.p90 - f.p10) / (2 * normalQuantile(0.9));
}

export interface OverHedge {
  /** P(V < H): share of simulated volumes below the hedged tokens. */
  probability: number;
  /** E[max(0, H − V)] in tokens. */
  expectedTokens: number;
}

/** Over-hedge of `hedgedTokens` against the sorted simulated volumes; null without samples. */
export function overHedge(samples: Float64Array | undefined, hedgedTokens: number): OverHedge | null {
  if (!samples || samples.length === 0) return null;
  let below = 0;
  let excess = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i]!;
    if (v < hedgedTokens) {
      below++;
      excess += hedgedTokens - v;
    }
  }
  return { probability: below / samples.length, expectedTokens: excess / samples.length };
}
