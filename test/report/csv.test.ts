import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { renderCsv, guardText } from "../../src/report/render/csv.js";
import { toJson } from "../../src/report/json.js";

describe("CSV output", () => {
  it("guards text cells that a spreadsheet would run as formulas", () => {
    expect(guardText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(guardText("+1+1")).toBe("'+1+1");
    expect(guardText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(guardText("-2+3")).toBe("'-2+3");
    expect(guardText("\tx")).toBe("'\tx");
  });

  it("never mangles negative numbers, as numbers or as numeric text", () => {
    expect(renderCsv(["a", "b"], [[-1234.5, "-1234.5"]])).toBe("a,b\n-1234.5,-1234.5\n");
  });

  it("quotes delimiters, quotes and newlines, and reads back to the same values", () => {
    const text = renderCsv(
      ["model", "cost"],
      [
        ['gpt "4", mini\nx', -3.25],
        ["=cmd", 1e21],
      ],
    );
    const rows = parse(text) as string[][];
    expect(rows).toEqual([
      ["model", "cost"],
      ['gpt "4", mini\nx', "-3.25"],
      ["'=cmd", "1e+21"],
    ]);
  });
});

describe("JSON documents", () => {
  it("put schemaVersion first and write BigInt exactly", () => {
    const text = toJson({ command: "x", tokens: 2n ** 63n - 1n, n: 1 });
    expect(text.startsWith('{\n  "schemaVersion": 1,')).toBe(true);
    expect(text).toContain('"tokens": 9223372036854775807');
    expect(text.endsWith("}\n")).toBe(true);
  });
});
