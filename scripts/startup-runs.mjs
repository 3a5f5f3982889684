/**
 * Each command run as far as its first input: its options parsed, its action loaded, and the input that does not
 * exist read first (the run stops there, exit 2 or 3). Shared by bench/startup/run.mjs (which times these runs) and
 * scripts/code-cache.mjs (which runs them to make the code cache), so the cache holds the code every run of a
 * command goes through before it reads anything. `demo` is left out: it reads the bundled fixtures at once, so it
 * has no start-up apart from its work.
 */
const M = "/nonexistent/tokenhedge-start-up.csv";
const PLAN = [M, "--curve", M, "--contract", M, "--policy", M];

export const STARTUP_RUNS = {
  ingest: [M],
  forecast: [M],
  curve: [M],
  "hedge-ratio": ["--history", M],
  plan: PLAN,
  scenarios: PLAN,
  simulate: PLAN,
  config: ["show", "--config", M],
  effectiveness: ["--history", M],
  check: ["--config", M],
  report: ["--config", M, "--out", "/nonexistent/out"],
  init: ["--yes", "--usage", M, "--curve", M, "--contract", M, "--out", "/nonexistent/h.yaml"],
  diff: [M, M],
  basis: ["--side", "long", "--legs", M],
  sql: ["--profile", "aws-cur", "--dialect", "athena", "--header-from", M],
};
