#!/usr/bin/env node
// The ingest benchmark (issues 3 and 13): a seeded per-request log of about 1 GB, read by `wc -l`,
// tokenhedge's streaming ingest, csv-parse and DuckDB in the same run; prints seconds, MB/s and peak RSS
// of each, and tokenhedge's speed relative to the others.
//   node bench/ingest/run.mjs [--mb 1000] [--file PATH] [--no-csv-parse] [--no-duckdb] [--columns]
// DuckDB (read_csv + GROUP BY, worker-duckdb.mjs) runs when @duckdb/node-api is installed.
// The data goes to bench/data/ (git-ignored); tokenhedge is imported from dist/ (npm run build).
import { existsSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { loadavg, cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { generate } from "./generate.mjs";
import { summary } from "../summary.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const mb = Number(opt("--mb", "1000"));
const file = opt("--file", join(ROOT, "bench", "data", `requests-${mb}m.csv`));

if (!existsSync(join(ROOT, "dist", "cli", "ingest-read.js"))) {
  process.stderr.write("bench: dist/ is missing; run `npm run build` first\n");
  process.exit(4);
}
if (!existsSync(file)) {
  process.stderr.write(`bench: generating ${file} (${mb} MB, seeded) …\n`);
  const r = generate(file, mb);
  process.stderr.write(`bench: ${r.rows.toLocaleString("en-US")} rows\n`);
}
const bytes = statSync(file).size;
const haveTime = existsSync("/usr/bin/time");

/** Run a command; wall time, CPU time and peak RSS from /usr/bin/time when available. */
function measure(label, cmd, cmdArgs, env = process.env) {
  const t0 = performance.now();
  const r = haveTime
    ? spawnSync("/usr/bin/time", ["-f", "__TIME__ %e %U %S %M", cmd, ...cmdArgs], {
        encoding: "utf8",
        maxBuffer: 1 << 26,
        env,
      })
    : spawnSync(cmd, cmdArgs, { encoding: "utf8", maxBuffer: 1 << 26, env });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    process.stderr.write(`bench: ${label} failed (${r.status}):\n${r.stderr}\n`);
    return undefined;
  }
  const m = /__TIME__ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? "");
  const own = (r.stdout ?? "").split("\n").find((l) => l.startsWith("{"));
  const report = label.startsWith("ingest command") ? cliReport(r.stdout) : own ? JSON.parse(own) : {};
  return {
    label,
    secs: m ? Number(m[1]) : wall,
    cpuSecs: m ? Number(m[2]) + Number(m[3]) : report.cpuSecs,
    rssMb: m ? Number(m[4]) / 1024 : report.maxRssKb ? report.maxRssKb / 1024 : undefined,
    report,
  };
}

/** The totals of `tokenhedge ingest FILE --json` in the workers' shape, to check them against the others. */
function cliReport(stdout) {
  const doc = JSON.parse(stdout);
  const days = (Date.parse(doc.lastDay) - Date.parse(doc.firstDay)) / 86_400_000 + 1;
  return { rows: doc.rowsRead, tokens: String(doc.totals.tokens), cost: doc.totals.costExact, days };
}

const results = [];
const node = process.execPath;
results.push(measure("wc -l", "wc", ["-l", file]));
results.push(
  measure("tokenhedge", node, [join(HERE, "worker-tokenhedge.mjs"), file], { ...process.env, TOKENHEDGE_THREADS: "1" }),
);
// The same reader with worker threads (TOKENHEDGE_THREADS=auto, the default for files of 64 MB or more).
results.push(
  measure("tokenhedge threads", node, [join(HERE, "worker-tokenhedge.mjs"), file], {
    ...process.env,
    TOKENHEDGE_THREADS: "auto",
  }),
);
// The ingest command as users run it (start-up, the bundled worker thread, the JSON written): the two rows above
// import dist/cli/, whose worker thread loads the unbundled modules and starts slower than the shipped one.
const bin = join(ROOT, "bin", "tokenhedge");
// "ingest command" is the default (threads for 64 MB or more): the row the target is read from.
for (const [label, threads] of [
  ["ingest command 1 thread", "1"],
  ["ingest command", undefined],
]) {
  const { TOKENHEDGE_THREADS: _unset, ...env } = process.env;
  results.push(
    measure(label, node, [bin, "ingest", file, "--json"], threads ? { ...env, TOKENHEDGE_THREADS: threads } : env),
  );
}
if (!args.includes("--no-csv-parse")) {
  results.push(measure("csv-parse", node, [join(HERE, "worker-csv-parse.mjs"), file]));
  if (args.includes("--columns"))
    results.push(measure("csv-parse (columns)", node, [join(HERE, "worker-csv-parse.mjs"), file, "columns"]));
}
let duck = false;
if (!args.includes("--no-duckdb")) {
  try {
    await import("@duckdb/node-api");
    duck = true;
  } catch {
    /* DuckDB is optional: only when installed (an optional dependency, for the bench). */
  }
}
if (duck) results.push(measure("duckdb", node, [join(HERE, "worker-duckdb.mjs"), file]));

