/** The wizard's questions on a terminal: the usage file, curve and contract (each previewed), then the policy. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { HedgeError } from "../../errors.js";
import type { RunContext } from "../commands/shared.js";
import { loadContract, loadCurve, loadPolicy, loadUsageSync } from "../inputs.js";
import { usageDialectOf } from "../usage-flags.js";
import type { Prompter } from "../prompts.js";
import type { Answers } from "./answers.js";
import type { Role } from "./find-inputs.js";
import { DEFAULT_LADDER, parseLadder, type InitFlags } from "./flags.js";
import { contractPreview, curvePreview, usagePreview } from "./previews.js";

export async function ask(
  ctx: RunContext,
  prompter: Prompter,
  flags: InitFlags,
  found: Record<Role, string[]>,
): Promise<Answers> {
  const say = (s: string): void => ctx.stdout.write(`${s}\n`);
  const fileExists = (v: string): true | string =>
    v.trim() !== "" && existsSync(resolve(ctx.cwd, v.trim())) ? true : `no such file: ${v}`;
  const validWith =
    (load: (f: string) => unknown) =>
    (v: string): true | string => {
      const exists = fileExists(v);
      if (exists !== true) return exists;
      try {
        load(v.trim());
        return true;
      } catch (err) {
        return err instanceof HedgeError ? `${err.location ? `${err.location}: ` : ""}${err.message}` : String(err);
      }
    };

  say(
    "tokenhedge init: a few questions, then a hedge.config.yaml (Ctrl-C to stop; nothing is written until the end).\n",
  );
  const usage = (
    await prompter.text("Usage file (CSV export of token usage)", {
      ...((flags.usage ?? found.usage[0]) ? { default: flags.usage ?? found.usage[0] } : {}),
      validate: validWith((f) => loadUsageSync(ctx, f, { dialect: usageDialectOf(flags) })),
    })
  ).trim();
  say(usagePreview(ctx, usage, usageDialectOf(flags)));
  const curve = (
    await prompter.text("Futures curve (CSV month,price)", {
      ...((flags.curve ?? found.curve[0]) ? { default: flags.curve ?? found.curve[0] } : {}),
      validate: validWith((f) => loadCurve(ctx, f)),
    })
  ).trim();
  say(curvePreview(ctx, curve));
  const contract = (
    await prompter.text("Contract spec (JSON)", {
      ...((flags.contract ?? found.contract[0]) ? { default: flags.contract ?? found.contract[0] } : {}),
      validate: validWith((f) => loadContract(ctx, f)),
    })
  ).trim();
  say(contractPreview(ctx, contract));

  const kinds = [
    {
      value: "ladder" as const,
      name: "A ladder of target ratios by months ahead",
      description: "e.g. 80% for months 1–3 down to 25% for 10–12",
    },
    { value: "ratio" as const, name: "One ratio for every month" },
    ...(found.policy.length > 0 || flags.policy
      ? [{ value: "file" as const, name: `A policy file (${flags.policy ?? found.policy[0]})` }]
      : []),
  ];
  const kind = await prompter.choose(
    "Hedge policy",
    kinds,
    flags.policy ? "file" : flags.ratio !== undefined ? "ratio" : "ladder",
  );
  let policy: Answers["policy"];
  if (kind === "ladder") {
    const text = await prompter.text("Target ratios in % for months 1–3, 4–6, 7–9, 10–12", {
      default: (flags.ladder ?? DEFAULT_LADDER).join(","),
      validate: (v) => {
        try {
          parseLadder(v);
          return true;
        } catch (err) {
          return (err as Error).message;
        }
      },
    });
    policy = { kind: "ladder", percents: parseLadder(text) };
  } else if (kind === "ratio") {
    const pct = await prompter.number("Hedge ratio in %", {
      default: flags.ratio !== undefined ? flags.ratio * 100 : 80,
      min: 0,
      max: 100,
    });
    policy = { kind: "ratio", ratio: Number((pct / 100).toFixed(4)) };
  } else {
    const path = (
      await prompter.text("Policy file (JSON)", {
        default: flags.policy ?? found.policy[0]!,
        validate: validWith((f) => loadPolicy(ctx, f)),
      })
    ).trim();
    policy = { kind: "file", path };
  }
  return {
    usage,
    dialect: usageDialectOf(flags),
    curve,
    contract,
    policy,
    ...(flags.horizon !== undefined ? { horizon: flags.horizon } : {}),
  };
}
