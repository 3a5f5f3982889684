/** `curve`: shape, the reading against a deflation trend, roll yield, interpolated months and a chart. */
import type { CurveAnalysis } from "../../curve/shape.js";
import type { CurveReport } from "../../curve/curve-report.js";
import { addMonths, monthsBetween } from "../../time/period.js";
import { renderCsv } from "../render/csv.js";
import { fmtPrice, fmtSignedPct } from "../render/format.js";
import { renderLineChart } from "../render/line-chart.js";
import { renderTable } from "../render/table.js";
import { curveSentence, type CurveAnswerInput } from "../answer-sentences.js";

const round = (n: number, d: number): number => Number(n.toFixed(d));
const roundOrNull = (n: number | null, d: number): number | null => (n === null ? null : round(n, d));

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

/** The full `curve --json` document: the basic fields above plus kind, trend reading and roll yield. */
export function curveReportDocument(file: string, r: CurveReport): Record<string, unknown> {
  const base = curveDocument(file, r.analysis);
  const rel = r.relative;
  return {
    ...base,
    kind: r.kind,
    kindSource: r.kindSource,
    quoteUnit: r.quoteUnit,
    tickSize: r.tickSize,
    annualisedChange: roundOrNull(r.annualisedChange, 6),
    rollYieldAnnualised: roundOrNull(r.rollYield.frontToBack, 6),
    interpolated: r.interpolated,
    relativeToTrend: rel
      ? {
          deflation: rel.trend.label,
          factorPerYear: rel.trend.factorPerYear,
          trendAnnualChange: round(rel.trendAnnualChange, 6),
          curveAnnualChange: round(rel.curveAnnualChange, 6),
          relativeAnnualChange: round(rel.relativeAnnualChange, 6),
          shape: rel.shape,
          reading: rel.reading,
        }
      : null,
    months: r.analysis.steps.map((s, i) => ({
      month: s.month,
      price: s.price,
      interpolated: r.interpolated.includes(s.month),
      change: roundOrNull(s.change, 10),
      changePct: roundOrNull(s.changePct, 6),
      rollYieldAnnualised: roundOrNull(r.rollYield.steps[i] ?? null, 6),
      ...(rel
        ? {
            trendPrice: round(rel.months[i]!.trendPrice, 6),
            relativeToTrend: round(rel.months[i]!.relativeToTrend, 6),
            stepVersusTrend: roundOrNull(rel.months[i]!.stepVersusTrend, 6),
          }
        : {}),
    })),
  };
}

export function curveReportCsv(r: CurveReport): string {
  const rel = r.relative;
  const head = [
    "month",
    "price",
    "interpolated",
    "change",
    "changePct",
    "rollYieldAnnualised",
    ...(rel ? ["trendPrice", "relativeToTrend"] : []),
  ];
  return renderCsv(
    head,
    r.analysis.steps.map((s, i) => [
      s.month,
      s.price,
      r.interpolated.includes(s.month) ? "yes" : "no",
      roundOrNull(s.change, 10),
      roundOrNull(s.changePct, 6),
      roundOrNull(r.rollYield.steps[i] ?? null, 6),
      ...(rel ? [round(rel.months[i]!.trendPrice, 6), round(rel.months[i]!.relativeToTrend, 6)] : []),
    ]),
  );
}

export interface CurveHumanOptions {
  colour: boolean;
  chart: boolean;
  /** Most characters a chart line takes, its y labels included. */
  width?: number;
  /** A braille chart; else plain ASCII. */
  unicode?: boolean;
}

/** What the curve answer sentence says. */
export function curveAnswer(r: CurveReport): CurveAnswerInput {
  const a = r.analysis;
  return {
    shape: a.shape,
    quoteUnit: r.quoteUnit,
    digits: (r.tickSize < 0.01 ? 3 : 2) + 1,
    front: a.front,
    back: a.back,
    frontToBackPct: a.frontToBackPct,
    spanMonths: a.spanMonths,
    annualisedChange: r.annualisedChange,
    prices: a.steps.map((s) => s.price),
  };
}

