// One benchmark reader: DuckDB (@duckdb/node-api, optional, installed for the bench only) reading the same log with
// read_csv and a GROUP BY to day × model × project totals (what tokenhedge's ingest aggregates), with DuckDB's own
// threads (all cores). Cached input tokens are part of input_tokens in this log (as in OpenAI's exports), so the
// token total is input + output, as tokenhedge counts it. Prints a JSON line with the totals (tokens, cost, rows) and this process's peak RSS.
const file = process.argv[2];
const { DuckDBInstance } = await import("@duckdb/node-api");
const t0 = performance.now();
const c0 = process.cpuUsage();
const db = await DuckDBInstance.create(":memory:");
const con = await db.connect();
const quoted = `'${file.replaceAll("'", "''")}'`;
const reader = await con.runAndReadAll(`
  WITH cube AS (
    SELECT CAST("timestamp" AS DATE) AS day, model, project,
           SUM(input_tokens) AS input, SUM(cached_input_tokens) AS cached, SUM(output_tokens) AS output,
           SUM(CAST(cost_usd AS DECIMAL(18, 6))) AS cost, COUNT(*) AS n
    FROM read_csv(${quoted}, header = true, auto_detect = true)
    GROUP BY ALL
  )
  SELECT SUM(n)::BIGINT, SUM(input + output)::HUGEINT, SUM(cost)::VARCHAR, COUNT(DISTINCT day)::BIGINT, COUNT(*)::BIGINT FROM cube`);
const [rows, tokens, cost, days, cells] = reader.getRows()[0];
const secs = (performance.now() - t0) / 1000;
const c1 = process.cpuUsage(c0);
process.stdout.write(
  JSON.stringify({
    reader: "duckdb",
    secs,
    cpuSecs: (c1.user + c1.system) / 1e6,
    rows: Number(rows),
    tokens: String(tokens),
    cost: String(cost),
    days: Number(days),
    cells: Number(cells),
    maxRssKb: process.resourceUsage().maxRSS,
  }) + "\n",
);
