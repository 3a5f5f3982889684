/**
 * Cash-flow hedge reserve by the "lower of" rule (IFRS 9 §6.5.11(a); likewise US GAAP before ASU 2017-12): the
 * reserve in other comprehensive income is the lower, in absolute amount, of
 *   (i)  the hedging instrument's cumulative gain or loss since inception, and
 *   (ii) the cumulative change in value of the hedged item (the hypothetical derivative) since inception.
 * The reserve carries the hedge's sign; the rest of the hedge's gain or loss is ineffectiveness, recognised in
 * profit or loss (§6.5.11(c)):
 *   reserve = sign(H)·min(|H|, |I|),   ineffectiveness = H − reserve.
 * An over-hedge (|H| > |I|) therefore produces ineffectiveness; an under-hedge (|H| ≤ |I|) does not.
 */

export interface CashFlowHedgeReserve {
  /** Amount held in the cash-flow hedge reserve (OCI), signed as the hedge's cumulative result. */
  reserve: number;
  /** Hedge cumulative − reserve: recognised in profit or loss. */
  ineffectiveness: number;
}

export function cashFlowHedgeReserve(hedgeCumulative: number, itemCumulative: number): CashFlowHedgeReserve {
  const magnitude = Math.min(Math.abs(hedgeCumulative), Math.abs(itemCumulative));
  const reserve = hedgeCumulative < 0 ? -magnitude : magnitude;
  const ineffectiveness = hedgeCumulative - reserve;
  // Normalise −0 so that JSON output is stable.
  return { reserve: reserve === 0 ? 0 : reserve, ineffectiveness: ineffectiveness === 0 ? 0 : ineffectiveness };
}
