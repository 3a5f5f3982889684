/** `config show`: every resolved setting with the layer it came from (flag, env, config file, default). */
import { describeSource, type ResolvedConfig, type ValueSource } from "../../config/index.js";
import { renderTable } from "../render/table.js";

export interface ConfigEntry {
  key: string;
  value: unknown;
  source: ValueSource;
}

/** Settings whose whole value is one entry (an inline spec is shown by name, not field by field). */
const WHOLE = new Set(["contract", "policy", "usage.map", "thresholds.hedgeRatioBands"]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Leaves of the resolved config in key order, each with its source. */
export function configEntries(r: ResolvedConfig): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  const walk = (node: Record<string, unknown>, prefix: string): void => {
    for (const key of Object.keys(node).sort()) {
      const path = prefix === "" ? key : `${prefix}.${key}`;
      const value = node[key];
      if (isPlainObject(value) && !WHOLE.has(path)) walk(value, path);
      else out.push({ key: path, value, source: r.sources[path] ?? { kind: "default" } });
    }
  };
  walk(r.values as Record<string, unknown>, "");
  return out;
}

function displayValue(key: string, value: unknown): string {
  if (typeof value === "string") return value;
  if ((key === "contract" || key === "policy") && isPlainObject(value)) {
    return `(inline${typeof value.name === "string" ? `: ${value.name}` : ""})`;
  }
  return JSON.stringify(value);
}

export function configDocument(r: ResolvedConfig, missing: string[]): Record<string, unknown> {
  return {
    command: "config show",
    configFile: r.configFile,
    values: r.values,
    sources: r.sources,
    missing,
  };
}

export function configHuman(r: ResolvedConfig, missing: string[], colour: boolean): string {
  const table = renderTable({
    head: ["key", "value", "from"],
    rows: configEntries(r).map((e) => [e.key, displayValue(e.key, e.value), describeSource(e.source)]),
    align: ["left", "left", "left"],
    colour,
  });
  const head = r.configFile
    ? `config file: ${r.configFile}\n`
    : "config file: none (no --config, TOKENHEDGE_CONFIG or hedge.config.yaml here)\n";
  const tail =
    missing.length > 0
      ? `\nstill missing for plan, report and check: ${missing.join(", ")}\n`
      : "\nprecedence: flag > env (TOKENHEDGE_*) > config file > default; paths are relative to the working directory\n";
  return head + table + tail;
}
