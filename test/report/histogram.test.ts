import { describe, expect, it } from "vitest";
import { binCounts, binOf, renderHistogram } from "../../src/report/render/histogram.js";

describe("histogram", () => {
  it("counts values in equal bins, the top edge in the last bin, outliers in the edge bins", () => {
    // [0, 4] in 4 bins of width 1: 0 and 0.5 → bin 0; 1 → bin 1; 3.9 and 4 → bin 3; −7 → bin 0; 99 → bin 3.
    expect(binCounts([0, 0.5, 1, 3.9, 4, -7, 99, Number.NaN], 0, 4, 4)).toEqual([3, 1, 0, 3]);
    expect(binOf(2.5, 0, 4, 4)).toBe(2);
  });

  it("renders two distributions side by side with mean and P95 markers", () => {
    // A = 0,0,0,1 and B = 1,1,1,1 on [0, 2] in 2 bins (width 1, a round number already). Counts A: [3, 1], B: [0, 4]; the longest bar (4) is 4
    // characters, so A's bars are round(3/4·4) = 3 and 1, B's 0 and 4. Mean A = 0.25 → bin 0; P95 of A (type 7)
    // = 0 + 0.85·(1 − 0) = 0.85 → bin 0. Mean and P95 of B = 1 → bin 1.
    const text = renderHistogram(
      [
        { name: "A", values: [0, 0, 0, 1] },
        { name: "B", values: [1, 1, 1, 1] },
      ],
      { bins: 2, barWidth: 4, unit: "number", colour: false, lo: 0, hi: 2, label: "cost" },
    );
    const lines = text.split("\n");
    // Labels right-aligned to the widest (">= 1" and "cost", 4 characters), with the step's decimals (none); each
    // column is the 4-character bar plus a 5-character marker slot " M 95".
    expect(lines[0]).toBe("cost | # A       | = B");
    expect(lines[1]).toBe(" < 1 | ###  M 95 |");
    expect(lines[2]).toBe(">= 1 | #         | ==== M 95");
  });

  it("has no ANSI codes with colour off", () => {
    const text = renderHistogram([{ name: "x", values: [1, 2, 3, 4, 5] }], {
      bins: 3,
      barWidth: 10,
      unit: "number",
      colour: false,
    });
    expect(text.includes("\u001b[")).toBe(false);
    expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true);
  });
});
