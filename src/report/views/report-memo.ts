/**
 * The hedge designation memo: what a hedging relationship must document at inception to qualify for
 * hedge accounting — under US GAAP, ASC 815-20-25-3 (the hedging relationship, the entity's
 * risk-management objective and strategy, the hedging instrument, the hedged forecast transaction,
 * the risk hedged, and how effectiveness will be assessed); under IFRS 9 §6.4.1(b) (the same, plus the
 * hedge ratio and the sources of ineffectiveness, B6.4.1–B6.4.19). The text is drafted from the plan
 * and the config; the entity's accounting function owns the final wording.
 */
import type { ReportInput } from "./report-input.js";
import { DOLLAR_OFFSET_BAND_TEXT, REGRESSION_CRITERIA, regressionStatement } from "./effectiveness.js";
import { accountingSections } from "./report-accounting.js";
import { cumulativeAtEveryPeriod } from "../../effectiveness/relationship.js";

export interface MemoSection {
  heading: string;
  /** Paragraphs of plain text (renderers escape them). */
  paragraphs: string[];
}

export interface DesignationMemo {
  title: string;
  references: string;
  sections: MemoSection[];
  /** Designated quantities per delivery month. */
  designations: {
    month: string;
    contracts: number;
    designatedTokens: number;
    forecastTokens: number;
    shareOfForecast: number;
    futuresPrice: number;
  }[];
}

const fmt = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The cumulative test at every assessment date: an interim failure is stated, not hidden by a passing last period. */
function everyPeriodParagraph(i: ReportInput): string[] {
  if (!i.effectiveness) return [];
  const every = cumulativeAtEveryPeriod(i.effectiveness.result.dollarOffset.byPeriod);
  return [
    every.pass
      ? "The cumulative dollar offset was within the band at every period of the history."
      : `The cumulative dollar offset was outside the band at ${every.failedPeriods.length} interim period${every.failedPeriods.length === 1 ? "" : "s"} (${every.failedPeriods.join(", ")}): ` +
        "hedge accounting would not have been available for those periods.",
  ];
}

/** A cross hedge: GPU-hour contracts against token purchases, so the memo names the conversion between them. */
const isCrossHedge = (i: ReportInput): boolean => i.plan.contract.underlying !== "token-index";

/** What is hedged and why: the relationship, the objective and strategy (the policy ladder), the hedged item. */
function relationshipSections(i: ReportInput): MemoSection[] {
  const plan = i.plan;
  const entity = i.entity ?? "The entity";
  const first = plan.months[0]?.month ?? "–";
  const last = plan.months[plan.months.length - 1]?.month ?? "–";
  const ladder = i.policy.ladder
    .map(
      (r) =>
        `months ${r.fromMonth}–${r.toMonth}: ${pct(r.ratio)}${r.min !== undefined && r.max !== undefined ? ` (band ${pct(r.min)}–${pct(r.max)})` : ""}`,
    )
    .join("; ");
  return [
    {
      heading: "Hedging relationship",
      paragraphs: [
        `Cash-flow hedge of forecast purchases of AI inference tokens for the delivery months ${first} to ${last}. ` +
          `Designated at inception on ${i.asOf}.`,
      ],
    },
    {
      heading: "Risk-management objective and strategy",
      paragraphs: [
        `${entity} buys AI tokens and is exposed to rises in their market price. The objective is to fix the price of a layer of ` +
          `each month's forecast purchases, reducing the variability of cash outflows from price changes, while leaving enough ` +
          `volume unhedged that a shortfall in usage does not turn the hedge into a speculative position.`,
        `Strategy: a ladder of target hedge ratios by months ahead (${ladder}), contracts rounded ${plan.rounding}` +
          `${plan.volumeCap ? `, never above the ${plan.volumeCap} volume forecast` : ""}. The plan is reviewed monthly with this report.`,
      ],
    },
    {
      heading: "Hedged item",
      paragraphs: [
        `Highly probable forecast purchases: the first designated tokens of index-weighted usage in each delivery month (table below), ` +
          `${pct(plan.totals.achievedRatio)} of forecast volume over the horizon. The designated layer sits below the expected volume; ` +
          `the forecast is refreshed monthly from the usage history (${i.series.firstDay} to ${i.series.lastDay}).`,
        `Risk hedged: changes in the price of tokens as measured by the contract's index${i.spec.index ? ` (${i.spec.index})` : ""}.`,
      ],
    },
  ];
}

