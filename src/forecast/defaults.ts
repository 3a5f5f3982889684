import type { Granularity } from "./types.js";

/** Default number of simulated paths (R's default for simulated intervals, docs/METHODOLOGY.md §2.3). */
export const DEFAULT_PATHS = 5000;

/** Periods forecast when --horizon is not given. */
export const DEFAULT_HORIZON: Record<Granularity, number> = { month: 12, day: 90 };

/** Ten years either way: a longer forecast of usage is not a forecast. */
export const MAX_HORIZON: Record<Granularity, number> = { month: 120, day: 3660 };

/** Weight of a volume plan in months that give none of their own: an even blend (Blattberg & Hoch 1990). */
export const DEFAULT_PLAN_WEIGHT = 0.5;
