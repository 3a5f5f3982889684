/**
 * Atomic writes: a whole file, or a whole directory of files, or nothing, through a temporary file
 * or directory beside the target renamed into place; temporaries left by killed runs are removed;
 * never over an input of the run. The guarantees are listed in docs/reliability.md.
 */
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  type Stats,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { HedgeError } from "../../errors.js";
import { kindOf } from "./guards.js";
import { guardInputs, writeTarget } from "./run-inputs.js";

/** Temporary files are `.th-PID-RANDOM.tmp` (at most 28 bytes, so any name that fits fits its temp). */
const TEMP_RE = /^\.th-([0-9a-z]+)-[0-9a-f]{8}\.tmp(\.d)?$/;

function tempName(dir: string, suffix = ""): string {
  return join(dir, `.th-${process.pid.toString(36)}-${randomBytes(4).toString("hex")}.tmp${suffix}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Remove temp files left in `dir` by killed runs (their process is gone). Best effort. */
export function cleanStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m) continue;
    const pid = parseInt(m[1]!, 36);
    if (pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
  }
}

const IO_FAILURES = new Set(["ENOSPC", "EDQUOT", "EIO", "EROFS", "EFBIG", "ENOMEM"]);

/**
 * The system's reason without the path it names: Node ends it with the call and the path (`…, open '/x/.th-1.tmp'`),
 * which for an atomic write is the temporary file's, a name the user never gave.
 */
function systemReason(err: unknown): string {
  return (err as Error).message.replace(/, [a-z]+ '[^']*'(?: -> '[^']*')?$/, "");
}

/**
 * Disk full, I/O or read-only failures are exit 4; a path the user chose badly is exit 2. The message does not repeat
 * the path: the error printer puts it first (`out/plan.json: cannot write it (…)`).
 */
export function writeError(path: string, err: unknown): HedgeError {
  if (err instanceof HedgeError) return err;
  const code = (err as NodeJS.ErrnoException).code ?? "";
  const message =
    code === "ENOENT"
      ? `cannot write it: the directory ${dirname(path)} does not exist`
      : `cannot write it (${systemReason(err)})`;
  if (IO_FAILURES.has(code))
    return new HedgeError("IO_ERROR", message, {
      file: path,
      hint:
        code === "EDQUOT" || code === "ENOSPC"
          ? "free some disk space and run again; nothing was written"
          : "nothing was written",
    });
  return new HedgeError("USAGE", message, {
    file: path,
    hint:
      code === "ENAMETOOLONG"
        ? "use a shorter file name"
        : code === "ENOENT"
          ? "create the directory first"
          : "choose a path you can write to",
  });
}

/** Write all of `content` to `fd`, then flush it to the disk. */
function writeAll(fd: number, content: string | Uint8Array): void {
  const buf = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  let at = 0;
  while (at < buf.length) at += writeSync(fd, buf, at, buf.length - at);
  fsyncSync(fd);
}

/** Write `content` to a new file `tmp` with `mode` (exactly: the umask does not apply to a kept mode). */
function writeNew(tmp: string, content: string | Uint8Array, mode: number | undefined): void {
  const fd = openSync(tmp, "wx", mode ?? 0o666);
  try {
    writeAll(fd, content);
    if (mode !== undefined) chmodSync(tmp, mode);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write a whole file or nothing: a short-named temporary file beside the target, flushed, then
 * renamed over the target (atomic on one file system), keeping the replaced file's mode. A symlink
 * is followed to its target; a device or FIFO is written to directly, never replaced; any of
 * `protectedInputs` (resolved through symlinks) is refused.
 */
export function writeFileAtomic(
  path: string,
  content: string,
  cwd: string,
  protectedInputs: readonly string[] = [],
): void {
  const target = writeTarget(resolve(cwd, path));
  guardInputs(path, target, cwd, protectedInputs);
  let st: Stats | undefined;
  try {
    st = statSync(target);
  } catch {
    st = undefined;
  }
  if (st?.isDirectory())
    throw new HedgeError("USAGE", "cannot write it: it is a directory", { file: path, hint: "give a file name" });
  if (st && kindOf(st) !== undefined) {
    try {
      writeFileSync(target, content, "utf8");
    } catch (err) {
      throw writeError(path, err);
    }
    return;
  }
  const dir = dirname(target);
  cleanStaleTemps(dir);
  const tmp = tempName(dir);
  try {
    writeNew(tmp, content, st ? st.mode & 0o7777 : undefined);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw writeError(path, err);
  }
}

/**
 * Write a directory of files (names may contain one level of sub-directory, `charts/x.svg`) so it
 * appears complete or not at all. A new directory is built under a temporary name beside it and
 * renamed into place in one step. An existing directory (which may hold other files) gets every
 * file written and flushed into a temporary directory inside it first, then renamed into place:
 * a full disk or a failed write changes nothing, and only the renames (no data) remain to be done.
 */
export function writeDirectoryAtomic(
  dir: string,
  files: Readonly<Record<string, string | Uint8Array>>,
  cwd: string,
  protectedInputs: readonly string[] = [],
): void {
  const full = writeTarget(resolve(cwd, dir));
  const names = Object.keys(files).sort();
  for (const name of names)
    guardInputs(join(dir, name), writeTarget(join(full, name)), cwd, protectedInputs, "choose another --out directory");
  let st: Stats | undefined;
  try {
    st = statSync(full);
  } catch {
    st = undefined;
  }
  if (st && !st.isDirectory())
    throw new HedgeError("USAGE", "--out names a file, not a directory", {
      file: dir,
      hint: "give a directory; it is created if missing",
    });
  const parent = st ? full : dirname(full);
  cleanStaleTemps(parent);
  const tmp = tempName(parent, ".d");
  try {
    for (const name of names) {
      mkdirSync(dirname(join(tmp, name)), { recursive: true });
      writeNew(join(tmp, name), files[name]!, undefined);
    }
    if (!st) {
      renameSync(tmp, full);
      return;
    }
    for (const name of names) {
      const dest = join(full, name);
      mkdirSync(dirname(dest), { recursive: true });
      let mode: number | undefined;
      try {
        const old = statSync(dest);
        if (old.isFile()) mode = old.mode & 0o7777;
      } catch {
        mode = undefined;
      }
      if (mode !== undefined) chmodSync(join(tmp, name), mode);
      renameSync(join(tmp, name), dest);
    }
    rmSync(tmp, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw writeError(dir, err);
  }
}
