/**
 * The company's price file (`--prices FILE`): what the company pays per million tokens, by provider, model and
 * token kind, from a date on. List-price cuts and committed-use discounts are simply later dated rows; the row in
 * force for a month is the latest one whose `effectiveFrom` is on or before the month's first day.
 *
 * CSV: a header naming `provider,model,kind,usdPerMtok,effectiveFrom` (any order; `*` in provider, model or kind
 * matches every value). YAML: a list (or `prices:` list) of mappings with the same keys. Every bad value is a
 * HedgeError with file and line.
 */
import { parseDocument, LineCounter, isMap, isSeq, type Node } from "yaml";
import { HedgeError } from "../errors.js";
import { readCsvRows } from "../csv/read-rows.js";
import { parseDecimal } from "../money/decimal.js";

export interface PriceRow {
  provider: string;
  model: string;
  kind: string;
  usdPerMtok: number;
  /** YYYY-MM-DD. */
  effectiveFrom: string;
  /** Line in the file, for messages. */
  line: number;
}

export interface PriceTable {
  file: string;
  rows: PriceRow[];
}

const FIELDS = ["provider", "model", "kind", "usdPerMtok", "effectiveFrom"] as const;
type Field = (typeof FIELDS)[number];
const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function fieldValue(raw: Record<Field, string>, file: string, line: number): PriceRow {
  const price = parseDecimal(raw.usdPerMtok)?.toNumber();
  if (price === undefined || price < 0) {
    throw new HedgeError("INPUT_NUMBER_PARSE", `cannot read usdPerMtok "${raw.usdPerMtok}"`, {
      file,
      line,
      field: "usdPerMtok",
      value: raw.usdPerMtok,
      expected: "a price in USD per million tokens, e.g. 2.40",
      hint: "fix the row or leave --prices out to use the usage file's own cost",
    });
  }
  const date = raw.effectiveFrom.trim();
  if (!DATE_RE.test(date)) {
    throw new HedgeError("INPUT_DATE_PARSE", `cannot read effectiveFrom "${date}"`, {
      file,
      line,
      field: "effectiveFrom",
      value: date,
      expected: "a date YYYY-MM-DD",
      hint: "e.g. 2026-01-01",
    });
  }
  for (const key of ["provider", "model", "kind"] as const) {
    if (raw[key].trim() === "") {
      throw new HedgeError("INPUT_INVALID", `empty ${key}`, {
        file,
        line,
        field: key,
        value: "",
        expected: `a ${key} name, or * for every ${key}`,
        hint: "see docs/company-cost.md",
      });
    }
  }
  return {
    provider: raw.provider.trim(),
    model: raw.model.trim(),
    kind: raw.kind.trim(),
    usdPerMtok: price,
    effectiveFrom: date,
    line,
  };
}

function parseCsv(text: string, file: string): PriceRow[] {
  const rows = readCsvRows(text, file);
  const header = rows[0]?.record.map((h) => h.trim().toLowerCase());
  if (!header)
    throw new HedgeError("INPUT_EMPTY", "the price file is empty", { file, expected: `a header ${FIELDS.join(",")}` });
  const cols = {} as Record<Field, number>;
  for (const f of FIELDS) {
    const i = header.indexOf(f.toLowerCase());
    if (i < 0) {
      throw new HedgeError("INPUT_MISSING_COLUMN", `no ${f} column in the price file header`, {
        file,
        line: 1,
        value: header.join(","),
        expected: `the columns ${FIELDS.join(",")}`,
        hint: "see docs/company-cost.md for the format",
      });
    }
    cols[f] = i;
  }
  return rows.slice(1).map(({ record, info }) => {
    const raw = Object.fromEntries(FIELDS.map((f) => [f, record[cols[f]] ?? ""])) as Record<Field, string>;
    return fieldValue(raw, file, info.lines);
  });
}

function parseYaml(text: string, file: string): PriceRow[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new HedgeError("INPUT_INVALID", `the price file is not valid YAML: ${e.message.split("\n")[0]}`, {
      file,
      line: e.linePos?.[0]?.line ?? 1,
      expected: "a YAML list of prices",
    });
  }
  let list: unknown = doc.contents;
  if (isMap(list)) list = list.get("prices", true);
  if (!isSeq(list))
    throw new HedgeError("INPUT_INVALID", "the price file holds no list of prices", {
      file,
      line: 1,
      expected: "a list, or prices: followed by a list",
    });
  return list.items.map((item) => {
    const node = item as Node;
    const line = node.range ? lineCounter.linePos(node.range[0]).line : 1;
    if (!isMap(node))
      throw new HedgeError("INPUT_INVALID", "a price entry is not a mapping", {
        file,
        line,
        expected: `keys ${FIELDS.join(", ")}`,
      });
    const raw = {} as Record<Field, string>;
    for (const f of FIELDS) {
      const v: unknown = node.get(f);
      if (v === undefined || v === null)
        throw new HedgeError("INPUT_INVALID", `price entry without ${f}`, {
          file,
          line,
          field: f,
          expected: `keys ${FIELDS.join(", ")}`,
          hint: "see docs/company-cost.md",
        });
      raw[f] = String(v);
    }
    return fieldValue(raw, file, line);
  });
}

/** Reads a price file; YAML when the name ends in .yaml/.yml, else CSV. */
export function parsePriceFile(text: string, file: string): PriceTable {
  const rows = /\.ya?ml$/i.test(file) ? parseYaml(text, file) : parseCsv(text, file);
  if (rows.length === 0)
    throw new HedgeError("INPUT_EMPTY", "the price file has no prices", { file, expected: "at least one price row" });
  return { file, rows };
}

const matches = (pattern: string, value: string): boolean =>
  pattern === "*" || pattern.toLowerCase() === value.toLowerCase();

/** The price in force for a model and kind in a month (YYYY-MM): the latest matching row effective by the month's first day. */
export function priceFor(
  table: PriceTable,
  provider: string,
  model: string,
  kind: string,
  month: string,
): PriceRow | undefined {
  const day = `${month}-01`;
  let best: PriceRow | undefined;
  for (const r of table.rows) {
    if (r.effectiveFrom > day || !matches(r.provider, provider) || !matches(r.model, model) || !matches(r.kind, kind))
      continue;
    // Later date wins; on the same date the more specific row (fewer wildcards) wins.
    if (
      !best ||
      r.effectiveFrom > best.effectiveFrom ||
      (r.effectiveFrom === best.effectiveFrom && wildcards(r) < wildcards(best))
    )
      best = r;
  }
  return best;
}

const wildcards = (r: PriceRow): number => [r.provider, r.model, r.kind].filter((x) => x === "*").length;
