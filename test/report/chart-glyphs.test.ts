/**
 * The chart primitives on worked examples: Heckbert's nice ticks on known ranges, braille code points of known dot
 * sets, eighth blocks, and the three charts' promises (ASCII fallback is printable ASCII, no line wider than asked).
 */
import { describe, expect, it } from "vitest";
import { BrailleCanvas, patternSample, LINE_PATTERNS, wrapWords } from "../../src/report/render/braille-canvas.js";
import { renderFanChart, type FanChartData } from "../../src/report/render/fan-chart.js";
import { brailleChar, brailleDot, horizontalBar, upEighth } from "../../src/report/render/glyphs.js";
import { niceBins, renderHistogram } from "../../src/report/render/histogram.js";
import { renderLineChart } from "../../src/report/render/line-chart.js";
import { niceNumber, niceTicks, rowsForTicks, stepDecimals, tickLabels } from "../../src/report/render/ticks.js";

describe("nice ticks (Heckbert 1990)", () => {
  it("rounds to 1, 2, 5 or 10 times a power of ten", () => {
    // Rounded: 2.5 → 2 (2.5 < 3), 3 → 5, 7 → 10, 1.4 → 1. Ceiling: 1.2 → 2, 6 → 10, 0.031 → 0.05.
    expect([2.5, 3, 7, 1.4].map((x) => niceNumber(x, true))).toEqual([2, 5, 10, 1]);
    expect([1.2, 6].map((x) => niceNumber(x, false))).toEqual([2, 10]);
    expect(niceNumber(0.031, false)).toBeCloseTo(0.05, 12);
  });

  it("labels 0..87 with 5 ticks as 0, 20, 40, 60, 80, 100", () => {
    // range = nice(87) = 100; step = nice(100 / 4 = 25, rounded) = 20; floor(0/20)·20 = 0, ceil(87/20)·20 = 100.
    const t = niceTicks(0, 87, 5);
    expect(t.step).toBe(20);
    expect(t.values).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it("covers a money range in $0.5M steps, a token range in 50 B steps, a price in 0.5 steps", () => {
    // $1.18M … $2.64M: range nice(1.46M) = 2M, step nice(0.5M) = 0.5M, from 1.0M to 3.0M.
    const money = niceTicks(1_180_000, 2_640_000, 5);
    expect(money.values).toEqual([1e6, 1.5e6, 2e6, 2.5e6, 3e6]);
    expect(tickLabels(money.values, money.step, "money")).toEqual(["$1.0M", "$1.5M", "$2.0M", "$2.5M", "$3.0M"]);
    // 10.9 B … 166 B tokens: range nice(155.1 B) = 200 B, step nice(50 B) = 50 B, from 0.
    const tokens = niceTicks(10.9e9, 166e9, 5);
    expect(tokens.values).toEqual([0, 50e9, 100e9, 150e9, 200e9]);
    expect(tickLabels(tokens.values, tokens.step, "tokens")).toEqual([
      "0",
      "50 B tok",
      "100 B tok",
      "150 B tok",
      "200 B tok",
    ]);
    // 0.25 … 2.10 USD/Mtok: step 0.5; 0.1 + 0.2 noise is cleaned (0.30000000000000004 never appears).
    const price = niceTicks(0.25, 2.1, 5);
    expect(tickLabels(price.values, price.step, "number")).toEqual(["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"]);
    expect(niceTicks(0.1, 0.3, 3).values).toEqual([0.1, 0.2, 0.3]);
  });

  it("gives a flat range an axis, negative money a sign, and rows on which every tick sits", () => {
    // 5 ± 5% → [4.75, 5.25]: range nice(0.5) = 0.5, step nice(0.125) = 0.1, ticks 4.7 … 5.3.
    expect(niceTicks(5, 5, 5).values).toEqual([4.7, 4.8, 4.9, 5, 5.1, 5.2, 5.3]);
    expect(tickLabels([-500_000, 0, 500_000], 500_000, "money")).toEqual(["-$500K", "$0", "$500K"]);
    expect(stepDecimals(0.25)).toBe(2);
    expect(stepDecimals(5e8, 1e9)).toBe(1);
    // 4 intervals on about 14 rows: 4·3 + 1 = 13 rows (3 rows an interval); on 3 rows: at least 1 row each, 5.
    expect(rowsForTicks(14, 4)).toBe(13);
    expect(rowsForTicks(3, 4)).toBe(5);
  });

  it("rounds histogram bins: $1.12M … $6.51M in about 14 bins is 12 bins of $0.5M from $1.0M to $7.0M", () => {
    // (6.51 − 1.12)/14 = 0.385M → nice 0.5M (3.85 < 7 → 5); floor(1.12/0.5)·0.5 = 1.0, ceil(6.51/0.5)·0.5 = 7.0.
    expect(niceBins(1.12e6, 6.51e6, 14)).toEqual({ lo: 1e6, hi: 7e6, width: 5e5, bins: 12 });
  });
});

describe("braille and block glyphs", () => {
  it("encodes dots 1 and 8 as U+2881, no dots as U+2800, all eight as U+28FF", () => {
    expect(brailleChar([1, 8])).toBe("\u2881");
    expect(brailleChar([])).toBe("\u2800");
    expect(brailleChar([1, 2, 3, 4, 5, 6, 7, 8])).toBe("\u28ff");
    // Dots by position: left column 1, 2, 3, 7 top to bottom; right column 4, 5, 6, 8.
    expect([brailleDot(0, 0), brailleDot(0, 3), brailleDot(1, 0), brailleDot(1, 3)]).toEqual([1, 7, 4, 8]);
  });

  it("sets a cell's dots from canvas coordinates", () => {
    // Dot (0, 0) is dot 1 and (1, 3) is dot 8 of the first cell: U+2881. (2, 4) is dot 1 of the cell below right.
    const c = new BrailleCanvas(2, 2);
    c.set(0, 0, 0);
    c.set(1, 3, 0);
    c.set(2, 4, 1);
    expect(c.charAt(0, 0)).toBe("\u2881");
    expect(c.charAt(1, 1)).toBe("\u2801");
    expect([c.ownerAt(0, 0), c.ownerAt(1, 1), c.ownerAt(1, 0)]).toEqual([0, 1, -1]);
  });

  it("joins a steep line in its column: from dot row 0 to dot row 7 in the next column fills rows 1 … 7", () => {
    const c = new BrailleCanvas(1, 2);
    c.line([0, 7], 0);
    // Column 0 of the top cell: dot 1 (row 0); column 1: rows 1, 2, 3 (dots 5, 6, 8) and rows 4 … 7 below (4, 5, 6, 8).
    expect(c.charAt(0, 0)).toBe(brailleChar([1, 5, 6, 8]));
    expect(c.charAt(0, 1)).toBe(brailleChar([4, 5, 6, 8]));
  });

  it("draws a bar of 3/8 as ▃ upwards and ▍ rightwards; 2 3/8 cells as ██▍", () => {
    expect(upEighth(3)).toBe("▃");
    expect(upEighth(3).codePointAt(0)).toBe(0x2583);
    expect(upEighth(8)).toBe("█");
    expect(horizontalBar(3)).toBe("▍");
    expect(horizontalBar(19)).toBe("██▍");
    expect(horizontalBar(16)).toBe("██");
  });

  it("tells line patterns apart in the legend: solid ⠒⠒⠒, dotted ⠂⠂⠂, dashed ⠒⠀⠒", () => {
    expect(LINE_PATTERNS.slice(0, 3).map(patternSample)).toEqual(["⠒⠒⠒", "⠂⠂⠂", "⠒⠀⠒"]);
  });

  it("wraps words to a width", () => {
    expect(wrapWords("aa bb cc dd", 5, " ")).toEqual([" aa", " bb", " cc", " dd"]);
    expect(wrapWords("aa bb cc dd", 6)).toEqual(["aa bb", "cc dd"]);
  });
});

const step = (mean: number, half80: number, half95: number) => ({
  mean,
  lo80: mean - half80,
  hi80: mean + half80,
  lo95: mean - half95,
  hi95: mean + half95,
});
const fan: FanChartData = {
  history: Array.from({ length: 30 }, (_, i) => 40e9 + 2e9 * i + (i % 3) * 1e9),
  forecast: Array.from({ length: 12 }, (_, i) => step(100e9 + 3e9 * i, 5e9 + i * 1e9, 9e9 + i * 2e9)),
  labels: Array.from({ length: 42 }, (_, i) => `2024-${String(i).padStart(2, "0")}`),
};
const sweep = Array.from({ length: 31 }, (_, i) => i / 20);
const lines = [
  { name: "sd", values: sweep.map((h) => 1.2e6 + 0.3e6 * (h - 0.3) ** 2) },
  { name: "CaR 95%", values: sweep.map((h) => 2e6 + 0.4e6 * h) },
];
const costs = {
  a: Array.from({ length: 500 }, (_, i) => 2e6 + (3e6 * ((i * 37) % 500)) / 500),
  b: Array.from({ length: 500 }, (_, i) => 2.2e6 + (2e6 * ((i * 53) % 500)) / 500),
};

function charts(width: number, unicode: boolean, colour = false): string[] {
  return [
    renderFanChart(fan, { width, height: 13, colour, unicode, periodName: "month" }),
    renderLineChart(lines, {
      width,
      height: 12,
      x: sweep,
      yUnit: "money",
      colour,
      unicode,
      title: "hedge-ratio sweep: risk of the total hedged cost against a uniform hedge ratio (same draws)",
      markers: [{ x: 0.46, label: "plan 46.4%" }],
    }),
    renderHistogram(
      [
        { name: "unhedged", values: costs.a },
        { name: "hedged", values: costs.b },
      ],
      { bins: 16, barWidth: 30, width, unit: "money", colour, unicode, lo: 1.8e6, hi: 5e6, label: "total cost" },
    ),
  ];
}

describe("the charts' promises", () => {
  it("falls back to printable ASCII: no character above 0x7E without Unicode", () => {
    for (const text of charts(72, false)) {
      const high = [...text].filter((ch) => ch !== "\n" && (ch.codePointAt(0)! > 0x7e || ch.codePointAt(0)! < 0x20));
      expect(high).toEqual([]);
    }
  });

  it("draws braille lines, shaded bands and eighth-block bars with Unicode", () => {
    const [fanText, lineText, histText] = charts(72, true);
    expect(fanText).toMatch(/[\u2801-\u28ff]/);
    expect(fanText).toContain("▒");
    expect(fanText).toContain("░ 95% interval");
    expect(lineText).toMatch(/[\u2801-\u28ff]/);
    expect(lineText).toContain("⠒⠒⠒ sd   ⠂⠂⠂ CaR 95%   ┊ plan 46.4%");
    expect(histText).toMatch(/█[▏▎▍▌▋▊▉]?/);
    // Round axis ticks in readable units.
    expect(fanText).toMatch(/^ *100 B tok ┤/m);
    expect(lineText).toMatch(/^\$2\.0M ┤/m);
    expect(histText).toContain("$2.0M .. $2.2M");
  });

  it("keeps every line within the width, Unicode or ASCII, colour on or off", () => {
    // eslint-disable-next-line no-control-regex
    const visible = (l: string) => [...l.replace(/\u001b\[[0-9;]*m/g, "")].length;
    for (const width of [40, 60, 80, 100]) {
      for (const unicode of [true, false]) {
        for (const colour of [true, false]) {
          for (const text of charts(width, unicode, colour)) {
            const longest = Math.max(...text.split("\n").map(visible));
            expect(longest, `${width} ${unicode} ${colour}\n${text}`).toBeLessThanOrEqual(width);
          }
        }
      }
    }
  });
});
