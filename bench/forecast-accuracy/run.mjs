// Forecast-accuracy benchmark: the automatic forecast of src/forecast on classic monthly series (R datasets) and a
// synthetic monthly token-usage series, holding out the last 12 months, and on the project's synthetic daily
// token-usage series (weekly seasonality), holding out the last 56 days, next to R forecast 8.20's ets(),
// auto.arima(), thetaf() and snaive() figures (r-figures.json, produced by r-figures.R, so this runs without R).
//
// Usage: npm run build && node bench/forecast-accuracy/run.mjs [--json] [--rerun-r]
// (set TOKENHEDGE_DIST to use another build directory, e.g. one compiled from src/forecast alone).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import { summary } from "../summary.mjs";

/** With --rerun-r and Rscript on the PATH, r-figures.R writes r-figures.json afresh; true when it did. */
function rFigures() {
  if (!process.argv.includes("--rerun-r")) return false;
  const r = spawnSync("Rscript", ["r-figures.R"], {
    cwd: dirname(fileURLToPath(import.meta.url)),
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.error || r.status !== 0) {
    process.stderr.write("bench: Rscript not available or failed; using the stored r-figures.json\n");
    return false;
  }
  return true;
}

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.TOKENHEDGE_DIST ?? join(here, "../../dist"));
const { forecastSeries, maseScale } = await import(pathToFileURL(join(dist, "forecast/index.js")).href);

const data = JSON.parse(readFileSync(join(here, "data.json"), "utf8"));
// R itself runs only when present (--rerun-r regenerates r-figures.json with r-figures.R); otherwise the stored figures.
const R_SOURCE = rFigures() ? " (R run now)" : " (stored r-figures.json)";
const reference = JSON.parse(readFileSync(join(here, "r-figures.json"), "utf8"));
const MONTHS = 12;
const DAYS = 56;

/** Per-series best of R's methods, chosen with hindsight (the oracle the target refers to). */
const R_METHODS = ["ets", "arima", "theta", "snaive"];
const oracle = (r) => Math.min(...R_METHODS.map((k) => r[k].mase));

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

// One row per series: our automatic choice and our AICc ETS on the training part, scored on the held-out part with
// the MASE scale of the in-sample seasonal naive at lag m, beside R's figures for the same split.
function evaluate(section, name, granularity, start, values, h, m, r) {
  const train = values.slice(0, -h);
  const test = values.slice(-h);
  const series = { granularity, start, values: train };
  const t0 = performance.now();
  const auto = forecastSeries(series, { horizon: h });
  const seconds = (performance.now() - t0) / 1000;
  const aicc = forecastSeries(series, { horizon: h, select: "aicc" });
  return {
    section,
    series: name,
    n: train.length,
    h,
    auto: {
      model: auto.model,
      selection: auto.selection,
      weights: auto.weights,
      seconds,
      ...score(train, test, auto.points, m),
    },
    aicc: { model: aicc.model, ...score(train, test, aicc.points, m) },
    r,
  };
}

const rows = [];
for (const [name, s] of Object.entries(data.series)) {
  const [year, period] = s.start;
  const start = `${year}-${String(period).padStart(2, "0")}`;
  rows.push(evaluate("monthly", name, "month", start, s.values, MONTHS, 12, reference.figures[name]));
}
for (const [name, s] of Object.entries(data.daily)) {
  rows.push(evaluate("daily", name, "day", s.start, s.values, DAYS, 7, reference.daily[name]));
}

// Deceleration check: from each origin, the 12-month-ahead mean over the process's own value 12 months on.
const dec = data.deceleration;
const decSeries = data.series[dec.series];
const deceleration = dec.origins.map((origin, i) => {
  const [year, period] = decSeries.start;
  const forecast = forecastSeries(
    {
      granularity: "month",
      start: `${year}-${String(period).padStart(2, "0")}`,
      values: decSeries.values.slice(0, origin),
    },
    { horizon: dec.horizon },
  );
  const continuation = dec.process[origin + dec.horizon - 1];
  return {
    origin,
    model: forecast.model,
    ours: forecast.points[dec.horizon - 1].mean / continuation,
    rEts: reference.deceleration?.ets?.[i],
    rArima: reference.deceleration?.arima?.[i],
    rTheta: reference.deceleration?.theta?.[i],
  };
});

