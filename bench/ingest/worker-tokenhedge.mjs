// One benchmark reader: tokenhedge's streaming ingest (the `ingest` command's code path), aggregating
// tokens per day, model and kind. Prints a JSON line with the totals and this process's peak RSS.
import { readUsageStream } from "../../dist/cli/ingest-read.js";
import { threadsFor } from "../../dist/cli/ingest-parallel.js";
import { statSync } from "node:fs";

const file = process.argv[2];
const ctx = {
  cwd: process.cwd(),
  env: { TOKENHEDGE_THREADS: process.env.TOKENHEDGE_THREADS },
  stdout: { write() {}, isTTY: false },
  stderr: { write: (s) => process.stderr.write(s), isTTY: false },
  stdinIsTTY: false,
};
const t0 = performance.now();
const c0 = process.cpuUsage();
const s = await readUsageStream(ctx, file, { file });
const secs = (performance.now() - t0) / 1000;
const c1 = process.cpuUsage(c0);
const cpuSecs = (c1.user + c1.system) / 1e6;
process.stdout.write(
  JSON.stringify({
    reader: "tokenhedge",
    secs,
    cpuSecs,
    rows: s.rowsRead,
    // Threads the reader chose (it reads sequentially after all if a range cannot be merged exactly).
    threads: threadsFor(ctx, statSync(file).size, { file }),
    tokens: s.totalTokens.toString(),
    cost: s.totalCost?.toFixed() ?? null,
    days: s.days.length,
    maxRssKb: process.resourceUsage().maxRSS,
  }) + "\n",
);
