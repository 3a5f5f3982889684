/** The config file names and which flags mean config keys: shared by the option declarations (config-flags.ts) and the config layers (config-options.ts). */
import { bindingFor, type SettingBinding, type SettingPath } from "../config/setting-kinds.js";

export const CONFIG_FILE_NAMES = ["hedge.config.yaml", "hedge.config.yml", "hedge.config.json"] as const;

export type FlagBindings = Readonly<Record<string, SettingBinding & { flag: string }>>;

/** Each key's binding with its flag as typed, spelled from commander's attribute name: dateFormat → --date-format. */
function withFlags(table: Record<string, SettingPath>): FlagBindings {
  return Object.fromEntries(
    Object.entries(table).map(([attr, path]) => [
      attr,
      { ...bindingFor(path), flag: `--${attr.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` },
    ]),
  );
}

/**
 * Option attribute name (commander's camelCase) → config key (its kind is config/env.ts's): the flags that mean the same thing on
 * every command that has them.
 */
export const FLAG_BINDINGS: FlagBindings = withFlags({
  curve: "curve",
  contract: "contract",
  policy: "policy",
  ratio: "ratio",
  rounding: "rounding",
  horizon: "horizon",
  seed: "seed",
  map: "usage.map",
  // The reading flags (usage-flags.ts), the same on every command that reads usage.
  format: "usage.format",
  dateFormat: "usage.dateFormat",
  delimiter: "usage.delimiter",
  decimal: "usage.decimal",
  thousands: "usage.thousands",
  tz: "usage.tz",
  onError: "usage.onError",
  mapping: "usage.mapping",
  containment: "usage.containment",
  dedupe: "usage.dedupe",
  excludeCredits: "usage.excludeCredits",
  currency: "usage.currency",
  engine: "usage.engine",
  asOf: "asOf",
  budget: "budget",
  paths: "simulation.paths",
  confidence: "simulation.confidence",
  corr: "simulation.volumePriceCorrelation",
  book: "book",
  settlements: "settlements",
  events: "events",
  volumePlan: "volumePlan",
  volumePlanWeight: "volumePlanWeight",
});

/**
 * The `effectiveness` command's flags. Kept apart because other commands use the same flag names for
 * other things (`plan --history` is a price history for the hedge ratio, not an effectiveness test).
 */
export const EFFECTIVENESS_FLAG_BINDINGS: FlagBindings = withFlags({
  history: "effectiveness.history",
  changes: "effectiveness.changes",
  contracts: "effectiveness.contracts",
  contractSize: "effectiveness.contractSize",
  exposure: "effectiveness.exposure",
  quoteUnitSize: "effectiveness.quoteUnitSize",
  regress: "effectiveness.regress",
});

/** The option key under which the resolved config is handed to an action. */
export const RESOLVED_KEY = "resolvedConfig";

/** Under this option key a command built without access to the IO context keeps a reference to itself. */
export const COMMAND_KEY = "configCommand";
