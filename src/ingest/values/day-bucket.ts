/**
 * Date cells → day numbers in the reporting zone, with the evidence the data-quality checks need
 * (date-only rows vs rows with a time of day) and the day/month-order decision for `a/b/yyyy`
 * dates: a value above 12 in the first position proves day-first, in the second month-first
 * (the exporters' published formats (tokenhedge help formats): "Azure's MM/DD/YYYY can be confirmed from any day above 12 in the file"). Until
 * one shows up, such days are kept under provisional keys and resolved when the file ends.
 */
import {
  civilToDays,
  dayOfInstant,
  parseDateText,
  validCivil,
  type DateFormat,
  type ParsedDate,
  type Zone,
} from "./dates.js";

export interface DayBucketOptions {
  format: DateFormat;
  /** Zone of wall-clock times without an offset. */
  zone: Zone;
  /** Zone the days are counted in (`--tz`). */
  tz: Zone;
  /** Bucket instants by the date written in the file rather than in `tz`. */
  asWritten: boolean;
}

export interface FirstSeen {
  count: number;
  firstLine: number;
}

function seen(s: FirstSeen | undefined, line: number): FirstSeen {
  if (!s) return { count: 1, firstLine: line };
  s.count++;
  return s;
}

/** Provisional key of an undecided `a/b/yyyy` date: negative, so it never collides with a day number. */
function provisionalKey(a: number, b: number, y: number): number {
  return -(y * 10000 + a * 100 + b) - 1;
}

export type SlashOrder = "MDY" | "DMY";

export class DayBucketer {
  dateOnly: FirstSeen | undefined;
  withTime: FirstSeen | undefined;
  /** Rows whose time of day is not midnight: the file is finer than daily. */
  subDaily: FirstSeen | undefined;
  order: SlashOrder | undefined;
  orderEvidence: { line: number; value: string } | undefined;
  /** First undecided slash date (for the ambiguity error). */
  undecided: { line: number; value: string } | undefined;
  private readonly sameZone: boolean;
  /** The byte fast path reads ISO dates only: off when the format says otherwise. */
  private readonly isoAllowed: boolean;
  private lastYmd = -1;
  private lastDay = 0;

  constructor(readonly options: DayBucketOptions) {
    this.sameZone = options.zone.isUtc ? options.tz.isUtc : options.zone.name === options.tz.name;
    this.isoAllowed = ["auto", "iso8601", "YYYY-MM-DD", "YYYY-MM-DD HH:MM"].includes(options.format);
    if (options.format === "MM/DD/YYYY") this.order = "MDY";
    if (options.format === "DD/MM/YYYY") this.order = "DMY";
  }

  /**
   * Fast path for `YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:MM:SS[.fff]Z` and the same without `Z`, read
   * from bytes when no zone conversion is needed. Returns NaN to ask for the full parser.
   */
  fastDay(buf: Uint8Array, s: number, e: number, line: number): number {
    const n = e - s;
    if (!this.isoAllowed || (n !== 10 && (n < 19 || n > 30))) return NaN;
    if (buf[s + 4] !== 45 || buf[s + 7] !== 45) return NaN;
    const y = d4(buf, s);
    const m = d2(buf, s + 5);
    const d = d2(buf, s + 8);
    if (y < 0 || m < 0 || d < 0) return NaN;
    if (n > 10) {
      const sep = buf[s + 10];
      if ((sep !== 84 && sep !== 32) || buf[s + 13] !== 58 || buf[s + 16] !== 58) return NaN;
      const hh = d2(buf, s + 11);
      const mm = d2(buf, s + 14);
      const ss = d2(buf, s + 17);
      if (hh < 0 || mm < 0 || ss < 0 || hh > 23 || mm > 59 || ss > 60) return NaN;
      let i = s + 19;
      if (i < e && buf[i] === 46) {
        i++;
        while (i < e && buf[i]! >= 48 && buf[i]! <= 57) i++;
      }
      const zoned = i === e - 1 && (buf[i] === 90 || buf[i] === 122);
      if (!zoned && i !== e) return NaN;
      // An instant (Z) is bucketed in --tz; a wall time in the mapping zone: either way the
      // written date is the day only when no conversion applies.
      if (zoned ? !(this.options.tz.isUtc || this.options.asWritten) : !this.sameZone) return NaN;
      const ymd = y * 10000 + m * 100 + d;
      if (ymd !== this.lastYmd && !validCivil(y, m, d)) return NaN;
      this.withTime = seen(this.withTime, line);
      if (hh !== 0 || mm !== 0 || ss !== 0) this.subDaily = seen(this.subDaily, line);
    } else {
      const ymd = y * 10000 + m * 100 + d;
      if (ymd !== this.lastYmd && !validCivil(y, m, d)) return NaN;
      this.dateOnly = seen(this.dateOnly, line);
    }
    const ymd = y * 10000 + m * 100 + d;
    if (ymd === this.lastYmd) return this.lastDay;
    this.lastYmd = ymd;
    this.lastDay = civilToDays(y, m, d);
    return this.lastDay;
  }

