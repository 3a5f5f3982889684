/**
 * `--config` as an option, and which flags mean config keys: what a command needs to declare its options, without
 * the config layers themselves (config-options.ts reads and resolves the config when an action runs). Which file is
 * read: `--config FILE`, else `TOKENHEDGE_CONFIG` (set but empty: no config at all), else the first of
 * CONFIG_FILE_NAMES in the working directory.
 */
import type { Command } from "commander";
import { CONFIG_ENV } from "../config/env-name.js";
import type { IoContext } from "./context.js";
import { CONFIG_FILE_NAMES, COMMAND_KEY, FLAG_BINDINGS, type FlagBindings } from "./config-names.js";

export function addConfigOption(cmd: Command): Command {
  return cmd.option(
    "--config <file>",
    `config file (default: ${CONFIG_FILE_NAMES[0]} in the working directory, or ${CONFIG_ENV})`,
  );
}

/**
 * Give a command `--config` and the layered settings, applied before its action runs. With
 * `usageArgument`, the command's first argument (the usage CSV) becomes optional: the config may name it.
 */
export function withConfig(
  cmd: Command,
  ctx: IoContext,
  options: { usageArgument?: boolean; bindings?: FlagBindings } = {},
): Command {
  const usageArgument = options.usageArgument ?? false;
  if (usageArgument) cmd.registeredArguments[0]?.argOptional();
  // The config layers (and their schemas) load only when the action is about to run, not to build the options.
  return addConfigOption(cmd).hook("preAction", async (_self, action) => {
    const { applyConfigBeforeAction } = await import("./config-options.js");
    applyConfigBeforeAction(ctx, action, usageArgument, options.bindings ?? FLAG_BINDINGS);
  });
}

/**
 * `--config` for a command whose options are declared where no IO context is at hand (plan-inputs.ts):
 * the hook only records the command; the action later calls `applyDeferredConfig(ctx, flags)` (config-options.ts).
 */
export function withDeferredConfig(cmd: Command, options: { usageArgument?: boolean } = {}): Command {
  if (options.usageArgument) cmd.registeredArguments[0]?.argOptional();
  return addConfigOption(cmd).hook(
    "preAction",
    (_self, action) => void action.setOptionValueWithSource(COMMAND_KEY, action, "implied"),
  );
}
