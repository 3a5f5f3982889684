#!/usr/bin/env node
// Start-up: wall time of `node -e 0`, `tokenhedge --help`, every command's `--help` (its module loaded and its
// options built) and every command's own start-up (its action loaded and run up to the first input it reads: here an
// input that does not exist, so the run stops there with its error), median of RUNS each, printed as ratios to
// `node -e 0` from the same run. The runs are interleaved round by round so that a change in machine load affects
// every case alike. Targets: --help ≤ 1.5×, each command ≤ 2×.
// Usage: node bench/startup/run.mjs [RUNS] [--no-actions]
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { summary } from "../summary.mjs";
import { STARTUP_RUNS } from "../../scripts/startup-runs.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = `${root}bin/tokenhedge`;
const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 15);

// The command names, as the CLI lists them: read from its own top-level help, so new commands are benched too.
const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" }).stdout;
const commands = [...help.slice(help.indexOf("Commands:"), help.indexOf("Examples:")).matchAll(/^ {2}([a-z][a-z-]*)/gm)]
  .map((m) => m[1])
  .filter((c) => c !== "help");

const cases = [
  ["node -e 0", ["-e", "0"], [0]],
  ["tokenhedge --help", [bin, "--help"], [0]],
  ...commands.map((c) => [`tokenhedge ${c} --help`, [bin, c, "--help"], [0]]),
  ...(args.includes("--no-actions")
    ? []
    : commands
        .filter((c) => STARTUP_RUNS[c])
        .map((c) => [`tokenhedge ${c} (to its first input)`, [bin, c, ...STARTUP_RUNS[c]], [2, 3]])),
];

function once(argv, codes) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NO_COLOR: "1", TOKENHEDGE_CONFIG: "" },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!codes.includes(r.status)) throw new Error(`${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const times = cases.map(() => []);
for (let i = 0; i < runs; i++) cases.forEach(([, argv, codes], k) => times[k].push(once(argv, codes)));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const medians = times.map(median);
console.log(
  `start-up, median of ${runs} (load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")})`,
);
cases.forEach(([name], k) =>
  console.log(`  ${name.padEnd(44)} ${medians[k].toFixed(1).padStart(7)} ms  ${(medians[k] / medians[0]).toFixed(2)}×`),
);
const worst = Math.max(...medians.slice(2).map((m) => m / medians[0]));
console.log(
  `  --help ${(medians[1] / medians[0]).toFixed(2)}× (target ≤ 1.5×); slowest command ${worst.toFixed(2)}× (target ≤ 2×)`,
);
summary(
  "startup",
  cases.map(([name], k) => ({ name, value: medians[k], unit: "ms" })),
  { base: "node -e 0" },
);
