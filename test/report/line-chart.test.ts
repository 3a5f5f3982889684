import { describe, expect, it } from "vitest";
import { interpolateAt, renderLineChart, resample } from "../../src/report/render/line-chart.js";

describe("line chart", () => {
  it("draws a rising line on a 3×3 grid with y labels, axis, x labels and legend", () => {
    // x = 0, 1, 2 and y = 0, 1, 2: with width 3 and height 3 each point lands in its own row and column;
    // the top row is y = 2, the bottom row y = 0 (row = round((yMax − y)/(yMax − yMin)·(height − 1))).
    const text = renderLineChart([{ name: "a", values: [0, 1, 2] }], {
      width: 3,
      height: 3,
      formatY: String,
      colour: false,
    });
    expect(text).toBe(["2 |  *", "1 | *", "0 |*", "  +---", "   0 2", "   * a", ""].join("\n"));
  });

  it("gives every series its own glyph and lists them in the legend", () => {
    const text = renderLineChart(
      [
        { name: "up", values: [0, 10] },
        { name: "down", values: [10, 0] },
      ],
      { width: 2, height: 2, formatY: (v) => v.toFixed(0), colour: false },
    );
    // Top row: "down" at column 0 (y = 10) and "up" at column 1; bottom row the reverse.
    expect(text.split("\n").slice(0, 2)).toEqual(["10 |+*", " 0 |*+"]);
    expect(text).toContain("* up   + down");
  });

  it("joins steep steps so the line stays connected", () => {
    // From y = 0 to y = 4 in one column step on a 5-row grid: the three rows between are filled,
    // the half nearer the previous point (rows 3 and the middle row 2) in the first column, row 1 in the second.
    const text = renderLineChart([{ name: "s", values: [0, 4] }], {
      width: 2,
      height: 5,
      formatY: String,
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
    const off = renderLineChart(series, { width: 10, height: 4, formatY: String, colour: false });
    const on = renderLineChart(series, { width: 10, height: 4, formatY: String, colour: true });
    expect(off.includes("\u001b[")).toBe(false);
    expect(/^[\x20-\x7e\n]*$/.test(off)).toBe(true); // printable ASCII only
    expect(on.includes("\u001b[")).toBe(true);
  });

  it("draws a marker column where no series is", () => {
    // Flat series at 1 over x = 0..4, width 5: the marker at x = 2 is column 2 in every row but the line's.
    const text = renderLineChart([{ name: "flat", values: [1, 1, 1, 1, 1] }], {
      width: 5,
      height: 3,
      formatY: (v) => v.toFixed(2),
      colour: false,
      markers: [{ x: 2, label: "plan" }],
    });
    const rows = text
      .split("\n")
      .slice(0, 3)
      .map((r) => r.slice(r.indexOf("|") + 1));
    expect(rows).toEqual(["  :", "*****", "  :"]);
    expect(text).toContain(": plan");
  });
});
