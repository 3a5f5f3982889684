/**
 * The ingest engine, a pure core fed by chunks: bytes in (`push`), a usage series out (`finish`).
 * The first 256 KiB are held back to sniff the file — byte order mark, delimiter, preamble lines,
 * which export it is — then every chunk streams through the byte scanner and the compiled mapping
 * into the aggregation cube. Memory is bounded by the longest record plus the cube, never by the
 * file. `ingestUsage(text)` and the CLI's streaming reader both run through here, so a file gives
 * the same series however it is read.
 */
import { HedgeError } from "../errors.js";
import { CsvScanner, CsvSyntaxError, recordFields, recordText, type CsvRecord } from "../csv/scanner.js";
import { isDay } from "../time/period.js";
import { Cube } from "./cube.js";
import { DayBucketer } from "./day-bucket.js";
import { civilToDays, resolveZone } from "./dates.js";
import type { MappingSpec } from "./mapping/schema.js";
import type { NumberStyle } from "./numbers.js";
import type { IngestOptions } from "./options.js";
import { detectProfile, profileById } from "./profiles/index.js";
import { buildGeneric, genericProfile } from "./profiles/generic.js";
import { makeHeader, type Profile } from "./profiles/types.js";
import { qualityFindings } from "./quality.js";
import { IngestRowError } from "./row-error.js";
import { RowMapper } from "./row-mapper.js";
import { buildSeries, seriesCells } from "./series.js";
import type { ProfileInfo, RowErrorSummary, SkipSummary, UsageSeries } from "./types.js";

const SNIFF_BYTES = 256 * 1024;
const HEADER_SEARCH_LINES = 20;
const BOM = [0xef, 0xbb, 0xbf];

interface SniffedRecord {
  fields: string[];
  line: number;
  next: number;
}

class StopSniff extends Error {}

/** The first records of the sniff window, as text. */
function sniffRecords(bytes: Uint8Array, delimiter: number, final: boolean, max: number): SniffedRecord[] {
  const out: SniffedRecord[] = [];
  const scanner = new CsvScanner(delimiter, (rec: CsvRecord) => {
    out.push({ fields: recordFields(rec), line: rec.line, next: rec.next });
    if (out.length >= max) throw new StopSniff();
  }, { bufferSize: Math.max(bytes.length, 1024) });
  try {
    scanner.push(bytes);
    if (final) scanner.end();
  } catch (e) {
    if (!(e instanceof StopSniff) && !(e instanceof CsvSyntaxError)) throw e;
  }
  return out;
}

/** The delimiter: the one of , ; tab | that occurs most often (outside quotes) in the first line. */
export function detectDelimiter(bytes: Uint8Array): "," | ";" | "\t" | "|" {
  const counts = { ",": 0, ";": 0, "\t": 0, "|": 0 };
  let inQuote = false;
  for (let i = 0; i < bytes.length && i < 65536; i++) {
    const b = bytes[i]!;
    if (b === 34) inQuote = !inQuote;
    else if (!inQuote) {
      if (b === 10) break;
      if (b === 44) counts[","]++;
      else if (b === 59) counts[";"]++;
      else if (b === 9) counts["\t"]++;
      else if (b === 124) counts["|"]++;
    }
  }
  let best: keyof typeof counts = ",";
  for (const k of [";", "\t", "|"] as const) if (counts[k] > counts[best]) best = k;
  return best;
}

/** A copy of `chunk` with every CR made LF (the chunk may be a reused read buffer). */
function crToLf(chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = Uint8Array.from(chunk);
  for (let i = out.indexOf(13); i >= 0; i = out.indexOf(13, i + 1)) out[i] = 10;
  return out;
}

function withFile(e: unknown, file: string): unknown {
  if (e instanceof HedgeError && e.details.file === undefined && e.code !== "USAGE") return new HedgeError(e.code, e.message, { ...e.details, file });
  return e;
}

