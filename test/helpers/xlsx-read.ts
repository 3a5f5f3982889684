/**
 * Read an .xlsx back for a test, independently of the writer: the ZIP's central directory (stored or
 * deflated entries), then each sheet's cells as written in the XML (type, style, value, and whether the
 * cell carries a formula).
 */
import { inflateRawSync } from "node:zlib";

export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error("not a ZIP: no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory entry");
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString("utf8");
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + compressed);
    files.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

export interface ReadCell {
  ref: string;
  /** The t attribute: undefined or "n" for a number, "inlineStr", "s", "str", "b". */
  type: string | undefined;
  style: number;
  /** The number, or the text of a string cell (ST_Xstring escapes undone). */
  value: number | string | boolean;
  formula: boolean;
}

const unescapeXml = (s: string): string =>
  s
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** Sheet name → its cells by reference (A1, B2 …). */
export function readWorkbook(bytes: Uint8Array): Map<string, Map<string, ReadCell>> {
  const files = unzip(bytes);
  const text = (name: string): string => {
    const f = files.get(name);
    if (!f) throw new Error(`missing part ${name}`);
    return f.toString("utf8");
  };
  const rels = new Map<string, string>();
  for (const m of text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"/g))
    rels.set(m[1]!, m[2]!);
  const sheets = new Map<string, Map<string, ReadCell>>();
  for (const m of text("xl/workbook.xml").matchAll(/<sheet name="([^"]+)" sheetId="\d+" r:id="([^"]+)"\/>/g)) {
    const xml = text(`xl/${rels.get(m[2]!)!}`);
    const cells = new Map<string, ReadCell>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/g)) {
      const attrs = c[2]!;
      const body = c[3]!;
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
      const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      const t = /<t[^>]*>([^<]*)<\/t>/.exec(body)?.[1];
      const value =
        type === "inlineStr" ? unescapeXml(t ?? "") : type === "b" ? v === "1" : type === "str" ? v! : Number(v);
      cells.set(c[1]!, { ref: c[1]!, type, style, value, formula: /<f[\s>]/.test(body) });
    }
    sheets.set(unescapeXml(m[1]!), cells);
  }
  return sheets;
}

/** The sheet's rows under its header, as header → cell (a missing cell is absent). */
export function sheetRows(cells: Map<string, ReadCell>): Record<string, ReadCell>[] {
  const byRow = new Map<number, Map<string, ReadCell>>();
  for (const cell of cells.values()) {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(cell.ref)!;
    if (!byRow.has(Number(row))) byRow.set(Number(row), new Map());
    byRow.get(Number(row))!.set(col!, cell);
  }
  const header = byRow.get(1)!;
  const rows: Record<string, ReadCell>[] = [];
  const last = Math.max(...byRow.keys());
  for (let r = 2; r <= last; r++) {
    const row: Record<string, ReadCell> = {};
    for (const [col, cell] of byRow.get(r) ?? []) row[String(header.get(col)!.value)] = cell;
    rows.push(row);
  }
  return rows;
}
