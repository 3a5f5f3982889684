/**
 * Calendar periods as plain strings: months `YYYY-MM`, days `YYYY-MM-DD`, always UTC.
 * Strings sort chronologically and serialise to JSON unchanged, which keeps output byte-stable.
 */

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isMonth(s: string): boolean {
  return MONTH_RE.test(s);
}

/** True for a real calendar date `YYYY-MM-DD` (rejects 2026-02-30). */
export function isDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]);
}

/** Month index counted from year 0 (year*12 + month-1): makes month arithmetic integer arithmetic. */
export function monthIndex(month: string): number {
  const m = MONTH_RE.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthFromIndex(index: number): string {
  const y = Math.floor(index / 12);
  const mo = index - y * 12 + 1;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}`;
}

export function addMonths(month: string, n: number): string {
  return monthFromIndex(monthIndex(month) + n);
}

/** Number of months from `a` to `b` (b − a); 0 when equal. */
export function monthsBetween(a: string, b: string): number {
  return monthIndex(b) - monthIndex(a);
}

export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

export function daysInMonth(month: string): number {
  const idx = monthIndex(month);
  const y = Math.floor(idx / 12);
  const mo = idx - y * 12;
  return new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
}

const DAY_MS = 86_400_000;

export function dayToEpochDays(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function epochDaysToDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return epochDaysToDay(dayToEpochDays(day) + n);
}

export function lastDayOfMonth(month: string): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
}
