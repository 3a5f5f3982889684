#!/usr/bin/env node
// Generates the seeded fixture datasets under fixtures/acme/ and fixtures/hull/ (run: `npm run fixtures`).
//
// Every file is written from this script and every random draw comes from its own small seeded
// generator (mulberry32 for uniforms, Box–Muller for normals), so a rerun gives byte-identical files.
// No dependencies: plain Node ESM. Each dataset draws from its own stream, so changing one dataset's
// parameters does not change the others.
//
// The data is synthetic and illustrative: a mid-size company ("Acme") and illustrative contract
// specifications (no exchange has published one for AI-token futures). The Hull file is typed in.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SEED = 20250301;

// ---------------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------------

/** mulberry32: a 32-bit state generator of uniforms in [0, 1); small, fast and fully specified. */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normals by the Box–Muller transform (Box & Muller 1958): two uniforms give two
 * independent N(0, 1) draws; the second is kept for the next call.
 */
function normals(uniform) {
  let spare = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    let u1 = uniform();
    while (u1 === 0) u1 = uniform(); // log(0) is -Infinity
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
}

/** An independent stream per dataset: the seed is offset by a golden-ratio multiple of its number. */
function stream(n) {
  return normals(mulberry32((SEED + Math.imul(n, 0x9e3779b9)) >>> 0));
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers (UTC day numbers, `YYYY-MM-DD` and `YYYY-MM` strings)
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayNumber = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDay = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const weekday = (n) => new Date(n * DAY_MS).getUTCDay(); // 0 = Sunday … 6 = Saturday

function addMonths(month, k) {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k;
  const year = Math.floor(index / 12);
  return `${year}-${String(index - year * 12 + 1).padStart(2, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Exact formatting
// ---------------------------------------------------------------------------------------------

/** An integer count of 10^-decimals units as a fixed-point string (non-negative values only). */
function fixed(units, decimals) {
  const scale = 10 ** decimals;
  if (!Number.isSafeInteger(units) || units < 0) throw new Error(`bad fixed-point units: ${units}`);
  const whole = Math.floor(units / scale);
  return `${whole}.${String(units - whole * scale).padStart(decimals, "0")}`;
}

/** A signed value rounded to `decimals` places, as text (used for the price histories). */
function signedFixed(value, decimals) {
  const units = Math.round(value * 10 ** decimals);
  return units < 0 ? `-${fixed(-units, decimals)}` : fixed(units, decimals);
}

const withCommas = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

function writeText(relativePath, text) {
  const file = join(ROOT, relativePath);
  mkdirSync(dirname(file), { recursive: true });
  const normalised = text.replace(/\r\n?/g, "\n");
  writeFileSync(file, normalised.endsWith("\n") ? normalised : `${normalised}\n`);
  return relativePath;
}

// ---------------------------------------------------------------------------------------------
// 1. Acme daily usage
// ---------------------------------------------------------------------------------------------

const USAGE = {
  firstDay: "2025-03-01",
  lastDay: "2026-10-31",
  /** Level of an average weekday at the start, tokens/day (weekend days are ~60 % of it). */
  weekdayStartTokens: 380_000_000,
  /** Month-on-month growth of the underlying level, compounded daily. */
  monthlyGrowth: 0.085,
  daysPerMonth: 365.25 / 12,
  /** Day-of-week factors, Sunday first: weekends ≈ 60 % of weekdays (0.595 / 0.996). */
  dayOfWeek: [0.57, 1.02, 1.01, 1.0, 0.99, 0.96, 0.62],
  /** Daily level noise: AR(1) on the log level (persistence, sd of the innovation). */
  levelPhi: 0.6,
  levelSigma: 0.03,
  /** Independent per-model and per-token-type log noise. */
  modelSigma: 0.03,
  typeSigma: 0.02,
  launchDay: "2026-02-16",
  /** Extra volume from the launch, as a fraction of the pre-launch level, and how it splits by model. */
  launchStep: 0.35,
  launchSplit: { "claude-sonnet-4": 0.8, "gpt-4.1": 0.12, "gpt-4.1-mini": 0.08 },
  outageDay: "2025-11-18",
  outageFactor: 0.03,
  /** Baseline model mix at the first and the last day (linear drift towards the cheaper model). */
  mixStart: { "claude-sonnet-4": 0.2, "gpt-4.1": 0.47, "gpt-4.1-mini": 0.33 },
  mixEnd: { "claude-sonnet-4": 0.2, "gpt-4.1": 0.4, "gpt-4.1-mini": 0.4 },
  /** Token-type mix per model (sums to 1; blended about 60 / 25 / 15). */
  typeMix: {
    "claude-sonnet-4": { cached_input: 0.28, input: 0.58, output: 0.14 },
    "gpt-4.1": { cached_input: 0.25, input: 0.6, output: 0.15 },
    "gpt-4.1-mini": { cached_input: 0.22, input: 0.62, output: 0.16 },
  },
};

/** List prices in US cents per 1,000,000 tokens (USD/Mtok × 100), an illustrative price card. */
const PRICE_CARD_CENTS = {
  "claude-sonnet-4": { cached_input: 30, input: 300, output: 1500 },
  "gpt-4.1": { cached_input: 50, input: 200, output: 800 },
  "gpt-4.1-mini": { cached_input: 10, input: 40, output: 160 },
};

// Sorted, so rows come out sorted by date, then model, then token type.
const MODELS = Object.keys(PRICE_CARD_CENTS).sort();
const TOKEN_TYPES = ["cached_input", "input", "output"];

/** Cost in cents, rounded half-up, by integer arithmetic: tokens × cents-per-Mtok / 10^6. */
function costCents(tokens, centsPerMtok) {
  const cents = (BigInt(tokens) * BigInt(centsPerMtok) + 500_000n) / 1_000_000n;
  return Number(cents);
}

function generateUsage() {
  const z = stream(1);
  const first = dayNumber(USAGE.firstDay);
  const last = dayNumber(USAGE.lastDay);
  const launch = dayNumber(USAGE.launchDay);
  const outage = dayNumber(USAGE.outageDay);
  const dailyGrowth = Math.log1p(USAGE.monthlyGrowth) / USAGE.daysPerMonth;
  const rows = [];
  let logNoise = 0;
  for (let d = first; d <= last; d++) {
    const t = d - first;
    const drift = t / (last - first);
    logNoise = USAGE.levelPhi * logNoise + USAGE.levelSigma * z();
    const level = USAGE.weekdayStartTokens * Math.exp(dailyGrowth * t + logNoise) * USAGE.dayOfWeek[weekday(d)];
    const step = d >= launch ? USAGE.launchStep : 0;
    // Every day draws the same number of normals, so the outage does not shift later draws.
    const outageNoise = z();
    for (const model of MODELS) {
      const share =
        USAGE.mixStart[model] + (USAGE.mixEnd[model] - USAGE.mixStart[model]) * drift + step * USAGE.launchSplit[model];
      let modelTokens = level * share * Math.exp(USAGE.modelSigma * z());
      if (d === outage) modelTokens *= USAGE.outageFactor * Math.exp(0.1 * outageNoise);
      const weights = TOKEN_TYPES.map((k) => USAGE.typeMix[model][k] * Math.exp(USAGE.typeSigma * z()));
      const weightSum = weights.reduce((a, b) => a + b, 0);
      TOKEN_TYPES.forEach((type, i) => {
        const tokens = Math.round((modelTokens * weights[i]) / weightSum);
        rows.push({ date: isoDay(d), model, type, tokens, cents: costCents(tokens, PRICE_CARD_CENTS[model][type]) });
      });
    }
  }
  return rows;
}

function usageCsv(rows) {
  const lines = ["date,model,token_type,tokens,cost_usd"];
  for (const r of rows) lines.push(`${r.date},${r.model},${r.type},${r.tokens},${fixed(r.cents, 2)}`);
  return lines.join("\n");
}

/** Monthly totals for the README (the independent check of these lives outside this script). */
function monthlyTotals(rows) {
  const byMonth = new Map();
  for (const r of rows) {
    const month = r.date.slice(0, 7);
    const m = byMonth.get(month) ?? { month, tokens: 0n, cents: 0n, days: new Set() };
    m.tokens += BigInt(r.tokens);
    m.cents += BigInt(r.cents);
    m.days.add(r.date);
    byMonth.set(month, m);
  }
  return [...byMonth.values()];
}

// ---------------------------------------------------------------------------------------------
// 2–3. Futures curves (integer ticks, so every price sits exactly on the tick)
// ---------------------------------------------------------------------------------------------

const CURVE_FIRST_MONTH = "2026-12";

/**
 * Twelve prices in ticks from `startTicks` to `endTicks` along `shape(x)` (x = 0…1, shape(0) = 0,
 * shape(1) = 1), plus small normal wiggles; endpoints are exact and the curve stays strictly
 * monotone so its shape class (contango / backwardation) is unambiguous.
 */
function curveTicks(z, startTicks, endTicks, shape, wiggleTicks) {
  const n = 12;
  const ticks = [];
  for (let i = 0; i < n; i++) {
    const smooth = startTicks + (endTicks - startTicks) * shape(i / (n - 1));
    const wiggle = i === 0 || i === n - 1 ? 0 : wiggleTicks * z();
    ticks.push(Math.round(smooth + wiggle));
  }
  const dir = Math.sign(endTicks - startTicks);
  for (let i = 1; i < n - 1; i++) {
    if ((ticks[i] - ticks[i - 1]) * dir <= 0) ticks[i] = ticks[i - 1] + dir;
  }
  if ((ticks[n - 1] - ticks[n - 2]) * dir <= 0) throw new Error("curve lost its monotone shape");
  return ticks;
}

function tokenCurveCsv() {
  // 2.10 → 1.55 USD/Mtok (tick 0.01): geometric decline of about 26 % over 11 months, far slower
  // than a 10×-a-year deflation trend, hence "relative contango".
  const ratio = 155 / 210;
  const ticks = curveTicks(stream(2), 210, 155, (x) => (ratio ** x - 1) / (ratio - 1), 0.5);
  const lines = ["month,price"];
  ticks.forEach((t, i) => lines.push(`${addMonths(CURVE_FIRST_MONTH, i)},${fixed(t, 2)}`));
  return lines.join("\n");
}

function gpuCurveCsv() {
  // 2.050 → 2.400 USD/GPU-hour (tick 0.005 = 5 thousandths): contango, steeper at the front.
  const k = 1.2;
  const ticks = curveTicks(stream(3), 410, 480, (x) => (1 - Math.exp(-k * x)) / (1 - Math.exp(-k)), 0.7);
  const lines = ["month,price"];
  ticks.forEach((t, i) => lines.push(`${addMonths(CURVE_FIRST_MONTH, i)},${fixed(t * 5, 3)}`));
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// 4–6. Contract specifications and hedge policy (written as text so the layout stays readable)
// ---------------------------------------------------------------------------------------------

const TOKEN_CONTRACT_JSON = `{
  "name": "Illustrative AI Token Price Index Futures (monthly)",
  "illustrative": true,
  "disclaimer": "Illustrative only: no exchange has published a contract specification for AI-token futures.",
  "underlying": "token-index",
  "index": "Illustrative Blended LLM Token Price Index",
  "quoteUnit": "USD/Mtok",
  "contractSize": 1000000000,
  "sizeUnit": "tokens",
  "tickSize": 0.01,
  "currency": "USD",
  "listedMonths": [1,2,3,4,5,6,7,8,9,10,11,12],
  "settlement": { "type": "cash", "method": "monthly-average", "description": "Cash-settled against the arithmetic average of the daily index over the delivery month" },
  "initialMargin": 300,
  "maintenanceMargin": 240,
  "feePerContract": 1.5
}`;

const GPU_CONTRACT_JSON = `{
  "name": "Illustrative H100 GPU-Hour Rental Index Futures (monthly)",
  "illustrative": true,
  "disclaimer": "Illustrative only: not the specification of any announced GPU compute futures contract. tokensPerGpuHour (5,000,000 blended tokens per H100 GPU-hour) is an assumption, not a measured constant, and is itself a risk: an error in it mis-sizes a cross hedge of token spend one for one.",
  "underlying": "gpu-hour-index",
  "index": "Illustrative H100 GPU-Hour Rental Index",
  "quoteUnit": "USD/GPU-hour",
  "contractSize": 1000,
  "sizeUnit": "gpu-hours",
  "tickSize": 0.005,
  "currency": "USD",
  "listedMonths": [1,2,3,4,5,6,7,8,9,10,11,12],
  "settlement": { "type": "cash", "method": "monthly-average", "description": "Cash-settled against the arithmetic average of the daily H100 GPU-hour rental index over the delivery month" },
  "initialMargin": 250,
  "maintenanceMargin": 200,
  "feePerContract": 1.5,
  "tokensPerGpuHour": 5000000
}`;

const POLICY_JSON = `{
  "name": "Illustrative hedge ladder",
  "ladder": [
    { "fromMonth": 1, "toMonth": 3, "ratio": 0.80, "min": 0.70, "max": 0.90 },
    { "fromMonth": 4, "toMonth": 6, "ratio": 0.60, "min": 0.50, "max": 0.70 },
    { "fromMonth": 7, "toMonth": 9, "ratio": 0.40, "min": 0.30, "max": 0.50 },
    { "fromMonth": 10, "toMonth": 12, "ratio": 0.25, "min": 0.15, "max": 0.35 }
  ],
  "rounding": "down"
}`;

function checkedJson(text) {
  JSON.parse(text); // throws if a hand edit broke the document
  return text;
}

// ---------------------------------------------------------------------------------------------
// 7–8. Monthly price histories with a chosen correlation of changes
// ---------------------------------------------------------------------------------------------

const HISTORY_FIRST_MONTH = "2024-11";
const HISTORY_MONTHS = 24;

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const dot = (xs, ys) => xs.reduce((a, x, i) => a + x * ys[i], 0);

/** Centre and scale to sample standard deviation 1 (n − 1 convention). */
function standardise(xs) {
  const m = mean(xs);
  const c = xs.map((x) => x - m);
  const sd = Math.sqrt(dot(c, c) / (c.length - 1));
  return c.map((x) => x / sd);
}

/** Standardised draws orthogonal (in the sample) to `basis`, so mixes hit a correlation exactly. */
function orthogonalTo(basis, draws) {
  const c = standardise(draws);
  const beta = dot(c, basis) / dot(basis, basis);
  return standardise(c.map((x, i) => x - beta * basis[i]));
}

/** Shocks whose sample correlation with `base` (standardised) is exactly rho. */
function correlated(base, rho, draws) {
  const other = orthogonalTo(base, draws);
  return base.map((b, i) => rho * b + Math.sqrt(1 - rho * rho) * other[i]);
}

/** Levels from a start, an end and standardised shocks: changes = drift + sigma · shock. */
function levels(start, end, sigma, shocks) {
  const drift = (end - start) / shocks.length; // shocks have sample mean 0, so the path ends at `end`
  const out = [start];
  for (const s of shocks) out.push(out[out.length - 1] + drift + sigma * s);
  return out;
}

function historyCsv(spot, futures) {
  const lines = ["period,spot,futures"];
  for (let i = 0; i < HISTORY_MONTHS; i++) {
    lines.push(`${addMonths(HISTORY_FIRST_MONTH, i)},${signedFixed(spot[i], 4)},${signedFixed(futures[i], 4)}`);
  }
  return lines.join("\n");
}

function generateHistories(rows) {
  const z = stream(4);
  const draw = () => Array.from({ length: HISTORY_MONTHS - 1 }, () => z());
  // Front-month token futures (USD/Mtok): 2.55 → 2.13, ending just above the 2026-12 curve price 2.10.
  const futuresShocks = standardise(draw());
  // Company blended price (USD/Mtok): 2.62 → 2.18, changes correlated 0.9 with the futures.
  const spotShocks = correlated(futuresShocks, 0.9, draw());
  // H100 GPU-hour index (USD/GPU-hour): 2.85 → 2.04, changes correlated 0.6 with the company price.
  const gpuShocks = correlated(spotShocks, 0.6, draw());
  const futures = levels(2.55, 2.13, 0.038, futuresShocks);
  const spot = levels(2.62, 2.18, 0.036, spotShocks);
  const gpu = levels(2.85, 2.04, 0.07, gpuShocks);
  // The export's own story: the company pays unchanged list prices, so its blended price is cost ÷ tokens of
  // usage.csv month by month (moving only with the model mix); months before the usage starts continue its
  // pre-launch drift backwards.
  const exportSpot = exportPrices(rows);
  return {
    token: historyCsv(exportSpot, futures),
    gpu: historyCsv(exportSpot, gpu),
    indexLinkedToken: historyCsv(spot, futures),
    indexLinkedGpu: historyCsv(spot, gpu),
  };
}

/** The usage's blended price per history month, USD/Mtok: Σ cost ÷ Σ tokens; earlier months extrapolated. */
function exportPrices(rows) {
  const byMonth = new Map();
  for (const r of rows) {
    const m = r.date.slice(0, 7);
    const t = byMonth.get(m) ?? { tokens: 0n, cents: 0n };
    t.tokens += BigInt(r.tokens);
    t.cents += BigInt(r.cents);
    byMonth.set(m, t);
  }
  const price = (m) => {
    const t = byMonth.get(m);
    return t ? (Number(t.cents) / 100 / Number(t.tokens)) * 1e6 : undefined;
  };
  const firstUsage = USAGE.firstDay.slice(0, 7);
  const launch = USAGE.launchDay.slice(0, 7);
  const pre = [];
  for (let m = firstUsage; m < launch; m = addMonths(m, 1)) pre.push(price(m));
  const drift = (pre[pre.length - 1] - pre[0]) / (pre.length - 1);
  const out = [];
  for (let i = 0; i < HISTORY_MONTHS; i++) {
    const m = addMonths(HISTORY_FIRST_MONTH, i);
    const p = price(m);
    out.push(p !== undefined ? p : price(firstUsage) - drift * monthsFrom(m, firstUsage));
  }
  return out;
}

/** Whole months from a to b (b later). */
function monthsFrom(a, b) {
  const [ya, ma] = a.split("-").map(Number);
  const [yb, mb] = b.split("-").map(Number);
  return (yb - ya) * 12 + (mb - ma);
}

// ---------------------------------------------------------------------------------------------
// 9. Hull's airline example (typed in, not generated)
// ---------------------------------------------------------------------------------------------

// Hull, Options, Futures, and Other Derivatives, Example 3.3 / Table 3.2: monthly changes in the
// heating-oil futures price (ΔF) and the jet-fuel price (ΔS), USD/gallon. Month 9's ΔF is +0.048.
const HULL_DELTA_F = [
  "0.021",
  "0.035",
  "-0.046",
  "0.001",
  "0.044",
  "-0.029",
  "-0.026",
  "-0.029",
  "0.048",
  "-0.006",
  "-0.036",
  "-0.011",
  "0.019",
  "-0.027",
  "0.029",
];
const HULL_DELTA_S = [
  "0.029",
  "0.020",
  "-0.044",
  "0.008",
  "0.026",
  "-0.019",
  "-0.010",
  "-0.007",
  "0.043",
  "0.011",
  "-0.036",
  "-0.018",
  "0.009",
  "-0.032",
  "0.023",
];

function hullCsv() {
  const lines = ["period,spot,futures"];
  HULL_DELTA_F.forEach((f, i) => lines.push(`${i + 1},${HULL_DELTA_S[i]},${f}`));
  return lines.join("\n");
}

const HULL_README = `# Hull's airline cross-hedge example

\`airline-changes.csv\` holds the 15 monthly price changes (USD per gallon) of the worked example of
the minimum-variance hedge ratio in John C. Hull, *Options, Futures, and Other Derivatives*,
chapter 3 ("Hedging Strategies Using Futures"), **Example 3.3 / Table 3.2** (numbering may differ
between editions).

| column | meaning |
|---|---|
| \`period\` | month 1 … 15 |
| \`spot\` | ΔS, change in the price of jet fuel (the airline's exposure) |
| \`futures\` | ΔF, change in the heating-oil futures price (the hedging instrument) |

The values are typed in from the book (they are written by \`scripts/generate-fixtures.mjs\` from a
constant array, not generated).

Results the book reports for these data: σ_F = 0.0313, σ_S = 0.0263, ρ = 0.928, so the
minimum-variance hedge ratio h* = ρ·σ_S/σ_F = 0.78 (sample statistics, n − 1 convention). For
2,000,000 gallons of jet fuel and heating-oil futures of 42,000 gallons each, the optimal number of
contracts is 0.78 × 2,000,000 / 42,000 ≈ 37.

**Erratum in circulation:** some copies print month 9's ΔF as −0.048. That is wrong: it is
**+0.048**, as in this file. With −0.048 the statistics above cannot be reproduced (σ_F becomes
0.0304 and ρ falls to about 0.59).
`;

// ---------------------------------------------------------------------------------------------
// 11. The hedge book: trades Acme already holds (from the plans of May–October 2026) and the final
// settlement prices of the months delivered since. Typed in, not generated: a book is a record.

const BOOK_CSV = `trade_id,trade_date,contract,delivery_month,side,contracts,trade_price
T-0001,2026-05-14,token-contract.json,2026-09,long,58,2.31
T-0002,2026-06-12,token-contract.json,2026-10,long,61,2.28
T-0003,2026-07-15,token-contract.json,2026-11,long,60,2.24
T-0004,2026-08-14,token-contract.json,2026-12,long,48,2.19
T-0005,2026-08-14,token-contract.json,2027-01,long,40,2.14
T-0006,2026-09-15,token-contract.json,2027-02,long,44,2.07
T-0007,2026-09-15,token-contract.json,2027-03,long,38,2.03
T-0008,2026-10-15,token-contract.json,2027-04,long,30,1.96
T-0009,2026-10-15,token-contract.json,2027-05,long,25,1.90
T-0010,2026-09-15,token-contract.json,2026-12,long,26,2.16
T-0011,2026-10-15,token-contract.json,2027-01,long,15,2.09
T-0012,2026-10-15,token-contract.json,2027-03,short,4,2.00
T-0013,2026-10-29,token-contract.json,2026-11,short,60,2.15`;

const SETTLEMENTS_CSV = `month,settlement_price
2026-09,2.26
2026-10,2.19`;

// Hull, Options, Futures, and Other Derivatives, ch. 3, "Rolling the hedge forward": the oil producer
// with 100,000 barrels to sell in June of the next year, rolling six-month contracts (years differ
// between editions; the prices and their differences do not).
const HULL_ROLL_CSV = `contract,open_date,close_date,open_price,close_price
Oct 2014,2014-04,2014-09,88.20,87.40
Mar 2015,2014-09,2015-02,87.00,86.50
Jul 2015,2015-02,2015-06,86.30,85.90`;

// ---------------------------------------------------------------------------------------------
// 10. README
// ---------------------------------------------------------------------------------------------

function priceCardTable() {
  const lines = ["| model | input | cached_input | output |", "|---|---:|---:|---:|"];
  for (const model of MODELS) {
    const p = PRICE_CARD_CENTS[model];
    lines.push(`| \`${model}\` | ${fixed(p.input, 2)} | ${fixed(p.cached_input, 2)} | ${fixed(p.output, 2)} |`);
  }
  return lines.join("\n");
}

function monthlyTable(months) {
  const lines = [
    "| month | days | tokens | tokens/day (mean) | cost (USD) | blended USD/Mtok |",
    "|---|---:|---:|---:|---:|---:|",
  ];
  for (const m of months) {
    const days = m.days.size;
    const perDay = (m.tokens + BigInt(days) / 2n) / BigInt(days);
    // Blended price to 4 decimals: cents × 10^6 / tokens is USD/Mtok × 100; scale by 100 more.
    const blended = (m.cents * 100_000_000n + m.tokens / 2n) / m.tokens;
    lines.push(
      `| ${m.month} | ${days} | ${withCommas(m.tokens)} | ${withCommas(perDay)} | ${withCommas(fixed(Number(m.cents), 2))} | ${fixed(Number(blended), 4)} |`,
    );
  }
  return lines.join("\n");
}

function readme(rows, months) {
  const totalTokens = months.reduce((a, m) => a + m.tokens, 0n);
  const totalCents = months.reduce((a, m) => a + m.cents, 0n);
  return `# Fixtures

Realistic, seeded, **synthetic** datasets for the README, the demo and the tests. Every file below
is written by \`scripts/generate-fixtures.mjs\` (\`npm run fixtures\`); the script has no
dependencies and a fixed seed (${SEED}), so rerunning it gives byte-identical files. Do not edit
the files by hand: change the script and rerun it. This README is generated too.

**Every contract specification here is illustrative.** No exchange has published a contract
specification for AI-token futures, and the GPU-hour contract is not the specification of any
announced product.

## \`acme/\` — a mid-size company hedging its LLM token spend

| file | what it is |
|---|---|
| \`usage.csv\` | daily token usage and list-price cost, by model and token type |
| \`token-curve.csv\` | illustrative AI-token futures curve, USD per million tokens |
| \`gpu-curve.csv\` | illustrative H100 GPU-hour rental futures curve, USD per GPU-hour |
| \`token-contract.json\` | illustrative token-index futures specification |
| \`gpu-contract.json\` | illustrative GPU-hour-index futures specification (for a cross hedge) |
| \`policy.json\` | hedge ladder: target ratio and min/max band per tenor bucket |
| \`book.csv\` | the hedge book: the futures trades already held (\`--book\`) |
| \`settlements.csv\` | final settlement prices of the delivered months (\`--settlements\`) |
| \`price-history.csv\` | 24 months of company blended price vs front-month token futures |
| \`gpu-price-history.csv\` | 24 months of company blended price vs the H100 GPU-hour index |
| \`index-linked-price-history.csv\`, \`index-linked-gpu-price-history.csv\` | the same indices beside an illustrative index-linked company price |

### \`usage.csv\`

Header \`date,model,token_type,tokens,cost_usd\`; one row per date × model × token type, sorted
by date, then model, then token type (all lexicographic), ${withCommas(rows.length)} rows.

- Dates ${USAGE.firstDay} … ${USAGE.lastDay} inclusive (20 full months, ${rows.length / 9} days).
- Models \`${MODELS.join("`, `")}\`; token types \`${TOKEN_TYPES.join("`, `")}\`
  (blended mix about 60 % input, 25 % cached input, 15 % output).
- Level: about 350 M tokens/day at the start (an average weekday ${USAGE.weekdayStartTokens / 1e6} M),
  growing ${USAGE.monthlyGrowth * 100} % a month compounded daily, with mild noise (AR(1) on the log level,
  plus per-model and per-type noise). Model mix drifts slowly from \`gpt-4.1\` to \`gpt-4.1-mini\`.
- Weekly pattern: weekend days are about 60 % of weekdays (Saturday 0.62, Sunday 0.57 of the weekday level).
- Product launch on **${USAGE.launchDay}** (a Monday): the level jumps by ${USAGE.launchStep * 100} % and
  stays up; ${USAGE.launchSplit["claude-sonnet-4"] * 100} % of the extra volume is \`claude-sonnet-4\`.
- Outage on **${USAGE.outageDay}**: all models at about ${USAGE.outageFactor * 100} % of normal.
- Total ${withCommas(totalTokens)} tokens, list-price cost USD ${withCommas(fixed(Number(totalCents), 2))}.
- \`tokens\` are integers; \`cost_usd\` = tokens × list price per Mtok, rounded half-up to the cent
  with integer arithmetic (exactly 2 decimals). Illustrative price card, USD per million tokens:

${priceCardTable()}

Monthly totals:

${monthlyTable(months)}

### Curves (delivery months ${CURVE_FIRST_MONTH} … ${addMonths(CURVE_FIRST_MONTH, 11)}, header \`month,price\`)

- \`token-curve.csv\`: 2.10 falling smoothly to 1.55 USD/Mtok (0.01 tick, strictly decreasing,
  small irregular steps). A falling token curve is normal, but a 26 % fall over 11 months is far
  slower than a 10×-a-year deflation trend, so read against the trend it is in *relative contango*.
- \`gpu-curve.csv\`: 2.050 rising to 2.400 USD/GPU-hour (0.005 tick, 3 decimals, strictly
  increasing, steeper at the front): contango.

### Contracts and policy

- \`token-contract.json\`: 1,000,000,000 tokens per contract, quoted in USD/Mtok, tick 0.01, cash-settled
  on the monthly average of a daily index, all 12 months listed, margin 300 / 240, fee 1.50.
- \`gpu-contract.json\`: 1,000 GPU-hours per contract, quoted in USD/GPU-hour, tick 0.005, margin
  250 / 200, fee 1.50, and \`tokensPerGpuHour\` 5,000,000 (blended): an **assumption**, itself a
  risk — an error in it mis-sizes a cross hedge one for one (its disclaimer says so).
- \`policy.json\`: ladder 80 % (months 1–3, band 70–90 %), 60 % (4–6, 50–70 %), 40 % (7–9, 30–50 %),
  25 % (10–12, 15–35 %); month 1 is the first delivery month hedged; contracts rounded down.

### Price histories (header \`period,spot,futures\`, months ${HISTORY_FIRST_MONTH} … ${addMonths(HISTORY_FIRST_MONTH, HISTORY_MONTHS - 1)}, 4 decimals)

- \`price-history.csv\`: \`spot\` = the company's blended price exactly as \`usage.csv\` shows it
  (cost ÷ tokens per month, 2025-03 … 2026-10; the four months before the usage starts continue its
  pre-launch drift backwards), \`futures\` = front-month token futures (USD/Mtok, 2.55 → 2.13). The
  company pays unchanged list prices, so its price moves only with the model mix (2.15 → 2.07, then
  2.43 after the launch moves volume to the dearest model, 2.39 by 2026-10) while the index falls:
  regressed on changes, the index explains almost none of it — the sticky-list-price buyer.
- \`gpu-price-history.csv\`: the same \`spot\` column; \`futures\` = H100 GPU-hour index
  (USD/GPU-hour, 2.85 → 2.04).
- \`index-linked-price-history.csv\`, \`index-linked-gpu-price-history.csv\`: an illustrative buyer whose
  negotiated price follows the index (spot 2.62 → 2.18, monthly changes correlated ρ ≈ 0.9 with the token
  futures, constructed to hit 0.9 in the sample before rounding to 4 decimals; ρ ≈ 0.6 with the GPU-hour
  index — a cross hedge is weaker). These are the histories a minimum-variance hedge has something to
  work with; they are not the \`usage.csv\` company's prices.

## \`hull/\` — a textbook check

\`airline-changes.csv\`: the 15 monthly price changes of Hull's airline cross-hedge example
(Options, Futures, and Other Derivatives, Example 3.3 / Table 3.2), typed in. See
\`hull/README.md\` (h* = 0.78, 37 contracts; month 9's ΔF is +0.048, not −0.048).

\`stack-and-roll.csv\`: the three legs of Hull's stack-and-roll example (the oil producer rolling
six-month contracts, ch. 3, "Rolling the hedge forward"): gain 1.70 a barrel, $170,000 on 100,000
barrels.

### The hedge book (typed in, not generated)

- \`acme/book.csv\`: 13 trades from the plans of May–October 2026 in the token contract: September and
  October 2026 held to delivery, November 2026 bought and sold again before delivery, December 2026 to
  May 2027 held (March partly sold back).
- \`acme/settlements.csv\`: final settlement prices of September (2.26) and October 2026 (2.19).
`;
}

// ---------------------------------------------------------------------------------------------

function main() {
  const rows = generateUsage();
  const histories = generateHistories(rows);
  const written = [
    writeText("fixtures/acme/usage.csv", usageCsv(rows)),
    writeText("fixtures/acme/token-curve.csv", tokenCurveCsv()),
    writeText("fixtures/acme/gpu-curve.csv", gpuCurveCsv()),
    writeText("fixtures/acme/token-contract.json", checkedJson(TOKEN_CONTRACT_JSON)),
    writeText("fixtures/acme/gpu-contract.json", checkedJson(GPU_CONTRACT_JSON)),
    writeText("fixtures/acme/policy.json", checkedJson(POLICY_JSON)),
    writeText("fixtures/acme/price-history.csv", histories.token),
    writeText("fixtures/acme/gpu-price-history.csv", histories.gpu),
    writeText("fixtures/acme/index-linked-price-history.csv", histories.indexLinkedToken),
    writeText("fixtures/acme/index-linked-gpu-price-history.csv", histories.indexLinkedGpu),
    writeText("fixtures/acme/book.csv", BOOK_CSV),
    writeText("fixtures/acme/settlements.csv", SETTLEMENTS_CSV),
    writeText("fixtures/hull/airline-changes.csv", hullCsv()),
    writeText("fixtures/hull/stack-and-roll.csv", HULL_ROLL_CSV),
    writeText("fixtures/hull/README.md", HULL_README),
    writeText("fixtures/README.md", readme(rows, monthlyTotals(rows))),
  ];
  for (const file of written) console.log(`wrote ${file}`);
}

main();
