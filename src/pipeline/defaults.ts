/** Defaults the pipeline's stages share. */

/** Index price volatility when no flag, price history or config gives one: illustrative 30% a year, and always said to be so. */
export const DEFAULT_PRICE_VOLATILITY = 0.3;