// Daily hold-out windows: the two daily series are a small sample, so ours (automatic and AICc) are also scored on
// earlier 56-day windows — acme-usage every 28 days back from the bench's own, daily-usage every 7 (it has 140
// days) — with the same MASE scale. No R figures exist for these windows.
const DAILY_WINDOWS = { "acme-usage": { step: 28, count: 6 }, "daily-usage": { step: 7, count: 3 } };
const dailyWindows = [];
for (const [name, s] of Object.entries(data.daily)) {
  const plan = DAILY_WINDOWS[name];
  if (!plan) continue;
  for (let k = 0; k < plan.count; k++) {
    const end = s.values.length - k * plan.step;
    const values = s.values.slice(0, end);
    const train = values.slice(0, -DAYS);
    const test = values.slice(-DAYS);
    const series = { granularity: "day", start: s.start, values: train };
    const auto = forecastSeries(series, { horizon: DAYS });
    const aicc = forecastSeries(series, { horizon: DAYS, select: "aicc" });
    dailyWindows.push({
      series: name,
      n: train.length,
      auto: { model: auto.model, ...score(train, test, auto.points, 7) },
      aicc: { model: aicc.model, ...score(train, test, aicc.points, 7) },
    });
  }
}

// Monthly hold-out windows: one 12-month hold-out per series scores 144 months in all, too few to tell an 80%
// interval from an 85% one (its standard error is about 0.03 before the months' correlation within a series). So
// ours (automatic and AICc) are also scored on earlier 12-month windows, every 6 months back from the bench's own,
// while at least 24 months remain to train on. A window whose hold-out holds a known one-off step (the synthetic
// launch of `tokens`, the 1983 seat-belt law in `UKDriverDeaths`) is marked: no model could have forecast it.
const MONTHLY_WINDOW_STEP = 6;
const MONTHLY_WINDOW_COUNT = 5;
const MIN_MONTHLY_TRAIN = 24;
const KNOWN_STEPS = { tokens: "2024-07", UKDriverDeaths: "1983-02" };
const monthsFrom = (start, month) => {
  const [y0, m0] = start.split("-").map(Number);
  const [y1, m1] = month.split("-").map(Number);
  return (y1 - y0) * 12 + (m1 - m0);
};
const monthlyWindows = [];
for (const [name, s] of Object.entries(data.series)) {
  const start = `${s.start[0]}-${String(s.start[1]).padStart(2, "0")}`;
  for (let k = 0; k < MONTHLY_WINDOW_COUNT; k++) {
    const end = s.values.length - k * MONTHLY_WINDOW_STEP;
    const train = s.values.slice(0, end - MONTHS);
    if (train.length < MIN_MONTHLY_TRAIN) break;
    const test = s.values.slice(end - MONTHS, end);
    const own = k === 0 ? rows.find((r) => r.section === "monthly" && r.series === name) : undefined;
    const series = { granularity: "month", start, values: train };
    const auto = own?.auto ?? { ...score(train, test, forecastSeries(series, { horizon: MONTHS }).points, 12) };
    const aicc = own?.aicc ?? {
      ...score(train, test, forecastSeries(series, { horizon: MONTHS, select: "aicc" }).points, 12),
    };
    const step = KNOWN_STEPS[name] === undefined ? -1 : monthsFrom(start, KNOWN_STEPS[name]);
    monthlyWindows.push({
      series: name,
      n: train.length,
      stepInHoldout: step >= train.length && step < end,
      auto: { mase: auto.mase, coverage80: auto.coverage80, coverage95: auto.coverage95 },
      aicc: { mase: aicc.mase, coverage80: aicc.coverage80, coverage95: aicc.coverage95 },
    });
  }
}

