#!/usr/bin/env node
// `npm run bench`: runs every benchmark folder's run.mjs in turn and prints their figures.
// Benchmarks measure; they never assert timings (tests do not time anything).
// Usage: npm run bench [-- NAME…]   e.g. npm run bench -- simulate
import { existsSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const here = fileURLToPath(new URL(".", import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, "run.mjs")))
  .map((d) => d.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

if (!existsSync(join(here, "..", "dist", "index.js")) && !existsSync(join(here, "..", "dist", "bundle", "cli", "main.js"))) {
  console.error("bench: dist/ is missing; run `npm run build` first");
  process.exit(2);
}

let failed = 0;
for (const name of benches) {
  console.log(`\n### bench/${name}`);
  const r = spawnSync(process.execPath, [join(here, name, "run.mjs")], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
if (benches.length === 0) console.log("no benchmarks found");
process.exit(failed === 0 ? 0 : 1);
