/** Tables fit the terminal, plain text when piped, CSV for Excel. */
import { describe, expect, it } from "vitest";
import { ACME, PLAN_ARGS, runCli } from "../helpers/run-cli.js";

const PLAN = ["plan", ACME.usage, ...PLAN_ARGS];

describe("plan's human table", () => {
  it("is plain aligned text without box drawing when piped", () => {
    const r = runCli(PLAN);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[┌│├└]/);
    expect(r.stdout).toMatch(/^month +forecast B tok \(mean\) +target/m);
  });

  it("fits a 100-column width (COLUMNS) and --wide keeps the table whole", () => {
    const narrow = runCli(PLAN, { env: { COLUMNS: "100" } });
    // The table's lines (prose sentences are the terminal's to wrap).
    const table = narrow.stdout.split("\n").filter((l) => l.startsWith("month ") || l.startsWith("  "));
    expect(table.length).toBeGreaterThan(24);
    for (const line of table) expect(line.length).toBeLessThanOrEqual(100);
    expect(narrow.stdout).toContain("month 2026-12");
    const wide = runCli([...PLAN, "--wide"], { env: { COLUMNS: "100" } });
    expect(Math.max(...wide.stdout.split("\n").map((l) => l.length))).toBeGreaterThan(100);
  });
});

describe("--excel", () => {
  it("adds a UTF-8 byte-order mark and keeps headers ASCII; the rows are unchanged", () => {
    const plain = runCli([...PLAN, "--csv"]).stdout;
    const excel = runCli([...PLAN, "--csv", "--excel"]).stdout;
    expect(excel.startsWith("\uFEFF")).toBe(true);
    const header = excel.slice(1).split("\n")[0]!;
    expect(header).toMatch(/^[\x20-\x7E]+$/);
    expect(excel.slice(1).split("\n").slice(1)).toEqual(plain.split("\n").slice(1));
  });

  it("is refused without --csv", () => {
    const r = runCli([...PLAN, "--excel"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--csv");
  });
});
