/**
 * The parts every chart shares: the <svg> root with an accessible title and description, the y axis
 * with gridlines, the category axis, and a legend that names each series in words (never colour alone).
 */
import { html, join, trusted, type Markup } from "../html/escape.js";
import { coord, labelStride, linear, niceTicks } from "./scale.js";

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_BOX: ChartBox = { width: 640, height: 320, left: 72, right: 28, top: 44, bottom: 44 };

export interface LegendItem {
  name: string;
  colour: string;
  kind: "line" | "dashed" | "area" | "bar" | "hatched";
}

export interface Frame {
  box: ChartBox;
  /** Value → y pixel. */
  y: (v: number) => number;
  /** Plot area in pixels. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export function makeFrame(box: ChartBox, lo: number, hi: number): { frame: Frame; ticks: number[] } {
  const t = niceTicks(lo, hi, 5);
  const y0 = box.height - box.bottom;
  const y1 = box.top;
  return {
    frame: { box, y: linear(t.min, t.max, y0, y1), x0: box.left, x1: box.width - box.right, y0, y1 },
    ticks: t.values,
  };
}

export function yAxis(frame: Frame, ticks: readonly number[], format: (v: number) => string, title: string): Markup {
  const lines = ticks.map((v) => {
    const y = coord(frame.y(v));
    return html`<line class="grid" x1="${coord(frame.x0)}" x2="${coord(frame.x1)}" y1="${y}" y2="${y}"/><text class="tick" x="${coord(frame.x0 - 6)}" y="${y}" text-anchor="end" dominant-baseline="middle">${format(v)}</text>`;
  });
  const midY = coord((frame.y0 + frame.y1) / 2);
  return html`<g class="y-axis">${lines}<text class="axis-title" transform="translate(14 ${midY}) rotate(-90)" text-anchor="middle">${title}</text></g>`;
}

/** Category labels under the plot at the given x positions, thinned so they do not overlap. */
export function xAxis(frame: Frame, labels: readonly string[], xs: readonly number[], maxLabels = 8): Markup {
  // A label is about 7 px a character at 11 px; keep one label's width of space between neighbours.
  const longest = Math.max(1, ...labels.map((l) => l.length));
  const fit = Math.max(1, Math.floor((frame.x1 - frame.x0) / (longest * 7 + 14)));
  const stride = labelStride(labels.length, Math.min(maxLabels, fit));
  const parts = labels.map((label, i) => {
    if (i % stride !== 0) return html``;
    return html`<text class="tick" x="${coord(xs[i]!)}" y="${coord(frame.y0 + 16)}" text-anchor="middle">${label}</text>`;
  });
  return html`<g class="x-axis"><line class="axis" x1="${coord(frame.x0)}" x2="${coord(frame.x1)}" y1="${coord(frame.y0)}" y2="${coord(frame.y0)}"/>${parts}</g>`;
}

function swatch(item: LegendItem, x: number, y: number, chartId: string): Markup {
  switch (item.kind) {
    case "line":
      return html`<line x1="${x}" x2="${x + 18}" y1="${y}" y2="${y}" stroke="${item.colour}" stroke-width="2.5"/>`;
    case "dashed":
      return html`<line x1="${x}" x2="${x + 18}" y1="${y}" y2="${y}" stroke="${item.colour}" stroke-width="2.5" stroke-dasharray="5 3"/>`;
    case "area":
      return html`<rect x="${x}" y="${y - 6}" width="18" height="12" fill="${item.colour}"/>`;
    case "bar":
      return html`<rect x="${x}" y="${y - 6}" width="12" height="12" fill="${item.colour}"/>`;
    case "hatched":
      return html`<rect x="${x}" y="${y - 6}" width="12" height="12" fill="url(#hatch-${chartId})" stroke="${item.colour}"/>`;
  }
}

/** One row of legend entries above the plot; widths estimated from the label length. */
export function legend(box: ChartBox, items: readonly LegendItem[], chartId: string): Markup {
  let x = box.left;
  const y = 30;
  const parts: Markup[] = [];
  for (const item of items) {
    parts.push(
      html`${swatch(item, x, y, chartId)}<text class="legend" x="${x + 24}" y="${y}" dominant-baseline="middle">${item.name}</text>`,
    );
    x += 34 + item.name.length * 6.4;
  }
  return html`<g class="legend">${parts}</g>`;
}

/**
 * Chart styles, inside each <svg> so a chart saved on its own looks the same as inline. Selectors are
 * scoped to svg.chart; the same rules repeated in one HTML page are harmless.
 */
const CHART_STYLE =
  "svg.chart{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;background:#fff}" +
  "svg.chart .chart-title{font-size:14px;font-weight:600;fill:#222}" +
  "svg.chart .tick{font-size:11px;fill:#444}" +
  "svg.chart .legend{font-size:11px;fill:#222}" +
  "svg.chart .axis-title{font-size:11px;fill:#444}" +
  "svg.chart .grid{stroke:#e3e3e3;stroke-width:1}" +
  "svg.chart .axis{stroke:#888;stroke-width:1}";

/** The <svg> root: fixed viewBox and size (so it has a size before any CSS), title and description for screen readers. */
export function svgRoot(id: string, box: ChartBox, title: string, description: string, body: Markup): Markup {
  return html`<svg class="chart" id="${id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box.width} ${box.height}" width="${box.width}" height="${box.height}" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${title}</title><desc id="${id}-desc">${description}</desc><style>${trusted(CHART_STYLE)}</style><defs><pattern id="hatch-${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f3c98b"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b45f06" stroke-width="2"/></pattern></defs><text class="chart-title" x="${box.left}" y="16">${title}</text>${body}</svg>`;
}

export { join };
