/**
 * `report --xlsx`: the report's tables as one workbook (report.xlsx), a sheet per table, every figure a
 * numeric cell with a display format (tokens #,##0, money in the contract's currency, ratios as %), so a
 * spreadsheet sums and charts them without conversion. The values are the ones report.json holds.
 */
import type { ReportModel } from "./report.js";
import { scenarioRowValues } from "./scenarios.js";
import { renderXlsx, writtenAsText, type CellValue, type Sheet, type TypedCell } from "../xlsx/workbook.js";

const MAX_EXACT = "9,007,199,254,740,991";

function currencyOf(m: ReportModel): string {
  // The quote unit names the money ("USD/Mtok"); the contract schema requires the two to agree.
  return m.plan.contract.quoteUnit.slice(0, 3);
}

const text = (value: CellValue): TypedCell => ({ value, kind: "text" });

/** A parameter's value as the cell a reader expects: numbers numeric, anything else as text. */
function parameterCell(v: unknown): TypedCell {
  if (typeof v === "number") return { value: v, kind: "number" };
  if (typeof v === "boolean") return { value: v, kind: "boolean" };
  if (typeof v === "string") return text(v);
  if (v === null || v === undefined) return text(null);
  return text(JSON.stringify(v));
}

function forecastSheet(m: ReportModel): Sheet {
  return {
    name: "Forecast",
    columns: [
      { header: "month", kind: "text" },
      ...(["actual", "mean", "lo80", "hi80", "lo95", "hi95"] as const).map((h) => ({
        header: h,
        kind: "tokens" as const,
      })),
    ],
    rows: m.usage.rows.map((r) => [r.month, r.actual, r.mean, r.lo80, r.hi80, r.lo95, r.hi95]),
  };
}

function curveSheet(m: ReportModel): Sheet {
  return {
    name: "Curve",
    columns: [
      { header: "month", kind: "text" },
      { header: `price (${m.plan.contract.quoteUnit})`, kind: "price" },
    ],
    rows: m.curve.points.map((p) => [p.month, p.price]),
  };
}

function planSheet(m: ReportModel): Sheet {
  return {
    name: "Plan",
    columns: [
      { header: "month", kind: "text" },
      { header: "tenor", kind: "integer" },
      { header: "forecastTokens", kind: "tokens" },
      { header: "forecastBasis", kind: "text" },
      { header: "targetRatio", kind: "ratio" },
      { header: "hedgeRatio", kind: "ratio" },
      { header: "capTokens", kind: "tokens" },
      { header: "contractsUnrounded", kind: "number" },
      { header: "contracts", kind: "integer" },
      { header: "hedgedTokens", kind: "tokens" },
      { header: "achievedRatio", kind: "ratio" },
      { header: "probabilityOverHedge", kind: "ratio" },
      { header: "futuresPrice", kind: "price" },
      { header: "futuresPriceInterpolated", kind: "boolean" },
      { header: "lockedInCost", kind: "money" },
      { header: "initialMargin", kind: "money" },
      { header: "fees", kind: "money" },
      { header: "flags", kind: "text" },
    ],
    rows: m.plan.months.map((p) => [
      p.month,
      p.tenor,
      p.forecastTokens,
      p.forecastBasis,
      p.targetRatio,
      p.hedgeRatio,
      p.capTokens,
      p.contractsUnrounded,
      p.contracts,
      p.hedgedTokens,
      p.achievedRatio,
      p.probabilityOverHedge,
      p.futuresPrice,
      p.futuresPriceInterpolated,
      p.lockedInCost,
      p.initialMargin,
      p.fees,
      p.flags.join(";"),
    ]),
  };
}

function scenariosSheet(m: ReportModel): Sheet {
  return {
    name: "Scenarios",
    columns: [
      { header: "priceShock", kind: "ratio" },
      { header: "volumeCase", kind: "text" },
      { header: "tokens", kind: "tokens" },
      { header: "unhedgedCost", kind: "money" },
      { header: "futuresPnl", kind: "money" },
      { header: "hedgedCost", kind: "money" },
      { header: "effectivePrice", kind: "price" },
      { header: "unhedgedEffectivePrice", kind: "price" },
      { header: "overHedgedTokens", kind: "tokens" },
      { header: "budget", kind: "money" },
      { header: "vsBudget", kind: "money" },
      { header: "peakMarginOutflow", kind: "money" },
      { header: "twist", kind: "text" },
      { header: "twistAmount", kind: "ratio" },
    ],
    // As scenarios.csv: the grid's rows, then the curve twists (no price shock, the twist named).
    rows: [
      ...m.scenarios.map((s) => [...scenarioRowValues(s, s.priceShock), null, null]),
      ...m.twists.map((t) => [...scenarioRowValues(t, null), t.twist, t.twistAmount]),
    ],
  };
}

function simulationSheets(m: ReportModel): Sheet[] {
  const s = m.simulation;
  if (!s) return [];
  const stats = ["mean", "sd", "p5", "p50", "p95", "p99", "costAtRisk95", "cvar95"] as const;
  const summary: Sheet = {
    name: "Simulation",
    columns: [
      { header: "statistic", kind: "text" },
      { header: "unhedged", kind: "money" },
      { header: "hedged", kind: "money" },
    ],
    rows: stats.map((k) => [k, s.unhedged[k], s.hedged[k]]),
  };
  const distribution: Sheet = {
    name: "Cost distribution",
    columns: [
      { header: "from", kind: "money" },
      { header: "to", kind: "money" },
      { header: "unhedged", kind: "ratio" },
      { header: "hedged", kind: "ratio" },
    ],
    // Open first and last bins (they hold the tails): no bound, as in cost-distribution.csv and report.md.
    rows: s.distribution.map((b, i, all) => [
      i === 0 ? null : b.from,
      i === all.length - 1 ? null : b.to,
      b.unhedged,
      b.hedged,
    ]),
  };
  return [summary, distribution];
}

