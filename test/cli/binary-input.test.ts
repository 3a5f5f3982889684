/**
 * Binary and text hygiene: compressed, columnar, UTF-16/32 and binary files are
 * named with the way forward; invalid UTF-8 and NUL are errors at file:line:column; control
 * characters never reach the terminal raw, in errors or in human output.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binaryKind, textProblem } from "../../src/csv/text-checks.js";
import { escapeControl, escapeHumanOutput } from "../../src/cli/error-report.js";
import { runHere } from "../helpers/run-cli.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "th-bin-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (...xs: number[]): Uint8Array => Uint8Array.from(xs);
const utf16le = (s: string): Buffer => Buffer.from(s, "utf16le");

describe("binary input: magic bytes", () => {
  it.each<[string, Uint8Array, RegExp, RegExp]>([
    ["gzip", bytes(0x1f, 0x8b, 8, 0, 0, 0), /gzip/, /gunzip/],
    ["zip / xlsx", Buffer.from("PK\u0003\u0004rest"), /zip archive/, /unzip/],
    ["Parquet", Buffer.from("PAR1\u0000\u0000\u0015"), /Parquet/, /CSV/],
    ["UTF-16 with BOM", Buffer.concat([bytes(0xff, 0xfe), utf16le("date,tokens\n")]), /UTF-16/, /iconv/],
    ["UTF-16 without BOM", utf16le("date,tokens\n2026-01-01,5\n"), /UTF-16/, /iconv/],
    ["UTF-32", bytes(0xff, 0xfe, 0, 0, 0x64, 0, 0, 0), /UTF-32/, /iconv/],
    ["random binary", Uint8Array.from({ length: 512 }, (_, i) => (i * 197 + 13) % 256), /binary data/, /text file/],
  ])("%s is named, with the way forward", async (name, content, what, forward) => {
    const k = binaryKind(content);
    expect(k?.what).toMatch(what);
    expect(k?.hint).toMatch(forward);
    const file = `${name.replace(/\W+/g, "-")}.csv`;
    writeFileSync(join(dir, file), content);
    const r = await runHere(["ingest", file], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(what);
    const c = await runHere(["curve", file], dir);
    expect(c.code).toBe(3);
    expect(c.stderr).toMatch(what);
  });

  it("plain CSV text is not flagged", () => {
    expect(binaryKind(Buffer.from("date,tokens\n2026-01-01,5\n"))).toBeUndefined();
    expect(binaryKind(Buffer.from("\uFEFFdate;tokens\r\n2026-01-01;5\r\n"))).toBeUndefined();
  });
});

describe("binary input: invalid UTF-8 and NUL at file:line:column", () => {
  it("finds the byte: line 2, column 17", () => {
    // "2026-01-01,5,gpt" is 16 bytes, so the 0xff is column 17 of line 2.
    const p = textProblem(
      Buffer.concat([Buffer.from("date,tokens,model\n2026-01-01,5,gpt"), bytes(0xff), Buffer.from("\n")]),
    );
    expect(p).toMatchObject({ line: 2, column: 17 });
    expect(p?.message).toMatch(/invalid UTF-8 \(byte 0xff\)/);
  });

  it("a usage file with invalid UTF-8 fails at file:line:column instead of becoming U+FFFD", async () => {
    writeFileSync(
      join(dir, "latin1.csv"),
      Buffer.concat([Buffer.from("date,tokens,model\n2026-01-01,5,caf"), bytes(0xe9), Buffer.from("\n")]),
    );
    const r = await runHere(["ingest", "latin1.csv"], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^tokenhedge: error: latin1\.csv:2:17: invalid UTF-8 \(byte 0xe9\)/);
  });

  it("a NUL byte in a model name is an error at its position", async () => {
    writeFileSync(join(dir, "nul.csv"), "date,tokens,model\n2026-01-01,5,gp\u0000t\n");
    const r = await runHere(["ingest", "nul.csv"], dir);
    expect(r.code).toBe(3);
    // "2026-01-01,5,gp" is 15 bytes: the NUL is column 16.
    expect(r.stderr).toMatch(/nul\.csv:2:16: a NUL byte/);
  });

  it("valid multi-byte text split across read chunks is accepted (é, €, emoji)", async () => {
    const row = "2026-01-01,5,mod-é€😀\n";
    writeFileSync(join(dir, "utf8.csv"), "date,tokens,model\n" + row.repeat(120000));
    const r = await runHere(["ingest", "utf8.csv", "--json"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("mod-é€😀");
  });

  it("an invalid byte in a curve is found too", async () => {
    // "2027-01,2.1" is 11 bytes: the bad byte is column 12.
    writeFileSync(
      join(dir, "bad-curve.csv"),
      Buffer.concat([Buffer.from("month,price\n2027-01,2.1"), bytes(0xc3, 0x28), Buffer.from("\n")]),
    );
    const r = await runHere(["curve", "bad-curve.csv"], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/bad-curve\.csv:2:12: invalid UTF-8 \(byte 0xc3\)/);
  });
});

describe("binary input: control characters escaped", () => {
  it("escapes ESC, BEL and C1 controls, keeps line breaks in layout mode", () => {
    expect(escapeControl("a\u001b]0;owned\u0007b")).toBe("a\\x1b]0;owned\\x07b");
    expect(escapeControl("x\u009by")).toBe("x\\x9by");
    expect(escapeControl("one\ntwo", true)).toBe("one\ntwo");
    expect(escapeControl("one\ntwo")).toBe("one\\x0atwo");
  });

  it("human output keeps the renderers' colour codes but escapes everything else", () => {
    expect(escapeHumanOutput("\u001b[1mbold\u001b[22m \u001b[2Jclear")).toBe("\u001b[1mbold\u001b[22m \\x1b[2Jclear");
  });

  it("a model name with a terminal title sequence and a screen clear prints escaped", async () => {
    writeFileSync(join(dir, "esc.csv"), "date,tokens,model\n2026-01-01,5,\u001b]0;pwned\u0007\u001b[2Jevil\n");
    const r = await runHere(["ingest", "esc.csv"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("\u001b]0;");
    expect(r.stdout).not.toContain("\u001b[2J");
    expect(r.stdout).toContain("\\x1b]0;pwned\\x07\\x1b[2Jevil");
  });

  it("an error line quoting a hostile value prints it escaped", async () => {
    writeFileSync(join(dir, "esc-err.csv"), "date,tokens,model\n2026-01-01,\u001b[2J5,m\n");
    const r = await runHere(["ingest", "esc-err.csv"], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain("\u001b");
    expect(r.stderr).toContain("\\x1b[2J5");
  });
});
