/** File access for commands: read inputs with clear errors, write outputs atomically. */
import { readFileSync, writeFileSync, renameSync, rmSync, realpathSync, existsSync, statSync } from "node:fs";
import { dirname, basename, join, resolve } from "node:path";
import { HedgeError } from "../errors.js";

export function readTextFile(path: string, cwd: string): string {
  const full = resolve(cwd, path);
  try {
    if (statSync(full).isDirectory()) {
      throw new HedgeError("INPUT_NOT_FOUND", `${path} is a directory, not a file`, { file: path, expected: "a file" });
    }
    return readFileSync(full, "utf8");
  } catch (err) {
    if (err instanceof HedgeError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new HedgeError("INPUT_NOT_FOUND", code === "ENOENT" ? `no such file: ${path}` : `cannot read ${path}: ${(err as Error).message}`, {
      file: path,
      expected: "a readable file",
      hint: code === "ENOENT" ? `looked in ${dirname(full)}` : undefined,
    });
  }
}

/**
 * Write a whole file or nothing: write a temporary file beside the target, then rename it over the
 * target (rename is atomic on one filesystem), so a killed run never leaves half a report.
 * Refuses to overwrite any of `protectedInputs` (inputs are never modified).
 */
export function writeFileAtomic(path: string, content: string, cwd: string, protectedInputs: string[] = []): void {
  const full = resolve(cwd, path);
  const target = existsSync(full) ? realpathSync(full) : full;
  for (const input of protectedInputs) {
    const inFull = resolve(cwd, input);
    if (existsSync(inFull) && realpathSync(inFull) === target) {
      throw new HedgeError("USAGE", `refusing to write over the input file ${input}`, { file: path, hint: "choose another output path" });
    }
  }
  const tmp = join(dirname(full), `.${basename(full)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content, "utf8");
    renameSync(tmp, full);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new HedgeError("USAGE", `cannot write ${path}: ${(err as Error).message}`, { file: path });
  }
}
