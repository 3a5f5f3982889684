/**
 * The plan's answer in the company's money (src/pipeline/plan-answer.ts): the JSON `company` block of `plan` and
 * the plain-language paragraph and month table of its human output.
 */
import type { CompanyPricing } from "../../company/pricing.js";
import { pricingDocument } from "../../company/scenarios.js";
import type { PlanAnswer } from "../../pipeline/plan-answer.js";
import { fmtMoney, fmtPct, fmtPrice } from "../render/format.js";
import { renderTable } from "../render/table.js";
import { fmtMoneySummary } from "./plan.js";

/** R² of the basis regression on changes below which the plan says the index is a weak hedge (and `check` flags it). */
export const MIN_EFFECTIVE_R_SQUARED = 0.8;

export function planAnswerDocument(answer: PlanAnswer, pricing: CompanyPricing | null): Record<string, unknown> {
  return {
    ...(pricing ? pricingDocument(pricing) : { priceSource: "index", basis: null }),
    pricedAt: answer.pricedAt,
    months: answer.months,
    totals: answer.totals,
    history: answer.history,
    risk: answer.risk,
    costOfHedging: answer.costOfHedging,
    unhedgeable: answer.unhedgeable,
    why: answer.why,
    summary: planAnswerSentences(answer, pricing),
  };
}

/** The answer a treasurer reads: what the company expects to pay, what the hedge does to its risk and what it costs. */
export function planAnswerSentences(a: PlanAnswer, pricing: CompanyPricing | null): string[] {
  const r = a.risk;
  const level = `${Math.round(r.confidence * 100)}%`;
  const first = a.months[0]?.month;
  const last = a.months[a.months.length - 1]?.month;
  const out: string[] = [];
  out.push(
    a.pricedAt === "company"
      ? `Expected cost ${first} … ${last}: ${fmtMoneySummary(a.totals.companyCost)} at the company's own price (${pricing!.sourceDetail}); the same tokens at the futures index would cost ${fmtMoneySummary(a.totals.indexCost)}.`
      : `Expected cost ${first} … ${last}: ${fmtMoneySummary(a.totals.indexCost)} at the futures index (the usage file has no cost: give --prices FILE for the company's own price).`,
  );
  const change = r.changeRatio === null ? "" : ` (${r.change <= 0 ? "−" : "+"}${fmtPct(Math.abs(r.changeRatio), 1)})`;
  const p = r.hedged.parts;
  out.push(
    `Cost-at-Risk ${level} over the horizon: unhedged ${fmtMoneySummary(r.unhedged.costAtRisk)} → hedged ${fmtMoneySummary(r.hedged.costAtRisk)}${change}; ` +
      `hedged, of which volume ${fmtMoneySummary(p.volume)}, price ${fmtMoneySummary(p.price)}, basis ${fmtMoneySummary(p.basis)} (Euler parts, they sum to the total; ` +
      `delta-normal, index volatility ${fmtPct(r.priceVolatility, 0)} a year from ${r.volatilitySource}). Futures hedge the price part only.`,
  );
  const basis = pricing?.basis;
  if (basis?.method === "sticky") {
    out.push(
      "Basis sticky: the company's price keeps its own schedule whatever the index does, so these futures hedge none of its cost; " +
        `they add their own P&L as a new risk${r.change > 0 ? ` (+${fmtMoneySummary(r.change)} of Cost-at-Risk)` : ""}. ` +
        "Give --history FILE (the company's price beside the index) for a regression basis, or --basis index if the purchase contract references the index.",
    );
  } else if (basis?.method === "regression") {
    const share = a.unhedgeable.shareOfHedgedCostAtRisk;
    out.push(
      `Basis: each 1.00 move of the index moves the company's price by ${basis.beta.toFixed(3)} (R² ${basis.rSquared?.toFixed(2) ?? "–"} on ${basis.observations} monthly changes); ` +
        `the rest, σ(ε) ${fmtPrice(basis.sigma, 4)} USD/Mtok a month, no futures position can hedge: ${fmtMoneySummary(a.unhedgeable.basisCostAtRisk)} of the hedged Cost-at-Risk${share === null ? "" : ` (${fmtPct(share, share < 0.1 ? 1 : 0)})`}.`,
    );
    if (basis.rSquared !== null && basis.rSquared < MIN_EFFECTIVE_R_SQUARED) {
      out.push(
        `The index explains only ${fmtPct(basis.rSquared, 0)} of the company's price changes, below the 80% a highly effective hedge relationship is usually held to: ` +
          (basis.rSquared < 0.25
            ? "these futures are close to a position on the index, not a hedge of this company's cost."
            : "treat this as a partial hedge."),
      );
    }
  }
  const drift = pricing?.conversionDrift;
  if (drift) {
    out.push(
      `Cross hedge: the GPU-hour index stands for tokens only through the tokens-per-GPU-hour conversion, which drifts with efficiency gains; ` +
        `at σ ${fmtPct(drift.sigma, 0)} a year of ln k (${drift.source}) that drift is part of the basis risk above${basis?.method === "sticky" ? " (not with a sticky price, which follows neither)" : ""}.`,
    );
  }
  const c = a.costOfHedging;
  out.push(
    `Expected cost of hedging: ${fmtMoneySummary(c.total)} (fees ${fmtMoneySummary(c.fees)}` +
      (c.marginFunding === null
        ? "; the initial margin is cash posted, not spent — give --funding-rate to cost it"
        : `; margin funding at ${fmtPct(c.fundingRate, 1)} a year ${fmtMoneySummary(c.marginFunding)}`) +
      "; futures taken as unbiased, so no expected P&L).",
  );
  out.push(`Why these ratios: ${a.why}.`);
  return out;
}

export function planAnswerHuman(a: PlanAnswer, pricing: CompanyPricing | null, colour: boolean): string {
  const committed = a.totals.committedTokens > 0;
  const table = renderTable({
    head: ["month", "company USD/Mtok", "company cost", "index cost", ...(committed ? ["committed B tok"] : [])],
    rows: a.months.map((m) => [
      m.month,
      fmtPrice(m.companyPrice, 4),
      fmtMoney(m.companyCost),
      fmtMoney(m.indexCost),
      ...(committed ? [(m.committedTokens / 1e9).toFixed(2)] : []),
    ]),
    footer: [
      [
        "total",
        "",
        fmtMoney(a.totals.companyCost),
        fmtMoney(a.totals.indexCost),
        ...(committed ? [(a.totals.committedTokens / 1e9).toFixed(2)] : []),
      ],
    ],
    colour,
  });
  const recent = a.history.slice(-6).filter((h) => h.companyPrice !== null);
  const history =
    recent.length > 0
      ? `history at the export's own cost per Mtok: ${recent.map((h) => `${h.month} ${fmtPrice(h.companyPrice, 4)}`).join(", ")}\n`
      : "";
  return `\nIn the company's money (forecast mean, index unmoved):\n${table}${history}\n${planAnswerSentences(a, pricing).join("\n")}\n`;
}
