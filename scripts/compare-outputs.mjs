#!/usr/bin/env node
/**
 * Record what every command prints on the bundled fixtures, so a refactor can be proved to change no
 * output: run this on the commit before and on the commit after, then `diff -r` the two directories.
 *
 *   node scripts/compare-outputs.mjs OUT_DIR [--root REPO_DIR] [--only NAME_PREFIX,...]
 *
 * Each case runs `REPO_DIR/bin/tokenhedge` (build REPO_DIR first) with the working directory at
 * REPO_DIR, no colour and no config discovery, and writes OUT_DIR/NAME.stdout, .stderr and .code
 * (REPO_DIR itself written as <root>, so two checkouts in different places compare equal).
 * `report` writes into a temporary directory (printed as <report-out>), whose files are then copied
 * to OUT_DIR/NAME.files/. `init` likewise writes into its own temporary directory (<init-out>), copied to
 * OUT_DIR/NAME.files/ with both directories written by name in the files too; its cases run with a fixed
 * TOKENHEDGE_AS_OF, since init checks the config it writes at the as-of date (today by default).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const rootAt = args.indexOf("--root");
const root = resolve(rootAt >= 0 ? args.splice(rootAt, 2)[1] : fileURLToPath(new URL("../", import.meta.url)));
// --only: just the cases whose names start with one of these prefixes (e.g. to run new cases on an older build).
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1].split(",") : undefined;
const out = args[0];
if (!out) {
  process.stderr.write("usage: node scripts/compare-outputs.mjs OUT_DIR [--root REPO_DIR] [--only NAME_PREFIX,...]\n");
  process.exit(2);
}
const bin = join(root, "bin/tokenhedge");
// A fresh directory per run, written as <report-out> in the outputs, so runs may go in parallel.
const reportDir = join(mkdtempSync(join(tmpdir(), "tokenhedge-compare-")), "report");
const initDir = join(dirname(reportDir), "init");
const initOut = join(initDir, "hedge.config.yaml");

const A = "fixtures/acme";
const usage = `${A}/usage.csv`;
const TOKEN = ["--curve", `${A}/token-curve.csv`, "--contract", `${A}/token-contract.json`];
const POLICY = [...TOKEN, "--policy", `${A}/policy.json`];
const GPU = ["--curve", `${A}/gpu-curve.csv`, "--contract", `${A}/gpu-contract.json`, "--policy", `${A}/policy.json`];
const HISTORY = ["--history", `${A}/index-linked-price-history.csv`];
const CONFIGS = [
  "fixtures/config/acme.config.yaml",
  "fixtures/config/inline.config.yaml",
  ...[
    "cost-at-risk",
    "dollar-offset",
    "hedge-ratio-band",
    "min-effectiveness",
    "missing-days",
    "over-hedge",
    "stale-data",
  ].map((b) => `fixtures/config/breach/${b}.config.yaml`),
  ...["bad-data.config.yaml", "unknown-key.config.json", "wrong-type.config.yaml"].map(
    (b) => `fixtures/config/invalid/${b}`,
  ),
];
const FORMATS = [
  ["json", ["--json"]],
  ["csv", ["--csv"]],
  ["human", []],
];

/** name → argv. `all` expands a case into --json, --csv and the human table. */
const cases = [];
const add = (name, argv) => cases.push([name, argv]);
const all = (name, argv, formats = FORMATS) =>
  formats.forEach(([f, extra]) => add(`${name}.${f}`, [...argv, ...extra]));

