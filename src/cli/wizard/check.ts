/**
 * `init` checks the config it is about to write the way `tokenhedge check --config FILE` will read it: the
 * exact text, resolved from the target's directory with the same environment, planned and evaluated by the
 * same rules (pipeline/check-stage.ts) at the same as-of date. So a config that init writes does not fail
 * `check` the moment it exists, unless init says so first.
 *
 * What it adjusts, and only there: the ±10-point bands init itself puts around a ladder's ratios. When the
 * plan cannot reach a band's floor (the P10 volume cap holds the hedge below it, or rounding down to whole
 * contracts does), init lowers that rung's floor to the whole percent below what the plan achieves, and the
 * config says so in a comment. A policy file is the user's own and is never changed; any breach init cannot
 * resolve is reported on stderr and in the config's header before it is written.
 */
import { dirname, resolve } from "node:path";
import { requireComplete, resolveConfig } from "../../config/index.js";
import type { CheckSummary, RuleResult } from "../../config/rules.js";
import { evaluateChecks } from "../../pipeline/index.js";
import type { PlanStage } from "../../pipeline/index.js";
import { asOfFor } from "../as-of.js";
import type { IoContext } from "../context.js";
import type { Prompter } from "../prompts.js";
import { loadPlanFromConfig } from "../plan-inputs.js";

export interface InitCheck {
  summary: CheckSummary;
  stage: PlanStage;
  asOf: string;
}

/** The checks `check --config target` would report on `text`. */
export async function checkConfigText(ctx: IoContext, text: string, target: string): Promise<InitCheck> {
  const full = resolve(ctx.cwd, target);
  const resolved = resolveConfig({
    cwd: resolve(ctx.cwd),
    file: { name: target, dir: dirname(full), text },
    env: ctx.env,
  });
  const cfg = requireComplete(resolved);
  const stage = await loadPlanFromConfig(ctx, cfg);
  const asOf = asOfFor(cfg);
  return { summary: evaluateChecks(stage, cfg, asOf, { effectiveness: null }).summary, stage, asOf };
}

export interface FloorChange {
  /** Index of the ladder rung. */
  rung: number;
  fromMonth: number;
  toMonth: number;
  from: number;
  to: number;
  /** Why the plan falls short, per month: "2027-02 73.6% (P10 volume cap)". */
  months: string[];
}

const pct = (x: number): string => `${Number((x * 100).toFixed(1))}%`;

/**
 * The floors to lower so the band rules pass: for each rung with a month below its floor, the whole percent
 * at or below the lowest achieved ratio there. Only below-floor breaches; a month above its band is left as is.
 */
export function floorChanges(
  check: InitCheck,
  ladder: readonly { fromMonth: number; toMonth: number; min?: number | undefined }[],
): FloorChange[] {
  const below = new Map<string, RuleResult>();
  for (const r of check.summary.rules)
    if (r.rule === "hedgeRatioBand" && r.pass === false && r.min !== undefined && r.value !== null && r.value < r.min)
      below.set(r.subject, r);
  const changes: FloorChange[] = [];
  ladder.forEach((rung, i) => {
    const months = check.stage.plan.months.filter(
      (m) => m.tenor >= rung.fromMonth && m.tenor <= rung.toMonth && below.has(`${m.month} (tenor ${m.tenor})`),
    );
    if (months.length === 0 || rung.min === undefined) return;
    const lowest = Math.min(...months.map((m) => m.achievedRatio));
    const cap = check.stage.plan.volumeCap?.toUpperCase();
    changes.push({
      rung: i,
      fromMonth: rung.fromMonth,
      toMonth: rung.toMonth,
      from: rung.min,
      // 1e-9: 0.73 computed as 0.7299999999 stays 73%.
      to: Math.max(0, Math.floor(lowest * 100 + 1e-9) / 100),
      months: months.map(
        (m) =>
          `${m.month} ${pct(m.achievedRatio)} (${m.flags.includes("capped") && cap ? `${cap} volume cap` : "rounded down to whole contracts"})`,
      ),
    });
  });
  return changes;
}

/** One line per floor lowered, for stderr and for the config's header comment. */
export function floorChangeLines(changes: readonly FloorChange[]): string[] {
  return changes.map(
    (c) =>
      `months ${c.fromMonth}-${c.toMonth}: band floor ${pct(c.to)} instead of ${pct(c.from)}, what the plan reaches: ${c.months.join(", ")}`,
  );
}

/** One line per breach left, as `check` would list it. */
export function breachLines(summary: CheckSummary): string[] {
  return summary.rules
    .filter((r) => r.pass === false)
    .map(
      (r) =>
        `${r.rule}${r.subject ? ` ${r.subject}` : ""}: ${r.value === null ? "-" : r.unit === "ratio" || r.unit === "probability" ? pct(r.value) : r.value}, limit ${r.limit}`,
    );
}

export interface CheckedTextInput {
  interactive: boolean;
  target: string;
  /** The ladder init made (its bands are init's own), or null for a policy file or one ratio. */
  ladder: readonly { fromMonth: number; toMonth: number; min?: number | undefined }[] | null;
  /** The user's policy file, never changed. */
  policyFile: string | null;
  /** The config text with these band floors (rung index → floor) and these header notes. */
  render: (floors: Record<number, number>, notes: string[]) => string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The config text to write, checked as `check --config` will read it: a band floor of init's ladder that the
 * plan cannot reach is lowered (asked on a terminal; the default with --yes) and said in the header; any breach
 * left is said on stderr and in the header, and on a terminal the user may decline (null: write nothing).
 */
export async function checkedConfigText(
  ctx: IoContext,
  prompter: Prompter,
  input: CheckedTextInput,
): Promise<string | null> {
  const notes: string[] = [];
  let floors: Record<number, number> = {};
  let text = input.render(floors, notes);
  let check = await checkConfigText(ctx, text, input.target);
  if (input.ladder && !check.summary.pass) {
    const changes = floorChanges(check, input.ladder);
    if (changes.length > 0) {
      const lines = floorChangeLines(changes);
      ctx.stderr.write(
        `\nThe plan cannot reach the floor of ${changes.length === 1 ? "a band" : `${changes.length} bands`} init set around the ladder, so check would fail at once:\n${lines.map((l) => `  ${l}`).join("\n")}\n`,
      );
      const lower = input.interactive
        ? await prompter.yesNo("Lower those band floors to what the plan reaches?", true)
        : true;
      if (lower) {
        notes.push("init lowered band floors the plan cannot reach (check would fail otherwise):", ...lines);
        floors = Object.fromEntries(changes.map((c) => [c.rung, c.to]));
        text = input.render(floors, notes);
        check = await checkConfigText(ctx, text, input.target);
        if (!input.interactive) ctx.stderr.write("lowered; the config says so in its header\n");
      }
    }
  }
  if (check.summary.pass) return text;
  const breaches = breachLines(check.summary);
  const count = plural(breaches.length, "breach", "breaches");
  ctx.stderr.write(
    `\nwarning: tokenhedge check will report ${count} on this config (as of ${check.asOf}):\n${breaches.map((b) => `  ${b}`).join("\n")}\n`,
  );
  if (input.policyFile)
    ctx.stderr.write(
      `the policy file ${input.policyFile} is left as it is: widen its bands or change its ratios to clear them, or keep it and let check report them\n`,
    );
  if (input.interactive && !(await prompter.yesNo("Write the config anyway?", true))) return null;
  notes.push(`tokenhedge check reported ${count} when init wrote this file (as of ${check.asOf}):`, ...breaches);
  return input.render(floors, notes);
}
