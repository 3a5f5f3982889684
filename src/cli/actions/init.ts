/** `tokenhedge init`'s wizard (its options: commands/init.ts). */
import { existsSync, mkdirSync, openSync, readSync, closeSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { HedgeError } from "../../errors.js";
import { contractSpecSchema } from "../../curve/contract.js";
import { policySchema, type HedgePolicy } from "../../hedge/policy.js";
import { analyseCurve } from "../../curve/shape.js";
import { renderConfigYaml } from "../../config/write.js";
import { parseConfigText } from "../../config/parse-file.js";
import type { ConfigFile, HedgeConfig } from "../../config/index.js";
import { planSummary } from "../../report/views/plan.js";
import { fmtInt, fmtMoney, fmtPct } from "../../report/render/format.js";
import { canPrompt } from "../context.js";
import { readTextFile, writeFileAtomic } from "../files.js";
import { loadContract, loadCurve, loadPolicy, loadUsageSync } from "../inputs.js";
import { usageDialectOf } from "../usage-flags.js";
import type { UsageDialect } from "../../ingest/option-names.js";
import { loadPlanFromConfig } from "../plan-inputs.js";
import type { PlanStage } from "../../pipeline/index.js";
import type { Prompter } from "../prompts.js";
import type { CommandEnv, RunContext } from "../commands/shared.js";
import { DEFAULT_LADDER, parseLadder, type InitFlags } from "../init-flags.js";
import { checkedConfigText } from "../init-check.js";

export { parseLadder };

/**
 * A ladder of 3-month rungs with bands of ±10 percentage points (clipped to 0–100%); `floors` replaces a rung's
 * band minimum (by rung index) where the plan cannot reach it (init-check.ts).
 */
export function ladderPolicy(percents: readonly number[], floors: Readonly<Record<number, number>> = {}): HedgePolicy {
  const r = (x: number): number => Number((x / 100).toFixed(4));
  return {
    name: `ladder ${percents.join("/")}`,
    ladder: percents.map((p, i) => ({
      fromMonth: i * 3 + 1,
      toMonth: i * 3 + 3,
      ratio: r(p),
      min: floors[i] ?? r(Math.max(0, p - 10)),
      max: r(Math.min(100, p + 10)),
    })) as HedgePolicy["ladder"],
    rounding: "down",
  };
}

/** Round a budget up to two significant figures: 3,014,000 → 3,100,000. */
export function roundBudget(x: number): number {
  if (!(x > 0)) return 0;
  const scale = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.ceil(x / scale) * scale;
}

// ─── finding input files ───────────────────────────────────────────────────────────────────────

type Role = "usage" | "curve" | "contract" | "policy";

const SKIP_DIRS = new Set(["node_modules", "dist", "coverage", ".git"]);

function firstBytes(path: string, n = 4096): string {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

function roleOf(path: string): Role | undefined {
  if (/\.csv$/i.test(path)) {
    const header = (
      firstBytes(path)
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)[0] ?? ""
    )
      .toLowerCase()
      .split(/[,;\t]/)
      .map((h) => h.trim().replace(/^"|"$/g, ""));
    const has = (...names: string[]): boolean => names.some((n) => header.includes(n));
    if (has("month", "delivery_month") && has("price", "settle", "futures_price") && header.length <= 4) return "curve";
    if (has("spot") && has("futures")) return undefined;
    if (
      header.some((h) => h.includes("token")) &&
      has("date", "day", "usage_date", "timestamp", "time", "start_time", "period", "bucket_start_time")
    )
      return "usage";
    return undefined;
  }
  if (/\.json$/i.test(path) && statSync(path).size < 100_000) {
    let raw: unknown;
    try {
      raw = JSON.parse(firstBytes(path, 100_000));
    } catch {
      return undefined;
    }
    if (contractSpecSchema.safeParse(raw).success) return "contract";
    if (policySchema.safeParse(raw).success) return "policy";
  }
  return undefined;
}

/** Input files under the working directory (two levels deep), by role, best guess first. */
export function findCandidates(cwd: string): Record<Role, string[]> {
  const found: Record<Role, string[]> = { usage: [], curve: [], contract: [], policy: [] };
  const walk = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith(".")) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < 2 && !SKIP_DIRS.has(e.name)) walk(full, depth + 1);
      } else if (e.isFile()) {
        const role = roleOf(full);
        if (role) found[role].push(relative(cwd, full));
      }
    }
  };
  walk(cwd, 0);
  // Best first: the role in the file name, then "token" (the default contract is a token contract), then shallow, then by name.
  const score = (role: Role, p: string): [number, number, number, string] => {
    const name = basename(p).toLowerCase();
    return [
      name.includes(role) ? 0 : 1,
      name.includes("token") || role === "usage" || role === "policy" ? 0 : 1,
      p.split(sep).length,
      p,
    ];
  };
  for (const role of Object.keys(found) as Role[]) {
    found[role].sort((a, b) => {
      const sa = score(role, a);
      const sb = score(role, b);
      for (let i = 0; i < sa.length; i++) if (sa[i]! !== sb[i]!) return sa[i]! < sb[i]! ? -1 : 1;
      return 0;
    });
  }
  return found;
}

