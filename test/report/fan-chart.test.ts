import { describe, expect, it } from "vitest";
import { fanColumns, renderFanChart, type FanChartData } from "../../src/report/render/fan-chart.js";

const step = (mean: number, half80: number, half95: number) => ({
  mean,
  lo80: mean - half80,
  hi80: mean + half80,
  lo95: mean - half95,
  hi95: mean + half95,
});

describe("fan chart", () => {
  it("draws history, the forecast mean and its 80% / 95% bands on a hand-placed grid", () => {
    // y from 0 (history's first value) to 6 (hi95): round ticks 0, 2, 4, 6, so 7 rows (2 a tick), row = 6 − y.
    // History 0, 1, 2 → rows 6, 5, 4. Forecast mean 4 → row 2; 80% [3, 5] → rows 1–3; 95% [2, 6] → rows 0–4.
    // The step from row 4 (history) to row 2 (mean) skips row 3: it is filled in the history's column
    // (the half nearer the previous point), so the line stays connected.
    const data: FanChartData = { history: [0, 1, 2], forecast: [step(4, 1, 2)], labels: ["a", "b", "c", "d"] };
    // 7 characters wide: the labels, " |" and 4 plot columns; the legend (below) wraps, a word a line.
    const text = renderFanChart(data, { width: 7, height: 7, colour: false, yUnit: "number" });
    expect(text.split("\n").slice(0, 9)).toEqual([
      "6 |   .",
      "  |   :",
      "4 |   o",
      "  |  *:",
      "2 |  *.",
      "  | *",
      "0 |*",
      "  +---|",
      "   a  d",
    ]);
    // With room, the legend is one line.
    const wide = renderFanChart(data, { width: 70, height: 7, colour: false, yUnit: "number" });
    expect(wide).toContain("\n   * history   o forecast mean   : 80% interval   . 95% interval\n");
  });

  it("averages whole buckets, counted back from the last observation and forward from the first forecast", () => {
    // History 0 … 9 in buckets of 7 from the end: [3, 10) → mean of 3 … 9 = 6; the short bucket [0, 3) is dropped.
    // Forecast 9 steps: [0, 7) kept (means 10 … 16 → 13), the short [7, 9) dropped.
    const history = Array.from({ length: 10 }, (_, i) => i);
    const forecast = Array.from({ length: 9 }, (_, i) => step(10 + i, 1, 2));
    const cols = fanColumns({ history, forecast, labels: [] }, 7);
    expect(cols.map((c) => [c.kind, c.value, c.first, c.last])).toEqual([
      ["history", 6, 3, 9],
      ["forecast", 13, 10, 16],
    ]);
    expect(cols[1]!.hi95).toBe(15);
    // A forecast shorter than one bucket is kept whole: 3 steps, means 10, 11, 12 → 11.
    expect(fanColumns({ history, forecast: forecast.slice(0, 3), labels: [] }, 7)[1]!.value).toBe(11);
  });

  it("widens columns when there are few periods and says how many periods a column holds when there are many", () => {
    const few = renderFanChart(
      { history: [1, 2], forecast: [step(3, 1, 2)], labels: ["x", "y", "z"] },
      { width: 15, height: 5, colour: false, yUnit: "number" },
    );
    // 3 columns in 12 plot characters: 4 characters each, so the axis is 12 long with "|" at the forecast (character 8).
    expect(few).toContain("+--------|---\n");
    const history = Array.from({ length: 70 }, (_, i) => 100 + i);
    const forecast = Array.from({ length: 14 }, () => step(170, 5, 10));
    const many = renderFanChart(
      { history, forecast, labels: [] },
      { width: 40, height: 5, colour: false, yUnit: "number", bucket: 7, periodName: "day" },
    );
    expect(many).toContain("(each point: mean of 7 days)");
  });

  it("has no ANSI codes with colour off and some with colour on; a flat series draws without NaN", () => {
    const data: FanChartData = {
      history: [5, 5, 5],
      forecast: [step(5, 0, 0), step(5, 0, 0)],
      labels: ["1", "2", "3", "4", "5"],
    };
    const off = renderFanChart(data, { width: 20, height: 6, colour: false, yUnit: "number" });
    const on = renderFanChart(data, { width: 20, height: 6, colour: true, yUnit: "number" });
    expect(/^[\x20-\x7e\n]*$/.test(off)).toBe(true); // printable ASCII only
    expect(off).not.toContain("NaN");
    expect(on).toContain("\u001b[");
  });
});
