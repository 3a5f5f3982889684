/** `curve`: shape, front-to-back change and month-by-month changes. */
import type { CurveAnalysis } from "../../curve/shape.js";
import { renderCsv } from "../render/csv.js";
import { fmtPct, fmtPrice } from "../render/format.js";
import { renderTable } from "../render/table.js";

const round = (n: number, d: number): number => Number(n.toFixed(d));

export function curveDocument(file: string, a: CurveAnalysis): Record<string, unknown> {
  return {
    command: "curve",
    file,
    shape: a.shape,
    reading: a.reading,
    front: a.front,
    back: a.back,
    frontToBackChange: round(a.frontToBackChange, 10),
    frontToBackPct: round(a.frontToBackPct, 6),
    spanMonths: a.spanMonths,
    months: a.steps.map((s) => ({
      month: s.month,
      price: s.price,
      change: s.change === null ? null : round(s.change, 10),
      changePct: s.changePct === null ? null : round(s.changePct, 6),
    })),
  };
}

export function curveCsv(a: CurveAnalysis): string {
  return renderCsv(
    ["month", "price", "change", "changePct"],
    a.steps.map((s) => [s.month, s.price, s.change === null ? null : round(s.change, 10), s.changePct === null ? null : round(s.changePct, 6)]),
  );
}

export function curveHuman(file: string, a: CurveAnalysis, colour: boolean): string {
  const table = renderTable({
    head: ["month", "price", "change", "change %"],
    rows: a.steps.map((s) => [s.month, fmtPrice(s.price), s.change === null ? "" : (s.change >= 0 ? "+" : "") + s.change.toFixed(4), s.changePct === null ? "" : fmtPct(s.changePct, 2)]),
    colour,
  });
  const sign = a.frontToBackChange >= 0 ? "+" : "";
  return (
    table +
    `\n${file}: ${a.shape} — ${a.reading}\n` +
    `front ${a.front.month} ${fmtPrice(a.front.price)} → back ${a.back.month} ${fmtPrice(a.back.price)}: ` +
    `${sign}${a.frontToBackChange.toFixed(4)} (${sign}${fmtPct(a.frontToBackPct, 2)}) over ${a.spanMonths} months\n`
  );
}
