#!/usr/bin/env node
// Speed of the Monte Carlo: 100,000 paths × 24 delivery months with the 151-point hedge-ratio sweep,
// timed end to end through the library's simulate() (price paths, costs, margin, risk figures, sweep), and the same
// work written with NumPy (numpy_sim.py), run in the same session, interleaved, for the ratio. Prints figures;
// asserts nothing. The volume paths are drawn before the clock starts on both sides (the CLI takes them from the
// forecast). Every Python on the machine that has NumPy is measured (Debian's /usr/bin/python3 first).
// Usage: node bench/simulate/run.mjs [paths] [months] [repetitions]
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { summary } from "../summary.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const dist = join(here, "..", "..", "dist");
const { simulate } = await import(join(dist, "scenarios", "simulate.js"));
const { NormalStream } = await import(join(dist, "scenarios", "random.js"));
const { buildPlan } = await import(join(dist, "hedge", "plan.js"));
const { flatPolicy } = await import(join(dist, "hedge", "policy.js"));
const { contractSpecSchema } = await import(join(dist, "curve", "contract.js"));
const { addMonths } = await import(join(dist, "time", "period.js"));

const N = Number(process.argv[2] ?? 100_000);
const M = Number(process.argv[3] ?? 24);
const REPS = Number(process.argv[4] ?? 7);
const ROUNDS = 2;

// The plan (numpy_sim.py builds the same numbers): curve 2.10 falling 0.025 a month, forecast 80 B tokens growing
// 3% a month, 60% of it hedged with 1 B-token contracts rounded down.
const spec = contractSpecSchema.parse({
  name: "bench token contract",
  underlying: "token-index",
  quoteUnit: "USD/Mtok",
  contractSize: 1e9,
  sizeUnit: "tokens",
  tickSize: 0.01,
  currency: "USD",
  initialMargin: 300,
  maintenanceMargin: 240,
});
const months = Array.from({ length: M }, (_, i) => addMonths("2026-12", i));
const forecast = months.map((month, i) => {
  const mean = Math.round(8e10 * 1.03 ** i);
  return { month, mean, p10: mean, p50: mean, p90: mean };
});
const curve = months.map((month, i) => ({ month, price: Number((2.1 - 0.025 * i).toFixed(2)) }));
const plan = buildPlan({ forecast, curve, spec, policy: flatPolicy(0.6, "down", M) });

// Volumes: Q̄ · exp(0.15·z − ½·0.15²), mean Q̄ (drawn once, outside the timing).
const z = new Float64Array(N * M);
new NormalStream(4242).fill(z);
const data = Float64Array.from(z, (x, k) => plan.months[k % M].forecastTokens * Math.exp(0.15 * x - 0.5 * 0.15 * 0.15));
const volumes = { paths: N, months: M, data };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => x.toFixed(1);

function runJs() {
  const wall = [];
  const cpu = [];
  let result;
  for (let rep = 0; rep < REPS; rep++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = simulate({ plan, volumes, model: { kind: "gbm", vol: 0.45 }, seed: 1000 + rep, asOf: "2026-11-01" });
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu, result };
}

function pythonsWithNumpy() {
  const found = new Map();
  for (const py of ["/usr/bin/python3", "python3"]) {
    const r = spawnSync(py, ["-c", "import sys, numpy; print(sys.executable)"], { encoding: "utf8" });
    if (r.status === 0) {
      const exe = r.stdout.trim();
      if (![...found.values()].includes(exe)) found.set(py, exe);
    }
  }
  return [...found.keys()];
}

function runNumpy(py) {
  const r = spawnSync(py, [join(here, "numpy_sim.py"), String(N), String(M), String(REPS)], { encoding: "utf8" });
  if (r.status !== 0) return { error: (r.stderr || r.stdout || "failed").trim().split("\n").pop() };
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

const pythons = pythonsWithNumpy();
const numpyRows = [];
console.log(
  `simulate: ${N.toLocaleString("en-US")} paths × ${M} months, GBM σ 0.45, 151-point sweep; ${REPS} repetitions × ${ROUNDS} rounds, interleaved; node ${process.version}`,
);
const js = { wall: [], cpu: [] };
const np = new Map(pythons.map((p) => [p, { wall: [], cpu: [], last: undefined }]));
let last;
for (let round = 0; round < ROUNDS; round++) {
  const j = runJs();
  js.wall.push(...j.wall);
  js.cpu.push(...j.cpu);
  last = j.result;
  for (const py of pythons) {
    const r = runNumpy(py);
    const slot = np.get(py);
    slot.last = r;
    if (r.minMs !== undefined) {
      slot.wall.push(r.minMs);
      slot.cpu.push(r.cpuMinMs);
    }
  }
}
const jsMin = Math.min(...js.wall);
const jsCpu = Math.min(...js.cpu);
console.log(`  JavaScript (Float64Array, inline xoshiro128** + ziggurat, selection for quantiles):`);
console.log(`    wall min ${fmt(jsMin)} ms, median ${fmt(median(js.wall))} ms; CPU min ${fmt(jsCpu)} ms`);
console.log(
  `    unhedged mean ${last.unhedged.mean.toFixed(0)}, CaR95 ${last.unhedged.costAtRisk95.toFixed(0)}; hedged CaR95 ${last.hedged.costAtRisk95.toFixed(0)}; ` +
    `P(over-hedge) ${last.probOverHedge.toFixed(4)}; peak margin P95 ${last.peakMargin.p95.toFixed(0)}; min-variance ratio ${last.minVarianceRatio}, min-CaR ratio ${last.minCarRatio}`,
);
if (pythons.length === 0) console.log("  NumPy: no Python with NumPy found (apt-get install python3-numpy); no ratio");
for (const [py, slot] of np) {
  const r = slot.last;
  if (r.error) {
    console.log(`  NumPy (${py}): failed: ${r.error}`);
    continue;
  }
  const npMin = Math.min(...slot.wall);
  const npCpu = Math.min(...slot.cpu);
  console.log(
    `  NumPy ${r.numpy} (${r.executable}, Python ${r.python}), vectorised, np.quantile (partition) per ratio:`,
  );
  console.log(
    `    wall min ${fmt(npMin)} ms (best of each round: ${slot.wall.map(fmt).join(", ")}); CPU min ${fmt(npCpu)} ms`,
  );
  console.log(
    `    unhedged mean ${r.unhedgedMean.toFixed(0)}, CaR95 ${r.unhedgedCaR95.toFixed(0)}; hedged CaR95 ${r.hedgedCaR95.toFixed(0)}; ` +
      `P(over-hedge) ${r.probOverHedge.toFixed(4)}; peak margin P95 ${r.peakMarginP95.toFixed(0)}; min-variance ratio ${r.minVarianceRatio}, min-CaR ratio ${r.minCarRatio}`,
  );
  console.log(
    `    ratio JS/NumPy: wall ${(jsMin / npMin).toFixed(2)}, CPU ${(jsCpu / npCpu).toFixed(2)}  (target ≤ 0.60; JS target < 1000 ms)`,
  );
}
summary("simulate (wall min, lower is better)", [{ name: "tokenhedge", value: jsMin, unit: "ms" }, ...numpyRows], {
  base: "tokenhedge",
});
