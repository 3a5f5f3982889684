/** The wizard's answers: the files and the policy, from the prompts (ask.ts) or, with --yes, from the flags. */
import { HedgeError } from "../../errors.js";
import type { Role } from "./find-inputs.js";
import { DEFAULT_LADDER, type InitFlags } from "./flags.js";
import type { UsageDialect } from "../../ingest/reading/option-names.js";
import { usageDialectOf } from "../usage-flags.js";

export interface Answers {
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

/** `find` lists the files under the working directory; it is called only when a file flag is missing. */
export function answersFromFlags(flags: InitFlags, find: () => Record<Role, string[]>): Answers {
  const policy: Answers["policy"] = flags.policy
    ? { kind: "file", path: flags.policy }
    : flags.ratio !== undefined
      ? { kind: "ratio", ratio: flags.ratio }
      : { kind: "ladder", percents: flags.ladder ?? [...DEFAULT_LADDER] };
  return {
    usage: required(flags.usage, "--usage", "usage CSV", () => find().usage),
    dialect: usageDialectOf(flags),
    curve: required(flags.curve, "--curve", "futures curve CSV", () => find().curve),
    contract: required(flags.contract, "--contract", "contract spec JSON", () => find().contract),
    policy,
    ...(flags.horizon !== undefined ? { horizon: flags.horizon } : {}),
  };
}

function required(value: string | undefined, flag: string, what: string, found: () => string[]): string {
  if (value) return value;
  const first = found()[0];
  if (first) return first;
  throw new HedgeError("USAGE_MISSING_FLAG", `no ${what} found under the working directory`, {
    expected: `${flag} FILE`,
    hint: `e.g. tokenhedge init --yes ${flag} path/to/file`,
  });
}
