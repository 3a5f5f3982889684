/**
 * Safe HTML by construction: the `html` tag escapes every interpolated value unless it is already
 * markup (`Markup`, made only by this tag or by `trusted` for fixed strings of our own). A value that
 * came from an input file (a team name, a model name, a path) can therefore never become markup,
 * whatever it contains (the README (conventions, exit codes): values echoed into HTML are escaped). The same tag builds the
 * inline SVG, which the HTML parser reads as markup too.
 */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlValue = Markup | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join("");
  return escapeHtml(String(value));
}

/** Template tag: literal parts are markup, interpolations are escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Markup(out);
}

/** Mark a fixed string of our own as markup (never pass input data here). */
export function trusted(markup: string): Markup {
  return new Markup(markup);
}

export function join(parts: readonly Markup[], separator = ""): Markup {
  return new Markup(parts.map((p) => p.text).join(separator));
}
