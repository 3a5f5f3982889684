/**
 * `tokenhedge init`'s wizard (its options: commands/init.ts), the steps in order; each step is a file of
 * wizard/: find the input files, ask (or take the flags), show the plan and the budget, choose the file
 * to write, render the config and check it with check's rules, write it.
 */
import { HedgeError } from "../../errors.js";
import { canPrompt } from "../context.js";
import type { Prompter } from "../prompts.js";
import type { CommandEnv, RunContext } from "../commands/shared.js";
import { answersFromFlags } from "../wizard/answers.js";
import { ask } from "../wizard/ask.js";
import { roundBudget } from "../wizard/budget.js";
import { checkedConfigText } from "../wizard/check.js";
import { configText } from "../wizard/config-text.js";
import { findCandidates } from "../wizard/find-inputs.js";
import { parseLadder, type InitFlags } from "../wizard/flags.js";
import { ladderPolicy } from "../wizard/ladder.js";
import { planAndBudget } from "../wizard/plan-preview.js";
import { chooseTarget } from "../wizard/target.js";
import { writeConfig } from "../wizard/write.js";

export { ladderPolicy, parseLadder, roundBudget };

const NON_INTERACTIVE_FLAGS =
  "--yes --usage FILE --curve FILE --contract FILE [--policy FILE | --ratio R | --ladder 80,60,40,25] [--budget USD] [--out FILE]";

async function runInit(ctx: RunContext, flags: InitFlags, prompter: Prompter): Promise<void> {
  const interactive = !flags.yes;
  if (interactive && !canPrompt(ctx)) {
    throw new HedgeError("USAGE", "init asks questions and needs a terminal (stdin and stdout), outside CI", {
      expected: NON_INTERACTIVE_FLAGS,
      hint: "pass --yes to accept every default without a prompt, with the files as flags",
    });
  }
  // The scan reads the head of every CSV and JSON file two levels down: with --yes and every file given, it is skipped.
  let found: ReturnType<typeof findCandidates> | undefined;
  const find = (): ReturnType<typeof findCandidates> => (found ??= findCandidates(ctx.cwd));
  const answers = interactive ? await ask(ctx, prompter, flags, find()) : answersFromFlags(flags, find);
  const out = (s: string): void => (interactive ? ctx.stdout : ctx.stderr).write(`${s}\n`);

  // Without prompts, whether the target may be written is known before any work: refuse before planning.
  const early = interactive ? undefined : await chooseTarget(ctx, prompter, flags, false);
  const budget = await planAndBudget(ctx, prompter, flags, answers, interactive, out);
  const target = early ?? (await chooseTarget(ctx, prompter, flags, interactive));

  const policy = answers.policy;
  const text = await checkedConfigText(ctx, prompter, {
    interactive,
    target,
    ladder: policy.kind === "ladder" ? ladderPolicy(policy.percents, policy.floors).ladder : null,
    policyFile: policy.kind === "file" ? policy.path : null,
    render: (floors, notes) =>
      configText(
        policy.kind === "ladder"
          ? { ...answers, policy: { ...policy, floors: { ...policy.floors, ...floors } } }
          : answers,
        budget,
        target,
        ctx.cwd,
        notes,
      ),
  });
  if (text === null) {
    out("\nnothing written");
    return;
  }
  writeConfig(ctx.cwd, target, text, answers);
  out(
    `\nwrote ${target}\nnext: tokenhedge check --config ${target} · tokenhedge report --config ${target} --out reports/`,
  );
}

export function initAction(env: CommandEnv, prompter: Prompter) {
  return (flags: InitFlags): Promise<void> => runInit(env.ctx, flags, prompter);
}
