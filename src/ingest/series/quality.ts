/**
 * Data-quality findings on an ingested series: the things a treasury analyst would want flagged
 * before a forecast is built on the data. None of them stops the run; rows that are wrong one by
 * one (bad numbers, negative tokens, future dates) are row errors instead (strict by default).
 */
import { medianOfSorted } from "../../stats/quantile.js";
import { addDays, dayToEpochDays } from "../../time/period.js";
import type { DayBucketer } from "../values/day-bucket.js";
import type { Finding, RowErrorSummary, UsageSeries } from "../types.js";

export interface QualityInputs {
  series: Pick<UsageSeries, "days" | "missingDays" | "lastDay" | "costByCurrency" | "currency">;
  bucketer: DayBucketer;
  duplicates: { count: number; firstLines: number[]; checkedRows: number; capped: boolean };
  dedupe: boolean;
  rowErrors: RowErrorSummary[];
  unitCheck: { pricingUnits: number; rawTokens: number; undecided: number };
  asOf?: string;
  staleDays: number;
  /** Outlier rule: a day above `outlierFactor` × the median of the previous `outlierWindow` days. */
  outlierFactor?: number;
  outlierWindow?: number;
}

/** 1234567 → "1,234,567" without Intl (whose first use costs tens of milliseconds). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function median(xs: number[]): number {
  return medianOfSorted([...xs].sort((a, b) => a - b));
}

/**
 * Days whose total exceeds `factor` × the median of the previous `window` days (at least 7 of
 * them). A rolling median rather than a mean, so that one spike does not hide the next (the
 * robust baseline of Hampel's outlier filter: Hampel, "The influence curve and its role in robust
 * estimation", JASA 1974).
 */
export function outlierDays(
  days: { day: string; tokens: bigint }[],
  factor = 5,
  window = 28,
): { day: string; ratio: number }[] {
  const out: { day: string; ratio: number }[] = [];
  const values = days.map((d) => Number(d.tokens));
  for (let i = 7; i < values.length; i++) {
    const base = median(values.slice(Math.max(0, i - window), i));
    if (base > 0 && values[i]! > factor * base) out.push({ day: days[i]!.day, ratio: values[i]! / base });
  }
  return out;
}

export function qualityFindings(q: QualityInputs): Finding[] {
  const findings: Finding[] = [];
  const { series } = q;

  if (series.missingDays.length > 0) {
    const n = series.missingDays.length;
    findings.push({
      id: "missing-days",
      severity: "warning",
      count: n,
      days: series.missingDays.slice(0, 10),
      message: `${n} day${n === 1 ? "" : "s"} without any row between the first and the last day (${series.missingDays.slice(0, 3).join(", ")}${n > 3 ? ", …" : ""}); they count as zero usage`,
    });
  }

  if (q.duplicates.count > 0 || q.duplicates.capped) {
    const capped = q.duplicates.capped
      ? ` (checked the first ${thousands(q.duplicates.checkedRows)} rows only: the check's memory cap was reached${q.dedupe ? "" : "; --dedupe checks up to about 11 million rows"})`
      : "";
    if (q.duplicates.count > 0) {
      findings.push({
        id: "duplicates",
        severity: "warning",
        count: q.duplicates.count,
        lines: q.duplicates.firstLines,
        message: q.dedupe
          ? `${q.duplicates.count} duplicate row${q.duplicates.count === 1 ? "" : "s"} removed (--dedupe), first on line ${q.duplicates.firstLines.join(", ")}${capped}`
          : `${q.duplicates.count} row${q.duplicates.count === 1 ? " repeats" : "s repeat"} an earlier row's key, first on line ${q.duplicates.firstLines.join(", ")}; they are counted twice unless you pass --dedupe${capped}`,
      });
    } else {
      findings.push({ id: "duplicates", severity: "info", count: 0, message: `no duplicate rows${capped}` });
    }
  }

  const future = q.rowErrors.find((e) => e.code === "INPUT_FUTURE_DATE");
  if (future) {
    findings.push({
      id: "future-dates",
      severity: "warning",
      count: future.count,
      lines: future.firstLines,
      message: `${future.count} row${future.count === 1 ? "" : "s"} dated after --as-of ${q.asOf} skipped, first on line ${future.firstLines.join(", ")}`,
    });
  }

  const outliers = outlierDays(series.days, q.outlierFactor, q.outlierWindow);
  if (outliers.length > 0) {
    findings.push({
      id: "outlier-days",
      severity: "warning",
      count: outliers.length,
      days: outliers.slice(0, 10).map((o) => o.day),
      message: `${outliers.length} day${outliers.length === 1 ? "" : "s"} above ${q.outlierFactor ?? 5}× the median of the previous ${q.outlierWindow ?? 28} days: ${outliers
        .slice(0, 3)
        .map((o) => `${o.day} (${o.ratio.toFixed(1)}×)`)
        .join(", ")}${outliers.length > 3 ? ", …" : ""}`,
    });
  }

  const b = q.bucketer;
  if (b.dateOnly && b.subDaily) {
    findings.push({
      id: "mixed-granularity",
      severity: "warning",
      count: b.dateOnly.count + b.subDaily.count,
      lines: [b.dateOnly.firstLine, b.subDaily.firstLine].sort((x, y) => x - y),
      message: `mixed granularity: ${b.dateOnly.count} daily rows (date only, first on line ${b.dateOnly.firstLine}) and ${b.subDaily.count} rows with a time of day (first on line ${b.subDaily.firstLine}); daily and hourly exports of the same period would be counted twice`,
    });
  }

  if (q.asOf !== undefined) {
    const gap = dayToEpochDays(q.asOf) - dayToEpochDays(series.lastDay);
    if (gap > q.staleDays) {
      findings.push({
        id: "stale-data",
        severity: "warning",
        count: gap,
        days: [series.lastDay],
        message: `stale data: the last day is ${series.lastDay}, ${gap} days before --as-of ${q.asOf} (more than ${q.staleDays}); is the export missing its latest days (${addDays(series.lastDay, 1)} on)?`,
      });
    }
  }

  if (series.costByCurrency && series.costByCurrency.size > 1 && !series.currency) {
    findings.push({
      id: "mixed-currencies",
      severity: "warning",
      count: series.costByCurrency.size,
      message: `cost in ${[...series.costByCurrency.keys()].join(" and ")}: never added together; choose one with --currency`,
    });
  }

  const u = q.unitCheck;
  if (u.pricingUnits + u.rawTokens + u.undecided > 0) {
    findings.push({
      id: "unit-check",
      severity: u.undecided > 0 && u.pricingUnits + u.rawTokens === 0 ? "warning" : "info",
      count: u.pricingUnits + u.rawTokens + u.undecided,
      message: `quantity units decided from cost ≈ quantity × unit price: ${u.pricingUnits} rows in pricing units (scaled), ${u.rawTokens} rows already in tokens, ${u.undecided} undecided (zero cost or price: read as pricing units)`,
    });
  }
  return findings;
}
