/**
 * Merging config layers with provenance. Precedence (the README (conventions, exit codes), the order infracost and clig.dev
 * use): flags > environment (`TOKENHEDGE_*`) > config file > defaults. Every leaf of the result
 * remembers which layer supplied it, so `tokenhedge config show` can say where each value came from.
 */
import type { ConfigFile } from "./schema.js";

export type ValueSource =
  { kind: "default" } | { kind: "file"; file: string } | { kind: "env"; name: string } | { kind: "flag"; name: string };

/** One layer: its values (same shape as the file) and, for env and flags, the name behind each key path. */
export interface ConfigLayer {
  kind: ValueSource["kind"];
  /** The config file, for a file layer. */
  file?: string;
  values: ConfigFile;
  /** Key path → variable or flag name (`seed` → `TOKENHEDGE_SEED`). */
  names?: Readonly<Record<string, string>>;
}

/**
 * Keys replaced as a whole rather than merged key by key: an inline contract from a lower layer must
 * not lend fields to a contract path from a higher one, and a band list is one setting.
 */
const ATOMIC = new Set(["contract", "policy", "usage.map", "thresholds.hedgeRatioBands"]);

/** Keys that exclude each other: a layer that sets one of them clears the others from lower layers. */
const EXCLUSIVE: readonly (readonly string[])[] = [["policy", "ratio"]];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function sourceOf(layer: ConfigLayer, path: string): ValueSource {
  switch (layer.kind) {
    case "default":
      return { kind: "default" };
    case "file":
      return { kind: "file", file: layer.file ?? "config" };
    case "env":
      return { kind: "env", name: layer.names?.[path] ?? "TOKENHEDGE_*" };
    case "flag":
      return { kind: "flag", name: layer.names?.[path] ?? "a flag" };
  }
}

export interface MergedConfig {
  values: ConfigFile;
  /** Key path (`thresholds.maxStaleDays`) → the layer that supplied it. */
  sources: Record<string, ValueSource>;
}

function removePrefix(sources: Map<string, ValueSource>, key: string): void {
  for (const k of [...sources.keys()]) if (k === key || k.startsWith(`${key}.`)) sources.delete(k);
}

function mergeInto(
  target: Record<string, unknown>,
  incoming: Record<string, unknown>,
  prefix: string,
  layer: ConfigLayer,
  sources: Map<string, ValueSource>,
): void {
  for (const key of Object.keys(incoming)) {
    const value = incoming[key];
    if (value === undefined) continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (prefix === "") {
      for (const group of EXCLUSIVE) {
        if (!group.includes(key)) continue;
        for (const other of group) {
          if (other === key) continue;
          delete target[other];
          removePrefix(sources, other);
        }
      }
    }
    if (isPlainObject(value) && !ATOMIC.has(path)) {
      const existing = target[key];
      const child: Record<string, unknown> = isPlainObject(existing) && !ATOMIC.has(path) ? { ...existing } : {};
      if (!isPlainObject(existing)) removePrefix(sources, path);
      mergeInto(child, value, path, layer, sources);
      Object.defineProperty(target, key, { value: child, enumerable: true, writable: true, configurable: true });
    } else {
      removePrefix(sources, path);
      // defineProperty, not assignment: a key named __proto__ must stay data, never a prototype.
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      sources.set(path, sourceOf(layer, path));
    }
  }
}

/** Merge layers given lowest precedence first (defaults, file, env, flags). */
export function mergeLayers(layers: readonly ConfigLayer[]): MergedConfig {
  const values: Record<string, unknown> = {};
  const sources = new Map<string, ValueSource>();
  for (const layer of layers) mergeInto(values, layer.values as Record<string, unknown>, "", layer, sources);
  const sorted = [...sources.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { values: values as ConfigFile, sources: Object.fromEntries(sorted) };
}

export function describeSource(s: ValueSource): string {
  switch (s.kind) {
    case "default":
      return "default";
    case "file":
      return `config ${s.file}`;
    case "env":
      return `env ${s.name}`;
    case "flag":
      return `flag ${s.name}`;
  }
}
