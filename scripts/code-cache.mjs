#!/usr/bin/env node
/**
 * Writes dist/bundle/cli/cli.cjs.cache (run by scripts/bundle-cli.mjs after bundling): compiles the bundle, runs
 * `--help`, every command's `--help` and every command as far as its first input (scripts/startup-runs.mjs), output
 * discarded, then stores the code V8 compiled for them. That is the code every run goes through before it reads
 * anything; the work after (parsing, forecasting, the report) compiles as usual when it first runs. A warm-up that
 * also ran `demo` made a cache half again as large, which every start, `--help` included, pays to read, and made
 * `demo` itself no faster (docs/startup.md). Written to a temporary name and renamed, so an interrupted build leaves
 * no half-written cache (a damaged one would be rejected by V8 anyway).
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { loadBundle, CODE_CACHE } from "../dist/bundle/cli/load.js";
import { STARTUP_RUNS } from "./startup-runs.mjs";

const { script, exports } = loadBundle(undefined);
const io = {
  cwd: "/nonexistent",
  env: { NO_COLOR: "1" },
  stdout: { write: () => true, isTTY: false },
  stderr: { write: () => true, isTTY: false },
  stdinIsTTY: false,
};
await exports.run(["--help"], io);
for (const [command, args] of Object.entries(STARTUP_RUNS)) {
  await exports.run([command, "--help"], io);
  const code = await exports.run([command, ...args], io);
  // A run that got past its first input did more than start up; the list above no longer matches the CLI.
  if (code !== 2 && code !== 3) throw new Error(`code cache warm-up: ${command} exited ${code}, expected 2 or 3`);
}
const tmp = `${CODE_CACHE}.${process.pid}.tmp`;
try {
  writeFileSync(tmp, script.createCachedData());
  renameSync(tmp, CODE_CACHE);
} finally {
  rmSync(tmp, { force: true });
}
