/**
 * What shell completion needs to know of the CLI, read from the real commander commands (so a new flag completes
 * without anyone touching the completion scripts): each command's long and short options, whether an option takes
 * a value, its choices, and the command's sub-commands (`config show`).
 */
import type { Command } from "commander";

export interface OptionSpec {
  long: string;
  short?: string;
  /** The option takes a value (`--curve <file>`); false for a switch (`--json`). */
  takesValue: boolean;
  /** The values it accepts, when commander lists them (`--rounding down|up|nearest`). */
  choices?: string[];
  description: string;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** Takes file arguments (usage CSV, plans to diff). */
  files: boolean;
  /** The values its first argument accepts, when it lists them (`completion bash|zsh|fish`). */
  argumentChoices?: string[];
  subcommands: CommandSpec[];
}

export interface CompletionSpec {
  program: string;
  globalOptions: OptionSpec[];
  commands: CommandSpec[];
}

/** Words a shell may see unquoted in a word list: completion offers no other choice (none of ours needs more). */
const SAFE_WORD = /^[A-Za-z0-9._%+:-]+$/;

function optionsOf(cmd: Command): OptionSpec[] {
  const out: OptionSpec[] = [];
  for (const o of cmd.options) {
    if (o.hidden || !o.long) continue;
    const choices = o.argChoices?.filter((c) => SAFE_WORD.test(c));
    out.push({
      long: o.long,
      ...(o.short ? { short: o.short } : {}),
      takesValue: o.required || o.optional,
      ...(choices && choices.length > 0 ? { choices } : {}),
      description: o.description,
    });
  }
  out.push({ long: "--help", short: "-h", takesValue: false, description: "display help for command" });
  return out;
}

export function commandSpec(cmd: Command): CommandSpec {
  const choices = cmd.registeredArguments[0]?.argChoices?.filter((c) => SAFE_WORD.test(c));
  return {
    name: cmd.name(),
    description: cmd.description(),
    options: optionsOf(cmd),
    files: cmd.registeredArguments.length > 0 && !choices,
    ...(choices ? { argumentChoices: choices } : {}),
    subcommands: cmd.commands.map(commandSpec),
  };
}

export function completionSpec(program: Command, commands: readonly Command[]): CompletionSpec {
  return {
    program: program.name(),
    globalOptions: optionsOf(program),
    commands: commands.map(commandSpec),
  };
}

/** The first clause of a description, short enough for a completion menu. */
export function shortDescription(text: string, max = 70): string {
  const first = text.split(/[;(]| — /)[0]!.trim();
  return first.length <= max ? first : `${first.slice(0, max - 1).trimEnd()}…`;
}

/** A command's options with its sub-commands' (`config show --json`): completion offers them all after the command. */
export function allOptions(c: CommandSpec): OptionSpec[] {
  const seen = new Set<string>();
  const out: OptionSpec[] = [];
  for (const o of [...c.options, ...c.subcommands.flatMap(allOptions)]) {
    if (seen.has(o.long)) continue;
    seen.add(o.long);
    out.push(o);
  }
  return out;
}