// ─── previews ──────────────────────────────────────────────────────────────────────────────────

function usagePreview(ctx: RunContext, file: string, dialect: UsageDialect): string {
  const series = loadUsageSync(ctx, file, { dialect });
  const lines = readTextFile(file, ctx.cwd)
    .split(/\r?\n/)
    .slice(0, 6)
    .filter((l) => l !== "");
  const p = series.profile;
  return [
    `  format:     ${p ? `${p.title} (${p.reason})` : "generic CSV"}; columns ${Object.entries(series.columns)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
    `  preview:`,
    ...lines.map((l) => `    ${l.length > 110 ? `${l.slice(0, 107)}...` : l}`),
    `  date range: ${series.firstDay} … ${series.lastDay} (${series.days.length} days, ${series.missingDays.length} without rows), ${fmtInt(series.totalTokens)} tokens`,
  ].join("\n");
}

function curvePreview(ctx: RunContext, file: string): string {
  const curve = loadCurve(ctx, file);
  const a = analyseCurve(curve.points);
  return `  ${curve.points.length} delivery months ${a.front.month} … ${a.back.month}, ${a.front.price} → ${a.back.price}: ${a.shape}`;
}

function contractPreview(ctx: RunContext, file: string): string {
  const spec = loadContract(ctx, file);
  return `  ${spec.name}${spec.illustrative ? " [ILLUSTRATIVE]" : ""}: ${fmtInt(spec.contractSize)} ${spec.sizeUnit} per contract, quoted ${spec.quoteUnit}`;
}

/** Expected cost of the forecast volume at the curve prices over the plan's months. */
function expectedCost(inputs: PlanStage): number {
  const plan = inputs.plan;
  const divisor = plan.contract.underlying === "token-index" ? 1_000_000 : 1;
  const perUnit = plan.contract.tokensPerGpuHour ?? 1;
  return plan.months.reduce((s, m) => s + (m.forecastTokens / perUnit) * (m.futuresPrice / divisor), 0);
}

// ─── the wizard ────────────────────────────────────────────────────────────────────────────────

interface Answers {
  usage: string;
  /** The reading flags, kept in the config's usage: section. */
  dialect: UsageDialect;
  curve: string;
  contract: string;
  policy:
    | { kind: "file"; path: string }
    | { kind: "ratio"; ratio: number }
    | { kind: "ladder"; percents: number[]; floors?: Record<number, number> };
  budget?: number;
  horizon?: number;
}

function configFor(a: Answers, seed = 42): HedgeConfig {
  return {
    configFile: null,
    usage: { files: [a.usage], ...a.dialect },
    curve: a.curve,
    contract: a.contract,
    ...(a.policy.kind === "file"
      ? { policy: a.policy.path }
      : a.policy.kind === "ladder"
        ? { policy: ladderPolicy(a.policy.percents, a.policy.floors) }
        : { ratio: a.policy.ratio }),
    ...(a.horizon !== undefined ? { horizon: a.horizon } : {}),
    seed,
    simulation: { paths: 10_000, confidence: 0.95 },
    thresholds: {},
    report: {},
    sources: {},
  };
}

/** The config file's values, with paths written relative to the config file. */
function fileValues(a: Answers, budget: number, outPath: string, cwd: string): ConfigFile {
  const base = dirname(resolve(cwd, outPath));
  const rel = (p: string): string => {
    const abs = resolve(cwd, p);
    const r = relative(base, abs);
    // Climbing out of the config's directory: an absolute path is clearer when it is no longer.
    if (isAbsolute(r) || (r.startsWith("..") && abs.length <= r.length)) return abs;
    return r.split(sep).join("/");
  };
  const hasBands = a.policy.kind === "ladder" || (a.policy.kind === "file" && loadPolicyBands(cwd, a.policy.path));
  return {
    version: 1,
    usage: { file: rel(a.usage), ...a.dialect, ...(a.dialect.mapping ? { mapping: rel(a.dialect.mapping) } : {}) },
    curve: rel(a.curve),
    contract: rel(a.contract),
    ...(a.policy.kind === "file"
      ? { policy: rel(a.policy.path) }
      : a.policy.kind === "ladder"
        ? { policy: ladderPolicy(a.policy.percents, a.policy.floors) }
        : { ratio: a.policy.ratio }),
    budget,
    ...(a.horizon !== undefined ? { horizon: a.horizon } : {}),
    seed: 42,
    simulation: { paths: 10_000, confidence: 0.95 },
    thresholds: {
      ...(hasBands ? { hedgeRatioBands: "policy" as const } : {}),
      maxOverHedgeProbability: 0.25,
      maxMissingDays: 7,
      maxStaleDays: 45,
    },
    report: { title: "Monthly token hedge report" },
  };
}

function loadPolicyBands(cwd: string, path: string): boolean {
  try {
    const p = policySchema.parse(JSON.parse(readTextFile(path, cwd)));
    return p.ladder.every((r) => r.min !== undefined && r.max !== undefined);
  } catch {
    return false;
  }
}

function required(value: string | undefined, flag: string, what: string, found: string[]): string {
  if (value) return value;
  if (found[0]) return found[0];
  throw new HedgeError("USAGE_MISSING_FLAG", `no ${what} found under the working directory`, {
    expected: `${flag} FILE`,
    hint: `e.g. tokenhedge init --yes ${flag} path/to/file`,
  });
}

const NON_INTERACTIVE_FLAGS =
  "--yes --usage FILE --curve FILE --contract FILE [--policy FILE | --ratio R | --ladder 80,60,40,25] [--budget USD] [--out FILE]";

async function ask(
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

function answersFromFlags(flags: InitFlags, found: Record<Role, string[]>): Answers {
  const policy: Answers["policy"] = flags.policy
    ? { kind: "file", path: flags.policy }
    : flags.ratio !== undefined
      ? { kind: "ratio", ratio: flags.ratio }
      : { kind: "ladder", percents: flags.ladder ?? [...DEFAULT_LADDER] };
  return {
    usage: required(flags.usage, "--usage", "usage CSV", found.usage),
    dialect: usageDialectOf(flags),
    curve: required(flags.curve, "--curve", "futures curve CSV", found.curve),
    contract: required(flags.contract, "--contract", "contract spec JSON", found.contract),
    policy,
    ...(flags.horizon !== undefined ? { horizon: flags.horizon } : {}),
  };
}

async function runInit(ctx: RunContext, flags: InitFlags, prompter: Prompter): Promise<void> {
  const interactive = !flags.yes;
  if (interactive && !canPrompt(ctx)) {
    throw new HedgeError("USAGE", "init asks questions and needs a terminal (stdin and stdout), outside CI", {
      expected: NON_INTERACTIVE_FLAGS,
      hint: "pass --yes to accept every default without a prompt, with the files as flags",
    });
  }
  const found = findCandidates(ctx.cwd);
  const answers = interactive ? await ask(ctx, prompter, flags, found) : answersFromFlags(flags, found);
  const out = (s: string): void => (interactive ? ctx.stdout : ctx.stderr).write(`${s}\n`);

  // The plan these answers give, as `plan` would print it.
  const inputs = await loadPlanFromConfig(ctx, configFor(answers));
  const cost = expectedCost(inputs);
  const suggested = roundBudget(cost * 1.1);
  out(`\nPlan: ${planSummary(inputs.plan)}`);
  out(
    `Forecast cost at the curve prices: ${fmtMoney(cost)} over ${inputs.plan.months.length} months (hedged ${fmtPct(inputs.plan.totals.achievedRatio, 1)}).`,
  );
  const budget = interactive
    ? await prompter.number("Budget for token spend over the horizon, USD", {
        default: flags.budget ?? suggested,
        min: 1,
      })
    : (flags.budget ?? suggested);

  let target = flags.out;
  const targetExists = existsSync(resolve(ctx.cwd, target));
  if (targetExists && !flags.force) {
    if (!interactive) {
      throw new HedgeError("USAGE", `${target} already exists; not replaced`, {
        file: target,
        hint: "pass --force to replace it, or --out FILE for another name",
      });
    }
    const replace = await prompter.yesNo(`${target} exists. Replace it?`, false);
    if (!replace) {
      target = (
        await prompter.text("Write the config to", {
          default: target.replace(/\.ya?ml$/i, "") + ".new.yaml",
          validate: (v) => (existsSync(resolve(ctx.cwd, v.trim())) ? `${v} exists too` : true),
        })
      ).trim();
    }
  }

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
  mkdirSync(dirname(resolve(ctx.cwd, target)), { recursive: true });
  writeFileAtomic(target, text, ctx.cwd, [
    answers.usage,
    answers.curve,
    answers.contract,
    ...(answers.policy.kind === "file" ? [answers.policy.path] : []),
  ]);
  out(
    `\nwrote ${target}\nnext: tokenhedge check --config ${target} · tokenhedge report --config ${target} --out reports/`,
  );
}

function configText(answers: Answers, budget: number, target: string, cwd: string, notes: string[]): string {
  const values = fileValues(answers, budget, target, cwd);
  const text = renderConfigYaml(values, [
    "tokenhedge config, written by `tokenhedge init`. Paths are relative to this file.",
    "Run: tokenhedge check --config THIS_FILE   ·   tokenhedge report --config THIS_FILE --out reports/",
    "Keys: tokenhedge config show --config THIS_FILE prints every value and where it came from.",
    ...notes,
  ]).replaceAll("THIS_FILE", target);
  parseConfigText(text, target); // what we write must read back
  return text;
}

export function initAction(env: CommandEnv, prompter: Prompter) {
  return (flags: InitFlags): Promise<void> => runInit(env.ctx, flags, prompter);
}
