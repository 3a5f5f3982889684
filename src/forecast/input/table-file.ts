/**
 * A small table given as CSV (a header row, one row per record) or as YAML (a list of mappings, optionally under
 * one top-level key): the shared reader of the events file and the volume-plan file. Every cell keeps its line
 * and column so that errors can name file:line:column.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { readCsvRows } from "../../csv/read-rows.js";
import { HedgeError } from "../../errors.js";

export interface Cell {
  raw: string;
  line: number;
  column: number;
}

export interface TableRow {
  /** 1-based line of the row (CSV) or of the list item (YAML). */
  line: number;
  get(field: string): Cell | undefined;
}

/** YAML when the file is named .yaml/.yml, or its first non-comment line is a YAML list item or mapping key. */
export function looksLikeYaml(text: string, file: string): boolean {
  if (/\.ya?ml$/i.test(file)) return true;
  if (/\.csv$/i.test(file)) return false;
  const first = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .find((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  return first !== undefined && (/^\s*-\s/.test(first) || /^[A-Za-z_]+:\s*$/.test(first.trim()));
}

export function readTable(
  text: string,
  file: string,
  opts: { fields: readonly string[]; required: readonly string[]; listKeys: readonly string[]; what: string },
): TableRow[] {
  return looksLikeYaml(text, file) ? yamlTable(text, file, opts) : csvTable(text, file, opts);
}

function csvTable(
  text: string,
  file: string,
  opts: { fields: readonly string[]; required: readonly string[]; what: string },
): TableRow[] {
  const rows = readCsvRows(text, file);
  const head = rows[0];
  if (!head)
    throw new HedgeError("INPUT_EMPTY", `the ${opts.what} file is empty`, {
      file,
      expected: `a header ${opts.fields.join(",")}`,
    });
  const header = head.record.map((h) => h.trim().toLowerCase());
  header.forEach((h, i) => {
    if (!opts.fields.includes(h)) {
      throw new HedgeError("INPUT_INVALID", `unknown column "${head.record[i]}" in the ${opts.what} file`, {
        file,
        line: head.info.lines,
        column: i + 1,
        value: head.record[i] ?? "",
        expected: `columns ${opts.fields.join(", ")}`,
      });
    }
  });
  for (const f of opts.required) {
    if (!header.includes(f)) {
      throw new HedgeError("INPUT_MISSING_COLUMN", `the ${opts.what} file has no ${f} column`, {
        file,
        line: head.info.lines,
        value: head.record.join(","),
        expected: `a header with ${opts.required.join(", ")} (optional: ${opts.fields.filter((x) => !opts.required.includes(x)).join(", ")})`,
      });
    }
  }
  return rows.slice(1).map(({ record, info }) => ({
    line: info.lines,
    get: (field: string) => {
      const i = header.indexOf(field);
      if (i < 0) return undefined;
      const raw = (record[i] ?? "").trim();
      return raw === "" ? undefined : { raw, line: info.lines, column: i + 1 };
    },
  }));
}

function yamlTable(
  text: string,
  file: string,
  opts: { fields: readonly string[]; required: readonly string[]; listKeys: readonly string[]; what: string },
): TableRow[] {
  const lines = new LineCounter();
  // YAML 1.2 core schema, no custom tags.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = lines.linePos(err.pos[0]);
    throw new HedgeError("INPUT_INVALID", `not valid YAML: ${err.message.split("\n")[0]}`, {
      file,
      line: pos.line,
      column: pos.col,
      expected: `a YAML list of ${opts.what} entries`,
    });
  }
  const root = doc.contents;
  const key = isMap(root) ? opts.listKeys.find((k) => root.has(k)) : undefined;
  const list = key !== undefined ? doc.get(key, true) : root;
  if (!isSeq(list)) {
    throw new HedgeError("INPUT_INVALID", `the ${opts.what} file must be a list`, {
      file,
      line: 1,
      expected: `a YAML list of { ${opts.fields.join(", ")} }${opts.listKeys.length > 0 ? ` (or under ${opts.listKeys[0]}:)` : ""}`,
    });
  }
  const at = (node: unknown) => {
    const range = isNode(node) ? node.range : undefined;
    const pos = range ? lines.linePos(range[0]) : { line: 1, col: 1 };
    return { line: pos.line, column: pos.col };
  };
  return list.items.map((item) => {
    const where = at(item);
    if (!isMap(item)) {
      throw new HedgeError("INPUT_INVALID", `a ${opts.what} entry is not a mapping`, {
        file,
        ...where,
        expected: `a mapping of ${opts.fields.join(", ")}`,
      });
    }
    for (const pair of item.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!opts.fields.includes(name.toLowerCase())) {
        throw new HedgeError("INPUT_INVALID", `unknown key "${name}" in the ${opts.what} file`, {
          file,
          ...at(pair.key),
          value: name,
          expected: `one of ${opts.fields.join(", ")}`,
        });
      }
    }
    for (const f of opts.required) {
      if (!item.has(f))
        throw new HedgeError("INPUT_MISSING_COLUMN", `a ${opts.what} entry has no ${f}`, {
          file,
          ...where,
          expected: `${opts.required.join(", ")} in every entry`,
        });
    }
    return {
      line: where.line,
      get: (field: string) => {
        const node = item.get(field, true);
        if (node === undefined || node === null) return undefined;
        const value: unknown = isScalar(node) ? node.value : node;
        if (value === null || value === undefined || String(value).trim() === "") return undefined;
        return { raw: String(value).trim(), ...at(node) };
      },
    };
  });
}
