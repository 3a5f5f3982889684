/** The config text init writes, and the in-memory config it plans with before the budget is known. */
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { policySchema } from "../../hedge/policy.js";
import { renderConfigYaml } from "../../config/write.js";
import { parseConfigText } from "../../config/parse-file.js";
import type { ConfigFile, HedgeConfig } from "../../config/index.js";
import { readTextFile } from "../files.js";
import type { Answers } from "./answers.js";
import { ladderPolicy } from "./ladder.js";
import { DEFAULT_CONFIDENCE, DEFAULT_SEED, DEFAULT_SIMULATION_PATHS } from "../../defaults.js";

export function configFor(a: Answers, seed = DEFAULT_SEED): HedgeConfig {
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
    seed: DEFAULT_SEED,
    simulation: { paths: DEFAULT_SIMULATION_PATHS, confidence: DEFAULT_CONFIDENCE },
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

export function configText(answers: Answers, budget: number, target: string, cwd: string, notes: string[]): string {
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