function checksSheet(m: ReportModel, currency: string): Sheet[] {
  if (!m.check) return [];
  return [
    {
      name: "Checks",
      columns: [
        { header: "rule", kind: "text" },
        { header: "subject", kind: "text" },
        { header: "value", kind: "number" },
        { header: "limit", kind: "text" },
        { header: "unit", kind: "text" },
        { header: "result", kind: "text" },
        { header: "note", kind: "text" },
      ],
      rows: m.check.rules.map((r) => [
        r.rule,
        r.subject,
        { value: r.value, kind: r.unit === currency ? "money" : "number" },
        r.limit,
        r.unit,
        r.pass === null ? "not evaluated" : r.pass ? "pass" : "FAIL",
        r.note ?? "",
      ]),
    },
  ];
}

function tradesSheet(m: ReportModel): Sheet[] {
  const book = m.hedgeBook?.book;
  if (!book) return [];
  return [
    {
      name: "Trades",
      columns: [
        { header: "month", kind: "text" },
        { header: "side", kind: "text" },
        { header: "contracts", kind: "integer" },
        { header: "price", kind: "price" },
        { header: "value", kind: "money" },
        { header: "reason", kind: "text" },
      ],
      rows: book.deskTrades.map((t) => [t.month, t.side, t.contracts, t.price, t.value, t.reason]),
    },
  ];
}

function auditSheets(m: ReportModel): Sheet[] {
  return [
    {
      name: "Inputs",
      columns: [
        { header: "role", kind: "text" },
        { header: "path", kind: "text" },
        { header: "sha256", kind: "text" },
        { header: "bytes", kind: "integer" },
      ],
      rows: m.audit.inputs.map((f) => [f.role, f.path, f.sha256, f.bytes]),
    },
    {
      name: "Parameters",
      columns: [
        { header: "key", kind: "text" },
        { header: "value", kind: "text" },
        { header: "source", kind: "text" },
      ],
      rows: m.audit.parameters.map((p) => [p.key, parameterCell(p.value), p.source]),
    },
  ];
}

/** The simulation's settings and probabilities, as rows of the About sheet (the Simulation sheet is money only). */
function simulationSettings(m: ReportModel): (CellValue | TypedCell)[][] {
  const s = m.simulation;
  if (!s) return [];
  return [
    ["simulation paths", { value: s.paths, kind: "integer" }],
    ["simulation seed", { value: s.seed, kind: "integer" }],
    ["price volatility", { value: s.volatility, kind: "ratio" }],
    ["volatility source", s.volatilitySource],
    ["price-volume correlation", { value: s.corr, kind: "number" }],
    ["confidence", { value: s.confidence, kind: "ratio" }],
    ["variance reduction", { value: s.varianceReduction, kind: "ratio" }],
    ["probability over budget (hedged)", { value: s.probabilityOverBudget, kind: "ratio" }],
    ["probability some month is over-hedged (simulated)", { value: s.probabilityOverHedge, kind: "ratio" }],
  ];
}

function aboutSheet(m: ReportModel, currency: string, tables: readonly Sheet[]): Sheet {
  const large = tables.some((t) =>
    t.rows.some((row) => row.some((c) => writtenAsText(typeof c === "object" && c !== null ? c.value : c))),
  );
  return {
    name: "About",
    columns: [
      { header: "item", kind: "text" },
      { header: "value", kind: "text" },
    ],
    rows: [
      ["title", m.title],
      ["entity", m.entity],
      ["as of", m.asOf],
      ["tool version", m.audit.toolVersion],
      ["config file", m.audit.configFile],
      ["seed", { value: m.audit.seed, kind: "integer" }],
      ["contract", m.plan.contract.name],
      ["currency", currency],
      ["contracts", { value: m.summary.contracts, kind: "integer" }],
      ["hedged tokens", { value: m.summary.hedgedTokens, kind: "tokens" }],
      ["forecast tokens", { value: m.summary.forecastTokens, kind: "tokens" }],
      ["achieved ratio", { value: m.summary.achievedRatio, kind: "ratio" }],
      ["locked-in cost", { value: m.summary.lockedInCost, kind: "money" }],
      ["initial margin", { value: m.summary.initialMargin, kind: "money" }],
      ["cost-at-risk", { value: m.summary.costAtRisk, kind: "money" }],
      ["budget", { value: m.summary.budget, kind: "money" }],
      ...simulationSettings(m),
      ["numbers", "every figure is a number cell with a display format; the value is the report.json value, unrounded"],
      ...(large
        ? [
            [
              "large counts",
              `whole numbers above ${MAX_EXACT} (2^53 - 1) are text cells holding the exact digits: a spreadsheet number is a double and would round them`,
            ],
          ]
        : []),
    ],
  };
}

/** The sheets of report.xlsx, in reading order. */
export function reportSheets(m: ReportModel): Sheet[] {
  const currency = currencyOf(m);
  const tables = [
    forecastSheet(m),
    curveSheet(m),
    planSheet(m),
    scenariosSheet(m),
    ...simulationSheets(m),
    ...checksSheet(m, currency),
    ...tradesSheet(m),
    ...auditSheets(m),
  ];
  return [aboutSheet(m, currency, tables), ...tables];
}

/** report.xlsx: dated the report's as-of date, so two runs on the same inputs give the same bytes. */
export function reportWorkbook(m: ReportModel): Uint8Array {
  return renderXlsx(reportSheets(m), { title: m.title, date: m.asOf, currency: currencyOf(m) });
}
