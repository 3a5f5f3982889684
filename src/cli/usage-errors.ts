/**
 * commander's own usage errors (an unknown option, a missing argument, a value an option's parser refused) in the
 * tool's form: `tokenhedge: error: …` and the hint indented below it, as every other error prints, exit 2.
 */
import type { Command } from "commander";
import { escapeControl } from "./error-report.js";
import type { IoContext } from "./context.js";

export const USAGE_HINT = "add --help for usage";

/**
 * The message without commander's `error: ` prefix. For a value an option's parser refused, commander writes
 * "option '--horizon <n>' argument 'abc' is invalid. --horizon must be a whole number, got "abc"": when the parser's
 * own sentence names the option, it is kept alone (it says the value and what was expected already); a choice list
 * reads "--method must be one of policy, mvhr, quantity, got "foo"".
 */
export function usageMessage(commanderMessage: string): string {
  // commander puts its suggestion on a line of its own ("unknown option '--pahts'\n(Did you mean --paths?)"): one line.
  const m = commanderMessage
    .replace(/^error:\s*/, "")
    .trimEnd()
    .replace(/\s*\n\s*/g, " ");
  const invalid = /^option '(-[^' ,]*)(?:, (--[^' ]*))?[^']*' argument '(.*)' is invalid\. (.+)$/s.exec(m);
  if (!invalid) return m;
  const [, first, long, value, reason] = invalid as unknown as [string, string, string | undefined, string, string];
  const names = [first, long].filter((n): n is string => n !== undefined);
  if (names.some((n) => reason.includes(n))) return reason;
  // A choice list (Option.choices): in the same words as the parsers'.
  const choices = /^Allowed choices are (.+)\.$/s.exec(reason);
  if (choices) return `${long ?? first} must be one of ${choices[1]}, got "${value}"`;
  return m;
}

/** Output settings for a command: its streams, and usage errors in the tool's form. */
export function usageOutput(cmd: Command, ctx: Pick<IoContext, "stdout" | "stderr">): Command {
  return cmd.showHelpAfterError(`  hint:     ${USAGE_HINT}`).configureOutput({
    writeOut: (s) => ctx.stdout.write(s),
    writeErr: (s) => ctx.stderr.write(s),
    outputError: (s, write) => write(`tokenhedge: error: ${escapeControl(usageMessage(s))}\n`),
  });
}
