import { describe, expect, it } from "vitest";
import { interpolateAt, renderLineChart, resample } from "../../src/report/render/line-chart.js";

describe("line chart", () => {
  it("draws a rising line on round ticks with y labels, axis, x labels and legend", () => {
    // y = 0, 2, 4 at x = 0, 1, 2: the ticks of [0, 4] are 0, 1, 2, 3, 4 (step 1), so 5 rows, one a tick, the top row
    // y = 4 (row = round((4 − y)/4 · 4)). 6 characters wide: the 1-character labels, " |", 3 plot columns.
    // The steps of two rows are joined: row 3 in column 0, row 1 in column 1 (the half nearer the previous point).
    const text = renderLineChart([{ name: "a", values: [0, 2, 4] }], {
      width: 6,
      height: 5,
      yUnit: "number",
      colour: false,
    });
    expect(text).toBe(["4 |  *", "3 | *", "2 | *", "1 |*", "0 |*", "  +---", "   0 2", "   * a", ""].join("\n"));
  });

  it("gives every series its own glyph and lists them in the legend", () => {
    const text = renderLineChart(
      [
        { name: "up", values: [0, 10] },
        { name: "down", values: [10, 0] },
      ],
      { width: 6, height: 2, yUnit: "number", colour: false },
    );
    // Ticks 0, 2, … 10 (step 2): 6 rows. Top row: "down" at column 0 (y = 10) and "up" at column 1; bottom row the
    // reverse.
    const rows = text.split("\n");
    expect([rows[0], rows[5]]).toEqual(["10 |+*", " 0 |*+"]);
    // The legend wraps to the 6 columns: a word a line.
    expect(rows.slice(8, 12)).toEqual(["    *", "    up", "    +", "    down"]);
  });

  it("joins steep steps so the line stays connected", () => {
    // From y = 0 to y = 4 in one column step on a 5-row grid: the three rows between are filled,
    // the half nearer the previous point (rows 3 and the middle row 2) in the first column, row 1 in the second.
    const text = renderLineChart([{ name: "s", values: [0, 4] }], {
      width: 5,
      height: 5,
      yUnit: "number",
      colour: false,
    });
    const rows = text
      .split("\n")
      .slice(0, 5)
      .map((r) => r.slice(r.indexOf("|") + 1));
    expect(rows).toEqual([" *", " *", "*", "*", "*"]);
  });

  it("resamples a series to the width by linear interpolation over the shared x", () => {
    // Points (0, 0) and (10, 100) sampled at 5 columns: x = 0, 2.5, 5, 7.5, 10 → 0, 25, 50, 75, 100.
    const { columnsX, columns } = resample([0, 10], [{ name: "a", values: [0, 100] }], 5);
    expect(columnsX).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(columns[0]).toEqual([0, 25, 50, 75, 100]);
    expect(interpolateAt([0, 1, 3], [0, 10, 30], 2)).toBe(20);
    expect(interpolateAt([0, 1], [5, 6], -1)).toBe(5);
  });

  it("has no ANSI codes with colour off, and some with colour on", () => {
    const series = [{ name: "a", values: [1, 2, 3] }];
    const off = renderLineChart(series, { width: 10, height: 4, yUnit: "number", colour: false });
    const on = renderLineChart(series, { width: 10, height: 4, yUnit: "number", colour: true });
    expect(off.includes("\u001b[")).toBe(false);
    expect(/^[\x20-\x7e\n]*$/.test(off)).toBe(true); // printable ASCII only
    expect(on.includes("\u001b[")).toBe(true);
  });

  it("draws a marker column where no series is", () => {
    // Flat series at 1 over x = 0..4 on y 0..2 (ticks 0, 0.5, … 2: 5 rows, y = 1 on the middle one), 25 plot
    // columns: the marker at x = 2 is column 12 in every row but the line's.
    const text = renderLineChart([{ name: "flat", values: [1, 1, 1, 1, 1] }], {
      width: 30,
      height: 5,
      yMin: 0,
      yMax: 2,
      yUnit: "number",
      colour: false,
      markers: [{ x: 2, label: "plan" }],
    });
    const rows = text
      .split("\n")
      .slice(0, 5)
      .map((r) => r.slice(r.indexOf("|") + 1));
    const m = `${" ".repeat(12)}:`;
    expect(rows).toEqual([m, m, "*".repeat(25), m, m]);
    expect(text.split("\n")[2]).toBe(`1.0 |${"*".repeat(25)}`);
    expect(text).toContain(": plan");
  });

  it("scales the y-axis to the data, not to the resampled columns", () => {
    // 1,000 points, all 0 but 100 at x = 501, on 20 columns: no column lands on x = 501, yet the axis reaches 100.
    const values = Array.from({ length: 1000 }, (_, i) => (i === 501 ? 100 : 0));
    const text = renderLineChart([{ name: "spike", values }], { width: 26, height: 6, yUnit: "number", colour: false });
    expect(text.split("\n")[0]).toMatch(/^100 \|/);
  });
});
