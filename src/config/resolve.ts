/**
 * Resolve the config: defaults, then the config file, then `TOKENHEDGE_*` variables, then flags
 * (each overriding the one before), with file paths rebased and the source of every value recorded.
 * Pure: the shell reads the file and passes its text, the environment and the flags in.
 */
import { DEFAULT_CONFIDENCE, DEFAULT_SEED, DEFAULT_SIMULATION_PATHS } from "../defaults.js";
import { envLayer } from "./env.js";
import { mergeLayers, type ConfigLayer, type ValueSource } from "./layers.js";
import { parseConfigText } from "./parse-file.js";
import { resolveLayerPaths } from "./paths.js";
import type { ConfigFile } from "./schema.js";

/** Built-in defaults; everything else is optional or comes from the command's own defaults. */
export const CONFIG_DEFAULTS: ConfigFile = {
  seed: DEFAULT_SEED,
  simulation: { paths: DEFAULT_SIMULATION_PATHS, confidence: DEFAULT_CONFIDENCE },
};

export interface ConfigFileInput {
  /** The path as the user gave it (used in messages and provenance). */
  name: string;
  /** Absolute directory of the file: relative paths inside it resolve against it. */
  dir: string;
  text: string;
}

export interface ResolveInput {
  /** Absolute working directory. */
  cwd: string;
  file?: ConfigFileInput;
  env: Readonly<Record<string, string | undefined>>;
  /** The flags layer (built by the command from the flags given on the command line). */
  flags?: ConfigLayer;
}

export interface ResolvedConfig {
  /** The config file read, or null when none was found or given. */
  configFile: string | null;
  /** Merged values; file paths are relative to the working directory. */
  values: ConfigFile;
  sources: Record<string, ValueSource>;
}

/** `usage: file.csv` is shorthand for `usage: { file: file.csv }`. */
function normaliseUsage(values: ConfigFile): ConfigFile {
  const u = values.usage as unknown;
  return typeof u === "string" || Array.isArray(u) ? { ...values, usage: { file: u as string | string[] } } : values;
}

export function resolveConfig(input: ResolveInput): ResolvedConfig {
  const layers: ConfigLayer[] = [{ kind: "default", values: CONFIG_DEFAULTS }];
  if (input.file) {
    const values = normaliseUsage(parseConfigText(input.file.text, input.file.name));
    layers.push(resolveLayerPaths({ kind: "file", file: input.file.name, values }, input.file.dir, input.cwd));
  }
  layers.push(resolveLayerPaths(envLayer(input.env), input.cwd, input.cwd));
  if (input.flags)
    layers.push(
      resolveLayerPaths({ ...input.flags, values: normaliseUsage(input.flags.values) }, input.cwd, input.cwd),
    );
  const merged = mergeLayers(layers);
  return { configFile: input.file?.name ?? null, values: merged.values, sources: merged.sources };
}
