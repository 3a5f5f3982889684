/**
 * Month on month: what changed between two saved plan (`plan --json`) or report (`report`'s JSON) documents, delivery
 * month by delivery month — forecast, target, held, the proposed trade, locked-in cost and the over-hedge risk — and
 * in the totals (contracts, locked-in cost, cost at risk, the book's P&L).
 *
 * The documents are read defensively: anything that is not a plan or report document is an error naming the file,
 * the key path, the value found and what was expected. A month present in one document only is `added` or `removed`.
 */
import { HedgeError } from "../errors.js";
import { Dec } from "../money/decimal.js";

export interface NumberChange {
  old: number | null;
  new: number | null;
  /** new − old (exact for cents and counts); null when either side is missing. */
  change: number | null;
}

export interface MonthDiff {
  month: string;
  status: "added" | "removed" | "changed" | "unchanged";
  forecastTokens: NumberChange;
  targetContracts: NumberChange;
  heldContracts: NumberChange;
  /** The proposed trade, as "buy 10" / "sell 5" / "none"; null when the document has none. */
  trade: { old: string | null; new: string | null };
  lockedInCost: NumberChange;
  probabilityOverHedge: NumberChange;
}

export interface DocumentInfo {
  file: string;
  command: string;
  asOf: string | null;
}

export interface PlanDiff {
  old: DocumentInfo;
  new: DocumentInfo;
  months: MonthDiff[];
  totals: {
    forecastTokens: NumberChange;
    contracts: NumberChange;
    lockedInCost: NumberChange;
    costAtRisk: NumberChange;
    realisedPnl: NumberChange;
    unrealisedPnl: NumberChange;
  };
  warnings: string[];
}

interface MonthRow {
  forecastTokens: number | null;
  targetContracts: number | null;
  heldContracts: number | null;
  trade: string | null;
  lockedInCost: number | null;
  probabilityOverHedge: number | null;
}

