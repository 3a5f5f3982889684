// Writes the `daily` part of data.json from the project's own fixtures, so the daily series are exact integers
// derived, not retyped: fixtures/acme/usage.csv summed per date (all models and token types), and
// fixtures/series/daily-usage.csv as is. The monthly `series` part of data.json (R's export) is left untouched.
//
// Usage: node bench/forecast-accuracy/daily-data.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "../../fixtures");

function rows(file) {
  return readFileSync(file, "utf8")
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(","));
}

function dailyTotals(file, dateColumn, valueColumn) {
  const [header, ...body] = rows(file);
  const d = header.indexOf(dateColumn);
  const v = header.indexOf(valueColumn);
  const totals = new Map();
  for (const r of body) totals.set(r[d], (totals.get(r[d]) ?? 0) + Number(r[v]));
  const dates = [...totals.keys()].sort();
  // Consecutive days only: a gap would silently shift the weekly season.
  for (let i = 1; i < dates.length; i++) {
    const step = (Date.parse(`${dates[i]}T00:00:00Z`) - Date.parse(`${dates[i - 1]}T00:00:00Z`)) / 86400000;
    if (step !== 1) throw new Error(`${file}: gap between ${dates[i - 1]} and ${dates[i]}`);
  }
  const values = dates.map((x) => totals.get(x));
  if (!values.every(Number.isSafeInteger)) throw new Error(`${file}: totals are not exact integers`);
  return { start: dates[0], frequency: 7, values };
}

const path = join(here, "data.json");
const data = JSON.parse(readFileSync(path, "utf8"));
data.daily = {
  "acme-usage": dailyTotals(join(fixtures, "acme/usage.csv"), "date", "tokens"),
  "daily-usage": dailyTotals(join(fixtures, "series/daily-usage.csv"), "period", "value"),
};
writeFileSync(path, JSON.stringify(data));
