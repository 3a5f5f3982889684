/**
 * An XLSX workbook (ECMA-376 SpreadsheetML, the minimal part set Excel, LibreOffice and Google Sheets open)
 * from typed tables. Numbers are numeric cells with a display format; text is an inline string cell
 * (`t="inlineStr"`), which a spreadsheet shows as text and never evaluates, so a value such as
 * `=HYPERLINK(…)` from an input file name or a title cannot become a formula. The workbook has no formula
 * cells at all. Deterministic: the same tables and date give the same bytes (see zip.ts).
 */
import { zipStored, type ZipEntry } from "./zip.js";

/** How a column's numbers are shown; the stored value is the number itself. */
export type CellKind = "text" | "integer" | "tokens" | "number" | "money" | "price" | "ratio" | "boolean";

export type CellValue = string | number | bigint | boolean | null | undefined;

/** A cell whose kind differs from its column's (a key/value sheet). */
export interface TypedCell {
  value: CellValue;
  kind: CellKind;
}

export interface SheetColumn {
  header: string;
  kind: CellKind;
}

export interface Sheet {
  /** 1–31 characters, none of : \ / ? * [ ] (Excel's rule). */
  name: string;
  columns: SheetColumn[];
  rows: (CellValue | TypedCell)[][];
}

export interface WorkbookMeta {
  title: string;
  /** YYYY-MM-DD: the workbook's created/modified date and every ZIP entry's date. */
  date: string;
  /** ISO 4217 code of the money columns. */
  currency: string;
}

/**
 * Excel numbers are IEEE doubles: integers beyond 2^53 − 1 lose digits. A whole number that large (a token
 * count) is written as a text cell with its exact digits, where a numeric cell would silently round it.
 */
export const MAX_EXACT_INTEGER = Number.MAX_SAFE_INTEGER;

/** True when `value` is a whole number beyond Excel's exact range, so the workbook writes it as text. */
export function writtenAsText(value: CellValue): boolean {
  if (typeof value === "bigint") return value > BigInt(MAX_EXACT_INTEGER) || value < -BigInt(MAX_EXACT_INTEGER);
  return typeof value === "number" && Number.isInteger(value) && Math.abs(value) > MAX_EXACT_INTEGER;
}

const INVALID_SHEET_NAME = /[:\\/?*[\]]/;