export function curveReportHuman(file: string, r: CurveReport, opts: CurveHumanOptions): string {
  const a = r.analysis;
  const rel = r.relative;
  const digits = r.tickSize < 0.01 ? 3 : 2;
  const table = renderTable({
    head: ["month", "price", "change", "change %", "roll yield/yr", ...(rel ? ["trend price", "vs trend"] : [])],
    rows: a.steps.map((s, i) => [
      s.month + (r.interpolated.includes(s.month) ? " (interp.)" : ""),
      fmtPrice(s.price, digits + 1),
      s.change === null ? "" : (s.change >= 0 ? "+" : "") + s.change.toFixed(digits + 1),
      s.changePct === null ? "" : fmtSignedPct(s.changePct, 2),
      r.rollYield.steps[i] == null ? "" : fmtSignedPct(r.rollYield.steps[i]!, 1),
      ...(rel ? [fmtPrice(rel.months[i]!.trendPrice, 4), `×${rel.months[i]!.relativeToTrend.toFixed(2)}`] : []),
    ]),
    colour: opts.colour,
  });
  const sign = a.frontToBackChange >= 0 ? "+" : "";
  const lines = [
    `${file}: ${r.kind === "token" ? "token" : "GPU-hour"} curve in ${r.quoteUnit}, tick ${r.tickSize} (${r.kindSource})`,
    `shape: ${a.shape} — ${a.reading}`,
    `front ${a.front.month} ${fmtPrice(a.front.price, digits + 1)} → back ${a.back.month} ${fmtPrice(a.back.price, digits + 1)}: ` +
      `${sign}${a.frontToBackChange.toFixed(digits + 1)} (${fmtSignedPct(a.frontToBackPct, 2)}) over ${a.spanMonths} months` +
      (r.annualisedChange !== null ? `, ${fmtSignedPct(r.annualisedChange, 1)} a year` : ""),
  ];
  if (r.rollYield.frontToBack !== null) {
    lines.push(
      `roll yield (front vs back, annualised): ${fmtSignedPct(r.rollYield.frontToBack, 1)} — ` +
        (r.rollYield.frontToBack > 0
          ? "a long hedge rolls up the curve"
          : r.rollYield.frontToBack < 0
            ? "a long hedge pays to roll"
            : "no roll yield"),
    );
  }
  if (rel) {
    lines.push(
      `against a ${rel.trend.label} a year deflation trend (${fmtSignedPct(rel.trendAnnualChange, 0)} a year): ${rel.shape} — ${rel.reading}`,
      `the curve changes ${fmtSignedPct(rel.curveAnnualChange, 1)} a year against the trend's ${fmtSignedPct(rel.trendAnnualChange, 1)}; ` +
        `its back month is ×${rel.months[rel.months.length - 1]!.relativeToTrend.toFixed(2)} the trend price`,
    );
  } else if (r.kind === "gpu-hour") {
    lines.push("no deflation trend applied (GPU-hour curve; pass --deflation to read it against one)");
  }
  if (r.interpolated.length > 0) {
    lines.push(`interpolated (no quote in the file, filled linearly): ${r.interpolated.join(", ")}`);
  }
  // The answer under the table, as `plan` prints its summary line.
  let out = table + "\n" + curveSentence(curveAnswer(r)) + "\n\n" + lines.join("\n") + "\n";
  if (opts.chart && a.steps.length > 1)
    out += "\n" + curveChart(r, opts.colour, opts.width ?? 60, opts.unicode ?? false);
  return out;
}

/** The curve (and the trend, when there is one) against months from the front month. */
export function curveChart(r: CurveReport, colour: boolean, width = 60, unicode = false): string {
  const front = r.analysis.front.month;
  const span = monthsBetween(front, r.analysis.back.month);
  const x = r.analysis.steps.map((s) => monthsBetween(front, s.month));
  const series = [{ name: `futures ${r.quoteUnit}`, values: r.analysis.steps.map((s) => s.price) }];
  if (r.relative)
    series.push({
      name: `${r.relative.trend.label}/yr deflation trend`,
      values: r.relative.months.map((m) => m.trendPrice),
    });
  return renderLineChart(series, {
    // A short curve stays narrow: about six characters a month, plus the y labels.
    width: Math.max(20, Math.min(width, span * 6 + 10)),
    height: 12,
    x,
    yUnit: "number",
    unicode,
    formatX: (m) => addMonths(front, Math.round(m)),
    colour,
    title: `futures curve ${front} … ${r.analysis.back.month}`,
    markers: r.interpolated.map((month) => ({ x: monthsBetween(front, month), label: `interpolated ${month}` })),
  });
}
