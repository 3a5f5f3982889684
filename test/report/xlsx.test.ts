/** The XLSX writer (src/report/xlsx): ZIP container, cell types, the 2^53 rule for token counts, XML escaping. */
import { describe, expect, it } from "vitest";
import { crc32, dosDateTime, zipStored } from "../../src/report/xlsx/zip.js";
import { columnName, renderXlsx, writtenAsText, xmlText, type Sheet } from "../../src/report/xlsx/workbook.js";
import { readWorkbook, sheetRows, unzip } from "../helpers/xlsx-read.js";

const META = { title: "t", date: "2026-11-05", currency: "USD" };

describe("zip", () => {
  it("CRC-32 of the standard check string is 0xCBF43926", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("dates every entry by the DOS date of the day given", () => {
    expect(dosDateTime("2026-11-05")).toEqual({ date: (46 << 9) | (11 << 5) | 5, time: 0 });
    expect(dosDateTime("1970-01-01").date).toBe((0 << 9) | (1 << 5) | 1);
  });

  it("reads back entry by entry", () => {
    const enc = new TextEncoder();
    const zip = zipStored(
      [
        { name: "a.txt", data: enc.encode("alpha") },
        { name: "dir/b.xml", data: enc.encode("<b/>") },
      ],
      "2026-11-05",
    );
    const files = unzip(zip);
    expect([...files.keys()]).toEqual(["a.txt", "dir/b.xml"]);
    expect(files.get("dir/b.xml")!.toString()).toBe("<b/>");
  });
});

describe("workbook cells", () => {
  const sheet: Sheet = {
    name: "T",
    columns: [
      { header: "name", kind: "text" },
      { header: "tokens", kind: "tokens" },
      { header: "cost", kind: "money" },
      { header: "ok", kind: "boolean" },
    ],
    rows: [
      ["=1+1", 123, 4.5, true],
      ["+cmd|' /C calc'!A0", 2n ** 53n + 1n, -0.01, false],
      ["-2", 9007199254740991, null, null],
      ["@SUM(A1)\u0001_x0041_<&>", 1e16, 0, false],
    ],
  };
  const book = readWorkbook(renderXlsx([sheet], META));
  const rows = sheetRows(book.get("T")!);

  it("writes text as inline strings (never formulas) and numbers as numbers", () => {
    expect(rows.map((r) => r["name"]!.type)).toEqual(["inlineStr", "inlineStr", "inlineStr", "inlineStr"]);
    expect(rows.map((r) => r["name"]!.value)).toEqual(["=1+1", "+cmd|' /C calc'!A0", "-2", "@SUM(A1)\u0001_x0041_<&>"]);
    for (const cells of book.values()) for (const c of cells.values()) expect(c.formula).toBe(false);
    expect(rows[0]!["tokens"]).toMatchObject({ type: undefined, value: 123, style: 2 });
    expect(rows[0]!["cost"]).toMatchObject({ type: undefined, value: 4.5, style: 3 });
    expect(rows[1]!["cost"]!.value).toBe(-0.01);
    expect(rows[0]!["ok"]).toMatchObject({ type: "b", value: true });
    expect(rows[2]!["cost"]).toBeUndefined(); // null: an empty cell
  });

  it("writes token counts above 2^53 − 1 as text with the exact digits; 2^53 − 1 itself is a number", () => {
    expect(rows[1]!["tokens"]).toMatchObject({ type: "inlineStr", value: "9007199254740993" });
    expect(rows[2]!["tokens"]).toMatchObject({ type: undefined, value: 9007199254740991 });
    expect(rows[3]!["tokens"]).toMatchObject({ type: "inlineStr", value: "10000000000000000" });
    expect(writtenAsText(2n ** 53n)).toBe(true);
    expect(writtenAsText(2 ** 53 - 1)).toBe(false);
    expect(writtenAsText(1.5e300)).toBe(true);
    expect(writtenAsText(0.5)).toBe(false);
  });

  it("escapes XML and the characters XML cannot carry", () => {
    expect(xmlText("a<b>&\u0001\r_x0041_")).toBe("a&lt;b&gt;&amp;_x0001__x000D__x005F_x0041_");
  });

  it("names columns A … Z, AA …", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });

  it("refuses a sheet name Excel would reject", () => {
    expect(() => renderXlsx([{ ...sheet, name: "a/b" }], META)).toThrow(/sheet name/);
    expect(() => renderXlsx([sheet, sheet], META)).toThrow(/sheet name/);
  });

  it("gives the same bytes twice", () => {
    expect(Buffer.compare(Buffer.from(renderXlsx([sheet], META)), Buffer.from(renderXlsx([sheet], META)))).toBe(0);
  });
});
