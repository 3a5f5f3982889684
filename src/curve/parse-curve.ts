/**
 * Futures curve files → validated curve points. Two formats:
 *   CSV  `month,price` (also `delivery_month` / `period` and `settle` / `futures_price` headers);
 *   JSON an array `[{ "month": "2027-01", "price": 2.05 }, …]` or an object
 *        `{ "name"?, "quoteUnit"?, "points": [ … ] }`.
 * Every problem is an error naming where it is: file:line:column for CSV, the key path (`points[3].price`)
 * for JSON, with the raw value and what was expected. A gap in the months is not an error here: see
 * complete-curve.ts, which interpolates it (and flags it) or rejects it against the contract's listed months.
 */
import * as z from "zod";
import { HedgeError } from "../errors.js";
import { readCsvRows } from "../csv/read-rows.js";
import { isMonth, monthIndex } from "../time/period.js";
import { parseDecimal } from "../money/decimal.js";
import { formatPath, parseJsonText } from "../schema/zod-errors.js";

export interface CurvePoint {
  month: string;
  price: number;
  /** True when the price was filled in by linear interpolation (complete-curve.ts), never from the file. */
  interpolated?: boolean;
}

export interface FuturesCurve {
  file: string;
  points: CurvePoint[];
  /** Where each point came from, parallel to `points`: "line 3" (CSV) or "points[2]" (JSON). */
  sources?: string[];
  /** CSV line of each point, parallel to `points` (JSON files have none). */
  lines?: (number | undefined)[];
  /** Quote unit named by a JSON curve, e.g. "USD/Mtok". */
  quoteUnit?: string;
  name?: string;
}

/** A price per Mtok or per GPU-hour of a billion dollars or more is a typo (or 1e309, which is ∞). */
const MAX_PRICE = 1e9;