interface ReadDocument {
  info: DocumentInfo;
  months: Map<string, MonthRow>;
  totals: {
    forecastTokens: number | null;
    contracts: number | null;
    lockedInCost: number | null;
    /** The report's Monte Carlo Cost-at-Risk (`simulation.costAtRisk`); a plan document has none. */
    costAtRisk: number | null;
    /** The delta-normal hedged Cost-at-Risk of the company answer (`company.risk.hedged.costAtRisk`): plans and reports. */
    deltaNormalCostAtRisk: number | null;
    realisedPnl: number | null;
    unrealisedPnl: number | null;
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

function readDocument(doc: unknown, file: string): ReadDocument {
  const bad = (path: string, value: unknown, expected: string): never => {
    throw new HedgeError("INPUT_INVALID", `not a saved plan or report: ${path}`, {
      file,
      path,
      value: value === undefined ? "(missing)" : JSON.stringify(value).slice(0, 80),
      expected,
      hint: "save one with tokenhedge plan --json > plan.json, or give report's report.json",
    });
  };
  if (!isObject(doc)) bad("(root)", doc, "a JSON object written by tokenhedge plan --json or report");
  const root = doc as Json;
  // A report nests the plan under `plan`; a plan document has its months at the top.
  const plan = Array.isArray(root.months) ? root : isObject(root.plan) ? root.plan : undefined;
  const prefix = plan !== undefined && plan !== root ? "plan." : "";
  if (!plan || !Array.isArray(plan.months)) bad(`${prefix}months`, plan?.months, "a list of delivery months");
  const num = (v: unknown, path: string): number | null => {
    if (v === undefined || v === null) return null;
    if (typeof v !== "number" || !Number.isFinite(v)) bad(path, v, "a number");
    return v as number;
  };
  const months = new Map<string, MonthRow>();
  (plan!.months as unknown[]).forEach((m, i) => {
    const at = `${prefix}months[${i}]`;
    if (!isObject(m)) bad(at, m, "a delivery month object");
    const row = m as Json;
    if (typeof row.month !== "string" || !/^\d{4}-(0[1-9]|1[0-2])$/.test(row.month))
      bad(`${at}.month`, row.month, "a delivery month YYYY-MM");
    const month = row.month as string;
    if (months.has(month)) bad(`${at}.month`, month, "each delivery month once");
    let trade: string | null = null;
    if (row.trade !== undefined && row.trade !== null) {
      const t = row.trade as Json;
      if (!isObject(t) || !["buy", "sell", "none"].includes(t.side as string) || typeof t.contracts !== "number")
        bad(`${at}.trade`, row.trade, '{ "side": "buy" | "sell" | "none", "contracts": N }');
      trade = t.side === "none" ? "none" : `${t.side as string} ${t.contracts as number}`;
    }
    months.set(month, {
      forecastTokens: num(row.forecastTokens, `${at}.forecastTokens`),
      targetContracts: num(row.targetContracts ?? row.contracts, `${at}.targetContracts`),
      heldContracts: num(row.heldContracts, `${at}.heldContracts`),
      trade,
      lockedInCost: num(row.lockedInCost, `${at}.lockedInCost`),
      probabilityOverHedge: num(row.probabilityOverHedge, `${at}.probabilityOverHedge`),
    });
  });
  const totals = isObject(plan!.totals) ? (plan!.totals as Json) : {};
  const simulation = isObject(root.simulation) ? (root.simulation as Json) : {};
  const company = isObject(root.company) ? (root.company as Json) : {};
  const risk = isObject(company.risk) ? (company.risk as Json) : {};
  const hedgedRisk = isObject(risk.hedged) ? (risk.hedged as Json) : {};
  const book = isObject(root.book) ? (root.book as Json) : isObject(plan!.book) ? (plan!.book as Json) : {};
  const bookTotals = isObject(book.totals) ? (book.totals as Json) : {};
  return {
    info: {
      file,
      command: typeof root.command === "string" ? root.command : root.plan ? "report" : "plan",
      asOf: typeof root.asOf === "string" ? root.asOf : null,
    },
    months,
    totals: {
      forecastTokens: num(totals.forecastTokens, `${prefix}totals.forecastTokens`),
      contracts: num(totals.contracts, `${prefix}totals.contracts`),
      lockedInCost: num(totals.lockedInCost, `${prefix}totals.lockedInCost`),
      costAtRisk: num(simulation.costAtRisk, "simulation.costAtRisk"),
      deltaNormalCostAtRisk: num(hedgedRisk.costAtRisk, "company.risk.hedged.costAtRisk"),
      realisedPnl: num(bookTotals.realisedPnl, "book.totals.realisedPnl"),
      unrealisedPnl: num(bookTotals.unrealisedPnl, "book.totals.unrealisedPnl"),
    },
  };
}

/**
 * Cost-at-Risk of like with like: two reports' Monte Carlo figures; otherwise (a plan document has no Monte Carlo)
 * the delta-normal hedged figure both carry; else the Monte Carlo figure where there is one, with no change.
 */
function costAtRiskChange(a: ReadDocument["totals"], b: ReadDocument["totals"]): NumberChange {
  if (a.costAtRisk !== null && b.costAtRisk !== null) return change(a.costAtRisk, b.costAtRisk);
  if (a.deltaNormalCostAtRisk !== null && b.deltaNormalCostAtRisk !== null)
    return change(a.deltaNormalCostAtRisk, b.deltaNormalCostAtRisk);
  return change(a.costAtRisk, b.costAtRisk);
}

function change(a: number | null, b: number | null): NumberChange {
  return { old: a, new: b, change: a === null || b === null ? null : new Dec(b).minus(a).toNumber() };
}

export function diffPlans(oldDoc: unknown, oldFile: string, newDoc: unknown, newFile: string): PlanDiff {
  const a = readDocument(oldDoc, oldFile);
  const b = readDocument(newDoc, newFile);
  const months = [...new Set([...a.months.keys(), ...b.months.keys()])].sort();
  const empty: MonthRow = {
    forecastTokens: null,
    targetContracts: null,
    heldContracts: null,
    trade: null,
    lockedInCost: null,
    probabilityOverHedge: null,
  };
  const rows = months.map((month): MonthDiff => {
    const o = a.months.get(month);
    const n = b.months.get(month);
    const x = o ?? empty;
    const y = n ?? empty;
    const d: Omit<MonthDiff, "status"> = {
      month,
      forecastTokens: change(x.forecastTokens, y.forecastTokens),
      targetContracts: change(x.targetContracts, y.targetContracts),
      heldContracts: change(x.heldContracts, y.heldContracts),
      trade: { old: x.trade, new: y.trade },
      lockedInCost: change(x.lockedInCost, y.lockedInCost),
      probabilityOverHedge: change(x.probabilityOverHedge, y.probabilityOverHedge),
    };
    const same =
      (["forecastTokens", "targetContracts", "heldContracts", "lockedInCost", "probabilityOverHedge"] as const).every(
        (k) => d[k].old === d[k].new,
      ) && x.trade === y.trade;
    return { ...d, status: !o ? "added" : !n ? "removed" : same ? "unchanged" : "changed" };
  });
  const warnings: string[] = [];
  if (a.info.asOf && b.info.asOf && a.info.asOf > b.info.asOf)
    warnings.push(
      `the "old" document (${a.info.asOf}) is newer than the "new" one (${b.info.asOf}): are the arguments swapped?`,
    );
  return {
    old: a.info,
    new: b.info,
    months: rows,
    totals: {
      forecastTokens: change(a.totals.forecastTokens, b.totals.forecastTokens),
      contracts: change(a.totals.contracts, b.totals.contracts),
      lockedInCost: change(a.totals.lockedInCost, b.totals.lockedInCost),
      costAtRisk: costAtRiskChange(a.totals, b.totals),
      realisedPnl: change(a.totals.realisedPnl, b.totals.realisedPnl),
      unrealisedPnl: change(a.totals.unrealisedPnl, b.totals.unrealisedPnl),
    },
    warnings,
  };
}
