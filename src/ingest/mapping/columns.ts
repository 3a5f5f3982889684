/** The `--map` flag: `date=COL,tokens=COL,…` names the columns of a generic usage CSV. */
import { HedgeError } from "../../errors.js";
import type { ColumnMap } from "../types.js";

export type MapField = keyof ColumnMap | "currency";

export const MAP_FIELDS: readonly MapField[] = [
  "date",
  "tokens",
  "kind",
  "model",
  "cost",
  "provider",
  "project",
  "currency",
];

/** Parse `date=COL,tokens=COL,…` (the `--map` flag) into a partial column map. */
export function parseMapFlag(text: string): Partial<Record<MapField, string>> {
  const out: Partial<Record<MapField, string>> = {};
  for (const part of text.split(",")) {
    const trimmed = part.trim();
    if (trimmed === "") continue;
    const eq = trimmed.indexOf("=");
    const key = eq < 0 ? trimmed : trimmed.slice(0, eq).trim();
    const value = eq < 0 ? "" : trimmed.slice(eq + 1).trim();
    if (!(MAP_FIELDS as readonly string[]).includes(key) || value === "") {
      throw new HedgeError("USAGE", `--map: cannot read "${trimmed}"`, {
        value: trimmed,
        expected: `FIELD=COLUMN with FIELD one of ${MAP_FIELDS.join(", ")}`,
        hint: "e.g. --map date=usage_day,tokens=n_tokens,kind=token_type",
      });
    }
    // `tokens=a,tokens=b` would silently keep one: name each field once.
    if (out[key as MapField] !== undefined) {
      throw new HedgeError("USAGE", `--map: field "${key}" is given twice ("${out[key as MapField]}" and "${value}")`, {
        value: trimmed,
        expected: "each FIELD once",
        hint: "for several token columns use a mapping file (--print-mapping writes one to start from)",
      });
    }
    out[key as MapField] = value;
  }
  return out;
}
