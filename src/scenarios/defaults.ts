/** The scenario grid's default price shocks and volume cases (src/scenarios/grid.ts), apart from the grid's code. */

/** A forecast quantile, the forecast mean, or a multiple of the mean written "x<multiplier>", e.g. "x0.8". */
export type VolumeCase = "p10" | "p50" | "p90" | "mean" | `x${string}`;

export const DEFAULT_PRICE_SHOCKS: readonly number[] = [-0.5, -0.25, 0, 0.25, 0.5, 1];
export const DEFAULT_VOLUME_CASES: readonly VolumeCase[] = ["p10", "p50", "p90"];
/** The curve twist `scenarios` and the report run by default: front months +20% and back months −20%, and the reverse. */
export const DEFAULT_TWIST = 0.2;
