/**
 * Dates and time stamps → the calendar day a usage row belongs to, as a day number (days since
 * 1970-01-01). Integer arithmetic throughout: the civil-date ↔ day-number conversion is Howard
 * Hinnant's `days_from_civil` / `civil_from_days` ("chrono-Compatible Low-Level Date Algorithms",
 * 2013), valid for the proleptic Gregorian calendar.
 *
 * Time zones: a stamp with an offset (or `Z`, or Unix seconds) is an instant and is bucketed in
 * the target zone (`--tz`, default UTC). A stamp without an offset is wall-clock time in the
 * mapping's `zone` (default UTC). Named zones use the platform's Intl time-zone data, so no
 * dependency is needed; the offset is looked up once per hour of data.
 */
import { HedgeError } from "../../errors.js";
import { DATE_FORMATS, type DateFormat } from "../reading/option-names.js";

export { DATE_FORMATS, type DateFormat };

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant, days_from_civil). */
export function civilToDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `YYYY-MM-DD` of a day number (Hinnant, civil_from_days). */
export function daysToCivil(z: number): string {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function validCivil(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!);
}

/** A time zone: UTC, a fixed offset, or an IANA name resolved through Intl. */
export interface Zone {
  name: string;
  /** Offset east of UTC in minutes at the instant `ms` (epoch milliseconds). */
  offsetAt(ms: number): number;
  isUtc: boolean;
}

const OFFSET_RE = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

export function fixedZone(minutes: number, name: string): Zone {
  return { name, offsetAt: () => minutes, isUtc: minutes === 0 };
}

export const UTC: Zone = fixedZone(0, "UTC");

/** Resolve `--tz` / a mapping zone. Throws a usage error for an unknown name. */
export function resolveZone(name: string, flag = "--tz"): Zone {
  const t = name.trim();
  if (t === "" || /^(utc|z|gmt|etc\/utc)$/i.test(t)) return UTC;
  const m = OFFSET_RE.exec(t);
  if (m) {
    const minutes = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
    if (Math.abs(minutes) > 14 * 60)
      throw new HedgeError("USAGE", `${flag}: offset "${name}" is out of range`, {
        value: name,
        expected: "an offset between -14:00 and +14:00",
      });
    return fixedZone(minutes, t);
  }
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: t,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw new HedgeError("USAGE", `${flag}: unknown time zone "${name}"`, {
      value: name,
      expected: "an IANA time zone such as Europe/Berlin or America/New_York, UTC, or an offset such as +08:00",
    });
  }
  const cache = new Map<number, number>();
  return {
    name: fmt.resolvedOptions().timeZone,
    isUtc: false,
    offsetAt(ms: number): number {
      // Offsets change on hour (or half-hour) boundaries at most: cache per quarter hour.
      const key = Math.floor(ms / 900_000);
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const parts: Record<string, number> = {};
      for (const p of fmt.formatToParts(new Date(key * 900_000)))
        if (p.type !== "literal") parts[p.type] = Number(p.value);
      const wall =
        civilToDays(parts.year!, parts.month!, parts.day!) * 86400 +
        parts.hour! * 3600 +
        parts.minute! * 60 +
        parts.second!;
      const offset = Math.round((wall - key * 900) / 60);
      if (cache.size > 100_000) cache.clear();
      cache.set(key, offset);
      return offset;
    },
  };
}

/** The day number of an instant in `zone`. */
export function dayOfInstant(epochSeconds: number, zone: Zone): number {
  const local = zone.isUtc ? epochSeconds : epochSeconds + zone.offsetAt(epochSeconds * 1000) * 60;
  return Math.floor(local / 86400);
}

/** A parsed date cell. */
export type ParsedDate =
  /** A calendar date with no time (or a wall-clock time without offset): `day` as written, `seconds` into it. */
  | { type: "wall"; day: number; seconds: number; hasTime: boolean }
  /** An instant (offset, `Z`, Unix time). `writtenDay` is the date as written, before any conversion. */
  | { type: "instant"; epochSeconds: number; writtenDay: number }
  /** `a/b/yyyy` where day and month order is not known yet. */
  | { type: "slash"; a: number; b: number; y: number; seconds: number; hasTime: boolean };

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const SLASH_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(AM|PM)?)?$/i;
const DOT_RE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YMD_SLASH_RE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const UNIX_RE = /^(\d{9,11})(?:\.(\d+))?$/;
const UNIX_MS_RE = /^\d{12,13}$/;

function hms(h: string | undefined, mi: string | undefined, s: string | undefined): number | undefined {
  if (h === undefined) return 0;
  const H = Number(h);
  const M = Number(mi);
  const S = Number(s ?? 0);
  if (H > 23 || M > 59 || S > 60) return undefined;
  return H * 3600 + M * 60 + S;
}

