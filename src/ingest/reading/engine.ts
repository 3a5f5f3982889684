/**
 * The ingest engine, a pure core fed by chunks: bytes in (`push`), a usage series out (`finish`).
 * The first 256 KiB are held back to sniff the file (sniff.ts: byte order mark, delimiter, preamble
 * lines, which export it is), then every chunk streams through the byte scanner and the compiled
 * mapping (row-mapper.ts) into the aggregation cube, and `finish` assembles the series (assemble.ts). Memory is bounded by the longest record plus the cube, never by the
 * file. `ingestUsage(text)` and the CLI's streaming reader both run through here, so a file gives
 * the same series however it is read.
 */
import { HedgeError } from "../../errors.js";
import { CsvScanner, CsvSyntaxError, recordText } from "../../csv/scanner.js";
import { isDay } from "../../time/period.js";
import { Cube } from "../series/cube.js";
import { DayBucketer } from "../values/day-bucket.js";
import { civilToDays, resolveZone } from "../values/dates.js";
import type { MappingSpec } from "../mapping/schema.js";
import type { NumberStyle } from "../values/numbers.js";
import type { IngestOptions } from "./options.js";
import { profileById } from "../mapping/profiles/index.js";
import { IngestRowError } from "../mapping/row-error.js";
import { RowMapper } from "../mapping/row-mapper.js";
import { assembleSeries } from "../series/assemble.js";
import { absorbPart, ingestPart, type IngestPart } from "./merge.js";
import { crToLf, sniffExport, sniffWindow, SNIFF_BYTES, withFile } from "./sniff.js";
import type { ProfileInfo, RowErrorSummary, UsageSeries } from "../types.js";

export { detectDelimiter } from "./sniff.js";

