/**
 * Keep finding them: generated curves, contract specs, policies, configs,
 * price histories and mapping files — valid fixtures mutated with hostile tokens (∞, NaN, NUL,
 * aliases, deep brackets, huge numbers, stray quotes, `__proto__`) — thrown at their readers. Each
 * must come back as a value or as a HedgeError with exit 2 or 3: never an internal error (exit 4),
 * never a hang (each case is timed). Seeded, so a failure replays.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HedgeError } from "../../src/errors.js";
import { loadContract, loadCurve, loadPolicy } from "../../src/cli/inputs.js";
import { readTextFile } from "../../src/cli/files.js";
import { resolveMapping } from "../../src/cli/ingest-read.js";
import { parseConfigText } from "../../src/config/parse-file.js";
import { parsePriceHistory } from "../../src/hedge/methods/price-history.js";
import type { IoContext } from "../../src/cli/context.js";
import { ROOT } from "../helpers/run-cli.js";

let dir: string;
let ctx: IoContext;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "th-fuzz-"));
  ctx = {
    cwd: dir,
    env: {},
    stdout: { write: () => undefined, isTTY: false },
    stderr: { write: () => undefined, isTTY: false },
    stdinIsTTY: false,
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (p: string): string => readFileSync(join(ROOT, p), "utf8");

const MAPPING =
  "quantity:\n  column: tokens\n  kind:\n    column: token_type\ndate:\n  column: date\nmodel:\n  column: model\n";

interface Reader {
  name: string;
  file: string;
  seed: () => string;
  read: (file: string) => unknown;
}

const READERS: Reader[] = [
  {
    name: "curve (CSV)",
    file: "curve.csv",
    seed: () => fixture("fixtures/acme/token-curve.csv"),
    read: (f) => loadCurve(ctx, f),
  },
  {
    name: "curve (JSON)",
    file: "curve.json",
    seed: () =>
      JSON.stringify(
        {
          quoteUnit: "USD/Mtok",
          points: [
            { month: "2027-01", price: 2.1 },
            { month: "2027-02", price: 2.05 },
          ],
        },
        null,
        1,
      ),
    read: (f) => loadCurve(ctx, f),
  },
  {
    name: "contract (JSON)",
    file: "contract.json",
    seed: () => fixture("fixtures/acme/token-contract.json"),
    read: (f) => loadContract(ctx, f),
  },
  {
    name: "contract (YAML)",
    file: "contract.yaml",
    seed: () => fixture("fixtures/acme/token-contract.yaml"),
    read: (f) => loadContract(ctx, f),
  },
  {
    name: "policy",
    file: "policy.json",
    seed: () => fixture("fixtures/acme/policy.json"),
    read: (f) => loadPolicy(ctx, f),
  },
  {
    name: "config",
    file: "hedge.config.yaml",
    seed: () => fixture("fixtures/config/acme.config.yaml"),
    read: (f) => parseConfigText(readTextFile(f, dir), f),
  },
  {
    name: "price history",
    file: "history.csv",
    seed: () => fixture("fixtures/hull/airline-changes.csv"),
    read: (f) => parsePriceHistory(readTextFile(f, dir), f, { kind: "changes" }),
  },
  {
    name: "mapping",
    file: "usage.csv.map.yaml",
    seed: () => MAPPING,
    read: (f) => resolveMapping(ctx, "usage.csv", f),
  },
];

const HOSTILE = [
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "-0",
  "99999999999999999999999",
  "1e-300",
  "0",
  "-5",
  "1.5",
  "\u0000",
  "\u001b[2J",
  "\uFEFF",
  "\ufffd",
  '"',
  "'",
  ",",
  ";",
  "\n",
  "\r",
  "\t",
  ":",
  "- ",
  "{",
  "}",
  "[",
  "]",
  "[".repeat(200),
  '{"a":'.repeat(200),
  "&a [1,2,3]",
  "*a",
  "&a",
  "!!js/function",
  "__proto__",
  "constructor",
  "2999-13",
  "+25:00",
  "0000-00",
  "null",
  "~",
  "true",
  "- - - -",
  "? ",
  "%YAML 1.1\n",
  "---\n",
  "...\n",
];

/** One edit of the seed text: insert, replace or delete at a position, truncate, or repeat a line. */
const editArb = fc.oneof(
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), token: fc.constantFrom(...HOSTILE) }),
  fc.record({
    op: fc.constant("replace" as const),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 12 }),
    token: fc.constantFrom(...HOSTILE),
  }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("repeat-line" as const), at: fc.nat() }),
);

type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, edit: Edit): string {
  const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
  switch (edit.op) {
    case "insert":
      return text.slice(0, at) + edit.token + text.slice(at);
    case "replace":
      return text.slice(0, at) + edit.token + text.slice(at + edit.len);
    case "delete":
      return text.slice(0, at) + text.slice(at + edit.len);
    case "truncate":
      return text.slice(0, at);
    case "repeat-line": {
      const lines = text.split("\n");
      const i = edit.at % lines.length;
      return [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)].join("\n");
    }
  }
}

describe("input fuzz: every reader answers with a value or exit 2/3", () => {
  it.each(READERS.map((r) => [r.name, r] as const))("%s", (_name, reader) => {
    const seed = reader.seed();
    // Usage file beside the mapping, so the mapping reader has something to sit beside.
    writeFileSync(join(dir, "usage.csv"), "date,model,token_type,tokens\n2026-01-01,m,input,5\n");
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = edits.reduce(apply, seed);
        writeFileSync(join(dir, reader.file), text);
        const started = performance.now();
        try {
          reader.read(reader.file);
        } catch (e) {
          if (!(e instanceof HedgeError))
            throw new Error(`internal error (exit 4) on ${JSON.stringify(text.slice(0, 300))}: ${(e as Error).stack}`, {
              cause: e,
            });
          expect([2, 3]).toContain(e.exitCode);
        }
        // Bounded time per case: a parser that backtracks or expands aliases would blow this.
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { seed: 1717, numRuns: 300 },
    );
  });
});
