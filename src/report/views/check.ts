/** `check`: every rule with its value, its limit and pass / FAIL, then the verdict. */
import type { CheckSummary, RuleResult } from "../../config/rules.js";
import { renderCsv } from "../render/csv.js";
import { fmtMoney, fmtPct } from "../render/format.js";
import { renderTable } from "../render/table.js";

export interface CheckMeta {
  configFile: string | null;
  asOf: string;
  seed: number;
  paths: number;
  /** What the money rules are measured on: the company's price (its source and basis) and the expected costs. */
  company?: CheckCompany;
}

export interface CheckCompany {
  priceSource: string;
  priceSourceDetail: string;
  basis: string;
  /** Forecast mean × the company's price over the plan's months, and the same tokens at the futures price. */
  companyCost: number;
  indexCost: number;
}

export function formatRuleValue(r: RuleResult): string {
  if (r.value === null) return "–";
  switch (r.unit) {
    case "USD":
      return fmtMoney(r.value);
    case "ratio":
    case "probability":
      return fmtPct(r.value, 1);
    case "days":
      return String(r.value);
    case "number":
      return r.value.toFixed(4);
  }
}

export function verdict(r: RuleResult): string {
  return r.pass === null ? "not evaluated" : r.pass ? "pass" : "FAIL";
}

const round = (n: number | null): number | null => (n === null ? null : Number(n.toFixed(10)));

export function checkDocument(s: CheckSummary, meta: CheckMeta): Record<string, unknown> {
  return {
    command: "check",
    configFile: meta.configFile,
    asOf: meta.asOf,
    seed: meta.seed,
    simulationPaths: meta.paths,
    pass: s.pass,
    breaches: s.breaches,
    notEvaluated: s.notEvaluated,
    ...(meta.company ? { company: meta.company } : {}),
    rules: s.rules.map((r) => ({ ...r, value: round(r.value) })),
  };
}

export function checkCsv(s: CheckSummary): string {
  return renderCsv(
    ["rule", "subject", "value", "limit", "unit", "result", "note"],
    s.rules.map((r) => [r.rule, r.subject, round(r.value), r.limit, r.unit, verdict(r), r.note ?? ""]),
  );
}

export function checkHuman(s: CheckSummary, meta: CheckMeta, colour: boolean): string {
  if (s.rules.length === 0) {
    return `no thresholds in ${meta.configFile ?? "the config"}: nothing to check (add a thresholds: section)\n`;
  }
  const table = renderTable({
    head: ["rule", "subject", "value", "limit", "result"],
    rows: s.rules.map((r) => [r.rule, r.subject, formatRuleValue(r), r.limit, verdict(r)]),
    align: ["left", "left", "right", "left", "left"],
    colour,
  });
  const notes = s.rules
    .filter((r) => r.note && (r.pass !== true || r.rule === "maxCostAtRisk"))
    .map((r) => `  ${r.rule}${r.subject ? ` (${r.subject})` : ""}: ${r.note}`);
  // Band passes by whole-contract rounding, said once (the JSON has each month's note).
  const rounded = s.rules.filter((r) => r.withinRounding === true).length;
  if (rounded > 0)
    notes.push(
      `  hedgeRatioBand: ${rounded} month(s) pass as whole contracts: their ratio misses the policy's band only by the policy's own rounding to whole lots`,
    );
  const c = meta.company;
  const head =
    `check ${meta.configFile ?? "(no config file)"} as of ${meta.asOf}, seed ${meta.seed}\n` +
    (c
      ? `costs at the company's price (${c.priceSourceDetail}; basis ${c.basis}): expected ${fmtMoney(c.companyCost)}, index cost ${fmtMoney(c.indexCost)}\n`
      : "");
  const tail = s.pass
    ? `all ${s.rules.length - s.notEvaluated} evaluated rules pass${s.notEvaluated ? ` (${s.notEvaluated} not evaluated)` : ""}\n`
    : `${s.breaches} of ${s.rules.length} rules breached: exit 1\n`;
  return head + table + (notes.length ? `notes:\n${notes.join("\n")}\n` : "") + tail;
}
