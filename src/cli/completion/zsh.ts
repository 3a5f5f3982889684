/**
 * The zsh completion script: `_arguments` per sub-command (the state machine `1: :->cmds '*:: :->args'` shifts the
 * words so each sub-command parses its own), descriptions in the menu, choices and files for option values.
 */
import { allOptions, shortDescription, type CommandSpec, type CompletionSpec, type OptionSpec } from "./spec.js";

/** A description in single quotes for the shell; inside an option's `[…]` zsh also reads `[` and `]`. */
function describe(text: string, inBrackets = false): string {
  const quoted = shortDescription(text).replace(/\\/g, "\\\\").replace(/'/g, "'\\''");
  return inBrackets ? quoted.replace(/([[\]])/g, "\\$1") : quoted;
}

function optionSpec(o: OptionSpec): string[] {
  const value = !o.takesValue ? "" : o.choices ? `:value:(${o.choices.join(" ")})` : ":file:_files";
  const names = [o.long, ...(o.short ? [o.short] : [])];
  return names.map((n) => `'${n}[${describe(o.description, true)}]${value}'`);
}

function argumentsCall(c: CommandSpec, indent: string): string[] {
  const specs = allOptions(c).flatMap(optionSpec);
  if (c.subcommands.length > 0) specs.push(`'1:sub-command:(${c.subcommands.map((s) => s.name).join(" ")})'`);
  if (c.argumentChoices) specs.push(`'1:value:(${c.argumentChoices.join(" ")})'`);
  if (c.files) specs.push(`'*:file:_files'`);
  return [`${indent}_arguments -s \\`, ...specs.map((s, i) => `${indent}  ${s}${i < specs.length - 1 ? " \\" : ""}`)];
}

function commandArm(c: CommandSpec): string[] {
  return [`      (${c.name})`, ...argumentsCall(c, "        "), `        ;;`];
}

export function zshCompletion(spec: CompletionSpec): string {
  const p = spec.program;
  const fn = `_${p.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const commands = spec.commands.map((c) => `    '${c.name}:${describe(c.description)}'`);
  return [
    `#compdef ${p}`,
    `# ${p} completion for zsh. Load it with:  source <(${p} completion zsh)`,
    `# or save it as _${p} in a directory on $fpath.`,
    `${fn}() {`,
    `  local curcontext="$curcontext" state line`,
    `  local -a commands`,
    `  commands=(`,
    ...commands,
    `  )`,
    `  _arguments -C \\`,
    ...spec.globalOptions.flatMap(optionSpec).map((s) => `    ${s} \\`),
    `    '1: :->cmds' \\`,
    `    '*:: :->args'`,
    `  case $state in`,
    `    (cmds) _describe 'command' commands ;;`,
    `    (args)`,
    `      case $words[1] in`,
    ...spec.commands.flatMap(commandArm),
    `      esac`,
    `      ;;`,
    `  esac`,
    `}`,
    `if [[ $zsh_eval_context[-1] == loadautofunc ]]; then ${fn} "$@"; else compdef ${fn} ${p}; fi`,
    ``,
  ].join("\n");
}
