/**
 * The bundled CLI loads re2js only when a mapping has a regular expression (a stand-in, scripts/bundle-options.mjs,
 * require()s dist/bundle/cli/re2js.cjs on the first compile). These run the built bundle: a mapping's `pattern:`
 * still extracts, and a pattern RE2 refuses still gets RE2's own message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/run-cli.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "th-bundle-regex-"));
  writeFileSync(
    join(dir, "u.csv"),
    "day,model,n\n2026-01-01,prod/gpt-4.1@eu,100\n2026-01-02,test/claude-x@eu,50\n2026-02-01,prod/gpt-4.1@eu,70\n",
  );
  const mapping = (model: string) =>
    `date: {column: day}\nmodel: {column: model, pattern: "${model}"}\nproject: {column: model, pattern: "^([^/]+)/"}\ntokens: [{column: n, kind: input_uncached}]\n`;
  writeFileSync(join(dir, "u.map.yaml"), mapping("/([^@]+)@"));
  writeFileSync(join(dir, "bad.map.yaml"), mapping("(unclosed"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the bundle's lazily loaded RE2 engine", () => {
  it("a mapping's patterns extract the model and the project", () => {
    const r = runCli(["ingest", "u.csv", "--mapping", "u.map.yaml", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { byModel: Record<string, number>; byProject: Record<string, number> };
    // prod/gpt-4.1@eu: 100 + 70 tokens; test/claude-x@eu: 50.
    expect(doc.byModel).toEqual({ "gpt-4.1": 170, "claude-x": 50 });
    expect(doc.byProject).toEqual({ prod: 170, test: 50 });
  });

  it("a pattern RE2 cannot compile is refused with RE2's message", () => {
    const r = runCli(["ingest", "u.csv", "--mapping", "bad.map.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "model.pattern: not a regular expression: error parsing regexp: missing closing ): `(?i)(unclosed`",
    );
  });
});