function day(value: string | undefined, flag: string): number | null {
  if (value === undefined) return null;
  if (!isDay(value)) throw new HedgeError("USAGE", `${flag} must be a date YYYY-MM-DD, got "${value}"`, { value, expected: "YYYY-MM-DD" });
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
    try {
      this.scanner!.push(this.crOnly ? crToLf(chunk) : chunk);
    } catch (e) {
      throw this.syntax(e);
    }
  }

  private syntax(e: unknown): unknown {
    if (e instanceof CsvSyntaxError) {
      return new HedgeError("INPUT_CSV_SYNTAX", `not valid CSV: ${e.message}`, { file: this.options.file, line: e.line, expected: `${this.delimiter === "\t" ? "tab" : `"${this.delimiter}"`}-separated values with a header row`, hint: e.hint });
    }
    return e;
  }

  private configure(final: boolean): void {
    const o = this.options;
    let bytes = new Uint8Array(this.sniffLen);
    let at = 0;
    for (const c of this.sniff) {
      bytes.set(c, at);
      at += c.length;
    }
    this.sniff.length = 0;
    if (bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) bytes = bytes.subarray(3);
    // Line ends of old Mac exports are a lone CR: read as LF (csv-parse does the same).
    this.crOnly = bytes.includes(13) && !bytes.includes(10);
    if (this.crOnly) bytes = crToLf(bytes);
    if (bytes.every((b) => b === 10 || b === 13 || b === 32)) {
      throw new HedgeError("INPUT_EMPTY", "the usage file is empty", { file: o.file, expected: "a header row and at least one usage row" });
    }

    const mapping = o.mapping;
    const delim = o.delimiter ?? (mapping?.delimiter && mapping.delimiter !== "auto" ? mapping.delimiter : detectDelimiter(bytes));
    this.delimiter = delim;
    const records = sniffRecords(bytes, delim.charCodeAt(0), final, HEADER_SEARCH_LINES + 2);
    if (records.length === 0) {
      throw new HedgeError("INPUT_EMPTY", "the usage file is empty", { file: o.file, expected: "a header row and at least one usage row" });
    }

    // Which export, and which line is its header.
    let profile: Profile | undefined;
    let reason = "";
    let headerIndex = 0;
    let spec: MappingSpec;
    let notes: string[] = [];
    let id: string;
    let title: string;
    try {
      if (mapping) {
        headerIndex = Math.min(mapping.skipLines ?? 0, records.length - 1);
        spec = mapping;
        id = "mapping";
        title = mapping.name ?? "mapping file";
        reason = `mapping file ${o.mappingSource ?? ""}`.trim();
      } else {
        if (o.format !== undefined) {
          profile = profileById(o.format);
          reason = `--format ${profile.id}`;
          for (let i = 0; i < Math.min(records.length, HEADER_SEARCH_LINES); i++) {
            if (profile.detect(makeHeader(records[i]!.fields)) !== undefined) {
              headerIndex = i;
              break;
            }
          }
        } else if (o.map !== undefined) {
          profile = genericProfile;
          reason = "--map";
        } else {
          for (let i = 0; i < Math.min(records.length, HEADER_SEARCH_LINES); i++) {
            const hit = detectProfile(makeHeader(records[i]!.fields));
            if (hit) {
              profile = hit.profile;
              reason = hit.reason + (i > 0 ? ` (header on line ${records[i]!.line}, ${i} preamble line${i === 1 ? "" : "s"} skipped)` : "");
              headerIndex = i;
              break;
            }
          }
          if (!profile) {
            profile = genericProfile;
            reason = "no known export's columns: generic columns by name";
          }
        }
        const header = makeHeader(records[headerIndex]!.fields);
        if (profile === genericProfile) {
          const next = records[headerIndex + 1];
          if (next && next.fields.length !== header.names.length) {
            throw new HedgeError("INPUT_CSV_SYNTAX", `not valid CSV: Invalid Record Length: expect ${header.names.length}, got ${next.fields.length} on line ${next.line}`, {
              file: o.file,
              line: next.line,
              expected: `${header.names.length} fields, as in the header on line ${records[headerIndex]!.line}`,
              hint: "a row has a different number of fields than the header: a title line above the header, an unquoted delimiter inside a value, or the wrong delimiter?",
            });
          }
          const choice = buildGeneric(header, { ...(o.containment ? { containment: o.containment } : {}), ...(o.map ? { map: o.map } : {}) });
          spec = choice.spec;
          notes = choice.notes;
        } else {
          const choice = profile.build(header, { ...(o.containment ? { containment: o.containment } : {}) });
          spec = choice.spec;
          notes = choice.notes;
        }
        id = profile.id;
        title = profile.title;
      }
    } catch (e) {
      throw withFile(e, o.file);
    }
    this.spec = spec;

    const header = records[headerIndex]!;
    this.headerLine = header.line;
    const decimal = o.decimal ?? spec.numbers?.decimal ?? ".";
    const thousandsOpt = o.thousands ?? spec.numbers?.thousands ?? (decimal === "," ? "." : "none");
    const thousands = thousandsOpt === "none" ? "" : decimal === "," && thousandsOpt === "." ? ". '" : thousandsOpt;
    if (thousands.includes(decimal)) throw new HedgeError("USAGE", "the thousands separator cannot be the decimal mark", { value: thousandsOpt, hint: "with --decimal , use --thousands . (or none)" });
    const style: NumberStyle = { decimal, thousands };

    const tz = resolveZone(o.tz ?? "UTC");
    let zone;
    try {
      zone = resolveZone(spec.date.zone ?? "UTC", "date.zone");
    } catch (e) {
      throw new HedgeError("CONFIG_INVALID", (e as Error).message, { file: o.mappingSource ?? o.file, path: "date.zone" });
    }
    const asWritten = o.tz === undefined && spec.date.bucket === "as-written";
    this.bucketer = new DayBucketer({ format: o.dateFormat ?? spec.date.format ?? "auto", zone, tz, asWritten });
    if (asWritten) notes.push("days are the dates as written in the file (their own offset); pass --tz to bucket in another zone");
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
        throw new HedgeError(e.code, `${e.message} (export: ${title})`, { ...e.details, file: o.file, line: header.line });
      }
      throw withFile(e, o.file);
    }
    this.profile = { id, title, reason, notes, rules: this.mapper.describeRules() };

    // Line number of the first byte after the header.
    let line = 1;
    for (let i = 0; i < header.next; i++) if (bytes[i] === 10) line++;
    const mapper = this.mapper;
    const onError = o.onError ?? "stop";
    this.scanner = new CsvScanner(delim.charCodeAt(0), (rec) => {
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
    }, { startLine: line });
    this.feed(bytes.subarray(header.next));
  }

  finish(): UsageSeries {
    if (this.finished) throw new Error("finish called twice");
    if (!this.scanner) {
      if (this.sniffLen === 0) throw new HedgeError("INPUT_EMPTY", "the usage file is empty", { file: this.options.file, expected: "a header row and at least one usage row" });
      this.configure(true);
    }
    this.finished = true;
    try {
      this.scanner!.end();
    } catch (e) {
      throw this.syntax(e);
    }
    const o = this.options;
    const mapper = this.mapper!;
    const bucketer = this.bucketer!;

    // Day/month order of a/b/yyyy dates: decided by the file, or ambiguous.
    if (bucketer.undecided) {
      if (bucketer.order === undefined) {
        const u = bucketer.undecided;
        throw new HedgeError("INPUT_DATE_AMBIGUOUS", `cannot read date "${u.value}"`, {
          file: o.file,
          line: u.line,
          column: mapper.dateColumnIndex() + 1,
          field: mapper.dateColumnName(),
          value: u.value,
          expected: "a date YYYY-MM-DD, or --date-format MM/DD/YYYY or DD/MM/YYYY",
          hint: "day/month order is ambiguous: no date in the file has a day above 12; pass --date-format (or convert the column to YYYY-MM-DD)",
        });
      }
      this.cube = this.cube.remapDays((key) => bucketer.resolveKey(key) ?? key);
    }

    if (mapper.rowsUsed === 0) {
      if (mapper.rowsRead === 0) {
        throw new HedgeError("INPUT_EMPTY", "the usage file has a header but no rows", { file: o.file, line: this.headerLine, expected: "at least one usage row" });
      }
      const why = [...mapper.skips.values()].map((s) => `${s.count} ${s.reason}`).concat([...this.errors.values()].map((e) => `${e.count} ${e.code}`));
      throw new HedgeError("INPUT_EMPTY", `no usable rows: all ${mapper.rowsRead} rows were left out (${why.join(", ")})`, {
        file: o.file,
        expected: "at least one usage row",
        hint: "check the filters (--from/--to/--model/--provider/--project) and --format",
      });
    }

    const spec = this.spec!;
    const kindCol = mapper.kindColumnName();
    const body = buildSeries(this.cube, {
      file: o.file,
      columns: {
        date: mapper.dateColumnName(),
        tokens: mapper.tokenColumnNames().join(", "),
        ...(kindCol ? { kind: kindCol } : {}),
        ...(mapper.dimensionColumn("model") ? { model: mapper.dimensionColumn("model") } : {}),
        ...(mapper.costColumnName() ? { cost: mapper.costColumnName() } : {}),
        ...(mapper.dimensionColumn("provider") ? { provider: mapper.dimensionColumn("provider") } : {}),
        ...(mapper.dimensionColumn("project") ? { project: mapper.dimensionColumn("project") } : {}),
      },
      hasCost: spec.cost !== undefined,
      ...(o.currency !== undefined ? { currency: o.currency } : {}),
    });

    const skipped: SkipSummary[] = [...mapper.skips.values()].map((s) => {
      const sums = mapper.costOnlySums.get(s.reason);
      return {
        ...s,
        ...(sums ? { cost: [...sums.entries()].map(([cur, sum]) => ({ currency: this.cube.currencies.values[cur]!, amount: sum.toDec() })) } : {}),
      };
    });
    const rowErrors = [...this.errors.values()];
    const findings = qualityFindings({
      series: body,
      bucketer,
      duplicates: mapper.duplicates,
      dedupe: o.dedupe === true,
      rowErrors,
      unitCheck: mapper.unitCheck,
      ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
      staleDays: o.staleDays ?? 7,
    });
    const { cells: _cells, ...rest } = body;
    const series: UsageSeries = {
      ...rest,
      rowsRead: mapper.rowsRead,
      rowsUsed: mapper.rowsUsed,
      profile: this.profile!,
      mapping: spec,
      delimiter: this.delimiter,
      headerLine: this.headerLine,
      skipped,
      rowErrors,
      findings,
    };
    // The per-cell breakdown is computed when first read (group-by, library callers).
    const cube = this.cube;
    let cells: UsageSeries["cells"];
    Object.defineProperty(series, "cells", {
      enumerable: true,
      get: () => (cells ??= seriesCells(cube, body.currency ?? null)),
    });
    return series;
  }
}

/** Ingest a whole text at once (tests, small files, the library API). */
export function ingestText(text: string, options: IngestOptions): UsageSeries {
  const ing = new UsageIngestor(options);
  ing.push(new TextEncoder().encode(text));
  return ing.finish();
}
