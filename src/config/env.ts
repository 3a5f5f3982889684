/**
 * `TOKENHEDGE_*` environment variables → a config layer. Each variable sets one key; an empty value
 * counts as unset (so `TOKENHEDGE_CONFIG=` switches config discovery off in tests, as antfu's ni does).
 * A bad value is a usage error naming the variable (exit 2).
 */
import { HedgeError } from "../errors.js";
import { formatPath } from "../schema/zod-errors.js";
import { configFileSchema, type ConfigFile } from "./schema.js";
import type { ConfigLayer } from "./layers.js";
import { CONFIG_ENV } from "./env-name.js";
import { bindingFor, type SettingBinding, type SettingKind, type SettingPath } from "./setting-kinds.js";

export { bindingFor, type SettingBinding, type SettingKind, type SettingPath } from "./setting-kinds.js";

export { CONFIG_ENV };

export const ENV_BINDINGS: Readonly<Record<string, SettingBinding>> = Object.fromEntries(
  Object.entries({
    TOKENHEDGE_USAGE: "usage.file",
    TOKENHEDGE_MAP: "usage.map",
    TOKENHEDGE_CURVE: "curve",
    TOKENHEDGE_CONTRACT: "contract",
    TOKENHEDGE_POLICY: "policy",
    TOKENHEDGE_RATIO: "ratio",
    TOKENHEDGE_ROUNDING: "rounding",
    TOKENHEDGE_BUDGET: "budget",
    TOKENHEDGE_HORIZON: "horizon",
    TOKENHEDGE_SEED: "seed",
    TOKENHEDGE_AS_OF: "asOf",
    TOKENHEDGE_SIMULATION_PATHS: "simulation.paths",
    TOKENHEDGE_SIMULATION_CONFIDENCE: "simulation.confidence",
    TOKENHEDGE_EFFECTIVENESS_HISTORY: "effectiveness.history",
    TOKENHEDGE_EVENTS: "events",
    TOKENHEDGE_VOLUME_PLAN: "volumePlan",
    TOKENHEDGE_VOLUME_PLAN_WEIGHT: "volumePlanWeight",
  } satisfies Record<string, SettingPath>).map(([name, path]) => [name, bindingFor(path)]),
);

/** Set `path` (dotted) in a plain object, creating the parents; defineProperty so no key reaches a prototype. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = Object.hasOwn(node, part) ? node[part] : undefined;
    if (next === null || typeof next !== "object") {
      const child: Record<string, unknown> = {};
      Object.defineProperty(node, part, { value: child, enumerable: true, writable: true, configurable: true });
      node = child;
    } else {
      node = next as Record<string, unknown>;
    }
  }
  Object.defineProperty(node, parts[parts.length - 1]!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export function getPath(source: unknown, path: string): unknown {
  let node: unknown = source;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function convert(raw: string, kind: SettingKind): unknown {
  const t = raw.trim();
  switch (kind) {
    case "string":
      return t;
    case "integer":
      return /^[+-]?\d+$/.test(t) ? Number(t) : t;
    case "number":
      return t !== "" && Number.isFinite(Number(t)) ? Number(t) : t;
    case "boolean":
      return /^(1|true|yes|on)$/i.test(t) ? true : /^(0|false|no|off)$/i.test(t) ? false : t;
  }
}

/**
 * Build a layer from named string settings (environment variables, or flags given as text) and validate
 * it with the config schema; a bad value is reported under its own name.
 */
export function layerFromSettings(
  kind: "env" | "flag",
  settings: readonly { name: string; binding: SettingBinding; value: unknown }[],
): ConfigLayer {
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  for (const s of settings) {
    setPath(values, s.binding.path, typeof s.value === "string" ? convert(s.value, s.binding.kind) : s.value);
    names[s.binding.path] = s.name;
  }
  const result = configFileSchema.safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = formatPath(issue.path);
    const name =
      Object.entries(names).find(([p]) => key === p || key.startsWith(`${p}.`) || p.startsWith(`${key}.`))?.[1] ?? key;
    const raw = settings.find((s) => s.name === name)?.value;
    throw new HedgeError(
      "CONFIG_INVALID",
      `${kind === "env" ? "environment variable" : "flag"} ${name}: ${issue.message}`,
      {
        path: key,
        ...(raw !== undefined ? { value: String(raw) } : {}),
        expected: issue.message,
        hint: kind === "env" ? `unset ${name} or give it a valid value` : `see tokenhedge help config`,
      },
    );
  }
  return { kind, values: result.data as ConfigFile, names };
}

/** The environment layer: every `TOKENHEDGE_*` variable that is set and not empty. */
export function envLayer(env: Readonly<Record<string, string | undefined>>): ConfigLayer {
  const settings = Object.entries(ENV_BINDINGS)
    .filter(([name]) => env[name] !== undefined && env[name]!.trim() !== "")
    .map(([name, binding]) => ({ name, binding, value: env[name]! }));
  return layerFromSettings("env", settings);
}
