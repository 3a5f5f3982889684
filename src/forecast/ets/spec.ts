/**
 * ETS model identifiers and parameters (docs/METHODOLOGY.md §2; Hyndman, Koehler, Ord & Snyder 2008, ch. 2).
 */

export type ErrorType = "A" | "M";
export type TrendType = "N" | "A" | "M";
export type SeasonType = "N" | "A" | "M";

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  /** Damped trend (only meaningful when trend ≠ N). */
  damped: boolean;
  season: SeasonType;
  /** Seasonal period; 1 when season = N. */
  m: number;
}

/** Smoothing parameters in state-space form (β = α·β*, γ = (1−α)·γ*; §1.2). Absent components are ignored. */
export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** "ETS(M,Ad,N)" — the notation of R's `forecast` and FPP3. */
export function etsName(spec: EtsSpec): string {
  const trend = spec.trend === "N" ? "N" : spec.trend + (spec.damped ? "d" : "");
  return `ETS(${spec.error},${trend},${spec.season})`;
}

/** Parse "ETS(A,Ad,N)" (with m for the seasonal ones); undefined when not an ETS name. */
export function parseEtsName(name: string, m: number): EtsSpec | undefined {
  const match = /^ETS\(([AM]),(N|A|Ad|M|Md),([NAM])\)$/.exec(name);
  if (!match) return undefined;
  const trendText = match[2] as string;
  const season = match[3] as SeasonType;
  return {
    error: match[1] as ErrorType,
    trend: trendText.charAt(0) as TrendType,
    damped: trendText.endsWith("d"),
    season,
    m: season === "N" ? 1 : m,
  };
}

/** Index of the first seasonal state in the state vector (ℓ, [b], s_t … s_{t−m+1}) of §1.3. */
export function seasonOffset(spec: EtsSpec): number {
  return spec.trend === "N" ? 1 : 2;
}

export function stateLength(spec: EtsSpec): number {
  return seasonOffset(spec) + (spec.season === "N" ? 0 : spec.m);
}

/** φ as used in the recursions: 1 when the trend is not damped. */
export function effectivePhi(spec: EtsSpec, params: EtsParams): number {
  return spec.damped ? params.phi : 1;
}
