/** `plan`: the hedge plan per delivery month with totals, flags, the GPU-hour conversion and a summary line. */
import type { HedgePlan, PlanFlag, PlanMonth } from "../../hedge/plan.js";
import { renderCsv } from "../render/csv.js";
import { fmtInt, fmtMoney, fmtPct, fmtPrice, fmtSignedPct } from "../render/format.js";
import { renderTable } from "../render/table.js";

export function planDocument(plan: HedgePlan, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    command: "plan",
    ...extra,
    contract: plan.contract,
    method: plan.method,
    rounding: plan.rounding,
    lot: plan.lot,
    forecastBasis: plan.forecastBasis,
    volumeCap: plan.volumeCap,
    tailing: plan.tailing,
    conversion: plan.conversion,
    months: plan.months,
    totals: plan.totals,
    summary: planSummary(plan),
    warnings: plan.warnings,
  };
}

const CSV_COLUMNS = [
  "month",
  "tenor",
  "forecastTokens",
  "forecastBasis",
  "targetRatio",
  "hedgeRatio",
  "capTokens",
  "contractsUnrounded",
  "contracts",
  "hedgedTokens",
  "achievedRatio",
  "probabilityOverHedge",
  "futuresPrice",
  "futuresPriceInterpolated",
  "lockedInCost",
  "initialMargin",
  "fees",
] as const satisfies readonly (keyof PlanMonth)[];

export function planCsv(plan: HedgePlan): string {
  return renderCsv(
    [...CSV_COLUMNS, "flags"],
    plan.months.map((m) => [...CSV_COLUMNS.map((c) => m[c] as string | number | boolean | null), m.flags.join(";")]),
  );
}

/**
 * $4.2M, $310K, $9,818: money at a glance for the plan's summary line and its answer sentences, whole dollars below $10,000
 * (render/format.ts's fmtMoneyShort, used by the other commands' sentences, turns $9,818 into $9.82K).
 */
export function fmtMoneySummary(n: number): string {
  const a = Math.abs(n);
  const sign = n < 0 ? "-" : "";
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${sign}$${Math.round(a / 1e3)}K`;
  return `${sign}$${fmtInt(Math.round(a))}`;
}

/** One plain-language line: how much is hedged, what it locks in, what it costs in margin, and what to look at. */
export function planSummary(plan: HedgePlan): string {
  const t = plan.totals;
  const unit = plan.contract.underlying === "token-index" ? "/Mtok" : "/GPU-hour";
  const parts = [
    `Hedges ${fmtPct(t.achievedRatio, 1)} of the next ${plan.months.length} months' ${t.hedgeableTokens !== undefined ? "uncommitted " : ""}forecast tokens with ${fmtInt(t.contracts)} contracts`,
    `locks in ${fmtMoneySummary(t.lockedInCost)}${t.averageLockedInPrice !== null ? ` at an average $${fmtPrice(t.averageLockedInPrice, 2)}${unit}` : ""}`,
    `initial margin ${fmtMoneySummary(t.initialMargin)}, fees ${fmtMoneySummary(t.fees)}`,
  ];
  const notes: string[] = [];
  if (t.monthsCapped > 0)
    notes.push(
      `${t.monthsCapped} month${t.monthsCapped === 1 ? "" : "s"} capped at the ${plan.volumeCap?.toUpperCase()} volume`,
    );
  if (t.monthsOutsideBand > 0)
    notes.push(
      `${t.monthsOutsideBand} month${t.monthsOutsideBand === 1 ? "" : "s"} with the ${plan.method.name} ratio outside the policy band`,
    );
  const worst = plan.months.reduce<PlanMonth | undefined>(
    (w, m) =>
      m.probabilityOverHedge !== null && (w === undefined || m.probabilityOverHedge > w.probabilityOverHedge!) ? m : w,
    undefined,
  );
  if (worst && worst.probabilityOverHedge! > 0)
    notes.push(`highest chance of an over-hedge ${fmtPct(worst.probabilityOverHedge, 1)} (${worst.month})`);
  const tail = notes.join("; ");
  return `${parts.join("; ")}.${tail ? ` ${tail[0]!.toUpperCase()}${tail.slice(1)}.` : ""}`;
}

const FLAG_TEXT: Record<PlanFlag, string> = {
  capped: "capped",
  "above-band": "above band",
  "below-band": "below band",
  "cap-below-band": "cap < band",
  "below-lot": "below lot",
  "negative-ratio": "short asked",
  "interpolated-price": "price interp.",
  "later-contract": "next contract",
};

const billions = (n: number): string => (n / 1e9).toFixed(2);

