/** The as-of date of a config run: --as-of > TOKENHEDGE_AS_OF > config asOf (all resolved into cfg) > today. */
import type { HedgeConfig } from "../config/index.js";

/** Today in UTC, the default as-of date of a run (the only clock read; `--as-of` replaces it). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function asOfFor(cfg: HedgeConfig): string {
  return cfg.asOf ?? todayUtc();
}
