/**
 * Exit codes CI can trust: nothing to hedge is exit 3 with the reason; alias
 * bombs and deep nesting are bad input (3) at the file, not internal errors (4); under --json every
 * error prints the JSON error document, usage errors included; `help UNKNOWN` exits 2.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ACME, ROOT, runHere } from "../helpers/run-cli.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "th-exit-"));
  for (const f of Object.values(ACME)) copyFileSync(join(ROOT, f), join(dir, f.split("/").pop()!));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The last stderr line that parses as the JSON error document. */
function errorDoc(stderr: string): { error: { code: string; exitCode: number; message: string } } {
  const line = stderr
    .trim()
    .split("\n")
    .reverse()
    .find((l) => l.startsWith('{"error"'));
  if (!line) throw new Error(`no JSON error document in: ${stderr}`);
  return JSON.parse(line);
}

// Nine levels of nine aliases each: 9^9 ≈ 387 million nodes if expanded.
const BOMB =
  [
    "a: &a [x, x, x, x, x, x, x, x, x]",
    ..."bcdefghi".split("").map((c, i) => `${c}: &${c} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`),
  ].join("\n") + "\n";

describe("exit codes CI can trust", () => {
  it("help with an unknown topic exits 2 and says which topics exist", async () => {
    const r = await runHere(["help", "no-such-topic"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no help topic or command "no-such-topic"/);
    expect(r.stderr).toMatch(/exit-codes/);
    expect((await runHere(["help", "exit-codes"], dir)).code).toBe(0);
    expect((await runHere(["help", "ingest"], dir)).code).toBe(0);
  });

  it("an unknown flag under --json prints the JSON error document (exit 2)", async () => {
    const r = await runHere(["ingest", "usage.csv", "--no-such-flag", "--json"], dir);
    expect(r.code).toBe(2);
    const doc = errorDoc(r.stderr);
    expect(doc.error).toMatchObject({ code: "USAGE", exitCode: 2 });
    expect(doc.error.message).toMatch(/unknown option '--no-such-flag'/);
    expect(r.stdout).toBe("");
  });

  it("a missing argument under --json prints the JSON error document too", async () => {
    const r = await runHere(["curve", "--json"], dir);
    expect(r.code).toBe(2);
    expect(errorDoc(r.stderr).error.exitCode).toBe(2);
  });

  it("a YAML alias bomb in a config is bad input at the file (exit 3), not an internal error", async () => {
    writeFileSync(join(dir, "bomb.yaml"), BOMB);
    const r = await runHere(["report", "--config", "bomb.yaml", "--out", "rep", "--json"], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^tokenhedge: error: bomb\.yaml: YAML aliases expand too far/);
    expect(errorDoc(r.stderr).error.code).toBe("INPUT_INVALID");
  });

  it("a YAML alias bomb in a mapping file is exit 3 too", async () => {
    writeFileSync(join(dir, "bomb.map.yaml"), BOMB);
    const r = await runHere(["ingest", "usage.csv", "--mapping", "bomb.map.yaml"], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/YAML aliases expand too far/);
  });

  it("a deeply nested JSON curve is exit 3 at file:line:column", async () => {
    writeFileSync(join(dir, "deep.json"), "[".repeat(100000) + "]".repeat(100000));
    const r = await runHere(["curve", "deep.json"], dir);
    expect(r.code).toBe(3);
    // The 65th "[" (column 65) passes the 64-level limit.
    expect(r.stderr).toMatch(/^tokenhedge: error: deep\.json:1:65: nests lists or objects more than 64 levels deep/);
  });

  it("a deeply nested contract spec and policy are exit 3 as well", async () => {
    writeFileSync(join(dir, "deep-contract.json"), `{"a":${'{"b":'.repeat(5000)}1${"}".repeat(5000)}}`);
    const r = await runHere(
      [
        "plan",
        "usage.csv",
        "--curve",
        "token-curve.csv",
        "--contract",
        "deep-contract.json",
        "--policy",
        "policy.json",
      ],
      dir,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/nests lists or objects more than 64 levels/);
  });

  it("a curve that ends before the forecast starts: nothing to hedge, exit 3 with the reason", async () => {
    writeFileSync(join(dir, "old-curve.csv"), "month,price\n2020-01,2.10\n2020-02,2.05\n");
    const r = await runHere(
      ["plan", "usage.csv", "--curve", "old-curve.csv", "--contract", "token-contract.json", "--policy", "policy.json"],
      dir,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /nothing to hedge: no delivery month of the curve \(2020-01 to 2020-02\) has a forecast \(2026-\d\d\)/,
    );
    expect(r.stderr).toMatch(/the curve ends before the forecast starts/);
    const s = await runHere(
      [
        "scenarios",
        "usage.csv",
        "--curve",
        "old-curve.csv",
        "--contract",
        "token-contract.json",
        "--policy",
        "policy.json",
      ],
      dir,
    );
    expect(s.code).toBe(3);
  });
});
