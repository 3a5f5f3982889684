/** Global --quiet and --verbose: what reaches stderr, never what reaches stdout. */
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACME, PLAN_ARGS, ROOT, runCli } from "../helpers/run-cli.js";

const PLAN = ["plan", ACME.usage, ...PLAN_ARGS];

describe("--quiet", () => {
  it("silences notes and warnings on stderr; stdout is unchanged", () => {
    const ingest = runCli(["ingest", ACME.usage, "--json"]);
    expect(ingest.stderr).toContain("note: format");
    const quietIngest = runCli(["ingest", ACME.usage, "--json", "--quiet"]);
    expect(quietIngest.stderr).toBe("");
    expect(quietIngest.stdout).toBe(ingest.stdout);

    const plan = runCli([...PLAN, "--json"]);
    expect(plan.stderr).toContain("warning:");
    const quietPlan = runCli(["--quiet", ...PLAN, "--json"]);
    expect(quietPlan.code).toBe(0);
    expect(quietPlan.stderr).toBe("");
    expect(quietPlan.stdout).toBe(plan.stdout);
  });

  it("still prints errors, with their exit code", () => {
    const r = runCli(["plan", "no-such-usage.csv", ...PLAN_ARGS, "--quiet"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("no-such-usage.csv: no such file");
  });

  it("is accepted where forecast had its own --quiet", () => {
    const r = runCli(["forecast", ACME.usage, "--quiet", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});

describe("--verbose", () => {
  it("lists each input read with its size in bytes, and the time taken", () => {
    const r = runCli([...PLAN, "--json", "--verbose"]);
    expect(r.code).toBe(0);
    const size = statSync(join(ROOT, ACME.usage)).size.toLocaleString("en-US");
    expect(r.stderr).toContain(`read: ${ACME.usage} (${size} bytes)\n`);
    expect(r.stderr).toContain(`read: ${ACME.tokenCurve} (`);
    expect(r.stderr).toMatch(/took: \d+ ms\n$/);
    expect(r.stdout).toBe(runCli([...PLAN, "--json"]).stdout);
  });

  it("and --quiet together are a usage error (exit 2)", () => {
    const r = runCli([...PLAN, "--quiet", "--verbose"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--quiet and --verbose cannot be used together");
  });
});
