// One benchmark reader: csv-parse (streaming API) doing the same work as tokenhedge — tokens per
// day and model (input + output; cached input is inside input) and the cost total.
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

const file = process.argv[2];
const columns = process.argv[3] === "columns";
const t0 = performance.now();
const c0 = process.cpuUsage();
const byDayModel = new Map();
let rows = 0;
let tokens = 0;
let micro = 0;
const parser = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(
  parse({
    from_line: 2,
    columns: columns
      ? [
          "timestamp",
          "request_id",
          "project",
          "model",
          "input_tokens",
          "cached_input_tokens",
          "output_tokens",
          "cost_usd",
        ]
      : false,
  }),
);
for await (const r of parser) {
  const day = columns ? r.timestamp.slice(0, 10) : r[0].slice(0, 10);
  const model = columns ? r.model : r[3];
  const t = Number(columns ? r.input_tokens : r[4]) + Number(columns ? r.output_tokens : r[6]);
  const key = `${day}|${model}`;
  byDayModel.set(key, (byDayModel.get(key) ?? 0) + t);
  tokens += t;
  micro += Math.round(Number(columns ? r.cost_usd : r[7]) * 1e6);
  rows++;
}
const secs = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0);
process.stdout.write(
  JSON.stringify({
    reader: columns ? "csv-parse (columns)" : "csv-parse",
    secs,
    cpuSecs: (c.user + c.system) / 1e6,
    rows,
    tokens: String(tokens),
    cost: (micro / 1e6).toFixed(6),
    groups: byDayModel.size,
    maxRssKb: process.resourceUsage().maxRSS,
  }) + "\n",
);