function day(value: string | undefined, flag: string): number | null {
  if (value === undefined) return null;
  if (!isDay(value))
    throw new HedgeError("USAGE", `${flag} must be a date YYYY-MM-DD, got "${value}"`, {
      value,
      expected: "YYYY-MM-DD",
    });
  return civilToDays(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

function lowerSet(xs: string[] | undefined): Set<string> | null {
  return xs && xs.length > 0 ? new Set(xs.map((x) => x.trim().toLowerCase())) : null;
}

export class UsageIngestor {
  private cube = new Cube();
  private readonly sniff: Uint8Array[] = [];
  private sniffLen = 0;
  private crOnly = false;
  private scanner: CsvScanner | undefined;
  private mapper: RowMapper | undefined;
  private bucketer: DayBucketer | undefined;
  private readonly errors = new Map<string, RowErrorSummary>();
  private profile: ProfileInfo | undefined;
  private spec: MappingSpec | undefined;
  private delimiter = ",";
  private headerLine = 1;
  private bytes = 0;
  /** Bytes handed to the scanner (a range is clean when it scanned them all). */
  private fed = 0;
  private finished = false;

  constructor(private readonly options: IngestOptions) {
    // Validate flag values before any data is read.
    day(options.asOf, "--as-of");
    day(options.from, "--from");
    day(options.to, "--to");
    if (options.tz !== undefined) resolveZone(options.tz);
    if (options.format !== undefined) profileById(options.format);
  }

  /** Bytes pushed so far. */
  get bytesRead(): number {
    return this.bytes;
  }

  /** Data rows read so far. */
  get rowsRead(): number {
    return this.mapper?.rowsRead ?? 0;
  }

  push(chunk: Uint8Array): void {
    if (this.finished) throw new Error("push after finish");
    this.bytes += chunk.length;
    if (this.scanner) {
      this.feed(chunk);
      return;
    }
    // The chunk may be a reused buffer: keep a copy while sniffing.
    this.sniff.push(chunk.slice());
    this.sniffLen += chunk.length;
    if (this.sniffLen >= SNIFF_BYTES) this.configure(false);
  }

  private feed(chunk: Uint8Array): void {
    this.fed += chunk.length;
    try {
      this.scanner!.push(this.crOnly ? crToLf(chunk) : chunk);
    } catch (e) {
      throw this.syntax(e);
    }
  }

  private syntax(e: unknown): unknown {
    if (e instanceof CsvSyntaxError) {
      return new HedgeError("INPUT_CSV_SYNTAX", `not valid CSV: ${e.message}`, {
        file: this.options.file,
        line: e.line,
        expected: `${this.delimiter === "\t" ? "tab" : `"${this.delimiter}"`}-separated values with a header row`,
        hint: e.hint,
      });
    }
    return e;
  }

  /**
   * Reading a file in byte ranges (src/cli/ingest-parallel.ts): configure from the file's first bytes `head` —
   * exactly what a sequential read sniffs, its first chunk — without reading any row from them; the rows then
   * come from `push`. The first range counts lines from the header as usual, the others from 1 (merge.ts shifts
   * them). Returns the file offset where the first data row starts, or −1 when the file cannot be read in
   * ranges (lone-CR line ends).
   */
  configureRange(head: Uint8Array, final: boolean, first: boolean): number {
    if (this.scanner || this.sniffLen > 0) throw new Error("configureRange after push");
    this.sniff.push(head);
    this.sniffLen = head.length;
    const start = this.configure(final, first ? "first" : "later");
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    return this.crOnly ? -1 : start + bom;
  }

  /** End of a range: its results as plain data; a range that is not the file's last must end on a record boundary. */
  endRange(last: boolean): IngestPart {
    if (!this.scanner) throw new Error("endRange before configureRange");
    this.finished = true;
    const scanner = this.scanner;
    if (last) {
      try {
        scanner.end();
      } catch (e) {
        throw this.syntax(e);
      }
    }
    return ingestPart(this.mapper!, this.bucketer!, this.cube, {
      clean: last || scanner.bytesScanned === this.fed,
      lines: scanner.nextLine - 1,
      rowErrors: this.errors.size,
    });
  }

  /**
   * Whether the first range's engine, at the end of its range, can absorb later ranges: it ended on a record
   * boundary and nothing it holds depends on rows it has not seen (row errors, the day/month order of a/b/yyyy
   * dates, a duplicate check still recording keys). When it cannot, the caller keeps pushing the rest of the
   * file into it, which is a sequential read.
   */
  get mergeable(): boolean {
    const b = this.bucketer;
    return (
      this.scanner !== undefined &&
      this.scanner.bytesScanned === this.fed &&
      this.errors.size === 0 &&
      b?.orderEvidence === undefined &&
      b?.undecided === undefined &&
      !this.mapper!.duplicateCheckActive
    );
  }

  /**
   * The first range's engine, after its own range: absorb the later ranges' parts (in file order) and assemble
   * the series. Undefined, with nothing changed, when the ranges cannot give the sequential answer (see
   * `mergeable`; a later range that did not end on a record boundary — a cut inside a quoted field — or has row
   * errors or order-dependent dates).
   */
  finishRanges(parts: readonly IngestPart[]): UsageSeries | undefined {
    if (!this.mergeable || this.finished) return undefined;
    if (parts.some((p) => !p.clean || p.rowErrors > 0 || p.orderDependent)) return undefined;
    this.finished = true;
    let base = this.scanner!.nextLine - 1;
    for (const p of parts) {
      absorbPart(this.mapper!, this.bucketer!, this.cube, p, base);
      base += p.lines;
    }
    return this.assemble();
  }

  private configure(final: boolean, range?: "first" | "later"): number {
    const o = this.options;
    const window = sniffWindow(this.sniff, this.sniffLen, o.file);
    this.sniff.length = 0;
    this.crOnly = window.crOnly;
    const bytes = window.bytes;
    const sniffed = sniffExport(bytes, o, final);
    const { delimiter: delim, records, headerIndex, spec, notes, id, title, reason } = sniffed;
    this.delimiter = delim;
    this.spec = spec;

    const header = records[headerIndex]!;
    this.headerLine = header.line;
    const decimal = o.decimal ?? spec.numbers?.decimal ?? ".";
    const thousandsOpt = o.thousands ?? spec.numbers?.thousands ?? (decimal === "," ? "." : "none");
    const thousands = thousandsOpt === "none" ? "" : decimal === "," && thousandsOpt === "." ? ". '" : thousandsOpt;
    if (thousands.includes(decimal))
      throw new HedgeError("USAGE", "the thousands separator cannot be the decimal mark", {
        value: thousandsOpt,
        hint: "with --decimal , use --thousands . (or none)",
      });
    const style: NumberStyle = { decimal, thousands };

    const tz = resolveZone(o.tz ?? "UTC");
    let zone;
    try {
      zone = resolveZone(spec.date.zone ?? "UTC", "date.zone");
    } catch (e) {
      throw new HedgeError("CONFIG_INVALID", (e as Error).message, {
        file: o.mappingSource ?? o.file,
        path: "date.zone",
      });
    }
    const asWritten = o.tz === undefined && spec.date.bucket === "as-written";
    this.bucketer = new DayBucketer({ format: o.dateFormat ?? spec.date.format ?? "auto", zone, tz, asWritten });
    if (asWritten)
      notes.push("days are the dates as written in the file (their own offset); pass --tz to bucket in another zone");
    else if (!tz.isUtc) notes.push(`days counted in ${tz.name} (--tz)`);

    try {
      this.mapper = new RowMapper(spec, header.fields, {
        file: o.file,
        style,
        bucketer: this.bucketer,
        cube: this.cube,
        asOfDay: day(o.asOf, "--as-of"),
        fromDay: day(o.from, "--from"),
        toDay: day(o.to, "--to"),
        models: lowerSet(o.models),
        providers: lowerSet(o.providers),
        projects: lowerSet(o.projects),
        excludeCredits: o.excludeCredits === true,
        dedupe: o.dedupe === true,
        ...(o.dedupeSlots !== undefined ? { dedupeSlots: o.dedupeSlots } : {}),
      });
    } catch (e) {
      if (e instanceof HedgeError && e.details.line === undefined && e.code === "INPUT_MISSING_COLUMN") {
        throw new HedgeError(e.code, `${e.message} (export: ${title})`, {
          ...e.details,
          file: o.file,
          line: header.line,
        });
      }
      throw withFile(e, o.file);
    }
    this.profile = { id, title, reason, notes, rules: this.mapper.describeRules() };

    // Line number of the first byte after the header.
    let line = 1;
    for (let i = 0; i < header.next; i++) if (bytes[i] === 10) line++;
    if (range === "later") line = 1;
    const mapper = this.mapper;
    const onError = o.onError ?? "stop";
    this.scanner = new CsvScanner(
      delim.charCodeAt(0),
      (rec) => {
        try {
          mapper.process(rec);
        } catch (e) {
          if (!(e instanceof IngestRowError)) throw e;
          const raw = recordText(rec);
          e.record = raw.length > 300 ? `${raw.slice(0, 300)}…` : raw;
          if (onError === "stop") throw e.withContext();
          let s = this.errors.get(e.code);
          if (!s) {
            s = { code: e.code, count: 0, firstLines: [], example: `${e.location}: ${e.message}` };
            this.errors.set(e.code, s);
          }
          s.count++;
          if (s.firstLines.length < 5) s.firstLines.push(rec.line);
        }
      },
      { startLine: line },
    );
    if (range === undefined) this.feed(bytes.subarray(header.next));
    return header.next;
  }

  finish(): UsageSeries {
    if (this.finished) throw new Error("finish called twice");
    if (!this.scanner) {
      if (this.sniffLen === 0)
        throw new HedgeError("INPUT_EMPTY", "the usage file is empty", {
          file: this.options.file,
          expected: "a header row and at least one usage row",
        });
      this.configure(true);
    }
    this.finished = true;
    try {
      this.scanner!.end();
    } catch (e) {
      throw this.syntax(e);
    }
    return this.assemble();
  }

  private assemble(): UsageSeries {
    return assembleSeries({
      options: this.options,
      mapper: this.mapper!,
      bucketer: this.bucketer!,
      cube: this.cube,
      errors: this.errors,
      spec: this.spec!,
      profile: this.profile!,
      delimiter: this.delimiter,
      headerLine: this.headerLine,
    });
  }
}

/** Ingest a whole text at once (tests, small files, the library API). */
export function ingestText(text: string, options: IngestOptions): UsageSeries {
  const ing = new UsageIngestor(options);
  ing.push(new TextEncoder().encode(text));
  return ing.finish();
}