export function planHuman(plan: HedgePlan, colour: boolean): string {
  const t = plan.totals;
  const c = plan.contract;
  const gpu = c.underlying === "gpu-hour-index";
  // With commitments the ratios apply to the uncommitted remainder: shown beside the whole forecast.
  const committed = t.hedgeableTokens !== undefined;
  const table = renderTable({
    head: [
      "month",
      `forecast B tok (${plan.forecastBasis})`,
      ...(committed ? ["uncommitted B tok"] : []),
      "target",
      "ratio",
      "contracts",
      "hedged B tok",
      "achieved",
      "P(over)",
      "futures",
      "locked-in cost",
      "initial margin",
      "flags",
    ],
    rows: plan.months.map((m) => [
      m.month,
      billions(m.forecastTokens),
      ...(committed ? [billions(m.hedgeableTokens ?? m.forecastTokens)] : []),
      fmtPct(m.targetRatio, 1),
      fmtPct(m.hedgeRatio, 1),
      fmtInt(m.contracts),
      billions(m.hedgedTokens),
      fmtPct(m.achievedRatio, 1),
      fmtPct(m.probabilityOverHedge, 1),
      fmtPrice(m.futuresPrice, 3) + (m.futuresPriceInterpolated ? "*" : ""),
      fmtMoney(m.lockedInCost),
      fmtMoney(m.initialMargin),
      m.flags.map((f) => FLAG_TEXT[f]).join(", "),
    ]),
    footer: [
      [
        "total",
        billions(t.forecastTokens),
        ...(committed ? [billions(t.hedgeableTokens!)] : []),
        "",
        "",
        fmtInt(t.contracts),
        billions(t.hedgedTokens),
        fmtPct(t.achievedRatio, 1),
        "",
        "",
        fmtMoney(t.lockedInCost),
        fmtMoney(t.initialMargin),
        "",
      ],
    ],
    colour,
  });
  const lines = [
    `${c.name}${c.illustrative ? " [ILLUSTRATIVE]" : ""}: ${fmtInt(c.contractSize)} ${c.sizeUnit} per contract, quoted ${c.quoteUnit}`,
    `ratios: ${plan.method.description}; ` +
      (plan.volumeCap
        ? `hedged tokens capped at each month's ${plan.volumeCap.toUpperCase()} volume; `
        : "no volume cap; ") +
      `contracts rounded ${plan.rounding}${plan.lot > 1 ? ` in lots of ${plan.lot}` : ""}` +
      (plan.tailing ? `; tailed with S0 = ${plan.tailing.spotPrice} (N × S0/F0)` : ""),
  ];
  const m = plan.method;
  if (m.name === "mvhr" || (m.name === "quantity" && m.history)) {
    const h = m as unknown as {
      hedgeRatio?: number;
      priceHedgeRatio?: number;
      correlation?: number | null;
      rSquared?: number | null;
      observations?: number | null;
    };
    if (m.name === "mvhr") {
      lines.push(
        `h* = ${h.hedgeRatio!.toFixed(4)} (ρ ${h.correlation?.toFixed(4) ?? "–"}, R² ${h.rSquared?.toFixed(4) ?? "–"}, ${h.observations ?? "–"} price changes)` +
          (gpu
            ? `; against GPU-hour exposure ×${(c.tokensPerGpuHour! / 1e6).toFixed(2)} = ${((h.hedgeRatio! * c.tokensPerGpuHour!) / 1e6).toFixed(4)}`
            : ""),
      );
    }
  }
  let out = lines.join("\n") + "\n" + table;
  if (plan.months.some((x) => x.futuresPriceInterpolated))
    out += "* futures price interpolated (no quote in the curve file)\n";
  if (plan.conversion) out += "\n" + conversionHuman(plan, colour);
  return `${out}\n${planSummary(plan)}\n`;
}

function conversionHuman(plan: HedgePlan, colour: boolean): string {
  const cv = plan.conversion!;
  const head =
    `cross hedge: token exposure ÷ ${fmtInt(cv.tokensPerGpuHour)} tokens per GPU-hour (${cv.source}).\n` +
    "This conversion is an ASSUMPTION and itself a risk: an error of x% in it mis-sizes the hedge by x%.\n";
  const models = cv.byModel
    ? renderTable({
        head: [
          "model",
          "tokens",
          "tokens/GPU-hour",
          "GPU-hours",
          ...(cv.byModel.some((b) => b.usedBlended) ? ["note"] : []),
        ],
        rows: cv.byModel.map((b) => [
          b.model,
          fmtInt(b.tokens),
          fmtInt(b.tokensPerGpuHour),
          fmtInt(Math.round(b.tokens / b.tokensPerGpuHour)),
          ...(cv.byModel!.some((x) => x.usedBlended) ? [b.usedBlended ? "blended fallback" : ""] : []),
        ]),
        colour,
      })
    : "";
  const sens = renderTable({
    head: ["if k is off by", "tokens/GPU-hour", "contracts needed", "change", "this plan would cover"],
    rows: cv.sensitivity.map((s) => [
      fmtSignedPct(s.change, 0),
      fmtInt(s.tokensPerGpuHour),
      fmtInt(s.contracts),
      (s.contractsChange >= 0 ? "+" : "") + fmtInt(s.contractsChange),
      fmtPct(s.achievedRatioIfTrue, 1),
    ]),
    colour,
  });
  return head + models + (models ? "\n" : "") + sens;
}