  /** The day of a date cell's text; undefined when the text is not a date in the format. */
  day(text: string, line: number): number | undefined {
    const p = parseDateText(text, this.options.format);
    if (!p) return undefined;
    return this.dayOf(p, text, line);
  }

  private note(hasTime: boolean, seconds: number, line: number): void {
    if (!hasTime) this.dateOnly = seen(this.dateOnly, line);
    else {
      this.withTime = seen(this.withTime, line);
      if (seconds % 86400 !== 0) this.subDaily = seen(this.subDaily, line);
    }
  }

  private dayOf(p: ParsedDate, text: string, line: number): number | undefined {
    const { tz, asWritten } = this.options;
    switch (p.type) {
      case "instant": {
        const secsOfDay = ((p.epochSeconds % 86400) + 86400) % 86400;
        this.note(true, asWritten ? p.epochSeconds - p.writtenDay * 86400 : secsOfDay, line);
        return asWritten ? p.writtenDay : dayOfInstant(p.epochSeconds, tz);
      }
      case "wall":
        this.note(p.hasTime, p.seconds, line);
        return this.wallDay(p.day, p.seconds, p.hasTime);
      case "slash": {
        this.note(p.hasTime, p.seconds, line);
        if (this.order === undefined) {
          if (p.a > 12) this.decide("DMY", line, text);
          else if (p.b > 12) this.decide("MDY", line, text);
        } else if ((this.order === "MDY" && p.a > 12) || (this.order === "DMY" && p.b > 12)) {
          return undefined;
        }
        if (this.order === undefined) {
          if (!this.undecided) this.undecided = { line, value: text.trim() };
          // Wall times that need a zone conversion cannot wait for the decision.
          if (p.hasTime && !this.sameZone) return undefined;
          return provisionalKey(p.a, p.b, p.y);
        }
        const [mo, d] = this.order === "MDY" ? [p.a, p.b] : [p.b, p.a];
        if (!validCivil(p.y, mo, d)) return undefined;
        return this.wallDay(civilToDays(p.y, mo, d), p.seconds, p.hasTime);
      }
    }
  }

  private decide(order: SlashOrder, line: number, value: string): void {
    this.order = order;
    this.orderEvidence = { line, value: value.trim() };
  }

  private wallDay(day: number, seconds: number, hasTime: boolean): number {
    if (!hasTime || this.sameZone) return day;
    const { zone, tz } = this.options;
    const wall = day * 86400 + seconds;
    let epoch = wall - zone.offsetAt(wall * 1000) * 60;
    epoch = wall - zone.offsetAt(epoch * 1000) * 60;
    return dayOfInstant(epoch, tz);
  }

  /** Map a provisional key to its day under the decided order; undefined if the date is invalid. */
  resolveKey(key: number): number | undefined {
    if (key >= 0) return key;
    const v = -(key + 1);
    const y = Math.floor(v / 10000);
    const a = Math.floor(v / 100) % 100;
    const b = v % 100;
    const [mo, d] = this.order === "DMY" ? [b, a] : [a, b];
    return validCivil(y, mo, d) ? civilToDays(y, mo, d) : undefined;
  }
}

function d2(buf: Uint8Array, i: number): number {
  const a = buf[i]! - 48;
  const b = buf[i + 1]! - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

function d4(buf: Uint8Array, i: number): number {
  const a = d2(buf, i);
  const b = d2(buf, i + 2);
  if (a < 0 || b < 0) return -1;
  return a * 100 + b;
}
