/**
 * The few tests that spawn the real bin/tokenhedge: the launcher, and process exit codes. Everything else
 * runs the CLI in-process (test/helpers/run-cli.ts); each case here also checks the in-process run prints exactly
 * what the binary prints, so the fast path stays faithful. (init's pseudo-terminal test, config's cwd test and the
 * Chromium report test spawn the binary too, in their own files.)
 */
import { describe, expect, it } from "vitest";
import { ACME, PLAN_ARGS, runCli, spawnCli } from "../helpers/run-cli.js";

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
// Ctrl-C and SIGTERM with real signals: test/cli/interrupts-and-pipes.test.ts.
