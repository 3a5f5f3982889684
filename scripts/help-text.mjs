#!/usr/bin/env node
/**
 * Writes dist/bundle/cli/help.txt (run by scripts/bundle-cli.mjs after the code cache): the top-level help, as the
 * bundled CLI itself prints it. bin/tokenhedge prints this file for `tokenhedge --help`, `-h` and `help` without
 * loading the 1.7 MB bundle: that help is the same text on every terminal (no colour, no wrapping to the width;
 * test/cli/help-text.test.ts checks both), so rendering it again on each call only cost start-up time.
 * Written to a temporary name and renamed: an interrupted build leaves no half-written help.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { loadBundle } from "../dist/bundle/cli/load.js";

const HELP = new URL("../dist/bundle/cli/help.txt", import.meta.url);
let text = "";
const io = {
  cwd: "/nonexistent",
  env: {},
  stdout: { write: (t) => ((text += t), true), isTTY: false },
  stderr: { write: () => true, isTTY: false },
  stdinIsTTY: false,
};
const code = await loadBundle().exports.run(["--help"], io);
if (code !== 0 || !text.startsWith("Usage: tokenhedge")) throw new Error(`help text: --help exited ${code}`);
const tmp = `${HELP.pathname}.${process.pid}.tmp`;
try {
  writeFileSync(tmp, text);
  renameSync(tmp, HELP);
} finally {
  rmSync(tmp, { force: true });
}
