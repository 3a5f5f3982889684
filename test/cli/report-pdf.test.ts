/**
 * `report --pdf`: report.pdf printed by headless Chromium holds every cell of the plan table (read back
 * with pdftotext), and the directory is written whole or not at all when no browser is found (exit 4).
 * The PDF test SKIPS, saying why, when chromium or pdftotext is missing (CI may have neither).
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/run-cli.js";
import { findChromium } from "../../src/cli/report-pdf.js";

const CFG = "fixtures/config/acme.config.yaml";
const CHROMIUM = findChromium(process.env);
const PDFTOTEXT = spawnSync("pdftotext", ["-v"]).error ? null : "pdftotext";
const SKIP = !CHROMIUM
  ? "no chromium binary (TOKENHEDGE_CHROMIUM or chromium on PATH)"
  : !PDFTOTEXT
    ? "no pdftotext (apt-get install poppler-utils)"
    : null;

/** The text of every cell of the plan table in report.html, row by row. */
function planCells(page: string): string[][] {
  const section = /<section id="contracts">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? "";
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(section)?.[1] ?? "";
  const unescape = (s: string): string => s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => unescape(c[1]!)),
  );
}

describe(`report --pdf${SKIP ? ` [SKIPPED: ${SKIP}]` : ""}`, () => {
  it.skipIf(SKIP !== null)("report.pdf's text holds every value of the plan table, row by row on one line", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-pdf-"));
    const r = runCli(["report", "--config", CFG, "--out", dir, "--as-of", "2026-11-05", "--pdf"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(join(dir, "report.pdf"));
    const pdf = readFileSync(join(dir, "report.pdf"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = spawnSync("pdftotext", ["-layout", join(dir, "report.pdf"), "-"], { encoding: "utf8" }).stdout;
    const rows = planCells(readFileSync(join(dir, "report.html"), "utf8"));
    expect(rows).toHaveLength(12);
    // the worked first row, written out (plan.csv: 2026-12, tenor 1, 78,807,901,225 tokens, ratio 0.8, 63 contracts at 2.1)
    expect(rows[0]).toEqual(["2026-12", "1", "78.81 B", "80%", "63", "79.9%", "2.100", "$132,300.00"]);
    const lines = text.split("\n");
    for (const row of rows) {
      const line = lines.find((l) => l.trimStart().startsWith(`${row[0]!} `) && l.includes(row[row.length - 1]!));
      expect(line, `plan row ${row[0]!} in the PDF`).toBeDefined();
      let at = 0;
      for (const cell of row) {
        const i = line!.indexOf(cell, at);
        expect(i, `${cell} in "${line!}"`).toBeGreaterThanOrEqual(0);
        at = i + cell.length;
      }
    }
  });
});

describe("report --pdf without a browser", () => {
  it("exits 4 with the tool's own message, and writes no directory", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "th-pdf-")), "out");
    const r = runCli(["report", "--config", CFG, "--out", dir, "--as-of", "2026-11-05", "--pdf"], {
      env: { TOKENHEDGE_CHROMIUM: "/nonexistent/chromium" },
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(
      "report --pdf needs headless Chromium: TOKENHEDGE_CHROMIUM=/nonexistent/chromium does not exist",
    );
    expect(r.stderr).toContain("TOKENHEDGE_CHROMIUM=/path/to/chromium");
    expect(existsSync(dir)).toBe(false);
  });
});
