/**
 * The hedge ratio a tailed hedge needs. Hull (Options, Futures, and Other Derivatives, ch. 3, "tailing the hedge")
 * sizes on values, N* = ĥ·V_A/V_F with V_A = S₀·Q_A and V_F = F₀·Q_F, where ĥ is the minimum-variance ratio of
 * *percentage* changes, ĥ = ρ̂·σ̂_S/σ̂_F on ΔS/S and ΔF/F. Tailing a ratio estimated on price changes (or a policy's
 * volume ratio) would scale it by S₀/F₀ a second time.
 */
import { HedgeError } from "../errors.js";
import type { PriceHistory } from "./methods/price-history.js";
import { hedgeRatioFromSeries, type HedgeRatioResult } from "./mvhr.js";

/** ĥ from the percentage changes of a history of price levels: r_t = (x_t − x_{t−1})/x_{t−1}. */
export function percentageChangeRatio(history: PriceHistory): HedgeRatioResult {
  if (history.kind !== "levels") {
    throw new HedgeError("USAGE", "a tailed hedge needs price levels in --history, to take percentage changes", {
      file: history.file,
      expected: "--history with price levels (without --changes)",
      hint: "drop --changes, or drop --tail",
    });
  }
  const pct = (xs: readonly number[]): number[] => xs.slice(1).map((x, i) => (x - xs[i]!) / xs[i]!);
  return hedgeRatioFromSeries({ kind: "changes", spot: pct(history.spot), futures: pct(history.futures) });
}
