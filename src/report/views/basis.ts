/** `basis`: the effective price of a hedge with basis risk, and a stack-and-roll hedge's legs. */
import type { BasisHedgeResult } from "../../book/basis.js";
import type { StackAndRollResult } from "../../book/stack-roll.js";
import type { HedgeSide } from "../../book/rebalance.js";
import { fmtInt } from "../render/format.js";
import { renderTable } from "../render/table.js";

const num = (n: number): string => String(n);
const money = (n: number): string => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function basisDocument(r: BasisHedgeResult): Record<string, unknown> {
  return { command: "basis", ...r };
}

export function basisHuman(r: BasisHedgeResult): string {
  const verb = r.side === "short" ? "received" : "paid";
  return [
    `${r.side} hedge: gain on the futures ${num(r.futuresGain)} per unit (${r.side === "short" ? "F1 − F2" : "F2 − F1"}); final basis b2 = S2 − F2 = ${num(r.finalBasis)}`,
    `effective price ${verb}: S2 + F1 − F2 = F1 + b2 = ${num(r.effectivePrice)}`,
    ...(r.total !== null ? [`total ${verb}: ${money(r.total)}`] : []),
    "",
  ].join("\n");
}

export function stackAndRollDocument(
  file: string,
  side: HedgeSide,
  quantity: number,
  r: StackAndRollResult,
): Record<string, unknown> {
  return { command: "basis", legsFile: file, side, quantity, ...r };
}

export function stackAndRollHuman(side: HedgeSide, quantity: number, r: StackAndRollResult): string {
  const table = renderTable({
    head: ["contract", "opened", "closed", "open price", "close price", "gain per unit", "gain"],
    rows: r.legs.map((l) => [
      l.contract,
      l.openDate,
      l.closeDate,
      num(l.openPrice),
      num(l.closePrice),
      num(l.gainPerUnit),
      money(l.gain),
    ]),
    footer: [["total", "", "", "", "", num(r.gainPerUnit), money(r.totalGain)]],
  });
  return (
    `stack and roll, ${side} hedge of ${fmtInt(quantity)} units\n${table}` +
    `spot moved ${num(r.spotChange)} per unit; effective price ${side === "short" ? "received" : "paid"}: S2 ${side === "short" ? "+" : "−"} Σ gains = ${num(r.effectivePrice)}\n`
  );
}
