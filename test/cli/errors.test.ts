/** One test per kind of bad input or bad usage: exit code, message anatomy, nothing written. */
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ACME, PLAN_ARGS, runCli } from "../helpers/run-cli.js";

const INV = "fixtures/invalid";

describe("bad input data → exit 3, file:line:column, the value, what was expected", () => {
  it.each([
    [
      "missing-column",
      "fixtures/invalid/missing-column/usage.csv:1: no tokens column in the header",
      /hint: +name it with --map tokens=COLUMN/,
    ],
    [
      "bad-date",
      'fixtures/invalid/bad-date/usage.csv:4:1: cannot read date "01/03/2026"',
      /expected: a date YYYY-MM-DD[\s\S]*ambiguous/,
    ],
    [
      "bad-number",
      'fixtures/invalid/bad-number/usage.csv:3:4: cannot read token count "12k"',
      /column: +4 \(tokens\)[\s\S]*expected: a whole number of tokens/,
    ],
    [
      "negative-tokens",
      'fixtures/invalid/negative-tokens/usage.csv:3:4: negative token count "-250"',
      /expected: a whole number of tokens ≥ 0/,
    ],
    [
      "header-twice",
      "fixtures/invalid/header-twice/usage.csv:2: not valid CSV: Invalid Record Length: expect 1, got 5 on line 2",
      /hint: +a row has a different number of fields than the header/,
    ],
  ])("%s", (kind, first, detail) => {
    const out = join(mkdtempSync(join(tmpdir(), "th-")), "out.json");
    const r = runCli(["ingest", `${INV}/${kind}/usage.csv`, "--json", "--out", out]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe(`tokenhedge: error: ${first}`);
    expect(r.stderr).toMatch(detail);
    expect(existsSync(out)).toBe(false);
    // --json also puts a machine-readable error on stderr.
    const json = JSON.parse(r.stderr.trim().split("\n").pop()!);
    expect(json.error.exitCode).toBe(3);
  });

  it("a curve with a negative price", () => {
    const r = runCli(["curve", `${INV}/bad-curve-price/curve.csv`]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('bad-curve-price/curve.csv:3:2: price "-2.05" for 2027-01 is not a positive number');
  });

  it("a contract spec that breaks the schema names the key path", () => {
    const r = runCli([
      "plan",
      ACME.usage,
      "--curve",
      ACME.tokenCurve,
      "--contract",
      `${INV}/bad-contract/contract.json`,
      "--policy",
      ACME.policy,
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/contract spec is not valid/);
    expect(r.stderr).toMatch(/contractSize: /);
  });

  it("a file that does not exist", () => {
    const r = runCli(["ingest", "no/such/file.csv"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("no/such/file.csv: no such file");
  });
});

describe("bad usage → exit 2", () => {
  it.each([
    ["an unknown flag", ["ingest", ACME.usage, "--bogus"], /unknown option '--bogus'/],
    ["a missing argument", ["curve"], /missing required argument .file./],
    ["an unknown command", ["hedge-everything"], /unknown command/],
    ["a bad choice", ["ingest", ACME.usage, "--period", "week"], /--period must be one of day, month, got "week"/],
    ["a non-numeric horizon", ["forecast", ACME.usage, "--horizon", "twelve"], /--horizon must be a whole number/],
    [
      "a ratio above 1",
      ["plan", ACME.usage, "--curve", ACME.tokenCurve, "--contract", ACME.tokenContract, "--ratio", "1.5"],
      /--ratio must be between 0 and 1/,
    ],
    [
      "a missing --curve",
      ["plan", ACME.usage, "--contract", ACME.tokenContract, "--policy", ACME.policy],
      /missing --curve/,
    ],
    [
      "neither --policy nor --ratio",
      ["plan", ACME.usage, "--curve", ACME.tokenCurve, "--contract", ACME.tokenContract],
      /missing --policy or --ratio/,
    ],
    ["--json with --csv", ["curve", ACME.tokenCurve, "--json", "--csv"], /cannot be used together/],
    ["a bad --map", ["ingest", ACME.usage, "--map", "price=x"], /--map: cannot read/],
  ])("%s", (_name, args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("refuses to write output over an input file", () => {
    const r = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--json", "--out", ACME.policy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${ACME.policy}: refusing to write over it: this run reads it`);
  });
});

describe("help", () => {
  it("--help lists every command with an example, exit 0", () => {
    const r = runCli(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["ingest", "forecast", "curve", "plan", "scenarios"])
      expect(r.stdout).toMatch(new RegExp(`tokenhedge ${c} `));
  });

  it("help exit-codes documents 0 1 2 3 4 130", () => {
    const r = runCli(["help", "exit-codes"]);
    expect(r.code).toBe(0);
    for (const c of ["0", "1", "2", "3", "4", "130"]) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, "m"));
  });

  it("help formats lists every export profile, exit 0", () => {
    const r = runCli(["help", "formats"]);
    expect(r.code).toBe(0);
    for (const id of [
      "openai-usage",
      "anthropic-cost",
      "aws-cur",
      "azure-cost",
      "gcp-billing",
      "focus",
      "litellm",
      "openrouter",
      "deepseek",
      "generic",
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${id} `, "m"));
    }
  });

  it("--version prints the version, exit 0", () => {
    const r = runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("another input's file in a flag's place: the hint says what that input holds", () => {
  it("a contract spec as --curve, a curve as --contract, a contract as --policy (exit 3)", () => {
    const cases: [string[], RegExp][] = [
      [
        ["--curve", ACME.tokenContract, "--contract", ACME.tokenContract, "--policy", ACME.policy],
        /hint: +the futures curve \(--curve, or curve: in the config\) is a CSV of month,price/,
      ],
      [
        ["--curve", ACME.tokenCurve, "--contract", ACME.tokenCurve, "--policy", ACME.policy],
        /hint: +the contract spec \(--contract, or contract: in the config\) is JSON or YAML/,
      ],
      [
        ["--curve", ACME.tokenCurve, "--contract", ACME.tokenContract, "--policy", ACME.tokenContract],
        /hint: +the hedge policy \(--policy, or policy: in the config\) is JSON with a ladder/,
      ],
    ];
    for (const [flags, hint] of cases) {
      const r = runCli(["plan", ACME.usage, ...flags]);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(hint);
    }
  });
});
