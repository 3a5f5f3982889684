/** `tokenhedge help config`: the config file's keys, the environment variables and the precedence. */
import { DEFAULT_CONFIDENCE, DEFAULT_SEED, DEFAULT_SIMULATION_PATHS } from "../defaults.js";
import { ENV_BINDINGS } from "./env.js";

const KEYS: readonly [string, string][] = [
  ["version", "1"],
  [
    "usage",
    "usage CSV path, or { file, map, format, dateFormat, delimiter, decimal, thousands, tz, onError, mapping, containment, dedupe, excludeCredits, currency, engine: builtin | duckdb }: map as date=COL,tokens=COL,… or a mapping; the other keys mean what the reading flags of the same name mean (--date-format …), and a flag wins",
  ],
  ["curve", "futures curve CSV (month,price)"],
  ["contract", "contract spec JSON path, or the spec written inline"],
  [
    "policy",
    "hedge policy JSON path, or the policy written inline (ladder of { fromMonth, toMonth, ratio, min, max }, rebalance: both | add-only)",
  ],
  ["ratio", "one target ratio 0–1 instead of a policy"],
  ["rounding", "nearest | down | up"],
  ["budget", "USD of token spend over the plan horizon"],
  ["horizon", "months to forecast at least"],
  ["seed", `seed of every random draw (default ${DEFAULT_SEED})`],
  ["asOf", "YYYY-MM-DD, the run date (default today); usually given as --as-of"],
  [
    "simulation",
    `{ paths (${DEFAULT_SIMULATION_PATHS}), confidence (${DEFAULT_CONFIDENCE}), priceVolatility, volumePriceCorrelation }`,
  ],
  [
    "effectiveness",
    "{ history, changes, contracts, contractSize, exposure, quoteUnitSize, regress: hedge-on-item | item-on-hedge }",
  ],
  [
    "thresholds",
    "{ maxCostAtRisk, maxOverHedgeProbability, hedgeRatioBands: policy | [{ fromMonth, toMonth, min, max }], minEffectiveness: { rSquared, dollarOffset, dollarOffsetEveryPeriod }, minBasisRSquared, maxMissingDays, maxStaleDays }",
  ],
  [
    "company",
    "{ prices, priceWindow, mix, price: index, basis: sticky | regression | index, commitments, history, kDrift }: the company's own price and basis, as --prices, --price-window, --mix, --company-price index, --basis, --commitments, --history and --k-drift",
  ],
  [
    "report",
    "{ title, entity, framework: asc815|ifrs9, referencesIndex }: the report's title, the memo's entity and accounting framework",
  ],
  [
    "book",
    "hedge book CSV or YAML: the futures trades already held (trade_id, trade_date, contract, delivery_month, side, contracts, trade_price)",
  ],
  ["settlements", "final settlement prices of delivered months (CSV month,settlement_price)"],
  ["events", "launches, outages and migrations (CSV or YAML: date, kind launch|outage|migration, uplift, end, note)"],
  ["volumePlan", "top-down volume plan (CSV or YAML: month, tokens, optional weight) blended with the forecast"],
  ["volumePlanWeight", "weight 0–1 of the volume plan in the blend (default 0.5; 1 overrides the forecast)"],
];

export const CONFIG_HELP = `Config file: hedge.config.yaml (or .yml / .json)

Found from --config FILE, else TOKENHEDGE_CONFIG, else hedge.config.yaml in the working directory.
Paths in the file are relative to the file. Unknown keys are errors (exit 2), named with the line.
Precedence: flags > environment (TOKENHEDGE_*) > config file > defaults.
tokenhedge config show prints every resolved value and where it came from.

Keys:
${KEYS.map(([k, v]) => `  ${k.padEnd(14)} ${v}`).join("\n")}

Environment variables:
${Object.entries(ENV_BINDINGS)
  .map(([name, b]) => `  ${name.padEnd(34)} ${b.path}`)
  .join("\n")}
  TOKENHEDGE_CONFIG                  the config file (empty: no config file at all)

Example: fixtures/config/acme.config.yaml
`;