/** Reads a curve in either format: `.json` files (or text starting with `{` / `[`) as JSON, anything else as CSV. */
export function parseCurve(text: string, file: string): FuturesCurve {
  const looksJson = /\.json$/i.test(file) || (!/\.csv$/i.test(file) && /^\s*[[{]/.test(text.replace(/^\uFEFF/, "")));
  return looksJson ? parseCurveJson(text, file) : parseCurveCsv(text, file);
}

export function parseCurveCsv(text: string, file: string): FuturesCurve {
  const rows = readCsvRows(text, file);
  const header = rows[0]?.record.map((h) => h.trim().toLowerCase());
  if (!header)
    throw new HedgeError("INPUT_EMPTY", "the curve file is empty", {
      file,
      expected: "a header `month,price` and one row per delivery month",
    });
  const monthCol = header.findIndex((h) => h === "month" || h === "delivery_month" || h === "period");
  const priceCol = header.findIndex((h) => h === "price" || h === "settle" || h === "futures_price");
  if (monthCol < 0 || priceCol < 0) {
    throw new HedgeError("INPUT_MISSING_COLUMN", `the curve needs a month and a price column`, {
      file,
      line: 1,
      value: rows[0]!.record.join(","),
      expected: "a header `month,price`",
    });
  }

  const points: CurvePoint[] = [];
  const lines: number[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of rows.slice(1)) {
    const line = info.lines;
    const month = (record[monthCol] ?? "").trim();
    if (!isMonth(month)) {
      throw new HedgeError("CURVE_INVALID", `cannot read delivery month "${month}"`, {
        file,
        line,
        column: monthCol + 1,
        field: "month",
        value: month,
        expected: "a delivery month YYYY-MM",
        hint: "e.g. 2027-03",
      });
    }
    const rawPrice = (record[priceCol] ?? "").trim();
    const price = parseDecimal(rawPrice)?.toNumber();
    if (price === undefined || !(price > 0) || !(price < MAX_PRICE)) {
      throw new HedgeError(
        "CURVE_INVALID",
        `price "${rawPrice}" for ${month} is not a positive number below ${MAX_PRICE}`,
        {
          file,
          line,
          column: priceCol + 1,
          field: "price",
          value: rawPrice,
          expected: "a positive price such as 2.10",
        },
      );
    }
    const previous = seen.get(month);
    if (previous !== undefined) {
      throw new HedgeError("CURVE_INVALID", `delivery month ${month} appears twice (lines ${previous} and ${line})`, {
        file,
        line,
        column: monthCol + 1,
        field: "month",
        value: month,
        expected: "each delivery month once",
      });
    }
    const last = points[points.length - 1];
    if (last && monthIndex(month) < monthIndex(last.month)) {
      throw new HedgeError("CURVE_INVALID", `delivery months are not in order: ${month} after ${last.month}`, {
        file,
        line,
        column: monthCol + 1,
        field: "month",
        value: month,
        expected: `a month after ${last.month}`,
        hint: "sort the curve by delivery month",
      });
    }
    seen.set(month, line);
    points.push({ month, price });
    lines.push(line);
  }
  if (points.length === 0)
    throw new HedgeError("INPUT_EMPTY", "the curve has no delivery months", {
      file,
      line: 1,
      expected: "one row per delivery month",
    });
  return { file, points, lines, sources: lines.map((l) => `line ${l}`) };
}

const jsonPointSchema = z.strictObject({
  month: z.string().refine(isMonth, "a delivery month YYYY-MM, e.g. 2027-03"),
  price: z
    .number()
    .refine((p) => Number.isFinite(p) && p > 0 && p < MAX_PRICE, "a positive price such as 2.10 (below 1e9)"),
});

const jsonCurveSchema = z.union([
  z.array(jsonPointSchema),
  z.strictObject({
    name: z.string().optional(),
    quoteUnit: z.string().optional(),
    points: z.array(jsonPointSchema),
  }),
]);

/** A JSON curve. Errors name the key path, e.g. `points[3].price: a positive price such as 2.10`. */
export function parseCurveJson(text: string, file: string): FuturesCurve {
  const raw = parseJsonText(text, file, "CURVE_INVALID");
  const isObject = raw !== null && typeof raw === "object" && !Array.isArray(raw);
  // Validate against the one branch the document is trying to be, so the message names its own key paths.
  const result = isObject ? jsonCurveSchema.options[1].safeParse(raw) : jsonCurveSchema.options[0].safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = formatPath(issue.path);
    const value = valueAt(raw, issue.path);
    throw new HedgeError("CURVE_INVALID", `curve is not valid: ${path}: ${issue.message}`, {
      file,
      path,
      ...(value !== undefined ? { value } : {}),
      expected: issue.message,
    });
  }
  const data = result.data;
  const list = Array.isArray(data) ? data : data.points;
  const prefix = Array.isArray(data) ? "" : "points";
  const sources = list.map((_, i) => `${prefix}[${i}]`);
  if (list.length === 0)
    throw new HedgeError("INPUT_EMPTY", "the curve has no delivery months", {
      file,
      path: prefix || "(root)",
      expected: "one point per delivery month",
    });
  const seen = new Map<string, number>();
  list.forEach((p, i) => {
    const before = seen.get(p.month);
    if (before !== undefined) {
      throw new HedgeError(
        "CURVE_INVALID",
        `delivery month ${p.month} appears twice (${sources[before]} and ${sources[i]})`,
        {
          file,
          path: `${sources[i]}.month`,
          value: p.month,
          expected: "each delivery month once",
        },
      );
    }
    const last = list[i - 1];
    if (last && monthIndex(p.month) < monthIndex(last.month)) {
      throw new HedgeError("CURVE_INVALID", `delivery months are not in order: ${p.month} after ${last.month}`, {
        file,
        path: `${sources[i]}.month`,
        value: p.month,
        expected: `a month after ${last.month}`,
        hint: "sort the curve by delivery month",
      });
    }
    seen.set(p.month, i);
  });
  return {
    file,
    points: list.map((p) => ({ month: p.month, price: p.price })),
    sources,
    lines: list.map(() => undefined),
    ...(!Array.isArray(data) && data.quoteUnit !== undefined ? { quoteUnit: data.quoteUnit } : {}),
    ...(!Array.isArray(data) && data.name !== undefined ? { name: data.name } : {}),
  };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): string | undefined {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v === undefined ? undefined : JSON.stringify(v);
}
