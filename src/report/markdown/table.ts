/** Markdown escaping and pipe tables, shared by the report's sections. */

/** Escape text for Markdown: punctuation that would format, table pipes, and HTML's < > &. */
export function mdEscape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1")
    .replace(/\r?\n/g, " ");
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
