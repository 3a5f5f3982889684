/** Markdown escaping and pipe tables, shared by the report's sections. */

/**
 * Escape text for Markdown: punctuation that would format, table pipes, HTML's < and >, and an & that would start a
 * character reference (`&lt;`, `&#60;`), and a # or + that starts the text. Parentheses, + and # inside a sentence stay
 * as written: with [ and ] escaped no link can form, and the report's sentences are full of them ("(+4.9%)"); a bare &
 * (P&L) is literal text in CommonMark.
 */
export function mdEscape(text: string): string {
  return (
    text
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/([\\`*_{}[\]|~])/g, "\\$1")
      // # and + format only where a line starts (a heading, a list item); ! only before [, which is escaped.
      .replace(/^([#+])/, "\\$1")
      .replace(/\r?\n/g, " ")
  );
}

export function mdTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  alignLeft: readonly number[] = [0],
): string {
  const e = (c: string): string => mdEscape(c);
  const sep = head.map((_, i) => (alignLeft.includes(i) ? ":---" : "---:"));
  return (
    [
      `| ${head.map(e).join(" | ")} |`,
      `| ${sep.join(" | ")} |`,
      ...rows.map((r) => `| ${r.map(e).join(" | ")} |`),
    ].join("\n") + "\n"
  );
}
