import { describe, expect, it } from "vitest";
import { fitTables } from "../../src/report/render/fit-tables.js";
import { renderTable } from "../../src/report/render/table.js";

const table = renderTable({
  head: ["month", "contracts", "locked-in cost"],
  rows: [
    ["2026-12", "65", "$136,500.00"],
    ["2027-01", "7", "$14,350.00"],
  ],
  footer: [["total", "72", "$150,850.00"]],
});
const text = `title line\n${table}after\n`;

describe("fitTables", () => {
  it("keeps the box on a terminal wide enough, and when the width is unknown", () => {
    expect(fitTables(text, { columns: 200, boxes: true, wide: false })).toBe(text);
    expect(fitTables(text, { boxes: true, wide: false })).toBe(text);
  });

  it("draws plain aligned text without box characters when not on a terminal", () => {
    const out = fitTables(text, { boxes: false, wide: false });
    expect(out).not.toMatch(/[┌│├└─]/);
    // Numbers right-aligned under their header, text left-aligned; the totals block under a rule.
    expect(out).toBe(
      [
        "title line",
        "month    contracts  locked-in cost",
        "-------  ---------  --------------",
        "2026-12         65     $136,500.00",
        "2027-01          7      $14,350.00",
        "-------  ---------  --------------",
        "total           72     $150,850.00",
        "after",
        "",
      ].join("\n"),
    );
  });

  it("switches to one block per row when the table is wider than the terminal", () => {
    const out = fitTables(text, { columns: 30, boxes: true, wide: false });
    for (const line of out.split("\n")) expect(line.length).toBeLessThanOrEqual(30);
    expect(out).toContain("month 2027-01\n  contracts       7\n  locked-in cost  $14,350.00");
  });

  it("--wide keeps every table whole", () => {
    expect(fitTables(text, { columns: 30, boxes: true, wide: true })).toBe(text);
  });

  it("two tables printed back to back (the cross hedge's model and k tables) are each drawn plain", () => {
    const second = renderTable({ head: ["if k is off by", "contracts"], rows: [["-25%", "182"]] });
    const out = fitTables(`${table}${second}`, { boxes: false, wide: false });
    expect(out).not.toMatch(/[┌│├└]/);
    expect(out).toContain("if k is off by  contracts\n--------------  ---------\n-25%                  182");
  });
});
