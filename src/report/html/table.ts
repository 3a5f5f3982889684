/** An escaped HTML table; `textColumns` are left-aligned and wrap (numbers stay right-aligned). */
import { html, type Markup } from "./escape.js";

export function table(
  head: readonly (string | Markup)[],
  rows: readonly (readonly (string | Markup)[])[],
  textColumns: readonly number[] = [],
): Markup {
  const cls = (i: number): Markup => (textColumns.includes(i) ? html` class="text"` : html``);
  return html`<table><thead><tr>${head.map((h, i) => html`<th${cls(i)}>${h}</th>`)}</tr></thead><tbody>${rows.map((r) => html`<tr>${r.map((c, i) => html`<td${cls(i)}>${c}</td>`)}</tr>`)}</tbody></table>`;
}
