/** The config: schema, file parsing, environment, merged layers with provenance, and the complete form a plan needs. */
export {
  configFileSchema,
  regressDirectionSchema,
  type ConfigFile,
  type Thresholds,
  type SimulationSettings,
  type EffectivenessSettings,
  type ReportSettings,
  type RegressDirection,
} from "./schema.js";
export { parseConfigText, syntaxOf, type ConfigSyntax } from "./parse-file.js";
export { CONFIG_ENV, ENV_BINDINGS, envLayer, layerFromSettings, getPath, setPath } from "./env.js";
export { bindingFor, type SettingBinding, type SettingKind, type SettingPath } from "./setting-kinds.js";
export { mergeLayers, describeSource, type ConfigLayer, type MergedConfig, type ValueSource } from "./layers.js";
export { PATH_KEYS, rebase, resolveLayerPaths } from "./paths.js";
export {
  CONFIG_DEFAULTS,
  resolveConfig,
  type ConfigFileInput,
  type ResolveInput,
  type ResolvedConfig,
} from "./resolve.js";
export { missingError, missingKeys, requireComplete, type HedgeConfig } from "./complete.js";
export { CONFIG_HELP } from "./help.js";
export { renderConfigYaml } from "./write.js";
