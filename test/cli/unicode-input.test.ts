/**
 * UTF-16 and UTF-32 input is named with its exact encoding and the iconv line that converts it
 * (exit 3), told from the byte-order mark (FF FE, FE FF, FF FE 00 00, 00 00 FE FF) or,
 * without one, from where the NUL bytes fall. Usage files (plain and .csv.gz) and small inputs
 * (a curve, a contract spec, a config) alike. Before this a UTF-16 file was "UTF-16 text" with
 * `iconv -f UTF-16`, and UTF-32 without a mark was "binary data".
 */
import { afterAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { binaryKind, utf8Hint } from "../../src/csv/text-checks.js";
import { ROOT, runHere } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "th-unicode-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const f of ["usage.csv", "token-curve.csv", "token-contract.json", "policy.json"])
  copyFileSync(join(ROOT, "fixtures/acme", f), join(dir, f));

const utf16 = (s: string, be: boolean): Buffer => (be ? Buffer.from(s, "utf16le").swap16() : Buffer.from(s, "utf16le"));
function utf32(s: string, be: boolean): Buffer {
  const cps = [...s].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (be ? b.writeUInt32BE(cp, i * 4) : b.writeUInt32LE(cp, i * 4)));
  return b;
}
const BOM: Record<string, number[]> = {
  "UTF-16LE": [0xff, 0xfe],
  "UTF-16BE": [0xfe, 0xff],
  "UTF-32LE": [0xff, 0xfe, 0, 0],
  "UTF-32BE": [0, 0, 0xfe, 0xff],
};
function encode(text: string, encoding: string, bom: boolean): Buffer {
  const be = encoding.endsWith("BE");
  const body = encoding.startsWith("UTF-16") ? utf16(text, be) : utf32(text, be);
  return bom ? Buffer.concat([Buffer.from(BOM[encoding]!), body]) : body;
}

const USAGE = "date,tokens,model\n2026-01-01,5,gpt-4o\n2026-01-02,7,gpt-4o\n";
const CASES: [string, boolean, string][] = [
  ["UTF-16LE", true, "byte-order mark FF FE"],
  ["UTF-16BE", true, "byte-order mark FE FF"],
  ["UTF-32LE", true, "byte-order mark FF FE 00 00"],
  ["UTF-32BE", true, "byte-order mark 00 00 FE FF"],
  ["UTF-16LE", false, "no byte-order mark"],
  ["UTF-16BE", false, "no byte-order mark"],
  ["UTF-32LE", false, "no byte-order mark"],
  ["UTF-32BE", false, "no byte-order mark"],
];

describe("UTF-16/UTF-32 usage files", () => {
  it.each(CASES)("%s (BOM %s): exit 3, '%s', and the iconv line for this file", async (encoding, bom, mark) => {
    const file = `u-${encoding}-${bom ? "bom" : "nobom"}.csv`;
    writeFileSync(join(dir, file), encode(USAGE, encoding, bom));
    const r = await runHere(["ingest", file], dir, { TOKENHEDGE_CONFIG: "" });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}: this is ${encoding} text (${mark}), not UTF-8`);
    expect(r.stderr).toContain(
      `hint:     save it as UTF-8, e.g. iconv -f ${encoding} -t UTF-8 ${file} > ${file.replace(/\.csv$/, ".utf8.csv")}`,
    );
  });

  it("a gzipped UTF-16LE export: named after decompression, with a gunzip | iconv line", async () => {
    writeFileSync(join(dir, "export.csv.gz"), gzipSync(encode(USAGE, "UTF-16LE", true)));
    for (const cmd of ["ingest", "forecast"]) {
      const r = await runHere([cmd, "export.csv.gz"], dir, { TOKENHEDGE_CONFIG: "" });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(
        "export.csv.gz (decompressed): this is UTF-16LE text (byte-order mark FF FE), not UTF-8",
      );
      expect(r.stderr).toContain("gunzip -c export.csv.gz | iconv -f UTF-16LE -t UTF-8 > export.utf8.csv");
    }
  });
});

describe("UTF-16/UTF-32 small inputs", () => {
  it("a UTF-16LE curve given to plan: exit 3, named", async () => {
    writeFileSync(join(dir, "curve16.csv"), encode("month,price\n2027-01,1.5\n", "UTF-16LE", true));
    const r = await runHere(
      ["plan", "usage.csv", "--curve", "curve16.csv", "--contract", "token-contract.json", "--policy", "policy.json"],
      dir,
      { TOKENHEDGE_CONFIG: "" },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("curve16.csv: this is UTF-16LE text (byte-order mark FF FE), not UTF-8");
    expect(r.stderr).toContain("iconv -f UTF-16LE -t UTF-8 curve16.csv > curve16.utf8.csv");
  });

  it("a UTF-32BE contract spec without a mark: exit 3, named", async () => {
    writeFileSync(join(dir, "spec32.json"), encode('{"name":"x"}\n', "UTF-32BE", false));
    const r = await runHere(
      ["plan", "usage.csv", "--curve", "token-curve.csv", "--contract", "spec32.json", "--policy", "policy.json"],
      dir,
      { TOKENHEDGE_CONFIG: "" },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("spec32.json: this is UTF-32BE text (no byte-order mark), not UTF-8");
    expect(r.stderr).toContain("iconv -f UTF-32BE -t UTF-8 spec32.json > spec32.utf8.json");
  });

  it("a UTF-16BE config: exit 3, named", async () => {
    writeFileSync(join(dir, "c16.yaml"), encode("version: 1\nusage:\n  file: usage.csv\n", "UTF-16BE", true));
    const r = await runHere(["ingest", "--config", "c16.yaml"], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("c16.yaml: this is UTF-16BE text (byte-order mark FE FF), not UTF-8");
    expect(r.stderr).toContain("iconv -f UTF-16BE -t UTF-8 c16.yaml > c16.utf8.yaml");
  });
});

describe("the detection itself", () => {
  it("UTF-8 text with non-ASCII characters, a UTF-8 BOM, or a tab-separated file is not flagged", () => {
    expect(binaryKind(Buffer.from("date,tokens,model\n2026-01-01,5,modèle-é€😀\n"))).toBeUndefined();
    expect(binaryKind(Buffer.from("\uFEFFdate;tokens\r\n2026-01-01;5\r\n"))).toBeUndefined();
    expect(binaryKind(Buffer.from("date\ttokens\n2026-01-01\t5\n"))).toBeUndefined();
  });

  it("UTF-32LE with a few characters outside the BMP is still UTF-32LE, not UTF-16", () => {
    expect(binaryKind(encode("date,tokens,model\n2026-01-01,5,m😀\n", "UTF-32LE", false))?.encoding).toBe("UTF-32LE");
  });

  it("the hint quotes a name with a space and keeps a name without an extension", () => {
    expect(utf8Hint("UTF-16LE", "my usage.csv")).toBe(
      "save it as UTF-8, e.g. iconv -f UTF-16LE -t UTF-8 'my usage.csv' > 'my usage.utf8.csv'",
    );
    expect(utf8Hint("UTF-16LE", "data/usage")).toBe(
      "save it as UTF-8, e.g. iconv -f UTF-16LE -t UTF-8 data/usage > data/usage.utf8",
    );
  });
});
