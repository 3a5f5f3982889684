/**
 * `effectiveness`: the hedge-accounting tests on a history of value changes (docs/METHODOLOGY.md) — dollar
 * offset (cumulative and per period), regression, and the cash-flow hedge reserve — as the JSON
 * document, the per-period CSV and the human table.
 */
import {
  DOLLAR_OFFSET_LOWER,
  DOLLAR_OFFSET_UPPER,
  REGRESSION_MIN_R_SQUARED,
  REGRESSION_SIGNIFICANCE,
  REGRESSION_SLOPE_LOWER,
  REGRESSION_SLOPE_UPPER,
  type EffectivenessResult,
} from "../../effectiveness/index.js";
import { renderCsv } from "../render/csv.js";
import { fmtMoney } from "../render/format.js";
import { renderTable } from "../render/table.js";

/** How the value changes were obtained, for the document and the reader. */
export interface EffectivenessInputInfo {
  file: string;
  /** "value-changes" (`period,hedge,item`) or "prices" (`period,spot,futures`). */
  kind: "value-changes" | "prices";
  /** For prices: the columns held changes (`--changes`) or levels. */
  priceColumns?: "changes" | "levels";
  contracts?: number;
  contractSize?: number;
  exposure?: number;
  quoteUnitSize?: number;
}

/** Round for output: enough digits for any money amount, none of float64's noise. */
const r = (n: number | null, digits = 10): number | null => (n === null ? null : Number(n.toFixed(digits)));

export function regressionStatement(direction: "hedge-on-item" | "item-on-hedge"): string {
  return direction === "hedge-on-item"
    ? "ΔHedge (y) regressed on ΔHedged item (x)"
    : "ΔHedged item (y) regressed on ΔHedge (x)";
}

/** The dollar-offset band as every output writes it: "80%–125%" (inclusive). */
export const DOLLAR_OFFSET_BAND_TEXT = `${DOLLAR_OFFSET_LOWER * 100}%–${DOLLAR_OFFSET_UPPER * 100}%`;

/** What the regression test requires (effectiveness/), as the JSON's `criteria` names it. */
export const REGRESSION_CRITERIA = {
  minRSquared: REGRESSION_MIN_R_SQUARED,
  slopeLower: REGRESSION_SLOPE_LOWER,
  slopeUpper: REGRESSION_SLOPE_UPPER,
  maxPValue: REGRESSION_SIGNIFICANCE,
} as const;

export function effectivenessDocument(input: EffectivenessInputInfo, e: EffectivenessResult): Record<string, unknown> {
  const d = e.dollarOffset;
  const g = e.regression;
  return {
    command: "effectiveness",
    input,
    dollarOffset: {
      cumulative: r(d.cumulative),
      pass: d.pass,
      band: { lower: DOLLAR_OFFSET_LOWER, upper: DOLLAR_OFFSET_UPPER, inclusive: true },
      cumulativeHedge: r(d.cumulativeHedge),
      cumulativeItem: r(d.cumulativeItem),
      byPeriod: d.byPeriod.map((p) => ({
        period: p.period,
        hedge: r(p.hedge),
        item: r(p.item),
        ratio: r(p.ratio),
        pass: p.pass,
        cumulativeHedge: r(p.cumulativeHedge),
        cumulativeItem: r(p.cumulativeItem),
        cumulativeRatio: r(p.cumulativeRatio),
        cumulativePass: p.cumulativePass,
      })),
    },
    regression:
      g === null
        ? null
        : {
            direction: g.direction,
            statement: regressionStatement(g.direction),
            dependent: g.dependent,
            slope: r(g.slope),
            intercept: r(g.intercept),
            rSquared: r(g.rSquared),
            fStatistic: r(g.fStatistic),
            pValue: r(g.pValue, 12),
            observations: g.observations,
            pass: g.pass,
            criteria: { ...REGRESSION_CRITERIA, minRSquared: g.minRSquared },
          },
    reserve: r(e.reserve),
    ineffectiveness: r(e.ineffectiveness),
    pass: d.pass && (g?.pass ?? false),
    warnings: e.warnings,
  };
}

export function effectivenessCsv(e: EffectivenessResult): string {
  return renderCsv(
    [
      "period",
      "hedge",
      "item",
      "ratio",
      "pass",
      "cumulativeHedge",
      "cumulativeItem",
      "cumulativeRatio",
      "cumulativePass",
    ],
    e.dollarOffset.byPeriod.map((p) => [
      p.period,
      r(p.hedge),
      r(p.item),
      r(p.ratio),
      p.pass,
      r(p.cumulativeHedge),
      r(p.cumulativeItem),
      r(p.cumulativeRatio),
      p.cumulativePass,
    ]),
  );
}

const ratioText = (x: number | null): string => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);
const passText = (ok: boolean): string => (ok ? "pass" : "FAIL");

export function effectivenessHuman(input: EffectivenessInputInfo, e: EffectivenessResult, colour: boolean): string {
  const d = e.dollarOffset;
  const table = renderTable({
    head: ["period", "Δ hedge", "Δ hedged item", "offset", "", "cumulative offset", ""],
    rows: d.byPeriod.map((p) => [
      p.period,
      fmtMoney(p.hedge),
      fmtMoney(p.item),
      ratioText(p.ratio),
      passText(p.pass),
      ratioText(p.cumulativeRatio),
      passText(p.cumulativePass),
    ]),
    footer: [
      [
        "total",
        fmtMoney(d.cumulativeHedge),
        fmtMoney(d.cumulativeItem),
        "",
        "",
        ratioText(d.cumulative),
        passText(d.pass),
      ],
    ],
    colour,
  });
  const g = e.regression;
  const lines = [
    `input: ${input.file} (${input.kind === "prices" ? `price ${input.priceColumns}: hedge = N·QF·ΔF, item = −QA·ΔS with N ${input.contracts}, QF ${input.contractSize}, QA ${input.exposure}${input.quoteUnitSize && input.quoteUnitSize !== 1 ? `, per ${input.quoteUnitSize} units` : ""}` : "value changes"})`,
    `dollar offset (−ΣΔhedge/ΣΔitem, pass within ${DOLLAR_OFFSET_BAND_TEXT} inclusive): ${ratioText(d.cumulative)} ${passText(d.pass)}`,
    g === null
      ? "regression: not run (see the warnings)"
      : `regression, ${regressionStatement(g.direction)}: slope ${g.slope.toFixed(4)}, intercept ${g.intercept.toFixed(4)}, R² ${g.rSquared.toFixed(4)}, ` +
        `F ${g.fStatistic === null ? "∞" : g.fStatistic.toFixed(2)} (1, ${g.observations - 2} df), p ${g.pValue < 0.0001 ? g.pValue.toExponential(2) : g.pValue.toFixed(4)} → ${passText(g.pass)} ` +
        `(needs R² ≥ ${g.minRSquared}, slope ${REGRESSION_CRITERIA.slopeLower} … ${REGRESSION_CRITERIA.slopeUpper}, p < ${REGRESSION_CRITERIA.maxPValue})`,
    `cash-flow hedge reserve (lower of |Σ hedge| and |Σ item|): ${fmtMoney(e.reserve)}; ineffectiveness to profit or loss: ${fmtMoney(e.ineffectiveness)}`,
  ];
  return table + "\n" + lines.join("\n") + "\n";
}
