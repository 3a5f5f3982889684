/**
 * The framework part of the designation memo: which standard the relationship is accounted under (chosen
 * explicitly), what is designated as the hedged item, how ineffectiveness is recorded, and which forecast
 * amounts are de-designated because the forecast fell below the hedged amount.
 */
import { dedesignations, designateHedgedItem, type Framework } from "../../effectiveness/relationship.js";
import type { HedgePlan } from "../../hedge/plan.js";

/** A memo section (the shape report-memo.ts renders), kept here so the memo imports this file and not the reverse. */
export interface AccountingSection {
  heading: string;
  paragraphs: string[];
}

export interface AccountingChoice {
  framework: Framework;
  /** The purchase contract's price references the index (so a price component can be designated). */
  contractReferencesIndex: boolean;
  /** Tokens hedged per delivery month by the book (held contracts × size), when a book is given. */
  hedgedTokensByMonth?: ReadonlyMap<string, number>;
}

const fmt = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

export function accountingSections(a: AccountingChoice, plan: HedgePlan, index: string | null): AccountingSection[] {
  const item = designateHedgedItem(a.framework, a.contractReferencesIndex, index);
  const framework: AccountingSection = {
    heading: "Accounting framework",
    paragraphs: [
      a.framework === "asc815"
        ? "US GAAP, ASC 815 as amended by ASU 2017-12: while the hedge is highly effective the whole change in the hedging " +
          "instrument's fair value is recorded in other comprehensive income and reclassified to earnings when the hedged purchases " +
          "affect earnings; no ineffectiveness is measured or recorded separately for this cash-flow hedge."
        : "IFRS 9, hedge accounting (chapter 6): the cash-flow hedge reserve is the lower, in absolute amount, of the hedging " +
          "instrument's cumulative gain or loss and the cumulative change in the hedged item (§6.5.11(a)); the remainder is " +
          "ineffectiveness, recognised in profit or loss (§6.5.11(c)).",
      `Hedged item designated: ${item.text}.`,
    ],
  };
  const months = plan.months.map((m) => ({
    month: m.month,
    hedgedTokens: a.hedgedTokensByMonth?.get(m.month) ?? m.hedgedTokens,
    forecastTokens: m.forecastTokens,
  }));
  const excess = dedesignations(months);
  const dedesignation: AccountingSection = {
    heading: "De-designation",
    paragraphs:
      excess.length === 0
        ? ["No delivery month's forecast has fallen below the hedged amount: nothing is de-designated."]
        : [
            `The forecast has fallen below the hedged amount in ${excess.length} month${excess.length === 1 ? "" : "s"}; the excess is de-designated ` +
              "(it is no longer a highly probable forecast purchase) and the related part of the reserve is reclassified to profit or loss " +
              `if the purchases are no longer expected to occur: ${excess.map((e) => `${e.month} ${fmt(e.excessTokens)} tokens (hedged ${fmt(e.hedgedTokens)}, forecast ${fmt(e.forecastTokens)})`).join("; ")}.`,
          ],
  };
  return [framework, dedesignation];
}