/** What it is hedged with: the contract, and how many tokens one contract stands for. */
function instrumentSections(i: ReportInput): MemoSection[] {
  const plan = i.plan;
  const c = plan.contract;
  const cross = isCrossHedge(i);
  const sizeText = `${fmt(c.contractSize)} ${c.sizeUnit}`;
  const tokensPerContract = cross && c.tokensPerGpuHour ? c.contractSize * c.tokensPerGpuHour : c.contractSize;
  return [
    {
      heading: "Hedging instrument",
      paragraphs: [
        `Long positions in ${c.name}${c.illustrative ? " — an illustrative specification, not a listed contract" : ""}: ` +
          `${sizeText} per contract, quoted in ${c.quoteUnit}, ${i.spec.settlement?.type === "physical" ? "physically settled" : "cash-settled"}` +
          `${i.spec.settlement?.method ? ` (${i.spec.settlement.method})` : ""}. ${fmt(plan.totals.contracts)} contracts in total, locking in ` +
          `${fmt(plan.totals.lockedInCost)} ${i.spec.currency}.`,
      ],
    },
    {
      heading: "Hedge ratio",
      paragraphs: [
        cross
          ? `One contract is designated against ${fmt(tokensPerContract)} tokens of purchases (${fmt(c.tokensPerGpuHour ?? 0)} tokens per GPU-hour, an assumption whose error mis-sizes the hedge one for one).`
          : `One contract is designated against ${fmt(tokensPerContract)} tokens of purchases: a 1:1 quantity ratio on the designated layer.`,
        `The hedge ratio against forecast volume is ${pct(plan.totals.achievedRatio)} over the horizon (per month in the table below), consistent with the policy ladder.`,
      ],
    },
  ];
}

/** The effectiveness tests, their thresholds, and the latest assessment when a history is configured. */
function effectivenessSection(i: ReportInput): MemoSection {
  const direction = i.effectiveness?.result.regression?.direction ?? "hedge-on-item";
  return {
    heading: "How effectiveness is assessed",
    paragraphs: [
      `Prospectively at inception and each month, and retrospectively each month end, on the cumulative period value changes of the ` +
        `hedge and of a hypothetical derivative that represents the hedged item (a forward purchase of the designated tokens at the ` +
        `entity's own blended price).`,
      `Dollar offset: −ΣΔhedge / ΣΔhedged item within ${DOLLAR_OFFSET_BAND_TEXT} (inclusive). ` +
        `Regression: ${regressionStatement(direction)} over the monthly history, with R² ≥ ${i.effectiveness?.result.regression?.minRSquared ?? REGRESSION_CRITERIA.minRSquared}, slope between ` +
        `${REGRESSION_CRITERIA.slopeUpper} and ${REGRESSION_CRITERIA.slopeLower}, and an F-test p-value below ${REGRESSION_CRITERIA.maxPValue}. ` +
        `Under IFRS 9 these thresholds are the entity's own measure of the economic relationship (§6.4.1(c)); credit risk of the ` +
        `exchange-cleared position is not expected to dominate the value changes.`,
      i.effectiveness
        ? `Latest assessment on ${i.effectiveness.input.file}: dollar offset ${i.effectiveness.result.dollarOffset.cumulative === null ? "undefined" : pct(i.effectiveness.result.dollarOffset.cumulative)} ` +
          `(${i.effectiveness.result.dollarOffset.pass ? "pass" : "fail"}); regression ${i.effectiveness.result.regression ? `R² ${i.effectiveness.result.regression.rSquared.toFixed(3)}, slope ${i.effectiveness.result.regression.slope.toFixed(3)} (${i.effectiveness.result.regression.pass ? "pass" : "fail"})` : "not run"}.`
        : "No effectiveness history is configured yet (effectiveness.history in the config).",
      ...everyPeriodParagraph(i),
    ],
  };
}

/** Where the hedge and the hedged item part ways, and how the framework treats it. */
function ineffectivenessSection(i: ReportInput): MemoSection {
  const cross = isCrossHedge(i);
  return {
    heading: "Sources of ineffectiveness",
    paragraphs: [
      `Basis between the entity's blended price and the index; a shortfall of actual purchases below the designated layer (over-hedge); ` +
        `timing, since the contracts settle on a monthly average while purchases fall through the month; rounding to whole contracts` +
        `${cross ? "; and the tokens-per-GPU-hour conversion of the cross hedge" : ""}. ` +
        (i.accounting?.framework === "asc815"
          ? "Under ASC 815 after ASU 2017-12 these sources are not measured as separate ineffectiveness while the hedge remains highly effective."
          : `Ineffectiveness is measured by the lower-of test: the cash-flow hedge reserve holds the lower, in absolute amount, of the ` +
            `hedge's cumulative gain or loss and the hedged item's cumulative change (IFRS 9 §6.5.11); the excess goes to profit or loss.`),
    ],
  };
}

export function designationMemo(i: ReportInput): DesignationMemo {
  const plan = i.plan;
  const sections: MemoSection[] = [
    ...relationshipSections(i),
    // With a framework chosen the memo says which, what is designated, and what is de-designated (after "Hedged item").
    ...(i.accounting ? accountingSections(i.accounting, plan, i.spec.index ?? null) : []),
    ...instrumentSections(i),
    effectivenessSection(i),
    ineffectivenessSection(i),
  ];
  return {
    title: `Hedge designation memo${i.entity ? ` — ${i.entity}` : ""}`,
    references: "ASC 815-20-25-3 (documentation at inception); IFRS 9 §6.4.1(b)–(c), §6.5.11, B6.4.1–B6.4.19",
    sections,
    designations: plan.months.map((m) => ({
      month: m.month,
      contracts: m.contracts,
      designatedTokens: m.hedgedTokens,
      forecastTokens: m.forecastTokens,
      shareOfForecast: Number(m.achievedRatio.toFixed(6)),
      futuresPrice: m.futuresPrice,
    })),
  };
}
