import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { CsvScanner, CsvSyntaxError, recordFields, recordText } from "../../src/csv/scanner.js";

const enc = new TextEncoder();

/** Scan `text` fed in the given chunk sizes; returns the records and their start lines. */
function scan(text: string, delimiter = ",", cuts: number[] = []): { rows: string[][]; lines: number[] } {
  const bytes = enc.encode(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  const scanner = new CsvScanner(
    delimiter.charCodeAt(0),
    (rec) => {
      rows.push(recordFields(rec));
      lines.push(rec.line);
    },
    { bufferSize: 16 },
  );
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    const cut = Math.min(Math.max(c, at), bytes.length);
    scanner.push(bytes.subarray(at, cut));
    at = cut;
  }
  scanner.push(bytes.subarray(at));
  scanner.end();
  return { rows, lines };
}

describe("CSV scanner", () => {
  it("splits plain, quoted and escaped fields", () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"two\nlines",3\n';
    expect(scan(text).rows).toEqual([
      ["a", "b", "c"],
      ["1", "x, y", 'say "hi"'],
      ["2", "two\nlines", "3"],
    ]);
  });

  it("reports the physical line on which each record starts, across embedded newlines", () => {
    const { lines } = scan('h1,h2\n"a\nb",1\n\nc,2\r\nd,3');
    // record 2 starts on line 2 and spans 2 lines; line 4 is empty; c on 5, d on 6.
    expect(lines).toEqual([1, 2, 5, 6]);
  });

  it("handles CRLF, a missing final newline, semicolons and tabs", () => {
    expect(scan("a;b\r\n1;2", ";").rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(scan("a\tb\r\n1\t\r\n", "\t").rows).toEqual([
      ["a", "b"],
      ["1", ""],
    ]);
  });

  it("gives the raw record text for error messages", () => {
    const raws: string[] = [];
    const s = new CsvScanner(44, (rec) => raws.push(recordText(rec)));
    s.push(enc.encode('a,b\r\n"x",2\n'));
    s.end();
    expect(raws).toEqual(["a,b", '"x",2']);
  });

  it("an unclosed quote and text after a closing quote are syntax errors with the line", () => {
    expect(() => scan('a,b\n1,"open\n')).toThrow(CsvSyntaxError);
    try {
      scan('a,b\n1,2\n"x"y,3\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(3);
    }
  });

  // Differential test: any well-formed CSV, cut into any chunks, scans to what csv-parse returns.
  const fieldArb = fc.oneof(
    fc.stringMatching(/^[a-z0-9 .é€-]{0,6}$/),
    fc
      .array(fc.constantFrom("a", ",", ";", "\t", '"', "\n", "\r\n", " ", "é", "1"), { maxLength: 6 })
      .map((xs) => xs.join("")),
  );
  const fileArb = fc.record({
    delimiter: fc.constantFrom(",", ";", "\t"),
    eol: fc.constantFrom("\n", "\r\n"),
    width: fc.integer({ min: 2, max: 5 }),
    rows: fc.array(fc.array(fieldArb, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
    quoteAll: fc.boolean(),
    finalEol: fc.boolean(),
    bom: fc.boolean(),
    cuts: fc.array(fc.nat(400), { maxLength: 6 }),
  });

  it("matches csv-parse on random files (quotes, delimiters and newlines inside fields, CRLF, BOM)", () => {
    fc.assert(
      fc.property(fileArb, (f) => {
        const needsQuote = (v: string) =>
          v.includes(f.delimiter) || v.includes('"') || v.includes("\n") || v.includes("\r") || v === "";
        const text =
          (f.bom ? "\uFEFF" : "") +
          f.rows
            .map((r) =>
              r
                .slice(0, f.width)
                .map((v) => (f.quoteAll || needsQuote(v) ? `"${v.replace(/"/g, '""')}"` : v))
                .join(f.delimiter),
            )
            .join(f.eol) +
          (f.finalEol ? f.eol : "");
        const expected = parse(text, {
          bom: true,
          delimiter: f.delimiter,
          relax_column_count: true,
          skip_empty_lines: true,
        }) as string[][];
        // The BOM is the sniffer's job (sniff.ts); the scanner sees the bytes after it.
        const body = f.bom ? text.slice(1) : text;
        expect(scan(body, f.delimiter, f.cuts).rows).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
