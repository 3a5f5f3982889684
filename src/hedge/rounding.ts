/** The contract rounding rules (--rounding, a policy's `rounding`): a list of names, with no schema library behind it. */
export const ROUNDING_RULES = ["nearest", "down", "up"] as const;
