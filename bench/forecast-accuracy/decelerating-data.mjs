// Writes the decelerating-growth series into data.json (`series.decelerating`) and the figures the deceleration
// check needs (`deceleration`): usage whose growth falls linearly from 10% a month to 4% a month over 24 months and
// then goes on at 4%, with ±5% deterministic noise, 48 months from 2023-01. The process without noise,
//   P_0 = 1e9,  P_t = P_{t−1}·(1 + g_t),  g_t = 0.10 − 0.06·min(t − 1, 24)/24  (t = 1..47),
// is the continuation each 12-month-ahead forecast is compared with; the series is
//   y_t = round(P_t · (1 + u_t/100)),  u_t = (37t mod 11) − 5.
// Other parts of data.json are left untouched.
//
// Usage: node bench/forecast-accuracy/decelerating-data.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const MONTHS = 48;
const growth = (t) => 0.1 - (0.06 * Math.min(t - 1, 24)) / 24;
const process = [1e9];
for (let t = 1; t < MONTHS; t++) process.push(process[t - 1] * (1 + growth(t)));
const values = process.map((p, t) => Math.round(p * (1 + (((37 * t) % 11) - 5) / 100)));

const path = join(here, "data.json");
const data = JSON.parse(readFileSync(path, "utf8"));
data.series.decelerating = { start: [2023, 1], frequency: 12, values };
data.deceleration = {
  series: "decelerating",
  horizon: 12,
  // Training lengths: forecasts made 18, 21, … 36 months into the series (while growth still falls, and after).
  origins: [18, 21, 24, 27, 30, 33, 36],
  process,
};
writeFileSync(path, JSON.stringify(data));
