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

export function zodToHedgeError(code: ErrorCode, what: string, file: string, error: ZodError): HedgeError {
  const lines = error.issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`);
  const first = error.issues[0];
  return new HedgeError(code, `${what} is not valid:\n${lines.join("\n")}`, {
    file,
    ...(first ? { path: formatPath(first.path), expected: first.message } : {}),
  });
}

/** JSON.parse with an error that names the file and the position. */
export function parseJsonText(text: string, file: string, code: ErrorCode): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HedgeError(code, `not valid JSON: ${(err as Error).message}`, { file, expected: "a JSON document" });
  }
}
