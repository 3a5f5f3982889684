#!/usr/bin/env node
// `npm run bench`: runs every benchmark folder's run.mjs in turn, prints their figures, then one side-by-side
// summary of the headline figures as ratios (each section's reference named). Benchmarks measure; they never assert.
// Usage: npm run bench [-- NAME…] [-- --no-NAME…] [-- --quick]
//   NAME…      only these sections (startup, ingest, simulate, forecast-accuracy)
//   --no-NAME  skip a section, e.g. --no-ingest (the 1 GB log) so the rest runs in a minute
//   --quick    smaller runs: start-up median of 7, a 300 MB ingest log, 20,000 simulated paths
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const here = fileURLToPath(new URL(".", import.meta.url));
const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const wanted = argv.filter((a) => !a.startsWith("--"));
const skipped = argv.filter((a) => a.startsWith("--no-")).map((a) => a.slice(5));
const benches = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, "run.mjs")))
  .map((d) => d.name)
  .filter((name) => (wanted.length === 0 || wanted.includes(name)) && !skipped.includes(name))
  .sort((a, b) => (a === "startup" ? -1 : b === "startup" ? 1 : a.localeCompare(b)));

if (
  !existsSync(join(here, "..", "dist", "index.js")) ||
  !existsSync(join(here, "..", "dist", "bundle", "cli", "main.js"))
) {
  console.error("bench: dist/ is missing; run `npm run build` first");
  process.exit(2);
}

const QUICK_ARGS = { startup: ["7"], ingest: ["--mb", "300"], simulate: ["20000"] };
const dir = mkdtempSync(join(tmpdir(), "tokenhedge-bench-"));
const summaryFile = join(dir, "summary.jsonl");
let failed = 0;
for (const name of benches) {
  console.log(`\n### bench/${name}`);
  const r = spawnSync(process.execPath, [join(here, name, "run.mjs"), ...(quick ? (QUICK_ARGS[name] ?? []) : [])], {
    stdio: "inherit",
    env: { ...process.env, BENCH_SUMMARY: summaryFile },
  });
  if (r.status !== 0) failed++;
}
if (benches.length === 0) console.log("no benchmarks found");

// Side by side: every figure, and its ratio to the section's reference (start-up: × node -e 0; ingest: MB/s as a
// multiple of tokenhedge's, so below 1 the other reader is slower; simulate and accuracy: × tokenhedge's).
if (existsSync(summaryFile)) {
  const sections = readFileSync(summaryFile, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  console.log("\n### summary (ratio to the row marked =)");
  for (const s of sections) {
    console.log(`\n${s.section}`);
    const base = s.rows.find((r) => r.name === s.base);
    for (const r of s.rows) {
      const ratio = base ? r.value / base.value : undefined;
      const value = r.unit === "MASE" ? r.value.toFixed(3) : r.value.toFixed(r.value < 10 ? 2 : 0);
      console.log(
        `  ${r.name.padEnd(46)} ${value.padStart(9)} ${r.unit.padEnd(5)} ${r === base ? "    =" : ratio === undefined ? "" : `${ratio.toFixed(2)}×`.padStart(6)}${r.rssMb ? `  peak RSS ${r.rssMb.toFixed(0)} MB` : ""}`,
      );
    }
  }
}
rmSync(dir, { recursive: true, force: true });
process.exit(failed === 0 ? 0 : 1);
