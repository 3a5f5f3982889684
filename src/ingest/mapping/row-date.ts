/**
 * The usage day of a record: the fast byte path for plain ISO dates, the general parser otherwise,
 * then the checks every day must pass (readable, day/month order known, plausible, not after --as-of).
 */
import { fieldText, type CsvRecord } from "../../csv/scanner.js";
import type { DayBucketer } from "../values/day-bucket.js";
import { civilToDays, dateHint } from "../values/dates.js";
import { cellError } from "./row-error.js";
import type { Column } from "./row-lookups.js";

/**
 * Usage days outside 2000–2099 are typos (a year 2999 would list 355,000 missing days): the range
 * is fixed, not clock-relative, so the same file gives the same answer on any day.
 */
export const FIRST_PLAUSIBLE_DAY = civilToDays(2000, 1, 1);
export const LAST_PLAUSIBLE_DAY = civilToDays(2099, 12, 31);

/** Provisional day/month keys (undecided a/b/yyyy dates) are below this; they are checked once resolved. */
const PROVISIONAL_BELOW = -20_000_000;

const SLASH_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}/;

/** The record's day key (a day number, or a provisional key for an undecided a/b/yyyy date). */
export function readRowDay(
  rec: CsvRecord,
  dateCol: Column,
  bucketer: DayBucketer,
  asOfDay: number | null,
  file: string,
  rule: string,
): number {
  const dc = dateCol.index;
  let day = bucketer.fastDay(rec.buf, rec.starts[dc]!, rec.ends[dc]!, rec.line);
  if (Number.isNaN(day)) {
    const text = fieldText(rec, dc);
    const d = bucketer.day(text, rec.line);
    if (d === undefined) throw unreadableDate(text, rec, dateCol, bucketer, file, rule);
    day = d;
  }
  if (day > PROVISIONAL_BELOW && (day < FIRST_PLAUSIBLE_DAY || day > LAST_PLAUSIBLE_DAY)) {
    throw cellError(
      "INPUT_DATE_PARSE",
      `date "${fieldText(rec, dc)}" is not plausible for usage data`,
      file,
      rec,
      dateCol,
      "a date from 2000-01-01 to 2099-12-31",
      "a typo in the year, or a number column read as a date?",
      rule,
    );
  }
  if (asOfDay !== null && day >= 0 && day > asOfDay) {
    throw cellError(
      "INPUT_FUTURE_DATE",
      `date "${fieldText(rec, dc)}" is after --as-of`,
      file,
      rec,
      dateCol,
      "a date on or before --as-of",
      "a forward-dated row, a wrong --as-of, or a day/month mix-up",
      rule,
    );
  }
  return day;
}

function unreadableDate(text: string, rec: CsvRecord, dateCol: Column, b: DayBucketer, file: string, rule: string) {
  const ambiguous = b.undecided !== undefined && b.order === undefined && SLASH_DATE.test(text.trim());
  if (ambiguous) {
    return cellError(
      "INPUT_DATE_AMBIGUOUS",
      `cannot tell day from month in "${text}"`,
      file,
      rec,
      dateCol,
      "--date-format MM/DD/YYYY or DD/MM/YYYY",
      "with a time of day and a time-zone conversion the day/month order must be known: pass --date-format",
      rule,
    );
  }
  const contradicts = b.order !== undefined && SLASH_DATE.test(text.trim());
  return cellError(
    "INPUT_DATE_PARSE",
    `cannot read date "${text}"`,
    file,
    rec,
    dateCol,
    b.order
      ? `a date ${b.order === "MDY" ? "MM/DD/YYYY" : "DD/MM/YYYY"}`
      : "a date such as 2026-03-01 or 2026-03-01T14:00:00Z",
    contradicts && b.orderEvidence
      ? `line ${b.orderEvidence.line} ("${b.orderEvidence.value}") showed the order is ${b.order === "MDY" ? "month/day" : "day/month"}, which this value contradicts; check --date-format`
      : dateHint(text, b.options.format),
    rule,
  );
}
