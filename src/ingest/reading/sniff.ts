/**
 * Sniffing the start of a usage file — the first SNIFF_BYTES the engine holds back: the byte order mark, lone-CR
 * line ends, the delimiter, the first records, and which export it is with the line of its header (a known
 * profile, the generic columns, or the user's mapping file). Pure; engine.ts calls it once, before any row is mapped.
 */
import { HedgeError } from "../../errors.js";
import { CsvScanner, CsvSyntaxError, recordFields, type CsvRecord } from "../../csv/scanner.js";
import type { MappingSpec } from "../mapping/schema.js";
import type { IngestOptions } from "./options.js";
import { detectProfile, profileById } from "../mapping/profiles/index.js";
import { buildGeneric, genericProfile } from "../mapping/profiles/generic.js";
import { makeHeader, type Profile } from "../mapping/profiles/types.js";

/** Bytes held back to sniff before the first record is mapped. */
export const SNIFF_BYTES = 256 * 1024;
const HEADER_SEARCH_LINES = 20;
const BOM = [0xef, 0xbb, 0xbf];

export interface SniffedRecord {
  fields: string[];
  line: number;
  next: number;
}

class StopSniff extends Error {}

/** The first records of the sniff window, as text. */
function sniffRecords(bytes: Uint8Array, delimiter: number, final: boolean, max: number): SniffedRecord[] {
  const out: SniffedRecord[] = [];
  const scanner = new CsvScanner(
    delimiter,
    (rec: CsvRecord) => {
      out.push({ fields: recordFields(rec), line: rec.line, next: rec.next });
      if (out.length >= max) throw new StopSniff();
    },
    { bufferSize: Math.max(bytes.length, 1024) },
  );
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
export function crToLf(chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = Uint8Array.from(chunk);
  for (let i = out.indexOf(13); i >= 0; i = out.indexOf(13, i + 1)) out[i] = 10;
  return out;
}

/** An error given the file's name when it has none (a USAGE error is about flags, not the file). */
export function withFile(e: unknown, file: string): unknown {
  if (e instanceof HedgeError && e.details.file === undefined && e.code !== "USAGE")
    return new HedgeError(e.code, e.message, { ...e.details, file });
  return e;
}

/** The sniff window as one array: without a byte order mark, lone CRs made LF; an all-blank window is an error. */
export function sniffWindow(
  chunks: readonly Uint8Array[],
  length: number,
  file: string,
): { bytes: Uint8Array; crOnly: boolean } {
  let bytes = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  if (bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) bytes = bytes.subarray(3);
  // Line ends of old Mac exports are a lone CR: read as LF (csv-parse does the same).
  const crOnly = bytes.includes(13) && !bytes.includes(10);
  if (crOnly) bytes = crToLf(bytes);
  if (bytes.every((b) => b === 10 || b === 13 || b === 32)) {
    throw new HedgeError("INPUT_EMPTY", "the usage file is empty", {
      file,
      expected: "a header row and at least one usage row",
    });
  }

  return { bytes, crOnly };
}

/** What the sniff found: the delimiter, the first records, the header among them and the mapping to apply. */
export interface SniffedExport {
  delimiter: string;
  records: SniffedRecord[];
  headerIndex: number;
  spec: MappingSpec;
  notes: string[];
  id: string;
  title: string;
  reason: string;
}

/**
 * The delimiter (flag, mapping file, else detected), the first records, and the export: the mapping file if given;
 * else `--format`, `--map` (generic columns), or the first of the first HEADER_SEARCH_LINES lines a known profile
 * recognises (lines above it are a preamble); else the generic columns by name. `final` when the window is the
 * whole file.
 */
export function sniffExport(bytes: Uint8Array, o: IngestOptions, final: boolean): SniffedExport {
  const mapping = o.mapping;
  const delimiter =
    o.delimiter ?? (mapping?.delimiter && mapping.delimiter !== "auto" ? mapping.delimiter : detectDelimiter(bytes));
  const records = sniffRecords(bytes, delimiter.charCodeAt(0), final, HEADER_SEARCH_LINES + 2);
  if (records.length === 0) {
    throw new HedgeError("INPUT_EMPTY", "the usage file is empty", {
      file: o.file,
      expected: "a header row and at least one usage row",
    });
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
            reason =
              hit.reason +
              (i > 0 ? ` (header on line ${records[i]!.line}, ${i} preamble line${i === 1 ? "" : "s"} skipped)` : "");
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
          throw new HedgeError(
            "INPUT_CSV_SYNTAX",
            `not valid CSV: Invalid Record Length: expect ${header.names.length}, got ${next.fields.length} on line ${next.line}`,
            {
              file: o.file,
              line: next.line,
              expected: `${header.names.length} fields, as in the header on line ${records[headerIndex]!.line}`,
              hint: "a row has a different number of fields than the header: a title line above the header, an unquoted delimiter inside a value, or the wrong delimiter?",
            },
          );
        }
        const choice = buildGeneric(header, {
          ...(o.containment ? { containment: o.containment } : {}),
          ...(o.map ? { map: o.map } : {}),
        });
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
  return { delimiter, records, headerIndex, spec, notes, id, title, reason };
}
