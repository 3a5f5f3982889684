/** What `init`'s options and its action share: the default file name and ladder, the flags, the --ladder reader. */
import { HedgeError } from "../../errors.js";
import type { UsageDialect } from "../../ingest/reading/option-names.js";

export const DEFAULT_CONFIG_NAME = "hedge.config.yaml";
export const DEFAULT_LADDER = [80, 60, 40, 25] as const;

/** The reading flags (usage-flags.ts) are written into the config's `usage:` section. */
export interface InitFlags extends UsageDialect {
  usage?: string;
  curve?: string;
  contract?: string;
  policy?: string;
  ratio?: number;
  ladder?: number[];
  budget?: number;
  horizon?: number;
  out: string;
  yes?: boolean;
  force?: boolean;
}

/** "80,60,40,25" → [80, 60, 40, 25]: target ratios in percent, one per three-month bucket. */
export function parseLadder(text: string): number[] {
  const parts = text
    .split(",")
    .map((s) => s.trim().replace(/%$/, ""))
    .filter((s) => s !== "");
  const values = parts.map(Number);
  if (parts.length === 0 || parts.length > 8 || values.some((v) => !Number.isFinite(v) || v < 0 || v > 100)) {
    throw new HedgeError("USAGE", `--ladder: cannot read "${text}"`, {
      value: text,
      expected: "1 to 8 percentages from 0 to 100, one per 3-month bucket, e.g. 80,60,40,25",
    });
  }
  return values;
}
