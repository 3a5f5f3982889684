/**
 * `report --xlsx` writes report.xlsx (a sheet per table, figures as number cells, byte-identical
 * reruns, text that cannot become a formula) and `report --excel` writes the CSV tables for Excel.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { readWorkbook, sheetRows } from "../helpers/xlsx-read.js";

const CFG = "fixtures/config/acme.config.yaml";
const report = (out: string, extra: string[] = [], cfg = CFG) =>
  runCli(["report", "--config", cfg, "--out", out, "--as-of", "2026-11-05", ...extra]);

describe("report --xlsx on the Acme config", () => {
  const dir = mkdtempSync(join(tmpdir(), "th-xlsx-"));
  const first = report(join(dir, "a"), ["--xlsx"]);
  const second = report(join(dir, "b"), ["--xlsx"]);
  const bytes = readFileSync(join(dir, "a", "report.xlsx"));
  const doc = JSON.parse(readFileSync(join(dir, "a", "report.json"), "utf8"));
  const book = readWorkbook(bytes);

  it("writes report.xlsx beside the other files, the same bytes on a rerun", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(first.stdout).toContain("report.xlsx");
    expect(Buffer.compare(bytes, readFileSync(join(dir, "b", "report.xlsx")))).toBe(0);
  });

  it("has one sheet per table, in reading order", () => {
    expect([...book.keys()]).toEqual([
      "About",
      "Forecast",
      "Curve",
      "Plan",
      "Scenarios",
      "Simulation",
      "Cost distribution",
      "Checks",
      "Inputs",
      "Parameters",
    ]);
  });

  it("holds every value of the report's plan, figures as number cells", () => {
    const rows = sheetRows(book.get("Plan")!);
    const months = doc.plan.months as Record<string, unknown>[];
    expect(rows).toHaveLength(12);
    // The Acme plan's contracts per month, written out (plan.csv on the same fixtures).
    expect(rows.map((r) => r["contracts"]!.value)).toEqual([63, 67, 71, 57, 60, 64, 45, 48, 51, 34, 36, 38]);
    const numeric = [
      "tenor",
      "forecastTokens",
      "targetRatio",
      "hedgeRatio",
      "capTokens",
      "contractsUnrounded",
      "contracts",
      "hedgedTokens",
      "achievedRatio",
      "probabilityOverHedge",
      "futuresPrice",
      "lockedInCost",
      "initialMargin",
      "fees",
    ];
    rows.forEach((row, i) => {
      const m = months[i]!;
      expect(row["month"]!.value).toBe(m["month"]);
      expect(row["month"]!.type).toBe("inlineStr");
      for (const key of numeric) {
        const cell = row[key]!;
        expect(cell.type, `${m["month"]} ${key}`).toBeUndefined(); // no t attribute: a number cell
        expect(cell.value, `${m["month"]} ${key}`).toBe(m[key]);
      }
      expect(row["futuresPriceInterpolated"]!.value).toBe(m["futuresPriceInterpolated"]);
    });
    // Display formats: tokens #,##0 (style 2), money in dollars (3), ratios as % (5).
    expect(rows[0]!["forecastTokens"]!.style).toBe(2);
    expect(rows[0]!["lockedInCost"]!.style).toBe(3);
    expect(rows[0]!["hedgeRatio"]!.style).toBe(5);
    const styles = readFileSync(join(dir, "a", "report.xlsx")).toString("latin1");
    expect(styles).toContain('formatCode="&quot;$&quot;#,##0.00;-&quot;$&quot;#,##0.00"');
  });

  it("holds the simulation summary, the checks and the audit inputs as the report states them", () => {
    const sim = sheetRows(book.get("Simulation")!);
    const cvar = sim.find((r) => r["statistic"]!.value === "costAtRisk95")!;
    expect(cvar["unhedged"]!.value).toBe(doc.simulation.unhedged.costAtRisk95);
    expect(cvar["hedged"]!.value).toBe(doc.simulation.hedged.costAtRisk95);
    const checks = sheetRows(book.get("Checks")!);
    expect(checks.map((r) => r["rule"]!.value)).toEqual(doc.check.rules.map((r: { rule: string }) => r.rule));
    expect(checks[0]!["limit"]!.value).toBe("≤ $3,000,000");
    const inputs = sheetRows(book.get("Inputs")!);
    expect(inputs.map((r) => r["sha256"]!.value)).toEqual(doc.audit.inputs.map((f: { sha256: string }) => f.sha256));
    expect(inputs.map((r) => r["bytes"]!.value)).toEqual(doc.audit.inputs.map((f: { bytes: number }) => f.bytes));
  });

  it("dates the package by the as-of date, not the clock", () => {
    const core = bytes.toString("latin1");
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-05T00:00:00Z</dcterms:created>');
    // DOS date of the first local header: (2026 − 1980) << 9 | 11 << 5 | 5, time 00:00.
    expect(bytes.readUInt16LE(10)).toBe(0);
    expect(bytes.readUInt16LE(12)).toBe(((2026 - 1980) << 9) | (11 << 5) | 5);
  });

  it("is not written without --xlsx", () => {
    expect(runCli(["report", "--help"]).stdout).toContain("--xlsx");
    const plain = report(join(dir, "c"));
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).not.toContain("report.xlsx");
  });
});

describe("report --xlsx keeps a formula-like title a string", () => {
  it("stores =HYPERLINK(…) as an inline string cell, and the workbook has no formula", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-xlsx-f-"));
    const title = '=HYPERLINK("http://example.invalid/x","click")';
    const text = readFileSync(join(ROOT, CFG), "utf8")
      .replaceAll("../acme/", `${join(ROOT, "fixtures/acme")}/`)
      .replace(/^ {2}title: .*$/m, `  title: '${title}'`);
    const cfg = join(dir, "hostile.config.yaml");
    writeFileSync(cfg, text);
    const r = report(join(dir, "out"), ["--xlsx"], cfg);
    expect(r.code, r.stderr).toBe(0);
    const book = readWorkbook(readFileSync(join(dir, "out", "report.xlsx")));
    const about = sheetRows(book.get("About")!);
    const cell = about.find((row) => row["item"]!.value === "title")!["value"]!;
    expect(cell.type).toBe("inlineStr");
    expect(cell.value).toBe(title);
    expect(cell.formula).toBe(false);
    for (const cells of book.values()) for (const c of cells.values()) expect(c.formula).toBe(false);
  });
});

describe("report --excel", () => {
  it("writes every CSV table with a byte-order mark and an ASCII header; the rows are unchanged", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-excel-"));
    const plain = report(join(dir, "plain"));
    const excel = report(join(dir, "excel"), ["--excel"]);
    expect(excel.code, excel.stderr).toBe(0);
    for (const name of ["check.csv", "forecast.csv", "plan.csv", "scenarios.csv", "inputs.csv", "curve.csv"]) {
      const a = readFileSync(join(dir, "plain", name), "utf8");
      const b = readFileSync(join(dir, "excel", name), "utf8");
      expect(a.startsWith("\uFEFF"), name).toBe(false);
      expect(b.startsWith("\uFEFF"), name).toBe(true);
      expect(b.slice(1).split("\n")[0], name).toMatch(/^[\x20-\x7E]+$/);
      expect(b.slice(1).split("\n").slice(1), name).toEqual(a.split("\n").slice(1));
    }
    // The cells keep their Unicode (Excel reads it right once the BOM says UTF-8).
    expect(readFileSync(join(dir, "excel", "check.csv"), "utf8")).toContain("≤ $3,000,000");
    expect(plain.code).toBe(0);
  });
});

describe("report --xlsx with a hedge book", () => {
  it("adds a Trades sheet: the desk's trades to target, contracts and value as numbers", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-xlsx-book-"));
    const r = report(join(dir, "out"), ["--xlsx", "--book", "fixtures/acme/book.csv"]);
    expect(r.code, r.stderr).toBe(0);
    const book = readWorkbook(readFileSync(join(dir, "out", "report.xlsx")));
    expect([...book.keys()]).toContain("Trades");
    const trades = sheetRows(book.get("Trades")!);
    const doc = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
    expect(trades.length).toBe(doc.book.trades.length);
    // The first trade on the Acme book, written out: sell 4 December contracts at 2.10, value 8,400.
    expect(trades[0]!["side"]!.value).toBe("sell");
    expect(trades[0]!["contracts"]).toMatchObject({ type: undefined, value: 4 });
    expect(trades[0]!["value"]).toMatchObject({ type: undefined, value: 8400 });
  });
});
