/** Defaults the pipeline's stages share. */

/** Index price volatility when no flag, price history or config gives one: illustrative 30% a year, and always said to be so. */
export const DEFAULT_PRICE_VOLATILITY = 0.3;

/** Liquidity stress: the day-one gaps of the index, and the simulated daily paths for the peak funding need. */
export const DEFAULT_GAPS: readonly number[] = [-0.5, 0.5];
export const DEFAULT_STRESS_PATHS = 2000;
