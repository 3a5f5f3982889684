#!/usr/bin/env node
/**
 * `npm test`'s checks before the tests: runs the named npm scripts side by side, as many at once as the machine has
 * cores, because each one (tsc, ESLint, Prettier, dependency-cruiser, the build) is a single-threaded process and
 * running them one after another left the other cores idle for most of a minute. Each script's output is held and
 * printed in one piece when it ends, so the log reads as if they had run in turn; the exit status is the first
 * failure's (every script still runs to the end, so one run shows every broken check).
 *
 * Usage: node scripts/run-checks.mjs SCRIPT… (each an npm script name in package.json)
 */
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  process.stderr.write("run-checks: name at least one npm script, e.g. node scripts/run-checks.mjs typecheck lint\n");
  process.exit(2);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const slots = Math.max(1, Math.min(availableParallelism(), scripts.length));

/** Run one npm script with its output captured; resolves with its status, output and time taken. */
function runScript(name) {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", "-s", name], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    child.on("error", (err) => resolve({ name, status: 1, output: `${err.message}\n`, ms: 0 }));
    child.on("close", (status, signal) => {
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      resolve({ name, status: status ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString("utf8"), ms });
    });
  });
}

const queue = [...scripts];
let firstFailure = 0;
async function worker() {
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const r = await runScript(name);
    const verdict = r.status === 0 ? "ok" : `FAILED (exit ${r.status})`;
    process.stdout.write(`\n> ${r.name}: ${verdict} in ${(r.ms / 1000).toFixed(1)} s\n${r.output}`);
    if (r.status !== 0 && firstFailure === 0) firstFailure = r.status;
  }
}
await Promise.all(Array.from({ length: slots }, worker));
process.exitCode = firstFailure;