all("ingest-acme", ["ingest", usage]);
add("ingest-bad-date", ["ingest", "fixtures/invalid/bad-date/usage.csv", "--json"]);
add("ingest-aws-cur", ["ingest", "fixtures/formats/aws-cur/bedrock-cur2.csv", "--json"]);
add("ingest-config", ["ingest", "--config", CONFIGS[0], "--json"]);
all("forecast-month", ["forecast", usage, "--horizon", "6"]);
all("forecast-day", ["forecast", usage, "--period", "day", "--horizon", "90"]);
add("forecast-air", ["forecast", "fixtures/series/air-passengers.csv", "--json"]);
add("forecast-config", ["forecast", "--config", CONFIGS[0], "--horizon", "2", "--json"]);
add("forecast-backtest", ["forecast", usage, "--horizon", "3", "--backtest", "--json"]);
add("forecast-series-day", [
  "forecast",
  "fixtures/series/daily-usage.csv",
  "--period",
  "day",
  "--horizon",
  "45",
  "--json",
]);
add("forecast-series-month", ["forecast", "fixtures/series/daily-usage.csv", "--select", "aicc", "--json"]);
add("forecast-air-backtest", ["forecast", "fixtures/series/air-passengers.csv", "--backtest", "--outliers", "keep"]);
add("forecast-horizon-too-far", ["forecast", usage, "--horizon", "200"]);
add("forecast-bad-value", ["forecast", "fixtures/series/bad-value.csv", "--json"]);
all("curve-token", ["curve", `${A}/token-curve.csv`]);
add("curve-gap", ["curve", "fixtures/curves/token-gap.csv", "--json"]);
all("hedge-ratio-hull", [
  "hedge-ratio",
  "--history",
  "fixtures/hull/airline-changes.csv",
  "--changes",
  "--exposure",
  "2000000",
  "--contract-size",
  "42000",
]);
const HULL_STATS = ["hedge-ratio", "--rho", "0.928", "--sigma-spot", "0.0263", "--sigma-futures", "0.0313"];
all("hedge-ratio-stats", [...HULL_STATS, "--exposure", "2000000", "--contract-size", "42000"]);
add("hedge-ratio-stats-tailed", [
  ...HULL_STATS,
  "--exposure",
  "2000000",
  "--contract-size",
  "42000",
  "--spot",
  "1.94",
  "--futures",
  "1.99",
  "--rounding",
  "up",
  "--side",
  "short",
  "--json",
]);
add("hedge-ratio-covariance", ["hedge-ratio", "--covariance", "0.000764", "--sigma-futures", "0.0313", "--json"]);
add("hedge-ratio-history-only", [
  "hedge-ratio",
  "--history",
  "fixtures/hull/airline-changes.csv",
  "--changes",
  "--json",
]);
add("hedge-ratio-levels", ["hedge-ratio", "--history", `${A}/index-linked-price-history.csv`, "--json"]);
add("hedge-ratio-history-and-rho", ["hedge-ratio", "--history", "fixtures/hull/airline-changes.csv", "--rho", "0.9"]);
add("hedge-ratio-rho-and-cov", [...HULL_STATS, "--covariance", "0.0007"]);
add("hedge-ratio-nothing", ["hedge-ratio"]);
add("hedge-ratio-rho-only", ["hedge-ratio", "--rho", "0.9"]);
add("hedge-ratio-rho-no-spot", ["hedge-ratio", "--rho", "0.9", "--sigma-futures", "0.03"]);
add("hedge-ratio-sigma-only", ["hedge-ratio", "--sigma-futures", "0.03", "--sigma-spot", "0.02"]);
add("hedge-ratio-spot-no-exposure", [...HULL_STATS, "--spot", "1.94", "--futures", "1.99"]);
add("hedge-ratio-no-size", [...HULL_STATS, "--exposure", "2000000"]);
add("hedge-ratio-spot-no-futures", [...HULL_STATS, "--exposure", "2000000", "--contract-size", "42000", "--spot", "1"]);
add("hedge-ratio-missing-file", ["hedge-ratio", "--history", "fixtures/hull/nope.csv", "--exposure", "1"]);
add("hedge-ratio-no-such-file", ["hedge-ratio", "--history", "fixtures/hull/nope.csv", "--changes"]);
all("plan-policy", ["plan", usage, ...POLICY]);
add("plan-ratio", ["plan", usage, ...TOKEN, "--ratio", "0.8", "--rounding", "nearest", "--json"]);
all("plan-mvhr", ["plan", usage, ...TOKEN, "--method", "mvhr", ...HISTORY]);
all("plan-quantity", ["plan", usage, ...TOKEN, "--method", "quantity", ...HISTORY, "--corr", "0.3"]);
add("plan-quantity-nohistory", [
  "plan",
  usage,
  ...TOKEN,
  "--method",
  "quantity",
  "--price-vol",
  "0.45",
  "--company-price",
  "2.5",
  "--json",
]);
all("plan-gpu", ["plan", usage, ...GPU]);
add("plan-gpu-quantity", [
  "plan",
  usage,
  ...GPU,
  "--method",
  "quantity",
  "--history",
  `${A}/index-linked-gpu-price-history.csv`,
  "--json",
]);
add("plan-tail-minlot", [
  "plan",
  usage,
  ...POLICY,
  "--tail",
  "2.5",
  "--min-lot",
  "5",
  "--volume-cap",
  "none",
  "--volume-basis",
  "p50",
  "--json",
]);
add("plan-horizon-seed", ["plan", usage, ...POLICY, "--horizon", "6", "--seed", "7", "--json"]);
add("plan-config", ["plan", "--config", CONFIGS[0], "--json"]);
add("plan-config-inline", ["plan", "--config", CONFIGS[1], "--json"]);
add("plan-config-ratio", ["plan", "--config", CONFIGS[0], "--ratio", "0.5", "--json"]);
add("plan-config-mvhr", ["plan", "--config", CONFIGS[0], "--method", "mvhr", ...HISTORY, "--json"]);
add("plan-config-missing-usage", ["plan", `${A}/does-not-exist.csv`, "--config", CONFIGS[0]]);
add("plan-config-unknown-key", ["plan", "--config", "fixtures/config/invalid/unknown-key.config.json"]);
add("plan-missing-policy", ["plan", usage, ...TOKEN]);
add("plan-missing-curve", ["plan", usage]);
add("plan-bad-contract", [
  "plan",
  usage,
  "--curve",
  `${A}/token-curve.csv`,
  "--contract",
  "fixtures/invalid/bad-contract/contract.json",
  "--policy",
  `${A}/policy.json`,
]);
add("plan-mvhr-no-history", ["plan", usage, ...TOKEN, "--method", "mvhr"]);
all("scenarios-policy", ["scenarios", usage, ...POLICY]);
add("scenarios-months-budget", [
  "scenarios",
  usage,
  ...POLICY,
  "--months",
  "--budget",
  "2.0/Mtok",
  "--volume-multipliers",
  "0.8,1.2",
  "--json",
]);
add("scenarios-total-budget", [
  "scenarios",
  usage,
  ...POLICY,
  "--budget",
  "3500000",
  "--twist",
  "0",
  "--as-of",
  "2026-11-05",
  "--json",
]);
add("scenarios-config", ["scenarios", "--config", CONFIGS[0], "--json"]);
all("simulate-gbm", ["simulate", usage, ...POLICY, "--paths", "500", "--vol", "0.45", "--budget", "3500000"]);
add("simulate-default-vol", ["simulate", usage, ...POLICY, "--paths", "300", "--json"]);
add("simulate-history", ["simulate", usage, ...POLICY, "--paths", "300", ...HISTORY, "--json"]);
add("simulate-ou", [
  "simulate",
  usage,
  ...POLICY,
  "--paths",
  "300",
  "--model",
  "ou",
  ...HISTORY,
  "--basis-from-history",
  "--json",
]);
add("simulate-ou-kappa", [
  "simulate",
  usage,
  ...POLICY,
  "--paths",
  "300",
  "--model",
  "ou",
  "--mean-reversion",
  "2",
  "--basis-a",
  "0.1",
  "--json",
]);
add("simulate-ou-missing", ["simulate", usage, ...POLICY, "--paths", "300", "--model", "ou"]);
add("simulate-gbm-kappa", [
  "simulate",
  usage,
  ...POLICY,
  "--paths",
  "300",
  "--mean-reversion",
  "2",
  "--price-vol",
  "0.3",
  "--corr",
  "0.4",
  "--json",
]);
add("simulate-gpu-basis", [
  "simulate",
  usage,
  ...GPU,
  "--paths",
  "300",
  "--history",
  `${A}/index-linked-gpu-price-history.csv`,
  "--basis-from-history",
  "--json",
]);
add("simulate-config", [
  "simulate",
  "--config",
  "fixtures/config/breach/cost-at-risk.config.yaml",
  "--vol",
  "0.45",
  "--paths",
  "2000",
  "--json",
]);
all("effectiveness-values", ["effectiveness", "--history", "fixtures/effectiveness/worked-values.csv"]);
add("effectiveness-prices", [
  "effectiveness",
  "--history",
  "fixtures/effectiveness/worked-prices.csv",
  "--contracts",
  "2",
  "--contract-size",
  "1000",
  "--exposure",
  "2000",
  "--json",
]);
add("effectiveness-changes", [
  "effectiveness",
  "--history",
  "fixtures/effectiveness/worked-price-changes.csv",
  "--changes",
  "--contracts",
  "2",
  "--contract-size",
  "1000",
  "--exposure",
  "2000",
  "--regress",
  "item-on-hedge",
  "--json",
]);
add("effectiveness-prices-missing", ["effectiveness", "--history", "fixtures/effectiveness/worked-prices.csv"]);
add("effectiveness-offset-fails", ["effectiveness", "--history", "fixtures/effectiveness/offset-fails.csv", "--json"]);
add("effectiveness-bad-number", ["effectiveness", "--history", "fixtures/effectiveness/bad-number.csv"]);
add("effectiveness-config", ["effectiveness", "--config", CONFIGS[0], "--json"]);
add("effectiveness-missing", ["effectiveness"]);
CONFIGS.forEach((cfg, i) =>
  all(`check-${i}-${cfg.split("/").pop()}`, ["check", "--config", cfg, "--as-of", "2026-11-05"]),
);
add("check-paths-seed", [
  "check",
  "--config",
  CONFIGS[0],
  "--as-of",
  "2026-11-05",
  "--paths",
  "1000",
  "--seed",
  "7",
  "--json",
]);
add("check-no-config", ["check"]);
add("report-acme", [
  "report",
  "--config",
  CONFIGS[0],
  "--out",
  reportDir,
  "--as-of",
  "2026-11-05",
  "--paths",
  "1000",
  "--json",
]);
add("report-acme-list", [
  "report",
  "--config",
  CONFIGS[0],
  "--out",
  reportDir,
  "--as-of",
  "2026-11-05",
  "--paths",
  "500",
]);
add("report-inline", [
  "report",
  "--config",
  CONFIGS[1],
  "--out",
  reportDir,
  "--as-of",
  "2026-11-05",
  "--paths",
  "500",
  "--json",
]);
add("report-breach", [
  "report",
  "--config",
  CONFIGS[2],
  "--out",
  reportDir,
  "--as-of",
  "2026-11-05",
  "--paths",
  "500",
  "--json",
]);
add("report-no-out", ["report", "--config", CONFIGS[0]]);
// init without a terminal (stdin is not one here): --yes and flags, or the files it finds under <root>.
const INIT_TOKEN = ["init", "--yes", "--usage", usage, ...TOKEN, "--out", initOut];
add("init-yes-ladder", INIT_TOKEN);
add("init-yes-ladder-custom", [...INIT_TOKEN, "--ladder", "90,70,50", "--budget", "3000000", "--horizon", "9"]);
add("init-yes-ratio", [...INIT_TOKEN, "--ratio", "0.6"]);
add("init-yes-policy", [...INIT_TOKEN, "--policy", `${A}/policy.json`]);
add("init-yes-gpu", ["init", "--yes", "--usage", usage, ...GPU, "--out", initOut]);
add("init-yes-found", ["init", "--yes", "--out", initOut]);
add("init-yes-missing-usage", ["init", "--yes", "--usage", `${A}/does-not-exist.csv`, ...TOKEN, "--out", initOut]);
add("init-yes-bad-contract", [
  "init",
  "--yes",
  "--usage",
  usage,
  "--curve",
  `${A}/token-curve.csv`,
  "--contract",
  "fixtures/invalid/bad-contract/contract.json",
  "--out",
  initOut,
]);
add("init-no-terminal", ["init", "--out", initOut]);
add("init-bad-ladder", [...INIT_TOKEN, "--ladder", "80,x"]);
add("init-exists", [...INIT_TOKEN, "--exists"]);
add("init-exists-force", [...INIT_TOKEN, "--exists", "--force"]);
add("config-show", ["config", "show", "--config", CONFIGS[0], "--json"]);
add("config-show-human", ["config", "show", "--config", CONFIGS[0]]);
add("demo", ["demo"]);
add("help", ["--help"]);
add("help-formats", ["help", "formats"]);
add("help-exit-codes", ["help", "exit-codes"]);
add("help-config", ["help", "config"]);
add("help-unknown", ["help", "nonsense"]);
add("version", ["--version"]);
// Every command's help, both ways of asking (the command list as `tokenhedge --help` prints it).
const COMMAND_NAMES = [
  "ingest",
  "forecast",
  "curve",
  "hedge-ratio",
  "plan",
  "scenarios",
  "simulate",
  "demo",
  "config",
  "effectiveness",
  "check",
  "report",
  "init",
  "diff",
  "basis",
  "sql",
];
for (const c of COMMAND_NAMES) {
  add(`help-${c}`, [c, "--help"]);
  add(`help-word-${c}`, ["help", c]);
}
add("help-config-show", ["config", "show", "--help"]);
// Usage errors commander reports from the options alone (before any action runs).
add("usage-ingest-format", ["ingest", usage, "--format", "nope"]);
add("usage-plan-rounding", ["plan", usage, "--rounding", "nope"]);
add("usage-plan-basis", ["plan", usage, "--basis", "nope"]);
add("usage-forecast-paths", ["forecast", usage, "--paths", "5"]);
// sql: the generated query, with the default header, a sample export's header, and a sample that cannot be read.
add("sql-athena", ["sql", "--profile", "aws-cur", "--dialect", "athena", "--json"]);
add("sql-header-from", [
  "sql",
  "--profile",
  "aws-cur",
  "--dialect",
  "duckdb",
  "--header-from",
  "fixtures/formats/aws-cur/bedrock-cur2.csv",
]);
add("sql-header-from-missing", [
  "sql",
  "--profile",
  "aws-cur",
  "--dialect",
  "duckdb",
  "--header-from",
  "fixtures/nope.csv",
]);
add("usage-sql-dialect", ["sql", "--profile", "aws-cur", "--dialect", "nope"]);
add("usage-sql-profile", ["sql", "--profile", "nope", "--dialect", "athena"]);
add("usage-unknown-option", ["simulate", usage, "--nope"]);
add("usage-json-unknown-option", ["scenarios", usage, "--nope", "--json"]);

