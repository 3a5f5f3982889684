/**
 * Which config keys a flag or a `TOKENHEDGE_*` variable can set, and the kind of value each one's text is read as.
 * Data only, with no schema library: the option declarations (cli/config-names.ts) load it at start-up.
 */
export type SettingKind = "string" | "integer" | "number" | "boolean";

export interface SettingBinding {
  /** Key path in the config, e.g. `simulation.paths`. */
  path: SettingPath;
  kind: SettingKind;
}

/**
 * How the text of a flag or a `TOKENHEDGE_*` variable becomes each key's value, for every key that one
 * can set (the flags are cli/config-names.ts). Which keys hold file paths is PATH_KEYS (paths.ts).
 */
const SETTING_KINDS = {
  "usage.file": "string",
  "usage.map": "string",
  curve: "string",
  contract: "string",
  policy: "string",
  ratio: "number",
  rounding: "string",
  budget: "number",
  horizon: "integer",
  seed: "integer",
  asOf: "string",
  "simulation.paths": "integer",
  "simulation.confidence": "number",
  "simulation.volumePriceCorrelation": "number",
  "effectiveness.history": "string",
  events: "string",
  volumePlan: "string",
  volumePlanWeight: "number",
  "usage.format": "string",
  "usage.dateFormat": "string",
  "usage.delimiter": "string",
  "usage.decimal": "string",
  "usage.thousands": "string",
  "usage.tz": "string",
  "usage.onError": "string",
  "usage.mapping": "string",
  "usage.containment": "string",
  "usage.dedupe": "boolean",
  "usage.excludeCredits": "boolean",
  "usage.currency": "string",
  "usage.engine": "string",
  book: "string",
  settlements: "string",
  "effectiveness.changes": "boolean",
  "effectiveness.contracts": "number",
  "effectiveness.contractSize": "number",
  "effectiveness.exposure": "number",
  "effectiveness.quoteUnitSize": "number",
  "effectiveness.regress": "string",
} as const satisfies Record<string, SettingKind>;

export type SettingPath = keyof typeof SETTING_KINDS;

/** A config key with the kind its text is read as. */
export function bindingFor(path: SettingPath): SettingBinding {
  return { path, kind: SETTING_KINDS[path] };
}
