/**
 * The bash completion script: `complete -F` with one function that finds the sub-command, then offers its options,
 * an option's choices after it, or file names (every value-taking option without choices, and the arguments).
 * Every word in it comes from spec.ts (options and choices are plain words), so nothing needs quoting.
 */
import { allOptions, type CommandSpec, type CompletionSpec, type OptionSpec } from "./spec.js";

const words = (opts: readonly OptionSpec[]): string =>
  opts.flatMap((o) => [o.long, ...(o.short ? [o.short] : [])]).join(" ");

/** `case "$prev"` arms: an option's choices, or files for any other option that takes a value. */
function valueArms(opts: readonly OptionSpec[], indent: string): string[] {
  const lines: string[] = [];
  const fileOpts: string[] = [];
  for (const o of opts) {
    if (!o.takesValue) continue;
    const names = [o.long, ...(o.short ? [o.short] : [])].join("|");
    if (o.choices)
      lines.push(`${indent}${names}) COMPREPLY=( $(compgen -W "${o.choices.join(" ")}" -- "$cur") ); return ;;`);
    else fileOpts.push(names);
  }
  if (fileOpts.length > 0)
    lines.push(`${indent}${fileOpts.join("|")}) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;`);
  return lines;
}

function commandArm(c: CommandSpec): string[] {
  const lines = [`    ${c.name})`];
  if (c.subcommands.length > 0) {
    lines.push(
      `      if [[ $nwords -eq 0 && "$cur" != -* ]]; then COMPREPLY=( $(compgen -W "${c.subcommands.map((s) => s.name).join(" ")}" -- "$cur") ); return; fi`,
    );
  }
  const options = allOptions(c);
  const arms = valueArms(options, "        ");
  if (arms.length > 0) lines.push(`      case "$prev" in`, ...arms, `      esac`);
  lines.push(`      if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "${words(options)}" -- "$cur") ); return; fi`);
  if (c.argumentChoices)
    lines.push(
      `      [[ $nwords -eq 0 ]] && COMPREPLY=( $(compgen -W "${c.argumentChoices.join(" ")}" -- "$cur") ) ;;`,
    );
  else lines.push(c.files ? `      COMPREPLY=( $(compgen -f -- "$cur") ) ;;` : `      ;;`);
  return lines;
}

export function bashCompletion(spec: CompletionSpec): string {
  const p = spec.program;
  const fn = `_${p.replace(/[^A-Za-z0-9_]/g, "_")}`;
  return [
    `# ${p} completion for bash. Load it with:  source <(${p} completion bash)`,
    `# or save it as ~/.local/share/bash-completion/completions/${p}`,
    `${fn}() {`,
    `  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" nwords=0 i`,
    `  for ((i = 1; i < COMP_CWORD; i++)); do`,
    `    if [[ -z "$cmd" ]]; then`,
    `      [[ "\${COMP_WORDS[i]}" == -* ]] || cmd="\${COMP_WORDS[i]}"`,
    `    elif [[ "\${COMP_WORDS[i]}" != -* ]]; then`,
    `      nwords=$((nwords + 1))`,
    `    fi`,
    `  done`,
    `  if [[ -z "$cmd" ]]; then`,
    `    if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "${words(spec.globalOptions)}" -- "$cur") )`,
    `    else COMPREPLY=( $(compgen -W "${[...spec.commands.map((c) => c.name), "help"].join(" ")}" -- "$cur") ); fi`,
    `    return`,
    `  fi`,
    `  case "$cmd" in`,
    ...spec.commands.flatMap(commandArm),
    `    help) COMPREPLY=( $(compgen -W "${spec.commands.map((c) => c.name).join(" ")}" -- "$cur") ) ;;`,
    `  esac`,
    `}`,
    `complete -o filenames -F ${fn} ${p}`,
    ``,
  ].join("\n");
}