if (only) cases.splice(0, cases.length, ...cases.filter(([name]) => only.some((p) => name.startsWith(p))));
mkdirSync(out, { recursive: true });
const { FORCE_COLOR: _f, TOKENHEDGE_CONFIG: _c, ...inherited } = process.env;
const env = { ...inherited, NO_COLOR: "1", TOKENHEDGE_CONFIG: "", COLUMNS: "120" };
const anyRoot = (text) =>
  text.split(reportDir).join("<report-out>").split(initDir).join("<init-out>").split(root).join("<root>");
for (const [name, caseArgv] of cases) {
  const isReport = caseArgv[0] === "report";
  const isInit = caseArgv[0] === "init";
  // "--exists" (not a flag of init's): a config is already at the --out path before init runs.
  const argv = caseArgv.filter((a) => a !== "--exists");
  if (isReport) rmSync(reportDir, { recursive: true, force: true });
  if (isInit) {
    rmSync(initDir, { recursive: true, force: true });
    if (argv.length !== caseArgv.length) {
      mkdirSync(initDir, { recursive: true });
      writeFileSync(initOut, "version: 1\n");
    }
  }
  const caseEnv = isInit ? { ...env, TOKENHEDGE_AS_OF: "2026-11-05" } : env;
  const r = spawnSync(process.execPath, [bin, ...argv], { cwd: root, env: caseEnv, encoding: "utf8", input: "" });
  writeFileSync(join(out, `${name}.stdout`), anyRoot(r.stdout));
  writeFileSync(join(out, `${name}.stderr`), anyRoot(r.stderr));
  writeFileSync(join(out, `${name}.code`), `${r.status}\n`);
  if (isReport && existsSync(reportDir)) {
    cpSync(reportDir, join(out, `${name}.files`), { recursive: true, errorOnExist: false, force: true });
  }
  if (isInit && existsSync(initDir)) {
    mkdirSync(join(out, `${name}.files`), { recursive: true });
    for (const f of readdirSync(initDir))
      writeFileSync(join(out, `${name}.files`, f), anyRoot(readFileSync(join(initDir, f), "utf8")));
  }
  if (isReport) rmSync(reportDir, { recursive: true, force: true });
  if (isInit) rmSync(initDir, { recursive: true, force: true });
}
rmSync(dirname(reportDir), { recursive: true, force: true });
process.stdout.write(`${cases.length} cases written to ${out}\n`);
