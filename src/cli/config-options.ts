/**
 * `--config` for any command, and the config layers in the shell: find and read the config file,
 * build the flag layer from what was typed on the command line, resolve flags > env > file >
 * defaults (src/config), and — for commands that predate the config — write the resolved values back
 * into the command's own options before its action runs, so the action needs no change.
 *
 * Which file: `--config FILE`, else `TOKENHEDGE_CONFIG` (set but empty: no config at all, which is
 * how the tests stay hermetic), else `hedge.config.yaml`, `hedge.config.yml` or `hedge.config.json`
 * in the working directory.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { HedgeError } from "../errors.js";
import {
  bindingFor,
  CONFIG_ENV,
  getPath,
  layerFromSettings,
  PATH_KEYS,
  resolveConfig,
  type ConfigFileInput,
  type ConfigLayer,
  type ResolvedConfig,
  type SettingBinding,
  type ValueSource,
} from "../config/index.js";
import { checkRegularInput, readTextFile, registerInput } from "./files.js";
import type { IoContext } from "./context.js";
import { CONFIG_FILE_NAMES, FLAG_BINDINGS, RESOLVED_KEY, COMMAND_KEY, type FlagBindings } from "./config-names.js";

// The option declarations (--config, withConfig: cheap, no schema is loaded to build a command's options) live in
// config-flags.ts, which loads this module only when an action is about to run.

/** The config file to read, as the user named it; undefined when there is none. */
export function findConfigFile(ctx: IoContext, explicit?: string): string | undefined {
  const fromEnv = ctx.env[CONFIG_ENV];
  const named = explicit ?? (fromEnv !== undefined && fromEnv.trim() !== "" ? fromEnv : undefined);
  const how = explicit !== undefined ? "given with --config" : `named by ${CONFIG_ENV}`;
  if (named !== undefined) {
    const full = resolve(ctx.cwd, named);
    if (!existsSync(full) || statSync(full).isDirectory()) {
      throw new HedgeError("USAGE", "config file not found", {
        file: named,
        expected: "a hedge.config.yaml or .json file",
        hint:
          explicit !== undefined
            ? "check the --config path, or write one with tokenhedge init"
            : `${CONFIG_ENV} names it; unset it or fix the path`,
      });
    }
    refuseSpecialConfig(named, full, how);
    return named;
  }
  if (fromEnv !== undefined) return undefined; // set but empty: discovery off
  const found = CONFIG_FILE_NAMES.find((n) => existsSync(resolve(ctx.cwd, n)));
  if (found !== undefined) refuseSpecialConfig(found, resolve(ctx.cwd, found), "found in the working directory");
  return found;
}

/**
 * A config that is a FIFO (which may never get a writer, or `--config <(…)`) or a device
 * (`/dev/zero` never ends) is a usage error, refused before it is opened.
 */
function refuseSpecialConfig(name: string, full: string, how: string): void {
  try {
    checkRegularInput(name, full, "config file");
  } catch (err) {
    if (!(err instanceof HedgeError) || err.code !== "INPUT_INVALID") throw err;
    throw new HedgeError("USAGE", `${err.message} (the config file, ${how})`, {
      ...err.details,
      expected: "a regular hedge.config.yaml or .json file",
      hint: statSync(full).isFIFO()
        ? `save the config to a file first (e.g. cat ${name} > my.config.yaml) and pass --config my.config.yaml`
        : "pass --config with a regular file (a config is read whole, within a size limit)",
    });
  }
}

export function readConfigFile(ctx: IoContext, name: string): ConfigFileInput {
  return { name, dir: dirname(resolve(ctx.cwd, name)), text: readTextFile(name, ctx.cwd) };
}

/** The flags typed on the command line (source "cli") that map to config keys, and a usage FILE argument. */
export function flagLayer(
  cmd: Command,
  usageArgument?: string | readonly string[],
  bindings: FlagBindings = FLAG_BINDINGS,
): ConfigLayer {
  const opts = cmd.opts();
  const settings: { name: string; binding: SettingBinding; value: unknown }[] = Object.entries(bindings)
    .filter(([attr]) => cmd.getOptionValueSource(attr) === "cli" && opts[attr] !== undefined)
    .map(([attr, binding]) => ({ name: binding.flag, binding, value: opts[attr] as unknown }));
  if (usageArgument !== undefined)
    settings.push({
      name: "the FILE argument",
      binding: bindingFor("usage.file"),
      value: usageArgument,
    });
  return layerFromSettings("flag", settings);
}

/** Resolve the config for a command: its --config, the environment, the config file and its flags. */
export function resolveForCommand(
  ctx: IoContext,
  cmd: Command,
  usageArgument?: string | readonly string[],
  bindings: FlagBindings = FLAG_BINDINGS,
): ResolvedConfig {
  const explicit = cmd.opts().config as string | undefined;
  const name = findConfigFile(ctx, explicit);
  const resolved = resolveConfig({
    cwd: resolve(ctx.cwd),
    ...(name !== undefined ? { file: readConfigFile(ctx, name) } : {}),
    env: ctx.env,
    flags: flagLayer(cmd, usageArgument, bindings),
  });
  if (name !== undefined) {
    const how =
      explicit !== undefined
        ? "given with --config"
        : ctx.env[CONFIG_ENV] !== undefined
          ? `named by ${CONFIG_ENV}`
          : "found in the working directory";
    registerInput(resolve(ctx.cwd, name), `the config file, ${how}`);
  }
  protectConfigPaths(ctx, resolved);
  return resolved;
}

