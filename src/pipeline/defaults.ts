/**
 * Defaults of the liquidity stage, in a module of their own so that a command's options can show them without
 * loading the stage (src/cli/commands/*.ts import only cheap modules). Product-wide defaults live in src/defaults.ts.
 */

/** Liquidity stress: the day-one gaps of the index, and the simulated daily paths for the peak funding need. */
export const DEFAULT_GAPS: readonly number[] = [-0.5, 0.5];
export const DEFAULT_STRESS_PATHS = 2000;