// Known events: the synthetic tokens series has a launch step (×1.4 from t = 30, 2024-07; see README.md). Given as an
// event (src/forecast/events.ts), the history before it is scaled by the uplift; scored on the same hold-out.
const tokensRow = rows.find((r) => r.series === "tokens");
const tokensEvent = (() => {
  const s = data.series.tokens;
  const start = `${s.start[0]}-${String(s.start[1]).padStart(2, "0")}`;
  const train = s.values.slice(0, -MONTHS);
  const f = forecastSeries(
    { granularity: "month", start, values: train },
    { horizon: MONTHS, events: [{ kind: "launch", date: "2024-07-01", uplift: 1.4 }] },
  );
  return { model: f.model, spread: f.spread ?? null, ...score(train, s.values.slice(-MONTHS), f.points, 12) };
})();
// The series whose training part holds a one-off level shift (the fitted spread absorbs the step).
const SHIFTED = ["tokens", "UKDriverDeaths"];

if (process.argv.includes("--json")) {
  console.log(
    JSON.stringify(
      {
        rows,
        dailyWindows,
        monthlyWindows,
        deceleration,
        events: { tokens: { without: tokensRow?.auto, withLaunch: tokensEvent } },
      },
      null,
      2,
    ),
  );
} else {
  // A weighted combination's name lists every part; the table shows the leading part and how many others.
  const shortModel = (a) => {
    const parts = Object.keys(a.weights ?? {});
    return parts.length > 1 ? `${parts[0]} +${parts.length - 1} (${a.selection})` : `${a.model} (${a.selection})`;
  };
  const f = (x, d = 3) => (x === null || x === undefined ? "—" : x.toFixed(d));
  const pad = (s, w) => String(s).padEnd(w);
  const header = [
    pad("series", 15),
    pad("ours: automatic choice", 26),
    pad("MASE", 6),
    pad("sMAPE", 6),
    pad("cov95", 6),
    "|",
    pad("ours: AICc ETS", 14),
    pad("MASE", 6),
    pad("cov95", 6),
    "|",
    pad("R ets()", 12),
    pad("MASE", 6),
    pad("sMAPE", 6),
    pad("cov95", 6),
    "|",
    pad("R auto.arima()", 34),
    pad("MASE", 6),
    pad("sMAPE", 6),
    pad("cov95", 6),
    "|",
    pad("R theta", 7),
    pad("cov95", 6),
    pad("R snaive", 8),
  ].join(" ");
  const line = (r) =>
    [
      pad(r.series, 15),
      pad(shortModel(r.auto), 26),
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
      pad(r.r.arima.model, 34),
      pad(f(r.r.arima.mase), 6),
      pad(f(r.r.arima.smape, 2), 6),
      pad(f(r.r.arima.coverage95, 2), 6),
      "|",
      pad(f(r.r.theta.mase), 7),
      pad(f(r.r.theta.coverage95, 2), 6),
      pad(f(r.r.snaive.mase), 8),
    ].join(" ");
  const means = (label, set) => {
    const mean = (get) => set.reduce((s, r) => s + get(r), 0) / set.length;
    const ours = mean((r) => r.auto.mase);
    const ets = mean((r) => r.r.ets.mase);
    const best = mean((r) => oracle(r.r));
    const rel = (a, b) => `${a < b ? "" : "+"}${(100 * (a / b - 1)).toFixed(1)}%`;
    console.log(
      `${label} mean MASE: ours automatic ${f(ours)}, ours AICc ${f(mean((r) => r.aicc.mase))}, R ets ${f(ets)}, R arima ${f(mean((r) => r.r.arima.mase))}, R theta ${f(mean((r) => r.r.theta.mase))}, R snaive ${f(mean((r) => r.r.snaive.mase))}, R oracle (best R method per series, with hindsight) ${f(best)}`,
    );
    console.log(
      `${label} ours automatic against R ets ${rel(ours, ets)} (target ≤ −10%), against the R oracle ${rel(ours, best)} (target ≤ +3%)`,
    );
    summary(
      `forecast accuracy, ${label} (mean MASE, lower is better)`,
      [
        { name: "tokenhedge automatic", value: ours, unit: "MASE" },
        { name: `R ets${R_SOURCE}`, value: ets, unit: "MASE" },
        { name: `R oracle${R_SOURCE}`, value: best, unit: "MASE" },
      ],
      { base: "tokenhedge automatic" },
    );
    for (const level of ["80", "95"]) {
      const key = `coverage${level}`;
      console.log(
        `${label} mean ${level}% coverage: ours automatic ${f(mean((r) => r.auto[key]))}, ours AICc ${f(mean((r) => r.aicc[key]))}, R ets ${f(mean((r) => r.r.ets[key]))}, R arima ${f(mean((r) => r.r.arima[key]))}, R theta ${f(mean((r) => r.r.theta[key]))} (target ${level === "80" ? "0.77–0.83" : "0.93–0.97"})`,
      );
    }
    console.log(
      `${label} mean time per automatic forecast ${f(
        mean((r) => r.auto.seconds),
        2,
      )} s`,
    );
  };
  const sections = [
    ["monthly", `monthly: hold-out last ${MONTHS} months; MASE scale: in-sample seasonal naive at lag 12`],
    ["daily", `daily: hold-out last ${DAYS} days; MASE scale: in-sample seasonal naive at lag 7`],
  ];
  console.log(`MASE, sMAPE %, 95% coverage; R = ${reference.source}`);
  for (const [section, title] of sections) {
    const set = rows.filter((r) => r.section === section);
    console.log("");
    console.log(title);
    console.log(header);
    for (const r of set) console.log(line(r));
    means(section, set);
  }
  means("all (monthly and daily together)", rows);
  const monthly = rows.filter((r) => r.section === "monthly");
  const plain = monthly.filter((r) => !SHIFTED.includes(r.series));
  const avg = (set, get) => set.reduce((a, r) => a + get(r), 0) / set.length;
  console.log("");
  console.log(
    `monthly coverage without the series whose training holds a level shift (${SHIFTED.join(", ")}; ${plain.length} series): ` +
      `80% ${f(avg(plain, (r) => r.auto.coverage80))}, 95% ${f(avg(plain, (r) => r.auto.coverage95))}; those two: 80% ${f(
        avg(
          monthly.filter((r) => SHIFTED.includes(r.series)),
          (r) => r.auto.coverage80,
        ),
      )}`,
  );
  if (tokensRow) {
    console.log(
      `known events: tokens with its launch (2024-07, ×1.4) given as an event: MASE ${f(tokensEvent.mase)} (without ${f(tokensRow.auto.mase)}), ` +
        `80% coverage ${f(tokensEvent.coverage80)} (without ${f(tokensRow.auto.coverage80)}), 95% ${f(tokensEvent.coverage95)} (without ${f(tokensRow.auto.coverage95)}); model ${tokensEvent.model}`,
    );
  }
  console.log("");
  console.log(
    `monthly hold-out windows (12 months each, the bench's own and every ${MONTHLY_WINDOW_STEP} months back while ${MIN_MONTHLY_TRAIN} months remain to train on; ours only): ` +
      `per window, training length and months inside the 80% / 95% intervals (ours automatic; * = a known one-off step in the hold-out)`,
  );
  for (const name of Object.keys(data.series)) {
    const cells = monthlyWindows
      .filter((w) => w.series === name)
      .map(
        (w) =>
          `${w.n}: ${Math.round(w.auto.coverage80 * MONTHS)}/${Math.round(w.auto.coverage95 * MONTHS)}${w.stepInHoldout ? "*" : ""}`,
      );
    console.log(`${pad(name, 15)} ${cells.map((c) => pad(c, 12)).join(" ")}`);
  }
  const windowLine = (label, set) => {
    const wins = set.filter((w) => w.auto.mase < w.aicc.mase).length;
    console.log(
      `monthly windows, ${label} (${set.length} windows, ${set.length * MONTHS} months): mean MASE ours automatic ${f(avg(set, (w) => w.auto.mase))}, ours AICc ${f(avg(set, (w) => w.aicc.mase))} (automatic lower in ${wins}); ` +
        `80% coverage ${f(avg(set, (w) => w.auto.coverage80))} / ${f(avg(set, (w) => w.aicc.coverage80))} (target 0.77–0.83), 95% ${f(avg(set, (w) => w.auto.coverage95))} / ${f(avg(set, (w) => w.aicc.coverage95))} (target 0.93–0.97)`,
    );
  };
  windowLine("all", monthlyWindows);
  windowLine(
    "without a known step in the hold-out",
    monthlyWindows.filter((w) => !w.stepInHoldout),
  );
  console.log("");
  console.log(
    `daily hold-out windows (56 days each, the bench's own and earlier ones; ours only): training length, MASE and 80% / 95% coverage`,
  );
  console.log(
    [
      pad("series", 15),
      pad("n", 5),
      pad("ours: automatic", 22),
      pad("MASE", 6),
      pad("cov", 10),
      "|",
      pad("ours: AICc ETS", 14),
      pad("MASE", 6),
      "cov",
    ].join(" "),
  );
  for (const w of dailyWindows) {
    console.log(
      [
        pad(w.series, 15),
        pad(w.n, 5),
        pad(w.auto.model.slice(0, 22), 22),
        pad(f(w.auto.mase), 6),
        pad(`${f(w.auto.coverage80, 2)}/${f(w.auto.coverage95, 2)}`, 10),
        "|",
        pad(w.aicc.model, 14),
        pad(f(w.aicc.mase), 6),
        `${f(w.aicc.coverage80, 2)}/${f(w.aicc.coverage95, 2)}`,
      ].join(" "),
    );
  }
  const wins = dailyWindows.filter((w) => w.auto.mase < w.aicc.mase).length;
  console.log(
    `daily windows mean MASE: ours automatic ${f(avg(dailyWindows, (w) => w.auto.mase))}, ours AICc ${f(avg(dailyWindows, (w) => w.aicc.mase))} (automatic lower in ${wins} of ${dailyWindows.length}); ` +
      `80% coverage ${f(avg(dailyWindows, (w) => w.auto.coverage80))} / ${f(avg(dailyWindows, (w) => w.aicc.coverage80))}, 95% ${f(avg(dailyWindows, (w) => w.auto.coverage95))} / ${f(avg(dailyWindows, (w) => w.aicc.coverage95))}`,
  );
  console.log("");
  console.log(
    `deceleration (${dec.series}: growth falling from 10% to 4% a month over 24 months, then 4%): 12-month-ahead mean ÷ the process's own value 12 months on (target 0.80–1.25 at every origin)`,
  );
  console.log(
    [pad("origin", 8), pad("ours: model", 44), pad("ours", 6), pad("R ets", 6), pad("R arima", 8), "R theta"].join(" "),
  );
  for (const d of deceleration) {
    console.log(
      [
        pad(d.origin, 8),
        pad(d.model, 44),
        pad(f(d.ours, 2), 6),
        pad(f(d.rEts, 2), 6),
        pad(f(d.rArima, 2), 8),
        f(d.rTheta, 2),
      ].join(" "),
    );
  }
  const inside = deceleration.filter((d) => d.ours >= 0.8 && d.ours <= 1.25).length;
  console.log(`ours inside 0.80–1.25 at ${inside} of ${deceleration.length} origins`);
}