const th = results.find((r) => r?.label === "tokenhedge");
const fmt = (n, d = 1) => (n === undefined ? "–" : n.toFixed(d));
const lines = [
  `file: ${file} (${(bytes / 1e6).toFixed(0)} MB${th?.report.rows ? `, ${th.report.rows.toLocaleString("en-US")} rows` : ""})`,
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} (other processes share the CPUs: MB per CPU-second is the steadier figure)`,
  "",
  `${"reader".padEnd(25)}${"seconds".padStart(9)}${"MB/s".padStart(9)}${"MB/cpu-s".padStart(10)}${"peak RSS MB".padStart(13)}${"tokenhedge ×".padStart(14)}`,
];
for (const r of results) {
  if (!r) continue;
  const mbps = bytes / 1e6 / r.secs;
  const cpuMbps = r.cpuSecs ? bytes / 1e6 / r.cpuSecs : undefined;
  const ratio = th ? r.secs / th.secs : undefined;
  lines.push(
    `${r.label.padEnd(25)}${fmt(r.secs, 2).padStart(9)}${fmt(mbps, 0).padStart(9)}${fmt(cpuMbps, 0).padStart(10)}${fmt(r.rssMb, 0).padStart(13)}${(r.label === "tokenhedge" ? "1.00" : fmt(1 / ratio, 2)).padStart(14)}`,
  );
}
if (!duck && !args.includes("--no-duckdb"))
  lines.push("duckdb: not installed (optional: npm install @duckdb/node-api)");
const dk = results.find((r) => r?.label === "duckdb");
if (th && dk) {
  const same =
    th.report.rows === dk.report.rows &&
    th.report.tokens === dk.report.tokens &&
    Number(th.report.cost) === Number(dk.report.cost) &&
    th.report.days === dk.report.days;
  lines.push(
    "",
    `totals agree with DuckDB: ${same ? "yes" : "NO"} (rows ${dk.report.rows}, tokens ${dk.report.tokens}, cost ${dk.report.cost}, days ${dk.report.days})`,
  );
  lines.push(
    `tokenhedge vs DuckDB per CPU-second: ${th.cpuSecs && dk.cpuSecs ? (dk.cpuSecs / th.cpuSecs).toFixed(2) : "–"}× (DuckDB uses every core; tokenhedge one)`,
  );
  lines.push(`tokenhedge (library, one thread) vs DuckDB: ${(dk.secs / th.secs).toFixed(2)}×`);
}
summary(
  "ingest",
  results.filter(Boolean).map((r) => ({ name: r.label, value: bytes / 1e6 / r.secs, unit: "MB/s", rssMb: r.rssMb })),
  // The summary's reference is the command as users run it (threads by default for a file this size).
  results.some((r) => r?.label === "ingest command") ? { base: "ingest command" } : th ? { base: "tokenhedge" } : {},
);
const thp = results.find((r) => r?.label === "tokenhedge threads");
if (th && thp) {
  const same =
    th.report.tokens === thp.report.tokens && th.report.cost === thp.report.cost && th.report.rows === thp.report.rows;
  lines.push(
    "",
    `tokenhedge threads (${thp.report.threads ?? "?"}) vs one thread: totals equal ${same ? "yes" : "NO"}; ${(th.secs / thp.secs).toFixed(2)}× wall, ${th.cpuSecs && thp.cpuSecs ? (th.cpuSecs / thp.cpuSecs).toFixed(2) : "–"}× per CPU-second`,
  );
  if (dk) lines.push(`tokenhedge threads vs DuckDB: ${(dk.secs / thp.secs).toFixed(2)}×`);
}
for (const label of ["ingest command 1 thread", "ingest command"]) {
  const c = results.find((r) => r?.label === label);
  if (!c || !dk) continue;
  const same =
    c.report.rows === dk.report.rows &&
    c.report.tokens === dk.report.tokens &&
    Number(c.report.cost) === Number(dk.report.cost) &&
    c.report.days === dk.report.days;
  lines.push(`${label} vs DuckDB: ${(dk.secs / c.secs).toFixed(2)}× wall, totals equal ${same ? "yes" : "NO"}`);
}
const cp = results.find((r) => r?.label === "csv-parse");
if (th && cp) {
  const same = th.report.tokens === cp.report.tokens && th.report.cost === cp.report.cost;
  lines.push(
    "",
    `totals agree with csv-parse: ${same ? "yes" : "NO"} (tokens ${th.report.tokens}, cost ${th.report.cost})`,
  );
  lines.push(
    `tokenhedge is ${(cp.secs / th.secs).toFixed(1)}× csv-parse's speed; wc -l is ${(th.secs / results[0].secs).toFixed(1)}× tokenhedge's`,
  );
}
const shipped = results.find((r) => r?.label === "ingest command");
lines.push(
  `target: the ingest command (as shipped: threads for 64 MB or more) ≥ 1.0× DuckDB, peak RSS ≤ 150 MB → ${
    shipped
      ? `${dk ? `${(dk.secs / shipped.secs).toFixed(2)}× DuckDB, ` : ""}${(bytes / 1e6 / shipped.secs).toFixed(0)} MB/s, ${fmt(shipped.rssMb, 0)} MB`
      : "did not run"
  }`,
);
process.stdout.write(lines.join("\n") + "\n");
