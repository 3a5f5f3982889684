/** Human tables with cli-table3. Colour is decided by the caller; with colour off no ANSI codes appear. */
import Table from "cli-table3";

export type Align = "left" | "right" | "center";

export interface TableSpec {
  head: string[];
  rows: string[][];
  align?: Align[];
  /** Rows after this index are separated as a totals block. */
  footer?: string[][];
  colour?: boolean;
}

export function renderTable(spec: TableSpec): string {
  const table = new Table({
    head: spec.head,
    // Compact: no rule between body rows, so a 24-month table fits a screen.
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    colAligns: spec.align ?? spec.head.map((_, i) => (i === 0 ? "left" : "right")),
    style: spec.colour ? { head: ["cyan"], border: ["grey"] } : { head: [], border: [] },
  });
  for (const r of spec.rows) table.push(r);
  if (spec.footer && spec.footer.length > 0) {
    table.push(spec.head.map(() => "─".repeat(3)));
    for (const r of spec.footer) table.push(r);
  }
  return table.toString() + "\n";
}
