/**
 * Defaults shared across the layers — the one place each product-wide default is written. A leaf module: it imports
 * nothing, so any layer may import it. A default that only one module uses stays beside that module (the forecast's
 * DEFAULT_PATHS, the liquidity stress's DEFAULT_STRESS_PATHS); one used in several places belongs here.
 *
 * The command-line flags show these same values in their help (src/cli/commands/*.ts).
 */

/** Seed of every random draw (forecast sample paths, the simulation's streams) when none is given. */
export const DEFAULT_SEED = 42;

/**
 * Annual volatility of the index price when no flag, price history or config gives one: an illustrative 30% a
 * year, and always said to be so in the output.
 */
export const DEFAULT_PRICE_VOLATILITY = 0.3;

/** Monte Carlo paths of `check` and `report` when the config's simulation.paths is not set. */
export const DEFAULT_SIMULATION_PATHS = 10_000;

/** Confidence level of Cost-at-Risk when the config's simulation.confidence is not set. */
export const DEFAULT_CONFIDENCE = 0.95;