/**
 * Every file the config (or a TOKENHEDGE_* variable) names is an input of the run, read by this
 * command or not: `plan --out` must not land on the `effectiveness.history` that `check` reads.
 */
function protectConfigPaths(ctx: IoContext, resolved: ResolvedConfig): void {
  for (const key of PATH_KEYS) {
    const value = getPath(resolved.values, key);
    const source = resolved.sources[key];
    if (source === undefined || (source.kind !== "file" && source.kind !== "env")) continue;
    // usage.file may be a list; a glob or a directory in it is protected by the files it expands to, once read.
    for (const one of typeof value === "string" ? [value] : Array.isArray(value) ? (value as unknown[]) : [])
      if (typeof one === "string")
        registerInput(
          resolve(ctx.cwd, one),
          source.kind === "file" ? `${key}: in the config ${source.file}` : `named by ${source.name}`,
        );
  }
}

/** True when a config file or a TOKENHEDGE_* variable supplied at least one value. */
export function configInPlay(resolved: ResolvedConfig): boolean {
  return Object.values(resolved.sources).some((s) => s.kind === "file" || s.kind === "env");
}

function commanderSource(s: ValueSource): string {
  return s.kind === "file" ? "config" : s.kind === "flag" ? "cli" : s.kind;
}

/** `{date: "day", tokens: "n"}` → `date=day,tokens=n` (the --map syntax the older commands read). */
function mapFlagText(map: unknown): string | undefined {
  if (typeof map === "string") return map;
  if (map === null || typeof map !== "object") return undefined;
  return Object.entries(map as Record<string, string | undefined>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
}

/**
 * Write resolved values into the command's options (for every option not typed on the command line)
 * and the usage file into a missing first argument; store the resolved config under RESOLVED_KEY and
 * return it. Returns undefined, changing nothing, when neither a config file nor a TOKENHEDGE_*
 * variable is in play.
 */
export function applyConfigToCommand(
  ctx: IoContext,
  cmd: Command,
  usageArgument: boolean,
  bindings: FlagBindings = FLAG_BINDINGS,
): ResolvedConfig | undefined {
  const typedUsage = usageArgument ? typedUsageArgument(cmd) : undefined;
  const resolved = resolveForCommand(ctx, cmd, typedUsage, bindings);
  if (!configInPlay(resolved)) return undefined;
  const declared = new Set(cmd.options.map((o) => o.attributeName()));
  for (const [attr, binding] of Object.entries(bindings)) {
    if (!declared.has(attr) || cmd.getOptionValueSource(attr) === "cli") continue;
    const source = resolved.sources[binding.path];
    if (!source || source.kind === "default") continue;
    let value = getPath(resolved.values, binding.path);
    if (binding.path === "usage.map") value = mapFlagText(value);
    if (typeof value === "object") continue; // an inline contract or policy: only the resolved config carries it
    cmd.setOptionValueWithSource(attr, value, commanderSource(source));
  }
  cmd.setOptionValueWithSource(RESOLVED_KEY, resolved, "config");
  if (usageArgument && typedUsage === undefined) {
    const usage = getPath(resolved.values, "usage.file");
    const list = typeof usage === "string" ? [usage] : Array.isArray(usage) ? (usage as string[]) : undefined;
    if (list) cmd.processedArgs[0] = cmd.registeredArguments[0]?.variadic ? list : list[0];
  }
  return resolved;
}

/** What withConfig's hook runs before the action: the config written back into the options, a usage file required. */
export function applyConfigBeforeAction(
  ctx: IoContext,
  action: Command,
  usageArgument: boolean,
  bindings: FlagBindings,
): void {
  applyConfigToCommand(ctx, action, usageArgument, bindings);
  if (usageArgument) requireUsageArgument(action);
}

/** The usage argument(s) typed: a variadic argument given nothing is none. */
function typedUsageArgument(cmd: Command): string | string[] | undefined {
  const arg = cmd.processedArgs[0] as string | string[] | undefined;
  return Array.isArray(arg) && arg.length === 0 ? undefined : arg;
}

function requireUsageArgument(cmd: Command): void {
  if (typedUsageArgument(cmd) !== undefined) return;
  throw new HedgeError("USAGE_MISSING_FLAG", "no usage file given", {
    expected: "a usage CSV argument, usage: in a config file (--config), or TOKENHEDGE_USAGE",
    hint: `e.g. tokenhedge ${cmd.name()} fixtures/acme/usage.csv, or tokenhedge ${cmd.name()} --config hedge.config.yaml`,
  });
}

/** The deferred half of withDeferredConfig: resolve and write back (see applyConfigToCommand). */
export function applyDeferredConfig(ctx: IoContext, flags: object, usageArgument: boolean): ResolvedConfig | undefined {
  const cmd = (flags as Record<string, unknown>)[COMMAND_KEY] as Command | undefined;
  return cmd ? applyConfigToCommand(ctx, cmd, usageArgument) : undefined;
}
