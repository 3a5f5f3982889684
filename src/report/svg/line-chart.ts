/**
 * Line chart over categories (months) with optional shaded bands: the usage history with its forecast
 * fan (80% and 95% intervals as bands, the mean dashed), and the futures curve. A null value breaks
 * a line, so history and forecast can share one x axis.
 */
import { html, type Markup } from "../html/escape.js";
import { DEFAULT_BOX, legend, makeFrame, svgRoot, xAxis, yAxis, type ChartBox, type LegendItem } from "./frame.js";
import { coord } from "./scale.js";

export interface LineSeries {
  name: string;
  values: readonly (number | null)[];
  colour: string;
  dashed?: boolean;
  markers?: boolean;
}

export interface BandSeries {
  name: string;
  lower: readonly (number | null)[];
  upper: readonly (number | null)[];
  colour: string;
}

export interface LineChartSpec {
  id: string;
  title: string;
  description: string;
  categories: readonly string[];
  series: readonly LineSeries[];
  bands?: readonly BandSeries[];
  yTitle: string;
  yFormat: (v: number) => string;
  /** Start the y axis at zero (volumes: an honest baseline); prices zoom to their range instead. */
  includeZero?: boolean;
  box?: ChartBox;
}

/** Runs of consecutive non-null indices. */
function runs(values: readonly (number | null)[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current.length) out.push(current);
      current = [];
    } else current.push(i);
  });
  if (current.length) out.push(current);
  return out;
}

export function lineChart(spec: LineChartSpec): Markup {
  const box = spec.box ?? DEFAULT_BOX;
  const all: number[] = [];
  for (const s of spec.series) for (const v of s.values) if (v !== null && Number.isFinite(v)) all.push(v);
  for (const b of spec.bands ?? [])
    for (const v of [...b.lower, ...b.upper]) if (v !== null && Number.isFinite(v)) all.push(v);
  const lo = all.length ? Math.min(...all, ...(spec.includeZero ? [0] : [])) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const { frame, ticks } = makeFrame(box, lo, hi);
  const n = spec.categories.length;
  const xs = spec.categories.map((_, i) =>
    n <= 1 ? (frame.x0 + frame.x1) / 2 : frame.x0 + ((frame.x1 - frame.x0) * i) / (n - 1),
  );

  const bands = (spec.bands ?? []).map((b) => {
    const both = b.lower.map((l, i) => (l === null || b.upper[i] === null || b.upper[i] === undefined ? null : l));
    return runs(both).map((idx) => {
      const top = idx.map((i) => `${coord(xs[i]!)},${coord(frame.y(b.upper[i]!))}`);
      const bottom = [...idx].reverse().map((i) => `${coord(xs[i]!)},${coord(frame.y(b.lower[i]!))}`);
      return html`<polygon class="band" points="${[...top, ...bottom].join(" ")}" fill="${b.colour}"><title>${b.name}</title></polygon>`;
    });
  });
  const lines = spec.series.map((s) =>
    runs(s.values).map((idx) => {
      const pts = idx.map((i) => `${coord(xs[i]!)},${coord(frame.y(s.values[i]!))}`).join(" ");
      const line = html`<polyline class="line" points="${pts}" fill="none" stroke="${s.colour}" stroke-width="2.5"${s.dashed ? html` stroke-dasharray="6 4"` : html``}><title>${s.name}</title></polyline>`;
      const markers = s.markers
        ? idx.map(
            (i) => html`<circle cx="${coord(xs[i]!)}" cy="${coord(frame.y(s.values[i]!))}" r="3" fill="${s.colour}"/>`,
          )
        : [];
      return html`${line}${markers}`;
    }),
  );
  const items: LegendItem[] = [
    ...spec.series.map((s): LegendItem => ({ name: s.name, colour: s.colour, kind: s.dashed ? "dashed" : "line" })),
    ...(spec.bands ?? []).map((b): LegendItem => ({ name: b.name, colour: b.colour, kind: "area" })),
  ];
  const body = html`${yAxis(frame, ticks, spec.yFormat, spec.yTitle)}${bands}${xAxis(frame, spec.categories, xs)}${lines}${legend(box, items, spec.id)}`;
  return svgRoot(spec.id, box, spec.title, spec.description, body);
}
