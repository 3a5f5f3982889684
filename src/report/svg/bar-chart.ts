/**
 * Grouped bar chart over categories: contracts per delivery month (one group), and the hedged vs
 * unhedged cost distribution (two groups per cost bin; the second group is hatched so the two read
 * apart in greyscale too).
 */
import { html, type Markup } from "../html/escape.js";
import { DEFAULT_BOX, legend, makeFrame, svgRoot, xAxis, yAxis, type ChartBox, type LegendItem } from "./frame.js";
import { coord } from "./scale.js";

export interface BarGroup {
  name: string;
  values: readonly number[];
  colour: string;
}

export interface BarChartSpec {
  id: string;
  title: string;
  description: string;
  categories: readonly string[];
  groups: readonly BarGroup[];
  yTitle: string;
  yFormat: (v: number) => string;
  /** Text on each bar's tooltip: category, group and value. */
  valueFormat?: (v: number) => string;
  maxLabels?: number;
  box?: ChartBox;
}

export function barChart(spec: BarChartSpec): Markup {
  const box = spec.box ?? DEFAULT_BOX;
  const values = spec.groups.flatMap((g) => g.values.filter((v) => Number.isFinite(v)));
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const { frame, ticks } = makeFrame(box, lo, hi === lo ? lo + 1 : hi);
  const n = Math.max(1, spec.categories.length);
  const slot = (frame.x1 - frame.x0) / n;
  const groupWidth = slot * 0.8;
  const barWidth = groupWidth / Math.max(1, spec.groups.length);
  const centres = spec.categories.map((_, i) => frame.x0 + slot * (i + 0.5));
  const zero = frame.y(0);
  const fmt = spec.valueFormat ?? spec.yFormat;
  const bars = spec.groups.map((g, gi) =>
    g.values.map((v, i) => {
      if (!Number.isFinite(v)) return html``;
      const x = centres[i]! - groupWidth / 2 + gi * barWidth;
      const y = frame.y(v);
      const top = Math.min(y, zero);
      const height = Math.abs(zero - y);
      const fill = gi === 1 ? `url(#hatch-${spec.id})` : g.colour;
      return html`<rect class="bar" x="${coord(x)}" y="${coord(top)}" width="${coord(Math.max(0.5, barWidth - 1))}" height="${coord(height)}" fill="${fill}"${gi === 1 ? html` stroke="${g.colour}"` : html``}><title>${spec.categories[i]!}: ${g.name} ${fmt(v)}</title></rect>`;
    }),
  );
  const items: LegendItem[] = spec.groups.map((g, gi) => ({
    name: g.name,
    colour: g.colour,
    kind: gi === 1 ? "hatched" : "bar",
  }));
  const body = html`${yAxis(frame, ticks, spec.yFormat, spec.yTitle)}${bars}${xAxis(frame, spec.categories, centres, spec.maxLabels ?? 8)}${legend(box, items, spec.id)}`;
  return svgRoot(spec.id, box, spec.title, spec.description, body);
}
