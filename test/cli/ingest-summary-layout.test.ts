/** The ingest summary's labels line up: every value starts in the same column, one file or several. */
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const LABEL = /^([a-z][a-z ]*:) +/;

function valueColumns(stdout: string): Map<string, number> {
  const cols = new Map<string, number>();
  for (const line of stdout.split("\n")) {
    const m = LABEL.exec(line);
    if (m && ["format:", "file:", "files:", "rows read:", "date range:", "total tokens:"].includes(m[1]!))
      cols.set(m[1]!, m[0].length);
  }
  return cols;
}

describe("ingest summary layout", () => {
  it("one file: format, file, rows read, date range and total tokens values all start at column 16", () => {
    const r = runCli(["ingest", "fixtures/acme/usage.csv"]);
    expect(r.code, r.stderr).toBe(0);
    const cols = valueColumns(r.stdout);
    expect([...cols.keys()].sort()).toEqual(["date range:", "file:", "format:", "rows read:", "total tokens:"]);
    expect(new Set(cols.values())).toEqual(new Set([15]));
  });

  it("several files: the files line lines up with the others", () => {
    const r = runCli(["ingest", "fixtures/formats/openai-usage", "fixtures/formats/anthropic-usage"]);
    expect(r.code, r.stderr).toBe(0);
    const cols = valueColumns(r.stdout);
    expect(cols.get("files:")).toBe(15);
    expect(new Set(cols.values())).toEqual(new Set([15]));
  });
});
