/**
 * The fish completion script: one `complete` line per command and per option, conditioned on the sub-command seen
 * (`__fish_seen_subcommand_from`), with choices (`-x -a`) or files (`-r -F`) for option values.
 */
import { allOptions, shortDescription, type CommandSpec, type CompletionSpec, type OptionSpec } from "./spec.js";

/** A single-quoted fish string. */
function quote(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function optionLine(p: string, condition: string, o: OptionSpec): string {
  const parts = [`complete -c ${p} -n ${quote(condition)} -l ${o.long.slice(2)}`];
  if (o.short) parts.push(`-s ${o.short.slice(1)}`);
  if (o.takesValue) parts.push(o.choices ? `-x -a ${quote(o.choices.join(" "))}` : "-r -F");
  parts.push(`-d ${quote(shortDescription(o.description))}`);
  return parts.join(" ");
}

function commandLines(p: string, c: CommandSpec): string[] {
  const seen = `__fish_seen_subcommand_from ${c.name}`;
  const lines = [`complete -c ${p} -n __fish_use_subcommand -a ${c.name} -d ${quote(shortDescription(c.description))}`];
  for (const s of c.subcommands)
    lines.push(`complete -c ${p} -n ${quote(seen)} -a ${s.name} -d ${quote(shortDescription(s.description))}`);
  for (const o of allOptions(c)) lines.push(optionLine(p, seen, o));
  if (c.argumentChoices) lines.push(`complete -c ${p} -n ${quote(seen)} -a ${quote(c.argumentChoices.join(" "))}`);
  if (c.files) lines.push(`complete -c ${p} -n ${quote(seen)} -F`);
  return lines;
}

export function fishCompletion(spec: CompletionSpec): string {
  const p = spec.program;
  return [
    `# ${p} completion for fish. Load it with:  ${p} completion fish | source`,
    `# or save it as ~/.config/fish/completions/${p}.fish`,
    `complete -c ${p} -f`,
    ...spec.globalOptions.map((o) => optionLine(p, "__fish_use_subcommand", o)),
    ...spec.commands.flatMap((c) => commandLines(p, c)),
    `complete -c ${p} -n __fish_use_subcommand -a help -d 'help for a command or topic'`,
    ``,
  ].join("\n");
}
