/** The report's renderers: HTML escaping, axis ticks, the SVG charts, Markdown escaping, the cost histogram. */
import { describe, expect, it } from "vitest";
import { escapeHtml, html, trusted } from "../../src/report/html/escape.js";
import { coord, labelStride, linear, niceNumber, niceTicks } from "../../src/report/svg/scale.js";
import { lineChart } from "../../src/report/svg/line-chart.js";
import { barChart } from "../../src/report/svg/bar-chart.js";
import { axisBillions, axisMoney } from "../../src/report/svg/charts.js";
import { mdEscape } from "../../src/report/markdown/report.js";
import { costDistribution } from "../../src/report/views/report.js";

describe("html tag", () => {
  it("escapes every interpolated value, keeps markup built by the tag", () => {
    const name = `<script>alert("x")</script> & 'co'`;
    const cell = html`<td>${name}</td>`;
    expect(cell.text).toBe("<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</td>");
    expect(html`<tr>${[cell, cell]}</tr>`.text).toBe(`<tr>${cell.text}${cell.text}</tr>`);
    expect(html`<p>${null}${undefined}${false}${0}</p>`.text).toBe("<p>0</p>");
    expect(html`${trusted("<b>ok</b>")}`.text).toBe("<b>ok</b>");
    expect(escapeHtml("a\"b'c")).toBe("a&quot;b&#39;c");
  });

  it("an attribute value cannot break out of its quotes", () => {
    const evil = `" onmouseover="alert(1)`;
    expect(html`<a title="${evil}">x</a>`.text).toBe(`<a title="&quot; onmouseover=&quot;alert(1)">x</a>`);
  });
});

describe("nice ticks (Heckbert, Graphics Gems 1990)", () => {
  it("nice numbers round to 1, 2, 5 × 10^k", () => {
    expect([niceNumber(438, false), niceNumber(125, true), niceNumber(0.0123, true), niceNumber(7.1, true)]).toEqual([
      500, 100, 0.01, 10,
    ]);
  });

  it("105 … 543 with 5 ticks: range 438 → 500, step 500/4 = 125 → 100, axis 100 … 600", () => {
    const t = niceTicks(105, 543, 5);
    expect(t.values).toEqual([100, 200, 300, 400, 500, 600]);
  });

  it("1.55 … 2.10: range 0.55 → 1, step 1/4 → 0.2, axis 1.4 … 2.2, decimals clean (no 1.5999999999999999)", () => {
    expect(niceTicks(1.55, 2.1, 5).values).toEqual([1.4, 1.6, 1.8, 2, 2.2]);
  });

  it("a flat series still gets an axis", () => {
    const t = niceTicks(5, 5, 5);
    expect(t.min).toBeLessThan(5);
    expect(t.max).toBeGreaterThan(5);
  });

  it("linear scale, coordinates and label stride", () => {
    const y = linear(0, 100, 300, 0);
    expect([y(0), y(50), y(100)]).toEqual([300, 150, 0]);
    expect(coord(-0.04)).toBe("0.0");
    expect(coord(12.345)).toBe("12.3");
    expect(labelStride(24, 8)).toBe(3);
    expect(labelStride(5, 8)).toBe(1);
  });
});

describe("SVG charts", () => {
  const box = { width: 200, height: 120, left: 20, right: 20, top: 20, bottom: 20 };

  it("a line chart: points mapped onto the plot, nulls break the line, title and description for screen readers", () => {
    const svg = lineChart({
      id: "t",
      title: "T <1>",
      description: "D & d",
      box,
      categories: ["a", "b", "c"],
      series: [{ name: "s", values: [0, null, 10], colour: "#000" }],
      yTitle: "y",
      yFormat: String,
      includeZero: true,
    }).text;
    // ticks 0 … 10 (step 2): y(0) = 100, y(10) = 20; x from 20 to 180 over 3 categories: 20, 100, 180
    expect(svg).toContain('<polyline class="line" points="20.0,100.0"');
    expect(svg).toContain('<polyline class="line" points="180.0,20.0"');
    expect(svg).toContain('<title id="t-title">T &lt;1&gt;</title><desc id="t-desc">D &amp; d</desc>');
    expect(svg).toContain('width="200" height="120"');
    expect(svg).not.toMatch(/<script/);
  });

  it("a bar chart: bar heights proportional to the values from a zero baseline", () => {
    const svg = barChart({
      id: "b",
      title: "B",
      description: "",
      box,
      categories: ["x", "y"],
      groups: [{ name: "g", values: [5, 10], colour: "#123" }],
      yTitle: "",
      yFormat: String,
    }).text;
    const heights = [...svg.matchAll(/<rect class="bar" x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)"/g)].map(
      (m) => Number(m[1]),
    );
    // axis 0 … 10 over 80 px: 5 → 40 px, 10 → 80 px
    expect(heights).toEqual([40, 80]);
  });

  it("axis labels", () => {
    expect([
      axisBillions(80e9),
      axisBillions(2.5e9),
      axisMoney(1_500_000),
      axisMoney(250_000),
      axisMoney(-2e6),
    ]).toEqual(["80 B", "2.5 B", "$1.5M", "$250k", "-$2M"]);
  });
});

describe("Markdown escaping", () => {
  it("no raw HTML, no table-breaking pipe, no emphasis from input", () => {
    expect(mdEscape("<b>|x|</b> *a* _b_ [l](u) #h")).toBe("&lt;b&gt;\\|x\\|&lt;/b&gt; \\*a\\* \\_b\\_ \\[l\\](u) #h");
    // A character reference is written out, never decoded; a bare & and parentheses read as typed.
    expect(mdEscape("&lt;script&gt; &#60; P&L (+4.9%)")).toBe("&amp;lt;script&amp;gt; &amp;#60; P&L (+4.9%)");
    expect(mdEscape("two\nlines")).toBe("two lines");
    // Where the text starts a line, # and + would make a heading or a list item.
    expect(mdEscape("# not a heading")).toBe("\\# not a heading");
    expect(mdEscape("+ not a list")).toBe("\\+ not a list");
  });
});

describe("cost distribution", () => {
  it("common nice bins; shares per sample sum to 1; tails go to the outer bins", () => {
    // 10 values per sample: unhedged 0.5 … 9.5, hedged 4.5 or 5.5. The range runs from the lowest 0.5% quantile to the
    // highest 99.5% quantile, read as x[floor(p·(n − 1))]: x[0] = 0.5 and x[8] = 8.5 (unhedged). 14 bins wanted:
    // width niceNumber(8/14 ≈ 0.57, round) = 0.5; edges 0.5, 1.0, … 8.5; 9.5 lies beyond and counts in the last bin.
    const u = [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5];
    const h = [4.5, 4.5, 4.5, 4.5, 4.5, 5.5, 5.5, 5.5, 5.5, 5.5];
    const bins = costDistribution(u, h, 14);
    expect(bins[0]!.from).toBe(0.5);
    expect(bins[1]!.from).toBe(1);
    expect(bins.reduce((s, b) => s + b.unhedged, 0)).toBeCloseTo(1, 12);
    expect(bins.reduce((s, b) => s + b.hedged, 0)).toBeCloseTo(1, 12);
    const at = (x: number) => bins.find((b) => x >= b.from && x < b.to)!;
    expect(at(4.5).hedged).toBe(0.5);
    expect(at(5.5).hedged).toBe(0.5);
    expect(at(0.5).unhedged).toBe(0.1);
    expect(bins[bins.length - 1]).toEqual({ from: 8, to: 8.5, unhedged: 0.2, hedged: 0 }); // 8.5 and the tail value 9.5
  });
});