function isTyped(c: CellValue | TypedCell): c is TypedCell {
  return typeof c === "object" && c !== null;
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * XML text for an OOXML string: &, <, > escaped; characters XML 1.0 cannot carry (C0 controls other than tab
 * and line feed, CR which parsers fold into LF) as the ST_Xstring escape `_xHHHH_`, and a literal `_xHHHH_`
 * protected as `_x005F_xHHHH_` so it reads back as written.
 */
export function xmlText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(
      // eslint-disable-next-line no-control-regex -- these are the characters being escaped
      /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    )
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

// Style indices into cellXfs below; numFmt 3 is Excel's built-in #,##0 and 10 is 0.00%.
const STYLE: Record<CellKind | "header", number> = {
  text: 0,
  boolean: 0,
  number: 0,
  header: 1,
  integer: 2,
  tokens: 2,
  money: 3,
  price: 4,
  ratio: 5,
};

function currencyFormats(currency: string): { money: string; price: string } {
  // A dollar sign for USD; otherwise the ISO code after the figure, which every locale reads the same way.
  if (currency === "USD") return { money: '"$"#,##0.00;-"$"#,##0.00', price: '"$"#,##0.00##;-"$"#,##0.00##' };
  return { money: `#,##0.00 "${currency}";-#,##0.00 "${currency}"`, price: `#,##0.00## "${currency}"` };
}

function stylesXml(currency: string): string {
  const f = currencyFormats(currency);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<numFmts count="2"><numFmt numFmtId="164" formatCode="${xmlText(f.money)}"/><numFmt numFmtId="165" formatCode="${xmlText(f.price)}"/></numFmts>` +
    `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="6">` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
    `<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`
  );
}

function textCell(ref: string, text: string, style = 0): string {
  const s = style ? ` s="${style}"` : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

/** One cell's XML, or "" for an empty cell. */
function cellXml(ref: string, value: CellValue, kind: CellKind): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "number" && !Number.isFinite(value)) return "";
  if (writtenAsText(value)) return textCell(ref, BigInt(value).toString());
  if (typeof value === "number" || typeof value === "bigint")
    return `<c r="${ref}" s="${STYLE[kind]}"><v>${String(value)}</v></c>`;
  return textCell(ref, value);
}

function sheetXml(sheet: Sheet): string {
  const rows: string[] = [];
  const head = sheet.columns.map((c, i) => textCell(`${columnName(i)}1`, c.header, STYLE.header)).join("");
  rows.push(`<row r="1">${head}</row>`);
  sheet.rows.forEach((row, r) => {
    const cells = row
      .map((cell, i) => {
        const kind = isTyped(cell) ? cell.kind : (sheet.columns[i]?.kind ?? "text");
        const value = isTyped(cell) ? cell.value : cell;
        return cellXml(`${columnName(i)}${r + 2}`, value, kind);
      })
      .join("");
    rows.push(`<row r="${r + 2}">${cells}</row>`);
  });
  const widths = sheet.columns
    .map((c, i) => {
      const longest = Math.max(
        c.header.length,
        ...sheet.rows.map((row) => {
          const cell = row[i];
          const v = isTyped(cell ?? null) ? (cell as TypedCell).value : (cell as CellValue);
          return v === null || v === undefined ? 0 : String(v).length;
        }),
      );
      const width = Math.min(Math.max(longest + 2, 8), 60);
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    // The header row stays in view while scrolling.
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    (widths ? `<cols>${widths}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    `</worksheet>`
  );
}

function checkSheetNames(sheets: readonly Sheet[]): void {
  const seen = new Set<string>();
  for (const s of sheets) {
    const key = s.name.toLowerCase();
    // A programming error, not a user's: the report's sheet names are fixed in report-workbook.ts.
    if (s.name.length < 1 || s.name.length > 31 || INVALID_SHEET_NAME.test(s.name) || seen.has(key))
      throw new Error(`invalid or repeated sheet name: ${s.name}`);
    seen.add(key);
  }
}

/** The workbook's parts, by path inside the package (exported for tests that read the XML back). */
export function workbookParts(sheets: readonly Sheet[], meta: WorkbookMeta): ZipEntry[] {
  checkSheetNames(sheets);
  const enc = new TextEncoder();
  const sheetParts = sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, xml: sheetXml(s) }));
  const stamp = `${meta.date}T00:00:00Z`;
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  const files: [string, string][] = [
    [
      "[Content_Types].xml",
      xml +
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        sheetParts
          .map(
            (p) =>
              `<Override PartName="/${p.name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
        `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
        `</Types>`,
    ],
    [
      "_rels/.rels",
      xml +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
        `</Relationships>`,
    ],
    [
      "docProps/core.xml",
      xml +
        `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:title>${xmlText(meta.title)}</dc:title><dc:creator>tokenhedge</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
        `</cp:coreProperties>`,
    ],
    [
      "docProps/app.xml",
      xml +
        `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>tokenhedge</Application></Properties>`,
    ],
    [
      "xl/workbook.xml",
      xml +
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `<bookViews><workbookView/></bookViews><sheets>` +
        sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        `</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      xml +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheetParts
          .map(
            (p, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${p.name.slice(3)}"/>`,
          )
          .join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    ],
    ["xl/styles.xml", stylesXml(meta.currency)],
    ...sheetParts.map((p): [string, string] => [p.name, p.xml]),
  ];
  return files.map(([name, text]) => ({ name, data: enc.encode(text) }));
}

/** The .xlsx bytes of `sheets`. */
export function renderXlsx(sheets: readonly Sheet[], meta: WorkbookMeta): Uint8Array {
  return zipStored(workbookParts(sheets, meta), meta.date);
}
