/**
 * Finding the canonical columns in a header. Header names are matched case-insensitively after
 * trimming; lookups go through a Map so a header such as `__proto__` is just another name.
 */
import { HedgeError } from "../errors.js";
import type { ColumnMap } from "./types.js";

export type CanonicalField = keyof ColumnMap;

export const CANONICAL_FIELDS: readonly CanonicalField[] = ["date", "tokens", "kind", "model", "cost"];

/** Header names we recognise without a mapping, in order of preference. */
const ALIASES: Record<CanonicalField, readonly string[]> = {
  date: ["date", "day", "usage_date", "timestamp", "time", "start_time", "period"],
  tokens: ["tokens", "token_count", "total_tokens", "num_tokens"],
  kind: ["token_type", "token_kind", "kind", "type"],
  model: ["model", "model_name", "model_id"],
  cost: ["cost_usd", "cost", "amount_usd", "amount", "cost_in_usd"],
};

const REQUIRED: readonly CanonicalField[] = ["date", "tokens"];

export interface ResolvedColumns {
  map: ColumnMap;
  /** 0-based index of each mapped column in the record. */
  index: { date: number; tokens: number; kind?: number; model?: number; cost?: number };
}

/** Parse `date=COL,tokens=COL,…` (the `--map` flag) into a partial column map. */
export function parseMapFlag(text: string): Partial<ColumnMap> {
  const out: Partial<ColumnMap> = {};
  for (const part of text.split(",")) {
    const trimmed = part.trim();
    if (trimmed === "") continue;
    const eq = trimmed.indexOf("=");
    const key = eq < 0 ? trimmed : trimmed.slice(0, eq).trim();
    const value = eq < 0 ? "" : trimmed.slice(eq + 1).trim();
    if (!(CANONICAL_FIELDS as readonly string[]).includes(key) || value === "") {
      throw new HedgeError("USAGE", `--map: cannot read "${trimmed}"`, {
        value: trimmed,
        expected: `FIELD=COLUMN with FIELD one of ${CANONICAL_FIELDS.join(", ")}`,
        hint: "e.g. --map date=usage_day,tokens=n_tokens,kind=token_type",
      });
    }
    out[key as CanonicalField] = value;
  }
  return out;
}

export function resolveColumns(header: string[], file: string, explicit: Partial<ColumnMap> = {}): ResolvedColumns {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!positions.has(key)) positions.set(key, i);
  });

  const map: Partial<ColumnMap> = {};
  const index: Partial<ResolvedColumns["index"]> = {};
  for (const field of CANONICAL_FIELDS) {
    const wanted = explicit[field];
    if (wanted !== undefined) {
      const at = positions.get(wanted.trim().toLowerCase());
      if (at === undefined) {
        throw new HedgeError("INPUT_MISSING_COLUMN", `column "${wanted}" (mapped to ${field}) is not in the header`, {
          file,
          line: 1,
          value: header.join(","),
          expected: `a column named "${wanted}"`,
          hint: `the header has: ${header.map((h) => h.trim()).join(", ")}`,
        });
      }
      map[field] = header[at]!.trim();
      index[field] = at;
      continue;
    }
    for (const alias of ALIASES[field]) {
      const at = positions.get(alias);
      if (at !== undefined) {
        map[field] = header[at]!.trim();
        index[field] = at;
        break;
      }
    }
  }

  for (const field of REQUIRED) {
    if (index[field] === undefined) {
      throw new HedgeError("INPUT_MISSING_COLUMN", `no ${field} column in the header`, {
        file,
        line: 1,
        value: header.join(","),
        expected: `a column named one of: ${ALIASES[field].join(", ")}`,
        hint: `name it with --map ${field}=COLUMN (the header has: ${header.map((h) => h.trim()).join(", ")})`,
      });
    }
  }
  return { map: map as ColumnMap, index: index as ResolvedColumns["index"] };
}