function offsetMinutes(z: string): number {
  if (z === "Z" || z === "z") return 0;
  const sign = z[0] === "-" ? -1 : 1;
  const digits = z.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

/** Parse one date cell in a format; undefined when it does not fit. */
export function parseDateText(text: string, format: DateFormat): ParsedDate | undefined {
  const t = text.trim();
  const tryIso = format === "auto" || format === "iso8601" || format === "YYYY-MM-DD" || format === "YYYY-MM-DD HH:MM";
  if (tryIso) {
    const m = ISO_RE.exec(t);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (!validCivil(y, mo, d)) return undefined;
      const secs = hms(m[4], m[5], m[6]);
      if (secs === undefined) return undefined;
      const day = civilToDays(y, mo, d);
      // UTC offsets run from −12:00 to +14:00; anything beyond ±14:00 (or minutes past 59) is a typo.
      if (
        m[7] !== undefined &&
        (Math.abs(offsetMinutes(m[7])) > 14 * 60 || Number(m[7].replace(":", "").slice(3, 5) || 0) > 59)
      )
        return undefined;
      if (m[7] !== undefined)
        return { type: "instant", epochSeconds: day * 86400 + secs - offsetMinutes(m[7]) * 60, writtenDay: day };
      return { type: "wall", day, seconds: secs, hasTime: m[4] !== undefined };
    }
    if (format !== "auto") return undefined;
  }
  if (format === "auto" || format === "unix") {
    const m = UNIX_RE.exec(t);
    if (m) {
      const s = Number(m[1]);
      return { type: "instant", epochSeconds: s, writtenDay: Math.floor(s / 86400) };
    }
    if (format === "unix") return undefined;
  }
  if (format === "auto" || format === "unix_ms") {
    if (UNIX_MS_RE.test(t)) {
      const s = Math.floor(Number(t) / 1000);
      return { type: "instant", epochSeconds: s, writtenDay: Math.floor(s / 86400) };
    }
    if (format === "unix_ms") return undefined;
  }
  if (format === "auto" || format === "YYYYMMDD") {
    const m = COMPACT_RE.exec(t);
    if (m && validCivil(Number(m[1]), Number(m[2]), Number(m[3])))
      return { type: "wall", day: civilToDays(Number(m[1]), Number(m[2]), Number(m[3])), seconds: 0, hasTime: false };
    if (format === "YYYYMMDD") return undefined;
  }
  if (format === "auto") {
    const m = YMD_SLASH_RE.exec(t);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      const secs = hms(m[4], m[5], m[6]);
      if (!validCivil(y, mo, d) || secs === undefined) return undefined;
      return { type: "wall", day: civilToDays(y, mo, d), seconds: secs, hasTime: m[4] !== undefined };
    }
  }
  if (format === "auto" || format === "DD.MM.YYYY") {
    // Dots mean day first (the German / Central European convention); never month first.
    const m = DOT_RE.exec(t);
    if (m) {
      const d = Number(m[1]);
      const mo = Number(m[2]);
      const y = Number(m[3]);
      const secs = hms(m[4], m[5], m[6]);
      if (!validCivil(y, mo, d) || secs === undefined) return undefined;
      return { type: "wall", day: civilToDays(y, mo, d), seconds: secs, hasTime: m[4] !== undefined };
    }
    if (format === "DD.MM.YYYY") return undefined;
  }
  if (format === "auto" || format === "MM/DD/YYYY" || format === "DD/MM/YYYY") {
    const m = SLASH_RE.exec(t);
    if (!m) return undefined;
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    let hour = m[4];
    if (m[7] !== undefined && hour !== undefined) {
      // 12-hour clock: 12 AM is 00, 12 PM is 12.
      const h = Number(hour);
      if (h < 1 || h > 12) return undefined;
      hour = String((h % 12) + (m[7].toUpperCase() === "PM" ? 12 : 0));
    }
    const secs = hms(hour, m[5], m[6]);
    if (secs === undefined) return undefined;
    const hasTime = m[4] !== undefined;
    if (format === "MM/DD/YYYY")
      return validCivil(y, a, b) ? { type: "wall", day: civilToDays(y, a, b), seconds: secs, hasTime } : undefined;
    if (format === "DD/MM/YYYY")
      return validCivil(y, b, a) ? { type: "wall", day: civilToDays(y, b, a), seconds: secs, hasTime } : undefined;
    if (!validCivil(y, a, b) && !validCivil(y, b, a)) return undefined;
    return { type: "slash", a, b, y, seconds: secs, hasTime };
  }
  return undefined;
}

/** A hint for a date cell that could not be read. */
export function dateHint(text: string, format: DateFormat): string {
  const t = text.trim();
  if (t === "") return "the cell is empty; every row needs a date";
  if (/^[a-z_ ()]+$/i.test(t))
    return "this looks like a header: is there a second header row, or a title line above the header?";
  if (/^\d{1,2}[./]\d{1,2}[./]\d{2}$/.test(t)) return "two-digit years are not accepted; export four-digit years";
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{4}/.test(t) && format !== "auto")
    return `the file's dates do not fit --date-format ${format}`;
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) return "this is not a real calendar date or time of day";
  return `dates must be ISO 8601 (2026-03-01, 2026-03-01T14:00:00Z), Unix seconds, DD.MM.YYYY or MM/DD/YYYY; set --date-format (now ${format})`;
}
