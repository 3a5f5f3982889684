/** zod issues → one readable HedgeError naming the key path, the value and what was expected (every schema of the core uses it). */
import type { ZodError } from "zod";
import { HedgeError, type ErrorCode } from "../errors.js";

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(root)" : out;
}

/**
 * The issues as one error; given the document that was checked (`input`), the value found at the first issue's
 * path is named too (`(missing)` when there is none), shortened to 80 characters.
 */
export function zodToHedgeError(
  code: ErrorCode,
  what: string,
  file: string,
  error: ZodError,
  input?: unknown,
): HedgeError {
  const lines = error.issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`);
  const first = error.issues[0];
  return new HedgeError(code, `${what} is not valid:\n${lines.join("\n")}`, {
    file,
    ...(first ? { path: formatPath(first.path), expected: first.message } : {}),
    ...(first && input !== undefined ? { value: valueText(valueAt(input, first.path)) } : {}),
  });
}

/** The value at a key path of a parsed document; undefined when the path leads nowhere. */
export function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = doc;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function valueText(v: unknown): string {
  if (v === undefined) return "(missing)";
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** JSON.parse with an error that names the file and the position. */
export function parseJsonText(text: string, file: string, code: ErrorCode): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HedgeError(code, `not valid JSON: ${(err as Error).message}`, { file, expected: "a JSON document" });
  }
}
