#!/usr/bin/env node
// Start-up: wall time of `node -e 0`, `tokenhedge --help` and every command's `--help` (a command's start-up
// before it reads any input: its module loaded and its options built), median of 15 each, printed as ratios to
// `node -e 0` from the same run. The runs are interleaved round by round so that a change in machine load
// affects every case alike. Usage: node bench/startup/run.mjs [RUNS]
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = `${root}bin/tokenhedge`;
const runs = Number(process.argv[2] ?? 15);

// The command names, as the CLI lists them: read from its own top-level help, so new commands are benched too.
const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" }).stdout;
const commands = [...help.slice(help.indexOf("Commands:"), help.indexOf("Examples:")).matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]).filter((c) => c !== "help");

const cases = [
  ["node -e 0", ["-e", "0"]],
  ["tokenhedge --help", [bin, "--help"]],
  ...commands.map((c) => [`tokenhedge ${c} --help`, [bin, c, "--help"]]),
];

function once(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NO_COLOR: "1" } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return ms;
}

const times = cases.map(() => []);
for (let i = 0; i < runs; i++) cases.forEach(([, args], k) => times[k].push(once(args)));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const medians = times.map(median);
console.log(`start-up, median of ${runs} (load average ${loadavg().map((l) => l.toFixed(2)).join(" ")})`);
cases.forEach(([name], k) => console.log(`  ${name.padEnd(36)} ${medians[k].toFixed(1).padStart(7)} ms  ${(medians[k] / medians[0]).toFixed(2)}×`));
