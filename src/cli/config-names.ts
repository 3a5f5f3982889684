/** The config file names and which flags mean config keys: shared by the option declarations (config-flags.ts) and the config layers (config-options.ts). */
import type { SettingBinding } from "../config/index.js";

export const CONFIG_FILE_NAMES = ["hedge.config.yaml", "hedge.config.yml", "hedge.config.json"] as const;

export type FlagBindings = Readonly<Record<string, SettingBinding & { flag: string }>>;

/**
 * Option attribute name (commander's camelCase) → config key, and the flag as typed: the flags that
 * mean the same thing on every command that has them.
 */
export const FLAG_BINDINGS: FlagBindings = {
  curve: { path: "curve", kind: "string", isPath: true, flag: "--curve" },
  contract: { path: "contract", kind: "string", isPath: true, flag: "--contract" },
  policy: { path: "policy", kind: "string", isPath: true, flag: "--policy" },
  ratio: { path: "ratio", kind: "number", flag: "--ratio" },
  rounding: { path: "rounding", kind: "string", flag: "--rounding" },
  horizon: { path: "horizon", kind: "integer", flag: "--horizon" },
  seed: { path: "seed", kind: "integer", flag: "--seed" },
  map: { path: "usage.map", kind: "string", flag: "--map" },
  // The reading flags (usage-flags.ts), the same on every command that reads usage.
  format: { path: "usage.format", kind: "string", flag: "--format" },
  dateFormat: { path: "usage.dateFormat", kind: "string", flag: "--date-format" },
  delimiter: { path: "usage.delimiter", kind: "string", flag: "--delimiter" },
  decimal: { path: "usage.decimal", kind: "string", flag: "--decimal" },
  thousands: { path: "usage.thousands", kind: "string", flag: "--thousands" },
  tz: { path: "usage.tz", kind: "string", flag: "--tz" },
  onError: { path: "usage.onError", kind: "string", flag: "--on-error" },
  mapping: { path: "usage.mapping", kind: "string", isPath: true, flag: "--mapping" },
  containment: { path: "usage.containment", kind: "string", flag: "--containment" },
  dedupe: { path: "usage.dedupe", kind: "boolean", flag: "--dedupe" },
  excludeCredits: { path: "usage.excludeCredits", kind: "boolean", flag: "--exclude-credits" },
  currency: { path: "usage.currency", kind: "string", flag: "--currency" },
  engine: { path: "usage.engine", kind: "string", flag: "--engine" },
  asOf: { path: "asOf", kind: "string", flag: "--as-of" },
  budget: { path: "budget", kind: "number", flag: "--budget" },
  paths: { path: "simulation.paths", kind: "integer", flag: "--paths" },
  book: { path: "book", kind: "string", isPath: true, flag: "--book" },
  settlements: { path: "settlements", kind: "string", isPath: true, flag: "--settlements" },
  events: { path: "events", kind: "string", isPath: true, flag: "--events" },
  volumePlan: { path: "volumePlan", kind: "string", isPath: true, flag: "--volume-plan" },
  volumePlanWeight: { path: "volumePlanWeight", kind: "number", flag: "--volume-plan-weight" },
};

/**
 * The `effectiveness` command's flags. Kept apart because other commands use the same flag names for
 * other things (`plan --history` is a price history for the hedge ratio, not an effectiveness test).
 */
export const EFFECTIVENESS_FLAG_BINDINGS: FlagBindings = {
  history: { path: "effectiveness.history", kind: "string", isPath: true, flag: "--history" },
  changes: { path: "effectiveness.changes", kind: "boolean", flag: "--changes" },
  contracts: { path: "effectiveness.contracts", kind: "number", flag: "--contracts" },
  contractSize: { path: "effectiveness.contractSize", kind: "number", flag: "--contract-size" },
  exposure: { path: "effectiveness.exposure", kind: "number", flag: "--exposure" },
  quoteUnitSize: { path: "effectiveness.quoteUnitSize", kind: "number", flag: "--quote-unit-size" },
  regress: { path: "effectiveness.regress", kind: "string", flag: "--regress" },
};

/** The option key under which the resolved config is handed to an action. */
export const RESOLVED_KEY = "resolvedConfig";

/** Under this option key a command built without access to the IO context keeps a reference to itself. */
export const COMMAND_KEY = "configCommand";
