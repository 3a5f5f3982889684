/**
 * The price a hedge locks in, with basis risk (Hull, Options, Futures, and Other Derivatives, ch. 3, "Basis risk").
 * A hedge opened at futures price F₁ and closed at F₂, when the spot price is S₂:
 *   short hedge (a seller: sells the asset at S₂, gains F₁ − F₂ on the short futures)
 *     effective price received = S₂ + F₁ − F₂ = F₁ + b₂
 *   long hedge (a buyer: pays S₂, gains F₂ − F₁ on the long futures)
 *     effective price paid     = S₂ − (F₂ − F₁) = S₂ + F₁ − F₂ = F₁ + b₂
 * with b₂ = S₂ − F₂ the basis at close-out. The same expression, received by one and paid by the other: the hedger
 * keeps only the basis risk. Computed in decimal so the textbook's cents come out exactly.
 */
import { Dec } from "../money/decimal.js";
import type { HedgeSide } from "./rebalance.js";

export interface BasisHedgeInput {
  side: HedgeSide;
  /** Futures price when the hedge is put on. */
  f1: number;
  /** Futures price when it is closed out. */
  f2: number;
  /** Spot price when it is closed out. */
  s2: number;
  /** Units hedged (optional): gives the total amount. */
  quantity?: number;
}

export interface BasisHedgeResult {
  side: HedgeSide;
  /** Gain per unit on the futures: F₁ − F₂ short, F₂ − F₁ long. */
  futuresGain: number;
  /** b₂ = S₂ − F₂. */
  finalBasis: number;
  /** S₂ + F₁ − F₂: received by a short hedger, paid by a long one. */
  effectivePrice: number;
  /** effectivePrice × quantity; null without a quantity. */
  total: number | null;
}

export function basisHedge(i: BasisHedgeInput): BasisHedgeResult {
  const f1 = new Dec(i.f1),
    f2 = new Dec(i.f2),
    s2 = new Dec(i.s2);
  const gain = i.side === "short" ? f1.minus(f2) : f2.minus(f1);
  const effective = i.side === "short" ? s2.plus(gain) : s2.minus(gain);
  return {
    side: i.side,
    futuresGain: gain.toNumber(),
    finalBasis: s2.minus(f2).toNumber(),
    effectivePrice: effective.toNumber(),
    total: i.quantity === undefined ? null : effective.times(i.quantity).toNumber(),
  };
}
