/**
 * The bounded reader for every small input (config, curve, contract, policy, histories, mappings):
 * read whole, within a size limit, and refused unless it is a regular UTF-8 text file that did not
 * change while it was read and (for JSON and YAML) does not nest too deeply.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { resolve } from "node:path";
import { HedgeError } from "../../errors.js";
import { binaryKind, excessiveNesting, lineColumn, MAX_NESTING, textProblem } from "../../csv/text-checks.js";
import { binaryError, checkRegularInput, readError } from "./guards.js";
import { registerInput } from "./run-inputs.js";

/** The largest small input read whole (a curve, spec, policy, config or history is kilobytes). */
export const SMALL_INPUT_LIMIT = 32 * 1024 * 1024;

/** A small input as text: at most `limit` bytes, UTF-8, no NUL, not a compressed or binary file. */
export function readTextFile(path: string, cwd: string, limit = SMALL_INPUT_LIMIT): string {
  const full = resolve(cwd, path);
  const size = checkRegularInput(path, full);
  registerInput(full);
  if (size > limit) {
    throw new HedgeError(
      "INPUT_INVALID",
      `${path} is ${size} bytes, more than the ${limit}-byte limit for this kind of input`,
      {
        file: path,
        expected: `at most ${limit} bytes`,
        hint: "is this the right file? curves, contract specs, policies, configs and histories are small text files",
      },
    );
  }
  let fd: number;
  try {
    fd = openSync(full, "r");
  } catch (err) {
    throw readError(path, full, err);
  }
  let bytes: Buffer;
  try {
    // One byte more than the size stat gave: a file that grows while it is read is caught too.
    const buf = Buffer.allocUnsafe(size + 1);
    let at = 0;
    for (;;) {
      const n = readSync(fd, buf, at, buf.length - at, null);
      if (n === 0) break;
      at += n;
      if (at === buf.length) break;
    }
    if (at !== size || fstatSync(fd).size !== size) {
      throw new HedgeError(
        "INPUT_INVALID",
        `${path} changed while it was read (${size} bytes when opened, ${at === buf.length ? "more" : at} bytes read)`,
        {
          file: path,
          hint: "wait until whatever writes the file has finished, then run again",
        },
      );
    }
    bytes = buf.subarray(0, at);
  } catch (err) {
    throw readError(path, full, err);
  } finally {
    closeSync(fd);
  }
  const kind = binaryKind(bytes);
  if (kind) throw binaryError(path, kind, "text file");
  const problem = textProblem(bytes);
  if (problem)
    throw new HedgeError("INPUT_INVALID", problem.message, {
      file: path,
      line: problem.line,
      column: problem.column,
      expected: "UTF-8 text without NUL bytes",
      hint: problem.hint,
    });
  const text = bytes.toString("utf8");
  if (/\.(json|ya?ml)$/i.test(path) || /^\uFEFF?\s*[[{]/.test(text)) {
    const at = excessiveNesting(text);
    if (at >= 0) {
      const pos = lineColumn(bytes, Buffer.byteLength(text.slice(0, at), "utf8"));
      throw new HedgeError("INPUT_INVALID", `nests lists or objects more than ${MAX_NESTING} levels deep`, {
        file: path,
        ...pos,
        expected: `at most ${MAX_NESTING} levels of [ ] and { }`,
        hint: "this is not a tokenhedge input file: curves, specs, policies and configs nest a few levels",
      });
    }
  }
  return text;
}
