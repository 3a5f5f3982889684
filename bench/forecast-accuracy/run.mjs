// Forecast-accuracy benchmark: the automatic forecast of src/forecast on classic monthly series (R datasets) and a
// synthetic token-usage series, holding out the last 12 months, next to R forecast 8.20's figures (r-figures.json,
// produced by r-figures.R, so this script runs without R).
//
// Usage: npm run build && node bench/forecast-accuracy/run.mjs [--json]
// (set TOKENHEDGE_DIST to use another build directory, e.g. one compiled from src/forecast alone).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.TOKENHEDGE_DIST ?? join(here, "../../dist"));
const { forecastSeries, maseScale } = await import(pathToFileURL(join(dist, "forecast/index.js")).href);

const data = JSON.parse(readFileSync(join(here, "data.json"), "utf8"));
const reference = JSON.parse(readFileSync(join(here, "r-figures.json"), "utf8"));
const H = 12;

function score(train, test, points, m) {
  const q = maseScale(train, train.length >= 2 * m ? m : 1);
  let abs = 0;
  let smape = 0;
  let in80 = 0;
  let in95 = 0;
  test.forEach((a, i) => {
    const p = points[i];
    const e = Math.abs(a - p.mean);
    abs += e;
    smape += (200 * e) / (Math.abs(a) + Math.abs(p.mean));
    if (a >= p.lo80 && a <= p.hi80) in80++;
    if (a >= p.lo95 && a <= p.hi95) in95++;
  });
  const h = test.length;
  return { mase: q === undefined ? null : abs / h / q, smape: smape / h, coverage80: in80 / h, coverage95: in95 / h };
}

const rows = [];
for (const [name, s] of Object.entries(data.series)) {
  const [year, period] = s.start;
  const start = `${year}-${String(period).padStart(2, "0")}`;
  const train = s.values.slice(0, -H);
  const test = s.values.slice(-H);
  const series = { granularity: "month", start, values: train };
  const t0 = performance.now();
  const auto = forecastSeries(series, { horizon: H });
  const seconds = (performance.now() - t0) / 1000;
  const aicc = forecastSeries(series, { horizon: H, select: "aicc" });
  rows.push({
    series: name,
    n: train.length,
    auto: { model: auto.model, selection: auto.selection, seconds, ...score(train, test, auto.points, 12) },
    aicc: { model: aicc.model, ...score(train, test, aicc.points, 12) },
    r: reference.figures[name],
  });
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const f = (x, d = 3) => (x === null || x === undefined ? "—" : x.toFixed(d));
  const pad = (s, w) => String(s).padEnd(w);
  console.log(`Hold-out: last ${H} months. MASE (scale: in-sample seasonal naive), sMAPE %, 95% coverage; R = ${reference.source}`);
  console.log(
    [pad("series", 15), pad("ours: automatic choice", 34), pad("MASE", 6), pad("sMAPE", 6), pad("cov95", 6), "|", pad("ours: AICc ETS", 14), pad("MASE", 6), pad("cov95", 6), "|", pad("R ets()", 12), pad("MASE", 6), pad("sMAPE", 6), pad("cov95", 6), "|", pad("R theta", 7), pad("R snaive", 8)].join(" "),
  );
  for (const r of rows) {
    console.log(
      [
        pad(r.series, 15),
        pad(`${r.auto.model} (${r.auto.selection})`, 34),
        pad(f(r.auto.mase), 6),
        pad(f(r.auto.smape, 2), 6),
        pad(f(r.auto.coverage95, 2), 6),
        "|",
        pad(r.aicc.model, 14),
        pad(f(r.aicc.mase), 6),
        pad(f(r.aicc.coverage95, 2), 6),
        "|",
        pad(r.r.ets.model, 12),
        pad(f(r.r.ets.mase), 6),
        pad(f(r.r.ets.smape, 2), 6),
        pad(f(r.r.ets.coverage95, 2), 6),
        "|",
        pad(f(r.r.theta.mase), 7),
        pad(f(r.r.snaive.mase), 8),
      ].join(" "),
    );
  }
  const mean = (get) => rows.reduce((s, r) => s + get(r), 0) / rows.length;
  console.log(
    `mean MASE: ours automatic ${f(mean((r) => r.auto.mase))}, ours AICc ${f(mean((r) => r.aicc.mase))}, R ets ${f(mean((r) => r.r.ets.mase))}, R theta ${f(mean((r) => r.r.theta.mase))}, R snaive ${f(mean((r) => r.r.snaive.mase))}`,
  );
  console.log(
    `mean 95% coverage: ours automatic ${f(mean((r) => r.auto.coverage95), 3)}, ours AICc ${f(mean((r) => r.aicc.coverage95), 3)}, R ets ${f(mean((r) => r.r.ets.coverage95), 3)}; mean time per automatic forecast ${f(mean((r) => r.auto.seconds), 2)} s`,
  );
}
