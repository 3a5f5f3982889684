/**
 * The few tests that spawn the real bin/tokenhedge: the launcher, process exit codes and Ctrl-C. Everything else
 * runs the CLI in-process (test/helpers/run-cli.ts); each case here also checks the in-process run prints exactly
 * what the binary prints, so the fast path stays faithful. (init's pseudo-terminal test, config's cwd test and the
 * Chromium report test spawn the binary too, in their own files.)
 */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ACME, PLAN_ARGS, ROOT, runCli, spawnCli } from "../helpers/run-cli.js";

const BIN = fileURLToPath(new URL("../../bin/tokenhedge", import.meta.url));

describe("the real binary, and in-process runs print the same", () => {
  it.each([
    ["--help", ["--help"], 0],
    ["a command's --help", ["plan", "--help"], 0],
    ["a full pipeline command (plan --json)", ["plan", ACME.usage, ...PLAN_ARGS, "--json"], 0],
    ["bad data: a missing file, exit 3", ["ingest", "no/such/file.csv"], 3],
    ["bad data with --json: the error JSON on stderr", ["ingest", "no/such/file.csv", "--json"], 3],
    ["bad usage: an unknown flag, exit 2", ["plan", "--no-such-flag"], 2],
    ["bad usage: an unknown command, exit 2", ["no-such-command"], 2],
  ])("%s", (_name, args, code) => {
    const real = spawnCli(args);
    expect(real.code).toBe(code);
    expect(runCli(args)).toEqual(real);
  });
});

describe("Ctrl-C", () => {
  it("SIGINT during a long run exits 130 without a stack trace", async () => {
    // A million paths over the fixture plan runs for seconds; the signal arrives long before it finishes.
    const child = spawn(process.execPath, [BIN, "simulate", ACME.usage, ...PLAN_ARGS, "--paths", "1000000"], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Wait until the launcher has installed its handler (the CLI module has loaded) before interrupting.
    await new Promise((r) => setTimeout(r, 3000));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => child.on("close", (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
